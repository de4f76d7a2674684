import { describe, expect, it } from 'vitest';
import { applyRedactions, isValidNationalId, latinDigits, onlyRemovesWords, redactionMark, suggestRedactions } from './redaction';

const kinds = (text: string) => suggestRedactions(text).map((s) => [s.kind, s.text]);

describe('national ID checksum', () => {
  it.each(['0012345679', '4488521134', '0123456789', '۰۰۱۲۳۴۵۶۷۹', '001-234567-9'])('accepts %s', (id) => {
    expect(isValidNationalId(id)).toBe(true);
  });
  it.each(['0012345678', '4488521135', '1111111111', '0000000000', '123456789', '12345678901', 'abcdefghij'])('refuses %s', (id) => {
    expect(isValidNationalId(id)).toBe(false);
  });
});

describe('suggestions', () => {
  it.each([
    ['Call me on 0912 345 6789 tonight.', 'phone', '0912 345 6789'],
    ['شماره‌ام ۰۹۱۲۳۴۵۶۷۸۹ است', 'phone', '۰۹۱۲۳۴۵۶۷۸۹'],
    ['رقم ٠٩١٢٣٤٥٦٧٨٩ هنا', 'phone', '٠٩١٢٣٤٥٦٧٨٩'],
    ['my brother +98 912 345 6789 knows', 'phone', '+98 912 345 6789'],
    ['or 00989123456789.', 'phone', '00989123456789'],
    ['home 021-88776655 only', 'phone', '021-88776655'],
    ['(021) 8877 6655', 'phone', '(021) 8877 6655'],
    ['کد ملی او ۰۰۱۲۳۴۵۶۷۹ بود', 'national_id', '۰۰۱۲۳۴۵۶۷۹'],
    ['write to ali.rezaei@example.com please', 'email', 'ali.rezaei@example.com'],
    ['see https://example.org/path?x=1.', 'url', 'https://example.org/path?x=1'],
    ['نشانی: www.example.ir/page', 'url', 'www.example.ir/page'],
    ['channel t.me/somechannel now', 'url', 't.me/somechannel'],
  ])('%s → %s', (text, kind, span) => {
    expect(kinds(text)).toEqual([[kind, span]]);
  });

  it('a 10-digit number with a wrong check digit is still suggested, as a phone number', () => {
    expect(kinds('0012345678')).toEqual([['phone', '0012345678']]);
  });

  it('joins the parts of a Persian street address into one span', () => {
    expect(kinds('خانه‌شان در خیابان آزادی، کوچه ۱۲، پلاک ۴ بود.')).toEqual([['address', 'خیابان آزادی، کوچه ۱۲، پلاک ۴']]);
  });

  it('finds English street addresses', () => {
    expect(kinds('They lived at 12 Azadi Street, No. 4.')).toEqual([['address', '12 Azadi Street, No. 4']]);
    expect(kinds('in Alley 5 near the mosque')).toEqual([['address', 'Alley 5']]);
  });

  it('does not flag dates, ages, short numbers or ordinary prose', () => {
    expect(kinds('در ۲۵ آبان ۱۳۹۸ ساعت ۵ عصر، او ۱۹ ساله بود.')).toEqual([]);
    expect(kinds('On 16 November 2019 he was 19 years old.')).toEqual([]);
  });

  it('an e-mail wins over the digits inside it, and spans never overlap', () => {
    const spans = suggestRedactions('x 09123456789@mail.com and 09121112233');
    expect(spans.map((s) => s.kind)).toEqual(['email', 'phone']);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });

  it('offsets point at the original text, also with Persian digits', () => {
    const text = 'تلفن: ۰۹۱۲ ۳۴۵ ۶۷۸۹ و ایمیل a@b.co';
    for (const s of suggestRedactions(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('applying redactions', () => {
  it('replaces each span with the mark in the testimony language', () => {
    const text = 'Call 0912 345 6789 or mail a@b.co';
    const out = applyRedactions(text, suggestRedactions(text), 'en');
    expect(out).toBe('Call [redacted] or mail [redacted]');
    expect(redactionMark('fa')).toBe('[حذف شد]');
    expect(applyRedactions('شماره ۰۹۱۲۳۴۵۶۷۸۹', suggestRedactions('شماره ۰۹۱۲۳۴۵۶۷۸۹'), 'fa')).toBe('شماره [حذف شد]');
  });

  it('merges overlapping and unsorted spans and clips them to the text', () => {
    expect(applyRedactions('abcdefghij', [{ start: 5, end: 8 }, { start: 1, end: 3 }, { start: 2, end: 6 }, { start: 9, end: 99 }], 'en')).toBe('a[redacted]i[redacted]');
  });

  it('leaves the text as it is with no spans, and ignores empty ones', () => {
    expect(applyRedactions('same', [], 'en')).toBe('same');
    expect(applyRedactions('same', [{ start: 2, end: 2 }], 'en')).toBe('same');
  });

  it('latinDigits maps both Persian and Arabic-Indic digits', () => {
    expect(latinDigits('۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩')).toBe('0123456789 0123456789');
  });
});

describe('onlyRemovesWords', () => {
  it('accepts words taken out or replaced by the mark, refuses new or brought-back words', () => {
    expect(onlyRemovesWords('Note by Maryam 0912', 'Note by [redacted]')).toBe(true);
    expect(onlyRemovesWords('یادداشت مریم ۰۹۱۲', 'یادداشت [حذف شد]')).toBe(true);
    expect(onlyRemovesWords('Note by Maryam', null)).toBe(true);
    expect(onlyRemovesWords('Note by [redacted]', 'Note by Maryam')).toBe(false);
    expect(onlyRemovesWords(null, 'A caption')).toBe(false);
  });
});

it('onlyRemovesWords ignores punctuation left by a cut', () => {
  expect(onlyRemovesWords('A relative phoned about Kaveh.', 'A relative phoned.')).toBe(true);
});
