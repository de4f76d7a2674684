// Display helpers for memorial records: calendar dates in both calendars, numbers in the locale's digits.
import { calendarOf, formatNumber, formatStoredDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import type { DatePrecision } from '@/lib/memorial/dto';

/** The date in the reader's calendar (Solar Hijri in Persian, Gregorian in English), as precise as it was given. */
export function displayDate(date: string, precision: DatePrecision | null, locale: Locale): string {
  return formatStoredDate(date, precision, locale, calendarOf(locale));
}

/**
 * The same date in the other calendar (Gregorian for Persian readers, Solar Hijri for English),
 * naming every month the span touches: «آبان ۱۳۹۸» is «اکتبر–نوامبر ۲۰۱۹».
 */
export function otherCalendarDate(date: string, precision: DatePrecision | null, locale: Locale): string {
  return formatStoredDate(date, precision, locale, calendarOf(locale) === 'persian' ? 'gregorian' : 'persian');
}

export function num(n: number, locale: Locale): string {
  return formatNumber(n, locale);
}
