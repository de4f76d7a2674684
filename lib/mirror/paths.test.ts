import { describe, expect, it } from 'vitest';
import { browseFile, bucketSegment, personFile, rel } from './paths';

describe('mirror paths', () => {
  const person = { id: 'AB12cdef-0000-4000-8000-000000000001', slug: 'reza-gholipour-1' };

  it('shards person pages by the id and keeps the permanent segment', () => {
    expect(personFile('fa', person)).toBe('fa/p/ab/reza-gholipour-1-ab12cdef-0000-4000-8000-000000000001.html');
  });

  it('links relatively between any two files', () => {
    expect(rel('fa/index.html', personFile('fa', person))).toBe('p/ab/reza-gholipour-1-ab12cdef-0000-4000-8000-000000000001.html');
    expect(rel(personFile('en', person), 'assets/site.css')).toBe('../../../assets/site.css');
    expect(rel('fa/index.html', 'en/index.html')).toBe('../en/index.html');
    expect(rel('fa/about.html', 'fa/about.html')).toBe('about.html');
  });

  it('names buckets of any script with safe ASCII', () => {
    expect(bucketSegment('م')).toBe('u645');
    expect(bucketSegment('2019-11')).toBe('2019-11');
    expect(browseFile('fa', 'name-fa', 'م', 2)).toBe('fa/browse/name-fa/u645/2.html');
  });
});
