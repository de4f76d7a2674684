// Dates as people and published lists write them: `2019-11-16`, `16/11/2019`, «۲۵ آبان ۱۳۹۸»,
// `Nov 16, 2019`, «آبان ۱۳۹۸» — Latin or Persian digits, either calendar (a year below 1700 is Solar
// Hijri). Pure: read by the CSV import (lib/imports/row.ts) and the search's date filter.
import { foldLatin, normalizeName } from '../search/normalize';
import { typedDateToIso } from './solar-hijri';

export type ListDate = { iso: string; precision: 'exact' | 'month' | 'year' };
/** Why a date cell was refused: not a date at all, or a day and month that could be either. */
export type ListDateRefusal = 'invalid' | 'ambiguous';

type Calendar = 'persian' | 'gregorian';

// Month names (normalized, lower case) → [calendar, month]. Solar Hijri months in Persian and in
// Latin transliteration; Gregorian months in English, abbreviated, and as Persian writes them.
const monthWords = new Map<string, [Calendar, number]>();
const addMonths = (calendar: Calendar, names: string[][]) =>
  names.forEach((spellings, i) => spellings.forEach((s) => monthWords.set(foldLatin(normalizeName(s)), [calendar, i + 1])));
addMonths('persian', [
  ['فروردین', 'farvardin'],
  ['اردیبهشت', 'ordibehesht'],
  ['خرداد', 'khordad'],
  ['تیر', 'tir'],
  ['مرداد', 'امرداد', 'mordad', 'amordad'],
  ['شهریور', 'shahrivar'],
  ['مهر', 'mehr'],
  ['آبان', 'aban'],
  ['آذر', 'azar'],
  ['دی', 'dey', 'dei'],
  ['بهمن', 'bahman'],
  ['اسفند', 'esfand'],
]);
addMonths('gregorian', [
  ['january', 'jan', 'ژانویه'],
  ['february', 'feb', 'فوریه'],
  ['march', 'mar', 'مارس'],
  ['april', 'apr', 'آوریل'],
  ['may', 'مه', 'می'],
  ['june', 'jun', 'ژوئن'],
  ['july', 'jul', 'ژوئیه', 'جولای'],
  ['august', 'aug', 'اوت', 'آگوست'],
  ['september', 'sep', 'sept', 'سپتامبر'],
  ['october', 'oct', 'اکتبر'],
  ['november', 'nov', 'نوامبر'],
  ['december', 'dec', 'دسامبر'],
]);

const calendarOf = (year: number): Calendar => (year < 1700 ? 'persian' : 'gregorian');

function checked(calendar: Calendar, year: number, month: number, day: number | null): ListDate | null {
  if (month < 1 || month > 12) return null;
  const iso = typedDateToIso(calendar, year, month, day);
  if (!iso || iso > new Date().toISOString().slice(0, 10)) return null;
  return { iso, precision: day !== null ? 'exact' : 'month' };
}

/** A date cell of a list, in Latin or Persian digits, either calendar (a year below 1700 is Solar Hijri). */
export function parseListDate(raw: string): ListDate | ListDateRefusal {
  const text = normalizeName(raw); // Persian digits → Latin, separators → spaces, lower case
  if (!text) return 'invalid';
  // Year first: 2019-11-16, 1398/08/25, 1398-08, 2019.
  let m = /^(\d{4})(?: (\d{1,2})(?: (\d{1,2}))?)?$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    if (!m[2]) {
      const first = checked(calendarOf(year), year, 1, 1);
      return first ? { iso: first.iso, precision: 'year' } : 'invalid';
    }
    return checked(calendarOf(year), year, Number(m[2]), m[3] ? Number(m[3]) : null) ?? 'invalid';
  }
  // Day and month first: 16/11/2019, 25.08.1398. A day and month that could be swapped (5/11)
  // are refused rather than guessed: a memorial must not move a death by six months.
  m = /^(\d{1,2}) (\d{1,2}) (\d{4})$/.exec(text);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (a <= 12 && b <= 12 && a !== b) return 'ambiguous';
    const [day, month] = a > 12 ? [a, b] : b > 12 ? [b, a] : [a, b];
    return checked(calendarOf(year), year, month, day) ?? 'invalid';
  }
  // With a month name: 25 آبان 1398, 16 November 2019, November 16 2019, Aban 1398.
  const words = text.split(' ');
  const monthAt = words.findIndex((w) => monthWords.has(foldLatin(w)));
  if (monthAt < 0) return 'invalid';
  const [calendar, month] = monthWords.get(foldLatin(words[monthAt]!))!;
  const numbers = words.filter((_, i) => i !== monthAt);
  if (!numbers.every((n) => /^\d{1,4}$/.test(n))) return 'invalid';
  const year = numbers.find((n) => n.length === 4);
  const day = numbers.find((n) => n.length <= 2);
  if (!year || numbers.length > 2 || (numbers.length === 2 && !day)) return 'invalid';
  // A Solar Hijri month with a Gregorian year (or the reverse) is a mistake, not a date.
  if (calendarOf(Number(year)) !== calendar) return 'invalid';
  return checked(calendar, Number(year), month, day ? Number(day) : null) ?? 'invalid';
}
