// Date and number formatting for both locales. Persian uses the Solar Hijri calendar and Persian
// digits; English uses the Gregorian calendar. Safe for client and server code (no server-only).
import type { Locale } from './routing';

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

/** An instant with its time, in UTC (audit entries): fa "۲۴ آبان ۱۳۹۸، ۱۴:۰۵ UTC", en "Nov 15, 2019, 14:05 UTC". */
export function formatDateTime(value: Date, locale: Locale): string {
  return `${dateFormatter(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(value)} UTC`;
}

const numberFormatters: Record<Locale, Intl.NumberFormat> = {
  fa: new Intl.NumberFormat('fa-IR-u-nu-arabext'),
  en: new Intl.NumberFormat('en'),
};

/** Format a number with the locale's digits and grouping: fa "۱٬۵۰۰", en "1,500". */
export function formatNumber(n: number, locale: Locale): string {
  return numberFormatters[locale].format(n);
}
