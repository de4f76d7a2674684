import { describe, expect, it } from 'vitest';
import {
  acceptInvitationSchema,
  changePassphraseSchema,
  normalizePassphrase,
  recoverSchema,
  secondFactorSchema,
  samePassphrase,
  signUpSchema,
  usernameKey,
  usernameKeyKeepingDigits,
} from './account';

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

describe('the passphrase rule (sign-up, recovery, change, invitation, sign-in)', () => {
  const base = { username: 'maryam', passphrase: 'seven lanterns over a river', passphraseConfirm: 'seven lanterns over a river' };

  it('does not refuse a confirmation for white space at either end', () => {
    expect(samePassphrase('seven lanterns over a river', 'seven lanterns over a river ')).toBe(true);
    expect(samePassphrase(' seven lanterns over a river', 'seven lanterns over a river\t')).toBe(true);
    for (const schema of [signUpSchema, recoverSchema]) {
      const parsed = schema.safeParse({ ...base, code: 'abcd-efgh-jkmn', passphraseConfirm: `${base.passphrase} ` });
      expect(parsed.success).toBe(true);
    }
    expect(changePassphraseSchema.safeParse({ currentPassphrase: 'x', passphrase: ` ${base.passphrase}`, passphraseConfirm: base.passphrase }).success).toBe(true);
    expect(acceptInvitationSchema.safeParse({ ...base, token: 'a'.repeat(40), passphraseConfirm: `${base.passphrase}\n` }).success).toBe(true);
  });

  it('still refuses a different passphrase, spaces inside included', () => {
    expect(samePassphrase('seven lanterns over a river', 'seven lanterns  over a river')).toBe(false);
    expect(samePassphrase('seven lanterns over a river', 'Seven lanterns over a river')).toBe(false);
    const parsed = signUpSchema.safeParse({ ...base, passphraseConfirm: 'seven lanterns over a rive' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['passphraseMismatch']);
  });

  it('keeps the passphrase without the outer white space, and counts its length without it', () => {
    const parsed = signUpSchema.parse({ ...base, passphrase: `  ${base.passphrase}  ` });
    expect(parsed.passphrase).toBe(base.passphrase);
    // Twelve characters only with the spaces around them: too short.
    const short = signUpSchema.safeParse({ ...base, passphrase: '  elevenchars  ', passphraseConfirm: 'elevenchars' });
    expect(short.error?.issues.map((i) => i.message)).toContain('passphraseTooShort');
  });

  it('is one form for one passphrase: compatibility characters fold (NFKC), nothing else changes', () => {
    expect(normalizePassphrase('\u00a0ｍａｒｙａｍ lantern\u2003')).toBe('maryam lantern');
    expect(normalizePassphrase('ﻣﺮﯾﻢ')).toBe(normalizePassphrase('مریم'));
    expect(normalizePassphrase('a  b')).toBe('a  b');
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
