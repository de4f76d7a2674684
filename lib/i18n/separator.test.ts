import { describe, expect, it } from 'vitest';
import fa from './messages/fa.json' with { type: 'json' };
import { joinParts, partSeparator } from './separator';

// Marks a Persian reader can take for the zero «۰» (or a decimal point) beside Persian digits.
const zeroLike = /[·•∙⋅・.٠۰٫o]/u;

describe('partSeparator', () => {
  it('puts nothing that reads as a digit between Persian parts', () => {
    expect(partSeparator('fa')).not.toMatch(zeroLike);
    expect(joinParts(['۱۵ نفر ثبت شده', null, '۸ روایت'], 'fa')).toBe('۱۵ نفر ثبت شده، ۸ روایت');
  });

  it('keeps the middle dot in English', () => {
    expect(joinParts(['15 persons', false, '8 testimonies'], 'en')).toBe('15 persons · 8 testimonies');
  });

  it('no Persian message carries a middle dot', () => {
    const all = JSON.stringify(fa);
    expect(all).not.toMatch(/[·•∙⋅]/u);
  });
});
