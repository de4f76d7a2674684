import { describe, expect, it } from 'vitest';
import { secondFactorSchema, usernameKey, usernameKeyKeepingDigits } from './account';

describe('usernameKey', () => {
  it('folds Persian and Arabic-Indic digits into Latin ones, as a Persian keyboard types them', () => {
    expect(usernameKey('maryam۱۲')).toBe('maryam12');
    expect(usernameKey('Maryam١٢')).toBe('maryam12');
    expect(usernameKey(' maryam1۲ ')).toBe('maryam12');
    expect(usernameKey('مریم۱۳۹۸')).toBe(usernameKey('مريم1398'));
  });

  it('still ignores case, Unicode form and Arabic letter variants', () => {
    expect(usernameKey('ALI')).toBe('ali');
    expect(usernameKey('علي')).toBe('علی');
    expect(usernameKey('ｍａｒｙａｍ１２')).toBe('maryam12');
  });

  it('keeps the digits in the key as it was before migration 0029', () => {
    expect(usernameKeyKeepingDigits('Maryam۱۲')).toBe('maryam۱۲');
  });
});

describe('secondFactorSchema', () => {
  // Walk finding: ۵۸۸۶۳۴ typed on a Persian keyboard at /fa/two-factor was refused.
  it('reads a code typed in Persian or Arabic-Indic digits as the same Latin code', () => {
    expect(secondFactorSchema.parse({ code: '۵۸۸۶۳۴' }).code).toBe('588634');
    expect(secondFactorSchema.parse({ code: ' ٥٨٨٦٣٤ ' }).code).toBe('588634');
    expect(secondFactorSchema.parse({ code: '۵۸۸ 6۳4' }).code).toBe('588 634');
    // Recovery codes too: their digits count the same whatever the keyboard.
    expect(secondFactorSchema.parse({ code: 'abcd-۲۳۴۵-efgh' }).code).toBe('abcd-2345-efgh');
  });

  it('still refuses what is too short or too long', () => {
    expect(secondFactorSchema.safeParse({ code: '۵۸۸' }).success).toBe(false);
    expect(secondFactorSchema.safeParse({ code: '1'.repeat(33) }).success).toBe(false);
  });
});
