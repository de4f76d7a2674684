// Solar Hijri (Jalali) ⇄ Gregorian for dates people type. Persian families remember "24 Aban 1398",
// not 2019-11-15; the database stores ISO dates plus a precision. The conversion leans on the
// platform's ICU Persian calendar (Node and every current browser ship it), which follows the
// astronomical calendar Iran uses, so no leap-year table of ours can drift from it.
// Pure: safe for client and server code.

export const persianMonthNames = [
  'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور',
  'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند',
] as const;

// Made on first use, not on import: a formatter of the Persian calendar loads ICU's calendar data,
// a ~25 ms task on a phone, which the first submission step (importing this module for month names
// only) paid while it hydrated (docs/benchmarks.md, issue 18 Lighthouse).
let persianParts: Intl.DateTimeFormat | undefined;
const persianPartsFormat = () =>
  (persianParts ??= new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' }));

export type YMD = { year: number; month: number; day: number };

/** The Solar Hijri date of an ISO (Gregorian) date. */
export function gregorianToSolarHijri(iso: string): YMD {
  const parts = persianPartsFormat().formatToParts(new Date(`${iso}T00:00:00Z`));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

const dayMs = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayOfYear = (m: number, d: number) => (m <= 6 ? (m - 1) * 31 : 186 + (m - 7) * 30) + d;

/**
 * The ISO date of a Solar Hijri date, or null when that day does not exist (31 Mehr, 30 Esfand of
 * a common year). Nowruz falls on 20 or 21 March, so a guess from 20 March is off by at most a
 * day or two; the guess is then corrected against ICU until it reads back as the date asked for.
 */
export function solarHijriToGregorian({ year, month, day }: YMD): string | null {
  if (![year, month, day].every(Number.isInteger) || year < 1 || month < 1 || month > 12 || day < 1) return null;
  if (day > (month <= 6 ? 31 : 30)) return null;
  const guess = Date.UTC(year + 621, 2, 20) + (dayOfYear(month, day) - 1) * dayMs;
  for (const shift of [0, 1, -1, 2, -2]) {
    const iso = isoOf(guess + shift * dayMs);
    const back = gregorianToSolarHijri(iso);
    if (back.year === year && back.month === month && back.day === day) return iso;
  }
  return null;
}

/** Whether a Solar Hijri year is a leap year (Esfand has 30 days). */
export function isSolarHijriLeapYear(year: number): boolean {
  return solarHijriToGregorian({ year, month: 12, day: 30 }) !== null;
}

export type Calendar = 'persian' | 'gregorian';

const monthFormatters = new Map<string, Intl.DateTimeFormat>();
/** A month's name (1–12) in a calendar, in the page's language: آبان / Aban, نوامبر / November. */
export function monthName(calendar: Calendar, month: number, locale: string): string {
  if (calendar === 'persian' && locale === 'fa') return persianMonthNames[month - 1]!;
  const key = `${calendar}|${locale}`;
  let formatter = monthFormatters.get(key);
  if (!formatter) {
    const tag = `${locale === 'fa' ? 'fa' : 'en'}-u-ca-${calendar === 'persian' ? 'persian' : 'gregory'}`;
    monthFormatters.set(key, (formatter = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' })));
  }
  // A day well inside the month in that calendar (the 10th), as an instant to format.
  const iso = calendar === 'persian' ? solarHijriToGregorian({ year: 1400, month, day: 10 })! : `2000-${String(month).padStart(2, '0')}-10`;
  return formatter.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * A date as typed (calendar, year, month, optional day) → ISO date. "Month only" dates are stored
 * as the first day of the month *in the calendar they were typed in*, so "Aban 1398" keeps its
 * meaning (1 Aban) and is displayed back with month precision.
 */
export function typedDateToIso(calendar: Calendar, year: number, month: number, day: number | null): string | null {
  if (calendar === 'persian') return solarHijriToGregorian({ year, month, day: day ?? 1 });
  const d = day ?? 1;
  const ms = Date.UTC(year, month - 1, d);
  const date = new Date(ms);
  if (year < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== d) return null;
  return isoOf(ms);
}

/** An ISO date back into the fields of the calendar the person uses. */
export function isoToTyped(calendar: Calendar, iso: string): YMD {
  if (calendar === 'persian') return gregorianToSolarHijri(iso);
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}
