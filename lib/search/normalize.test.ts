import { describe, expect, it } from 'vitest';
import { nameSearchText, normalizeName } from './normalize';

describe('normalizeName', () => {
  it('unifies Arabic and Persian letter forms', () => {
    expect(normalizeName('علي')).toBe(normalizeName('علی'));
    expect(normalizeName('كاظم')).toBe('کاظم');
    expect(normalizeName('آرمان')).toBe('ارمان');
    expect(normalizeName('خانۀ')).toBe('خانه');
  });
  it('treats zero-width non-joiners and punctuation as spaces, lower-cases Latin', () => {
    expect(normalizeName('محمد\u200cرضا')).toBe('محمد رضا');
    expect(normalizeName('  Mohammad-Reza  ')).toBe('mohammad reza');
  });
  it('strips diacritics and maps Persian digits', () => {
    expect(normalizeName('مُحَمَّد')).toBe('محمد');
    expect(normalizeName('Pouyâ ۱۲')).toBe('pouya 12');
  });
  it('joins distinct names', () => {
    expect(nameSearchText(['Ali', 'ali', null, 'علی'])).toBe('ali علی');
  });
});
