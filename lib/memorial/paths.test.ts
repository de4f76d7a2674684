import { describe, expect, it } from 'vitest';
import { latinSlug, personIdFromSegment, personPath } from './paths';

const id = '1a2b3c4d-0000-4000-8000-00000000abcd';

describe('person paths', () => {
  it('are a Latin slug plus the id, and the id is read back from any slug', () => {
    expect(personPath('en', { id, slug: 'demo-reza-example' })).toBe(`/en/persons/demo-reza-example-${id}`);
    expect(personIdFromSegment(`demo-reza-example-${id}`)).toBe(id);
    expect(personIdFromSegment(`wrong-slug-${id.toUpperCase()}`)).toBe(id);
    expect(personIdFromSegment(id)).toBe(id);
    expect(personIdFromSegment('demo-reza-example')).toBeNull();
  });
  it('slugs are ASCII only', () => {
    expect(latinSlug('Pâyâm Ghâsemi (demo)')).toBe('payam-ghasemi-demo');
    expect(latinSlug('رضا')).toBe('person');
  });
});
