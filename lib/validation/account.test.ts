import { describe, expect, it } from 'vitest';
import { usernameKey, usernameKeyKeepingDigits } from './account';

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
