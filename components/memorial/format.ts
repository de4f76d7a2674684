// Display helpers for memorial records: calendar dates in both calendars, numbers in the locale's digits.
import { formatDate, formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import type { DatePrecision } from '@/lib/memorial/dto';

const precisionOf = (p: DatePrecision | null) => (p === 'month' || p === 'year' ? p : p === 'approximate' ? 'month' : 'exact');

/** The date in the reader's calendar (Solar Hijri in Persian, Gregorian in English). */
export function displayDate(date: string, precision: DatePrecision | null, locale: Locale): string {
  return formatDate(date, locale, { precision: precisionOf(precision) });
}

// The other calendar, in the reader's language and digits.
const other: Record<Locale, string> = { fa: 'fa-IR-u-ca-gregory-nu-arabext', en: 'en-u-ca-persian' };

// Making an Intl.DateTimeFormat costs far more than using one (a static export formats hundreds of thousands).
const otherFormatters = new Map<string, Intl.DateTimeFormat>();
function otherFormatter(locale: Locale, precision: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let formatter = otherFormatters.get(key);
  if (!formatter) otherFormatters.set(key, (formatter = new Intl.DateTimeFormat(other[locale], { ...options, timeZone: 'UTC' })));
  return formatter;
}

/** The same date in the other calendar: Gregorian for Persian readers, Solar Hijri for English. */
export function otherCalendarDate(date: string, precision: DatePrecision | null, locale: Locale): string {
  const p = precisionOf(precision);
  const options: Intl.DateTimeFormatOptions =
    p === 'year' ? { year: 'numeric' } : p === 'month' ? { year: 'numeric', month: 'long' } : { year: 'numeric', month: 'long', day: 'numeric' };
  const text = otherFormatter(locale, p, options).format(new Date(`${date}T00:00:00Z`));
  // English names the Persian era ("AP"); the bare year reads better beside the Gregorian date.
  return text.replace(/\s*AP$/, '');
}

export function num(n: number, locale: Locale): string {
  return formatNumber(n, locale);
}
