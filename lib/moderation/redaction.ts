// Redaction suggestions (issue 5): things in a narrative that can identify or locate a witness.
// Pure functions, no `server-only`: the review screen may run them in the browser too. Suggestions
// only help — the moderator decides, and the text they approve is what is published. Persian (۰–۹)
// and Arabic-Indic (٠–٩) digits are one UTF-16 unit each, so offsets on the original text hold.
import { latinDigits } from '@/lib/i18n/digits';
import { findLinks } from './links';

export type RedactionKind = 'phone' | 'email' | 'national_id' | 'postal_code' | 'plate' | 'url' | 'address';
export type Suggestion = { start: number; end: number; kind: RedactionKind; text: string };

const D = '[0-9\\u06F0-\\u06F9\\u0660-\\u0669]';
const notDigitBefore = `(?<!${D})`;
const notDigitAfter = `(?!${D})`;

export { latinDigits };

/** The official check digit of an Iranian national ID (کد ملی): 10 digits, mod-11 weighted sum. */
export function isValidNationalId(value: string): boolean {
  const digits = latinDigits(value).replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const remainder = sum % 11;
  const check = Number(digits[9]);
  return remainder < 2 ? check === remainder : check === 11 - remainder;
}

// Runs of 7–15 digits with single separators between them (spaces, dashes, dots, brackets), with
// an optional + or 00 in front: Iranian mobiles (0912 345 6789, +98 912 …), landlines (021-88…),
// national IDs and postal codes (10 digits, told apart by the words before them or the check digit).
const numberRun = new RegExp(`${notDigitBefore}(?:\\+|00)?\\(?${D}(?:[ \\u00A0\\-.()]{0,2}${D}){6,14}${notDigitAfter}`, 'gu');
const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A car plate: ۱۲ ب ۳۴۵ ایران ۶۷, 12 B 345 - 67 (two digits, one letter, three digits, two digits).
const plate = new RegExp(`${notDigitBefore}${D}{2}[ \\u00A0-]?(?:[\\u0622-\\u06CC]|[A-Za-z])[ \\u00A0-]?${D}{3}[ \\u00A0]*[-–|]?[ \\u00A0]*(?:(?:ایران|Iran)[ \\u00A0]*)?${D}{2}${notDigitAfter}`, 'gu');

// Addresses are flagged only where a number pins them down: "کوچه ۱۲", "پلاک ۴۵", "طبقه ۳",
// "Alley 5", "No. 4", "12 Azadi Street", with the street names chained before them ("خیابان
// آزادی، کوچه ۱۲، پلاک ۴۵"). A street, alley or square named in a sentence ("خیابان رفته بود",
// "کوچه‌مان شلوغ بود", "we marched down Azadi Street") is ordinary testimony, not an address.
const word = '[^\\s\\d\\u06F0-\\u06F9\\u0660-\\u0669.,،؛:!?()«»"\\n]+';
const gap = '[ \\u00A0]*[،,\\-–]?[ \\u00A0]*';
const numberFa = `(?:(?:شمارهٔ?|شماره‌ی)[ \\u00A0]*)?[:：]?[ \\u00A0]*${D}+(?:[ \\u00A0]*(?:[/\\-][ \\u00A0]*${D}+|[\\u0622-\\u06CC](?![\\u0622-\\u06CC])))?${notDigitAfter}`;
const numberedFa = `(?:پلاک|واحد|طبقهٔ?|بلوک|کوچهٔ?|کوچه‌ی|بن[\\u200C ]?بست|ساختمان|آپارتمان|زنگ|فاز|کوی)[ \\u00A0]*${numberFa}`;
const streetFa = `(?:خیابان|کوچهٔ?|کوچه‌ی|بن[\\u200C ]?بست|بلوار|میدان|شهرک|کوی|محلهٔ?|بزرگراه|جاده)[ \\u00A0]+${word}(?:[ \\u00A0]+${word}){0,2}`;
const addressFa = new RegExp(`(?:${streetFa}${gap})*${numberedFa}(?:${gap}(?:${numberedFa}|${streetFa}${gap}${numberedFa}))*`, 'gu');
const numberedEn = `(?:\\b(?:No\\.?|Number|Alley|Street|St\\.|Apt\\.?|Apartment|Unit|Flat|Floor|Block|Plaque)[ \\u00A0]*(?:No\\.[ \\u00A0]*)?\\d+[A-Za-z]?\\b|\\b\\d+[A-Za-z]?(?:[ \\u00A0]+[A-Z][\\p{L}'-]*){1,3}[ \\u00A0]+(?:Street|St\\.|Alley|Avenue|Ave\\.|Boulevard|Blvd\\.?|Lane|Road)\\b)`;
const streetEn = `(?:[A-Z][\\p{L}'-]*[ \\u00A0]+){1,3}(?:Street|St\\.|Alley|Avenue|Ave\\.|Boulevard|Blvd\\.?|Lane|Road|Square)`;
const addressEn = new RegExp(`(?:${streetEn}${gap})*${numberedEn}(?:${gap}${numberedEn})*`, 'gu');

