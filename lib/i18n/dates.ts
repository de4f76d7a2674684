// Date and number formatting for both locales. Persian uses the Solar Hijri calendar and Persian
// digits; English uses the Gregorian calendar. Safe for client and server code (no server-only).
import type { Locale } from './routing';
import { gregorianToSolarHijri, solarHijriToGregorian } from './solar-hijri';

export type DatePrecision = 'exact' | 'month' | 'year';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An ISO calendar date (yyyy-mm-dd) or a Date, as a Date at UTC midnight of that calendar day.
 * Dates are calendar facts ("killed on 24 Aban"), not instants: they are read and formatted in UTC
 * so that neither the server's nor the reader's time zone can move them by a day.
 */
function toUtcDate(value: Date | string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('Invalid date');
    return value;
  }
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError(`Expected an ISO date (yyyy-mm-dd), got "${value}"`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Reject impossible dates such as 2019-02-30 instead of silently rolling them over.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new RangeError(`Invalid calendar date "${value}"`);
  }
  return date;
}

const intlLocale: Record<Locale, string> = {
  fa: 'fa-IR-u-ca-persian-nu-arabext',
  en: 'en-u-ca-gregory',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Format a calendar date for display.
 * fa: "۲۴ آبان ۱۳۹۸" / "آبان ۱۳۹۸" / "۱۳۹۸"; en: "November 15, 2019" / "November 2019" / "2019".
 */
export function formatDate(
  value: Date | string,
  locale: Locale,
  { precision = 'exact' }: { precision?: DatePrecision } = {},
): string {
  const date = toUtcDate(value);
  switch (precision) {
    case 'year':
      return dateFormatter(locale, { year: 'numeric' }).format(date);
    case 'month': {
      const formatter = dateFormatter(locale, { year: 'numeric', month: 'long' });
      if (locale !== 'fa') return formatter.format(date);
      // CLDR orders the Persian-calendar month pattern "y MMMM"; Persian prose says "آبان ۱۳۹۸".
      const parts = formatter.formatToParts(date);
      const month = parts.find((p) => p.type === 'month')?.value ?? '';
      const year = parts.find((p) => p.type === 'year')?.value ?? '';
      return `${month} ${year}`;
    }
    default:
      return dateFormatter(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
  }
}

/**
 * An instant with its time, in UTC (audit entries): fa "۲۴ آبان ۱۳۹۸، ۱۴:۰۵ به وقت جهانی" (the
 * glossary's words; no Latin "UTC" in Persian text), en "Nov 15, 2019, 14:05 UTC".
 */
export function formatDateTime(value: Date, locale: Locale): string {
  const text = dateFormatter(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(value);
  return locale === 'fa' ? `${text} به وقت جهانی` : `${text} UTC`;
}

// ---------------------------------------------------------------------------------------------
// Stored dates as the span a family meant, in either calendar.
//
// The database keeps an ISO day and a precision. A month-only date is stored as the first day of
// the month *in the calendar it was typed in* (lib/i18n/solar-hijri.ts `typedDateToIso`), a year
// as its first day: 1 Aban 1398 is 2019-10-23, November 2019 is 2019-11-01. No first day of a Solar
// Hijri month is the first of a Gregorian month, so the stored day tells which calendar's month (or
// year) was meant, and the other calendar names every month that span touches: «آبان ۱۳۹۸» is
// «اکتبر–نوامبر ۲۰۱۹», never «اکتبر ۲۰۱۹» (most of Aban is in November).

/**
 * What the database stores; `approximate` is a day the family is not sure of («حدود ۲۵ آبان»);
 * `early` / `mid` / `late` a part of a month («اوایل آبان»: days 1–10, 11–20, 21 to the end).
 */
export type StoredPrecision = 'exact' | 'month' | 'year' | 'approximate' | 'early' | 'mid' | 'late';
type MonthPart = 'early' | 'mid' | 'late';
const monthParts: ReadonlySet<string> = new Set<MonthPart>(['early', 'mid', 'late']);
const partWords: Record<Locale, Record<MonthPart, string>> = {
  fa: { early: 'اوایل', mid: 'اواسط', late: 'اواخر' },
  en: { early: 'early', mid: 'mid-', late: 'late' },
};
export type CalendarName = 'persian' | 'gregorian';

const DAY_MS = 86_400_000;
const isoPlus = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The first and last ISO day of the month or year a stored date names, in the calendar it was typed in. */
export function spanOf(iso: string, precision: 'month' | 'year' | MonthPart): { from: string; to: string } {
  toUtcDate(iso);
  if (monthParts.has(precision)) {
    const month = spanOf(iso, 'month');
    if (precision === 'early') return { from: month.from, to: isoPlus(month.from, 9) };
    if (precision === 'mid') return { from: isoPlus(month.from, 10), to: isoPlus(month.from, 19) };
    return { from: isoPlus(month.from, 20), to: month.to };
  }
  const solar = gregorianToSolarHijri(iso);
  const [y, m] = iso.split('-').map(Number) as [number, number];
  if (precision === 'month') {
    if (solar.day === 1) {
      const next = solar.month === 12 ? { year: solar.year + 1, month: 1, day: 1 } : { year: solar.year, month: solar.month + 1, day: 1 };
      return { from: iso, to: isoPlus(solarHijriToGregorian(next)!, -1) };
    }
    const from = `${y}-${String(m).padStart(2, '0')}-01`;
    return { from, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
  }
  if (solar.month === 1 && solar.day === 1) {
    return { from: iso, to: isoPlus(solarHijriToGregorian({ year: solar.year + 1, month: 1, day: 1 })!, -1) };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

const calendarFormatters = new Map<string, Intl.DateTimeFormat>();
/** Year, month name and day of an ISO day in a calendar, in the locale's language and digits. */
function partsIn(iso: string, calendar: CalendarName, locale: Locale) {
  const key = `${locale}|${calendar}`;
  let formatter = calendarFormatters.get(key);
  if (!formatter) {
    const ca = calendar === 'persian' ? 'persian' : 'gregory';
    const tag = locale === 'fa' ? `fa-IR-u-ca-${ca}-nu-arabext` : `en-u-ca-${ca}`;
    formatter = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    calendarFormatters.set(key, formatter);
  }
  const parts = formatter.formatToParts(toUtcDate(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day') };
}

const dash = '–';
/** "آبان ۱۳۹۸" (fa), "November 2019" (en): the same order in both languages. */
const monthYear = (p: { month: string; year: string }) => `${p.month} ${p.year}`;

/**
 * A stored date in the given calendar, in the reader's language and digits, as precise as the
 * family was and no more: a day («۲۵ آبان ۱۳۹۸», "November 16, 2019"), a month or the months the
 * span touches («آبان ۱۳۹۸», «اکتبر–نوامبر ۲۰۱۹», «دسامبر ۲۰۱۹–ژانویهٔ ۲۰۲۰»), a year or years
 * («۱۳۹۸», «۲۰۱۹–۲۰۲۰»). An approximate date keeps its day; the caller says «حدود».
 */
export function formatStoredDate(iso: string, precision: StoredPrecision | null, locale: Locale, calendar: CalendarName): string {
  if (precision === 'early' || precision === 'mid' || precision === 'late') {
    const typedIn: CalendarName = gregorianToSolarHijri(iso).day === 1 ? 'persian' : 'gregorian';
    if (typedIn === calendar) {
      // «اواخر آبان ۱۳۹۸», "late November 2019", "mid-November 2019".
      const word = partWords[locale][precision];
      const month = monthYear(partsIn(iso, calendar, locale));
      return word.endsWith('-') ? `${word}${month}` : `${word} ${month}`;
    }
    // The other calendar names the months that third of the month touches.
    const { from, to } = spanOf(iso, precision);
    const a = partsIn(from, calendar, locale);
    const b = partsIn(to, calendar, locale);
    if (a.year === b.year) return a.month === b.month ? monthYear(a) : monthYear({ month: `${a.month}${dash}${b.month}`, year: a.year });
    return `${monthYear(a)}${dash}${monthYear(b)}`;
  }
  if (precision === 'month' || precision === 'year') {
    const { from, to } = spanOf(iso, precision);
    const a = partsIn(from, calendar, locale);
    const b = partsIn(to, calendar, locale);
    if (precision === 'year') return a.year === b.year ? a.year : `${a.year}${dash}${b.year}`;
    if (a.year === b.year) return a.month === b.month ? monthYear(a) : monthYear({ month: `${a.month}${dash}${b.month}`, year: a.year });
    return `${monthYear(a)}${dash}${monthYear(b)}`;
  }
  const p = partsIn(iso, calendar, locale);
  return locale === 'fa' ? `${p.day} ${p.month} ${p.year}` : `${p.month} ${p.day}, ${p.year}`;
}

/** The reader's calendar: Solar Hijri in Persian, Gregorian in English. */
export const calendarOf = (locale: Locale): CalendarName => (locale === 'fa' ? 'persian' : 'gregorian');

const numberFormatters: Record<Locale, Intl.NumberFormat> = {
  fa: new Intl.NumberFormat('fa-IR-u-nu-arabext'),
  en: new Intl.NumberFormat('en'),
};

/** Format a number with the locale's digits and grouping: fa "۱٬۵۰۰", en "1,500". */
export function formatNumber(n: number, locale: Locale): string {
  return numberFormatters[locale].format(n);
}
