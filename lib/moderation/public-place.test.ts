import { describe, expect, it } from 'vitest';
import { publicCityOf } from './public-place';

describe('the city a published testimony shows without consent to the exact place', () => {
  it('is the first public person\'s by id (drafts are published with it), never a hidden or merged one\'s', () => {
    const persons = [
      { id: 'b0000000-0000-4000-8000-000000000000', status: 'published', city: 'Shiraz' },
      { id: 'a0000000-0000-4000-8000-000000000000', status: 'hidden', city: 'Hidden town' },
      { id: 'a1000000-0000-4000-8000-000000000000', status: 'published', city: 'Merged town', mergedIntoId: 'b0000000-0000-4000-8000-000000000000' },
      { id: 'a2000000-0000-4000-8000-000000000000', status: 'draft', city: 'Ahvaz' },
    ];
    expect(publicCityOf(persons)).toBe('Ahvaz');
    expect(publicCityOf(persons.filter((p) => p.status !== 'draft'))).toBe('Shiraz');
    expect(publicCityOf(persons.filter((p) => p.status === 'hidden'))).toBeNull();
    expect(publicCityOf([])).toBeNull();
  });
});
