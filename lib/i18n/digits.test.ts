import { describe, expect, it } from 'vitest';
import { normalizeRecoveryCode } from '@/lib/auth/recovery-codes';
import { latinDigits, persianDigits } from './digits';

describe('digits typed on a Persian or Arabic keyboard', () => {
  it('are read as Latin digits', () => {
    expect(latinDigits('۱۳۹۸ و ١٤٠٥ and 2019')).toBe('1398 و 1405 and 2019');
  });

  it('in a recovery code, mean the same code as Latin ones', () => {
    expect(normalizeRecoveryCode('۹۲KZ-xcrs ۶caw')).toBe(normalizeRecoveryCode('92kz-xcrs-6caw'));
  });

  it('written back in Persian, are what the platform writes for day numbers', () => {
    for (let n = 1; n <= 31; n++) expect(persianDigits(String(n))).toBe(n.toLocaleString('fa-IR'));
    expect(latinDigits(persianDigits('1398'))).toBe('1398');
  });
});
