// The Persian catalogue against ../shared/GLOSSARY-fa.md: the rules a word list can check. The
// others are about meaning in context (ویرایش is right for "edit", wrong for "redact") and are
// checked by reading.
import { describe, expect, it } from 'vitest';
import fa from './messages/fa.json';

function flatten(node: unknown, path = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => flatten(v, path ? `${path}.${k}` : k));
}
const strings = flatten(fa);
// ICU syntax ({count}, {n, plural, =0 {…} other {…}}: the arguments and the `=0` selectors) and
// rich-text tags are not Persian text; the branches' words are.
const prose = (text: string) =>
  text
    .replace(/\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/g, ' {')
    .replace(/(=\d+|zero|one|two|few|many|other)\s*\{/g, ' {')
    .replace(/\{\s*\w+(\s*,\s*\w+)?\s*\}/g, ' ')
    .replace(/[{}]/g, ' ')
    .replace(/<\/?[a-z]+>/g, ' ');
const offending = (test: (text: string) => boolean) => strings.filter(([, text]) => test(prose(text))).map(([key, text]) => `${key}: ${text}`);

const zwnj = '\u200c';
const suffixes = ['ها', 'های', 'هایی', 'تر', 'ترین'];

describe('the Persian catalogue follows the glossary', () => {
  it.each([
    ['شهادت', 'روایت (testimony; شهادت also means martyrdom)'],
    ['گذرواژه', 'عبارت عبور'],
    ['برگزینید', 'انتخاب کنید'],
    ['نویسه', 'حرف'],
    ['خورشیدی', 'شمسی'],
    ['رمزینه', 'کد'],
    ['صافی', 'پالایه (filter)'],
  ])('never uses %s (the glossary says %s)', (word) => {
    expect(offending((t) => t.includes(word))).toEqual([]);
  });

  it('writes Persian ی and ک, never the Arabic ي and ك', () => {
    expect(offending((t) => /[يك]/.test(t))).toEqual([]);
  });

  it('writes digits in Persian, except inside Latin technical names (UTF-8, IR-23, MP4)', () => {
    const latinDigitOutsideLatinWord = (t: string) =>
      t.split(/[\s،؛؟«»()]+/).some((token) => /[0-9]/.test(token) && !/[A-Za-z]/.test(token));
    expect(offending(latinDigitOutsideLatinWord)).toEqual([]);
  });

  it('joins ها، تر and ترین with a نیم‌فاصله wherever the same word is written that way elsewhere', () => {
    const joinedSomewhere = new Set<string>();
    const wordsOf = (t: string) => t.split(/[^\p{L}\u200c]+/u).filter(Boolean);
    for (const [, text] of strings) {
      for (const word of wordsOf(prose(text))) {
        const [stem, suffix] = word.split(zwnj);
        if (stem && suffix && suffixes.includes(suffix)) joinedSomewhere.add(stem);
      }
    }
    const glued = (t: string) =>
      wordsOf(t).some((word) => suffixes.some((s) => word.endsWith(s) && joinedSomewhere.has(word.slice(0, -s.length))));
    expect(offending(glued)).toEqual([]);
  });

  // Polite plural everywhere (بفرستید، بسازید), never the intimate singular.
  it('never ends a label or sentence in the intimate singular', () => {
    const singular = ['بفرست', 'بساز', 'بده', 'بکن', 'کن', 'بزن', 'بنویس', 'بخوان', 'ببین', 'بگیر', 'برو', 'بیا', 'بمان', 'بگذار', 'بردار', 'بگو'];
    const endsSingular = (t: string) => {
      const words = t.trim().replace(/[.!؟…]+$/u, '').split(/\s+/);
      return singular.includes(words.at(-1) ?? '');
    };
    expect(offending(endsSingular)).toEqual([]);
  });
});
