// Redaction suggestions (issue 5): things in a narrative that can identify or locate a witness.
// Pure functions, no `server-only`: the review screen may run them in the browser too. Suggestions
// only help — the moderator decides, and the text they approve is what is published. Persian (۰–۹)
// and Arabic-Indic (٠–٩) digits are one UTF-16 unit each, so offsets on the original text hold.
import { findLinks } from './links';

export type RedactionKind = 'phone' | 'email' | 'national_id' | 'url' | 'address';
export type Suggestion = { start: number; end: number; kind: RedactionKind; text: string };

const D = '[0-9\\u06F0-\\u06F9\\u0660-\\u0669]';
const notDigitBefore = `(?<!${D})`;
const notDigitAfter = `(?!${D})`;

/** Latin digits for any Persian or Arabic-Indic digit; other characters unchanged. */
export function latinDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660));
}

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
// an optional + or 00 in front: Iranian mobiles (0912 345 6789, +98 912 …), landlines (021-88…).
const numberRun = new RegExp(`${notDigitBefore}(?:\\+|00)?\\(?${D}(?:[ \\u00A0\\-.()]{0,2}${D}){6,14}${notDigitAfter}`, 'gu');
const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Persian address words and what follows up to the next punctuation (at most four words);
// English: "No. 12", "12 Azadi Street", "Alley 5".
const addressFa = /(?:خیابان|کوچه|پلاک|بن‌بست|بن بست|بلوار|بلوک|واحد|طبقه|کوی|شهرک)[ \u00A0]+[^\s.,،؛:!?()\n]+(?:[ \u00A0]+[^\s.,،؛:!?()\n]+){0,3}/gu;
const addressEn = /\b(?:No\.\s*\d+\w*|(?:\d+\s+)?(?:[A-Z][\p{L}'-]*\s+){1,3}(?:Street|St\.|Alley|Avenue|Ave\.|Boulevard|Blvd\.?|Lane|Road)|(?:Alley|Street|Apt\.?|Unit|Flat)\s+(?:No\.\s*)?\d+\w*)/gu;

function collect(text: string, pattern: RegExp, kind: RedactionKind, out: Suggestion[]) {
  for (const match of text.matchAll(pattern)) {
    const value = match[0].trimEnd();
    out.push({ start: match.index, end: match.index + value.length, kind, text: value });
  }
}

function numberKind(value: string): RedactionKind {
  const digits = latinDigits(value).replace(/\D/g, '');
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
    found.push({ start: match.index, end: match.index + match[0].length, kind: numberKind(match[0]), text: match[0] });
  }
  collect(text, addressFa, 'address', found);
  collect(text, addressEn, 'address', found);
  const priority: Record<RedactionKind, number> = { email: 0, url: 1, national_id: 2, phone: 3, address: 4 };
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

/** The words that replace a redacted span, in the testimony's language. */
export function redactionMark(language: string): string {
  return language === 'fa' ? '[حذف شد]' : '[redacted]';
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