function collect(text: string, pattern: RegExp, kind: RedactionKind, out: Suggestion[]) {
  for (const match of text.matchAll(pattern)) {
    const value = match[0].trimEnd();
    out.push({ start: match.index, end: match.index + value.length, kind, text: value });
  }
}

// The words right before a number that say what it is (within a few characters).
const postalBefore = /(?:کد[\u200C ]?پستی|postal\s+code|post\s*code|zip)\s*[:：]?\s*$/iu;
const nationalBefore = /(?:کد[\u200C ]?ملی|شمارهٔ?[\u200C ]?ملی|شماره‌ی ملی|national\s+(?:id|code)(?:\s+number)?)\s*[:：]?\s*$/iu;

function numberKind(text: string, start: number, value: string): RedactionKind {
  const digits = latinDigits(value).replace(/\D/g, '');
  const before = text.slice(Math.max(0, start - 24), start);
  if (postalBefore.test(before)) return 'postal_code';
  if (nationalBefore.test(before)) return 'national_id';
  return digits.length === 10 && !value.trim().startsWith('+') && isValidNationalId(digits) ? 'national_id' : 'phone';
}

/**
 * Suggested spans, in text order, without overlaps (e-mails and URLs win over the digits inside
 * them; the longer span wins otherwise). Neighbouring address parts ("خیابان آزادی، کوچه ۱۲")
 * are joined into one span.
 */
export function suggestRedactions(text: string): Suggestion[] {
  const found: Suggestion[] = [];
  collect(text, email, 'email', found);
  for (const l of findLinks(text)) found.push({ ...l, kind: 'url' });
  for (const match of text.matchAll(numberRun)) {
    found.push({ start: match.index, end: match.index + match[0].length, kind: numberKind(text, match.index, match[0]), text: match[0] });
  }
  collect(text, plate, 'plate', found);
  collect(text, addressFa, 'address', found);
  collect(text, addressEn, 'address', found);
  const priority: Record<RedactionKind, number> = { email: 0, url: 1, national_id: 2, postal_code: 3, plate: 4, phone: 5, address: 6 };
  found.sort((a, b) => priority[a.kind] - priority[b.kind] || b.end - b.start - (a.end - a.start));
  const kept: Suggestion[] = [];
  for (const s of found) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  kept.sort((a, b) => a.start - b.start);
  return joinAddresses(text, kept);
}

function joinAddresses(text: string, spans: Suggestion[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last?.kind === 'address' && s.kind === 'address' && /^[\s،,]{0,3}$/u.test(text.slice(last.end, s.start))) {
      out[out.length - 1] = { start: last.start, end: s.end, kind: 'address', text: text.slice(last.start, s.end) };
    } else out.push(s);
  }
  return out;
}

/** How a suggestion is named in a form (`start:end`): its place in the text, never its words. */
export const suggestionKey = (s: { start: number; end: number }) => `${s.start}:${s.end}`;

/**
 * Whether a suggestion's box is ticked: before any save, every suggestion is offered ticked (the
 * text itself is unchanged until the moderator applies them); after a save, exactly those whose
 * words are no longer in the saved text, so an unticked one stays unticked.
 */
export function isTicked(suggestion: Suggestion, draft: string | null): boolean {
  return draft === null || !draft.includes(suggestion.text);
}

/** The words that replace a redacted span, in the testimony's language. */
export function redactionMark(language: string): string {
  return language === 'fa' ? '[حذف شد]' : '[redacted]';
}

/**
 * Whether `next` only takes words out of `shown` or puts a redaction mark in their place: a safety
 * correction of something readers already see, which applies at once. Anything else (new words,
 * words brought back) is a publication of its own (lib/moderation/publication.ts).
 */
export function onlyRemovesWords(shown: string | null, next: string | null): boolean {
  if (next === null) return true;
  if (shown === null) return false;
  // Words as runs of letters and digits: punctuation moved with a cut ("phoned." → "phoned") adds nothing.
  const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
  const words = new Set(wordsOf(shown));
  const unmarked = ['fa', 'en'].reduce((text, language) => text.split(redactionMark(language)).join(' '), next);
  return wordsOf(unmarked).every((w) => words.has(w));
}

/**
 * Replaces the given spans with the mark. Spans are clipped to the text, sorted, and overlapping
 * ones merged, so a hand-made or stale selection can never leave half a phone number behind.
 */
export function applyRedactions(text: string, spans: readonly { start: number; end: number }[], language: string): string {
  const clean = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, text.length)), end: Math.max(0, Math.min(s.end, text.length)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of clean) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  let result = '';
  let at = 0;
  for (const s of merged) {
    result += text.slice(at, s.start) + redactionMark(language);
    at = s.end;
  }
  return result + text.slice(at);
}
