import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './dates';

describe('formatDate in Persian (Solar Hijri, Persian digits)', () => {
  it.each([
    ['2019-11-15', '۲۴ آبان ۱۳۹۸'],
    ['2019-11-16', '۲۵ آبان ۱۳۹۸'],
    ['2019-03-21', '۱ فروردین ۱۳۹۸'], // Nowruz 1398
    ['2020-03-19', '۲۹ اسفند ۱۳۹۸'], // last day of 1398
    ['2020-03-20', '۱ فروردین ۱۳۹۹'], // Nowruz 1399
    ['2022-09-16', '۲۵ شهریور ۱۴۰۱'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDate(iso, 'fa')).toBe(expected);
  });

  it('formats month and year precision', () => {
    expect(formatDate('2019-11-15', 'fa', { precision: 'month' })).toBe('آبان ۱۳۹۸');
    expect(formatDate('2019-11-15', 'fa', { precision: 'year' })).toBe('۱۳۹۸');
  });

  it('accepts a Date', () => {
    expect(formatDate(new Date(Date.UTC(2019, 10, 15)), 'fa')).toBe('۲۴ آبان ۱۳۹۸');
  });
});

describe('formatDate in English (Gregorian)', () => {
  it('formats exact, month and year precision', () => {
    expect(formatDate('2019-11-15', 'en')).toBe('November 15, 2019');
    expect(formatDate('2019-11-15', 'en', { precision: 'month' })).toBe('November 2019');
    expect(formatDate('2019-11-15', 'en', { precision: 'year' })).toBe('2019');
  });
});

describe('formatDate is time-zone safe', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['America/Los_Angeles', 'Asia/Tehran', 'Pacific/Kiritimati'])(
    'an ISO date keeps its calendar day when the process runs in %s',
    (tz) => {
      process.env.TZ = tz;
      expect(formatDate('2019-11-15', 'fa')).toBe('۲۴ آبان ۱۳۹۸');
      expect(formatDate('2019-11-15', 'en')).toBe('November 15, 2019');
    },
  );
});

describe('formatDate rejects bad input', () => {
  it.each(['2019-02-30', '15/11/2019', '2019-11-15T00:00:00Z', ''])('%j', (value) => {
    expect(() => formatDate(value, 'en')).toThrow(RangeError);
  });

  it('rejects an invalid Date', () => {
    expect(() => formatDate(new Date('nonsense'), 'fa')).toThrow(RangeError);
  });
});

describe('formatNumber', () => {
  it('uses Persian digits and separators for fa', () => {
    expect(formatNumber(1500, 'fa')).toBe('۱٬۵۰۰');
    expect(formatNumber(0, 'fa')).toBe('۰');
  });

  it('uses Latin digits for en', () => {
    expect(formatNumber(1500, 'en')).toBe('1,500');
  });
});
