import { afterEach, describe, expect, it } from 'vitest';
import { type CalendarName, formatDate, formatDateTime, formatNumber, formatStoredDate, spanOf, type StoredPrecision } from './dates';
import type { Locale } from './routing';

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

describe('formatStoredDate: each precision in both calendars, as precise as the family was', () => {
  // 1 Aban 1398 = 2019-10-23 (a month typed in Solar Hijri); 2019-11-01 (November, typed in Gregorian).
  it.each<[string, StoredPrecision, Locale, CalendarName, string]>([
    ['2019-11-16', 'exact', 'fa', 'persian', '۲۵ آبان ۱۳۹۸'],
    ['2019-11-16', 'exact', 'fa', 'gregorian', '۱۶ نوامبر ۲۰۱۹'],
    ['2019-11-16', 'exact', 'en', 'gregorian', 'November 16, 2019'],
    ['2019-11-16', 'exact', 'en', 'persian', 'Aban 25, 1398'],
    // An approximate date keeps the day the family gave; the caller says «حدود».
    ['2019-11-16', 'approximate', 'fa', 'persian', '۲۵ آبان ۱۳۹۸'],
    ['2019-11-16', 'approximate', 'fa', 'gregorian', '۱۶ نوامبر ۲۰۱۹'],
    // A Solar Hijri month: the Gregorian side names both months it touches.
    ['2019-10-23', 'month', 'fa', 'persian', 'آبان ۱۳۹۸'],
    ['2019-10-23', 'month', 'fa', 'gregorian', 'اکتبر–نوامبر ۲۰۱۹'],
    ['2019-10-23', 'month', 'en', 'gregorian', 'October–November 2019'],
    ['2019-10-23', 'month', 'en', 'persian', 'Aban 1398'],
    // Dey 1398 crosses the Gregorian new year.
    ['2019-12-22', 'month', 'fa', 'gregorian', 'دسامبر ۲۰۱۹–ژانویهٔ ۲۰۲۰'],
    // A Gregorian month: the Persian side names both Solar Hijri months.
    ['2019-11-01', 'month', 'fa', 'persian', 'آبان–آذر ۱۳۹۸'],
    ['2019-11-01', 'month', 'fa', 'gregorian', 'نوامبر ۲۰۱۹'],
    ['2019-11-01', 'month', 'en', 'gregorian', 'November 2019'],
    ['2019-03-01', 'month', 'fa', 'persian', 'اسفند ۱۳۹۷–فروردین ۱۳۹۸'],
    // Years: 1 Farvardin 1398 is 2019-03-21.
    ['2019-03-21', 'year', 'fa', 'persian', '۱۳۹۸'],
    ['2019-03-21', 'year', 'fa', 'gregorian', '۲۰۱۹–۲۰۲۰'],
    ['2019-01-01', 'year', 'en', 'gregorian', '2019'],
    ['2019-01-01', 'year', 'en', 'persian', '1397–1398'],
  ])('%s (%s) in %s, %s calendar → %s', (iso, precision, locale, calendar, expected) => {
    expect(formatStoredDate(iso, precision, locale, calendar)).toBe(expected);
  });

  it('knows a month by the calendar it was typed in', () => {
    expect(spanOf('2019-10-23', 'month')).toEqual({ from: '2019-10-23', to: '2019-11-21' });
    expect(spanOf('2019-11-01', 'month')).toEqual({ from: '2019-11-01', to: '2019-11-30' });
    expect(spanOf('2020-02-20', 'month')).toEqual({ from: '2020-02-20', to: '2020-03-19' }); // Esfand 1398 (leap)
  });
});

describe('formatDateTime', () => {
  it('says «به وقت جهانی» in Persian, never a Latin UTC', () => {
    const text = formatDateTime(new Date(Date.UTC(2019, 10, 16, 14, 5)), 'fa');
    expect(text).toContain('۱۴:۰۵');
    expect(text.endsWith('به وقت جهانی')).toBe(true);
    expect(text).not.toMatch(/[A-Za-z0-9]/);
    expect(formatDateTime(new Date(Date.UTC(2019, 10, 16, 14, 5)), 'en')).toMatch(/14:05 UTC$/);
  });
});

describe('formatStoredDate: early, middle and late in a month («اوایل/اواسط/اواخر»)', () => {
  it.each<[string, StoredPrecision, Locale, CalendarName, string]>([
    ['2019-10-23', 'late', 'fa', 'persian', 'اواخر آبان ۱۳۹۸'],
    ['2019-10-23', 'late', 'fa', 'gregorian', 'نوامبر ۲۰۱۹'], // 21–30 Aban: 12–21 November
    ['2019-10-23', 'early', 'fa', 'gregorian', 'اکتبر–نوامبر ۲۰۱۹'], // 1–10 Aban: 23 October–1 November
    ['2019-10-23', 'mid', 'en', 'persian', 'mid-Aban 1398'],
    ['2019-11-01', 'late', 'en', 'gregorian', 'late November 2019'],
    ['2019-11-01', 'early', 'fa', 'persian', 'آبان ۱۳۹۸'], // 1–10 November: 10–19 Aban
  ])('%s (%s) in %s, %s calendar → %s', (iso, precision, locale, calendar, expected) => {
    expect(formatStoredDate(iso, precision, locale, calendar)).toBe(expected);
  });
});
