import { describe, expect, it } from 'vitest';
import { ageGroupOf, coreDaysOf, daysBetween } from './groups';

describe('age groups', () => {
  it.each([
    [0, '0-17'],
    [15, '0-17'],
    [17, '0-17'],
    [18, '18-29'],
    [29, '18-29'],
    [30, '30-44'],
    [44, '30-44'],
    [45, '45-59'],
    [59, '45-59'],
    [60, '60+'],
    [97, '60+'],
  ] as const)('age %i is in %s', (age, group) => {
    expect(ageGroupOf(age)).toBe(group);
  });

  it('puts unknown or impossible ages in "unknown"', () => {
    expect(ageGroupOf(null)).toBe('unknown');
    expect(ageGroupOf(undefined)).toBe('unknown');
    expect(ageGroupOf(-1)).toBe('unknown');
    expect(ageGroupOf(Number.NaN)).toBe('unknown');
  });
});

describe('daysBetween', () => {
  it('lists every day, across a month end', () => {
    expect(daysBetween('2019-11-29', '2019-12-02')).toEqual(['2019-11-29', '2019-11-30', '2019-12-01', '2019-12-02']);
  });
});

describe('coreDaysOf', () => {
  it("shows a collection's first five days", () => {
    expect(coreDaysOf({ startsOn: '2019-11-15', endsOn: '2019-11-30' })).toEqual(['2019-11-15', '2019-11-16', '2019-11-17', '2019-11-18', '2019-11-19']);
  });
  it('stops at the end of a short collection, and has none without a start', () => {
    expect(coreDaysOf({ startsOn: '2022-12-30', endsOn: '2022-12-31' })).toEqual(['2022-12-30', '2022-12-31']);
    expect(coreDaysOf({ startsOn: null, endsOn: '2022-12-31' })).toEqual([]);
  });
});
