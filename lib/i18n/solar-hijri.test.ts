import { describe, expect, it } from 'vitest';
import { type Calendar, gregorianToSolarHijri, isSolarHijriLeapYear, isoToTyped, monthName, solarHijriToGregorian, typedDateToIso } from './solar-hijri';

// Reference pairs checked against the Iranian calendar (e.g. time.ir).
const pairs: Array<[number, number, number, string]> = [
  [1398, 8, 24, '2019-11-15'], // the first days of the November 2019 uprising
  [1398, 8, 25, '2019-11-16'],
  [1398, 8, 27, '2019-11-18'],
  [1398, 1, 1, '2019-03-21'],
  [1399, 1, 1, '2020-03-20'], // Nowruz after a leap year (1399 is leap: Esfand 1399 has 30 days)
  [1399, 12, 30, '2021-03-20'],
  [1400, 1, 1, '2021-03-21'],
  [1403, 12, 30, '2025-03-20'], // 1403 is leap
  [1404, 1, 1, '2025-03-21'],
  [1401, 6, 25, '2022-09-16'], // Mahsa Amini died
  [1357, 11, 22, '1979-02-11'],
  [1398, 6, 31, '2019-09-22'],
  [1398, 7, 1, '2019-09-23'],
  [1398, 12, 29, '2020-03-19'],
];

describe('Solar Hijri ⇄ Gregorian', () => {
  it.each(pairs)('%i-%i-%i ⇄ %s', (year, month, day, iso) => {
    expect(solarHijriToGregorian({ year, month, day })).toBe(iso);
    expect(gregorianToSolarHijri(iso)).toEqual({ year, month, day });
  });

  it('knows leap years', () => {
    expect(isSolarHijriLeapYear(1399)).toBe(true);
    expect(isSolarHijriLeapYear(1403)).toBe(true);
    expect(isSolarHijriLeapYear(1398)).toBe(false);
    expect(isSolarHijriLeapYear(1400)).toBe(false);
    expect(solarHijriToGregorian({ year: 1398, month: 12, day: 30 })).toBeNull();
  });

  it('refuses days that do not exist', () => {
    expect(solarHijriToGregorian({ year: 1398, month: 7, day: 31 })).toBeNull();
    expect(solarHijriToGregorian({ year: 1398, month: 13, day: 1 })).toBeNull();
    expect(solarHijriToGregorian({ year: 1398, month: 0, day: 1 })).toBeNull();
    expect(typedDateToIso('gregorian', 2019, 2, 30)).toBeNull();
  });

  it('turns typed dates into ISO dates, month-only as the first of the month in its own calendar', () => {
    expect(typedDateToIso('persian', 1398, 8, 24)).toBe('2019-11-15');
    expect(typedDateToIso('persian', 1398, 8, null)).toBe('2019-10-23'); // 1 Aban 1398
    expect(typedDateToIso('gregorian', 2019, 11, 15)).toBe('2019-11-15');
    expect(typedDateToIso('gregorian', 2020, 2, 29)).toBe('2020-02-29');
    expect(isoToTyped('persian', '2019-10-23')).toEqual({ year: 1398, month: 8, day: 1 });
    expect(isoToTyped('gregorian', '2019-11-15')).toEqual({ year: 2019, month: 11, day: 15 });
  });
});

describe('monthName: the chosen calendar names the months, in the page language', () => {
  it.each<[Calendar, string, string[]]>([
    ['persian', 'fa', ['فروردین', 'آبان', 'اسفند']],
    ['persian', 'en', ['Farvardin', 'Aban', 'Esfand']],
    ['gregorian', 'fa', ['ژانویه', 'نوامبر', 'دسامبر']],
    ['gregorian', 'en', ['January', 'November', 'December']],
  ])('%s in %s', (calendar, locale, [first, eighth, last]) => {
    expect([monthName(calendar, 1, locale), monthName(calendar, calendar === 'persian' ? 8 : 11, locale), monthName(calendar, 12, locale)]).toEqual([first, eighth, last]);
  });
});
