import { describe, expect, it } from 'vitest';
import {
  generatePassphrase,
  hashPassphrase,
  isCommonPassphrase,
  passphraseEntropyBits,
  verifyAgainstDummy,
  verifyPassphrase,
} from './passphrase';

describe('generated passphrases', () => {
  it('carry at least 70 bits of entropy', () => {
    expect(passphraseEntropyBits()).toBeGreaterThanOrEqual(70);
  });

  it('are six lower-case words and differ each time', () => {
    const phrases = new Set(Array.from({ length: 50 }, () => generatePassphrase()));
    expect(phrases.size).toBe(50);
    for (const phrase of phrases) expect(phrase).toMatch(/^[a-z-]+( [a-z-]+){5}$/);
  });
});

describe('common passphrase check', () => {
  it('refuses well-known passwords whatever their case or spacing', () => {
    expect(isCommonPassphrase('password')).toBe(true);
    expect(isCommonPassphrase('PassWord')).toBe(true);
    expect(isCommonPassphrase('qwertyuiop123')).toBe(true);
  });

  it('accepts an unusual passphrase', () => {
    expect(isCommonPassphrase('mulberry lantern orbit pickle')).toBe(false);
  });
});

describe('Argon2id hashing', () => {
  it('produces an argon2id hash that verifies only the same passphrase', async () => {
    const stored = await hashPassphrase('mulberry lantern orbit pickle');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassphrase(stored, 'mulberry lantern orbit pickle')).toBe(true);
    expect(await verifyPassphrase(stored, 'mulberry lantern orbit pickles')).toBe(false);
  });

  it('treats a malformed stored hash as a failed check, not an error', async () => {
    expect(await verifyPassphrase('not-a-hash', 'anything at all')).toBe(false);
  });

  it('always fails against the dummy hash used for unknown accounts', async () => {
    expect(await verifyAgainstDummy('mulberry lantern orbit pickle')).toBe(false);
  });
});

describe('the passphrase rule when hashing and checking', () => {
  it('a passphrase set with a space at an end signs in without it, and with it', async () => {
    const stored = await hashPassphrase('mulberry lantern orbit pickle ');
    expect(await verifyPassphrase(stored, 'mulberry lantern orbit pickle')).toBe(true);
    expect(await verifyPassphrase(stored, ' mulberry lantern orbit pickle\n')).toBe(true);
    expect(await verifyPassphrase(stored, 'mulberry lantern orbit  pickle')).toBe(false);
  });

  it('a passphrase hashed as typed before the rule (space kept) still signs in when typed so', async () => {
    // As hashPassphrase stored it before: NFKC only, the trailing space in the hash.
    const { hash } = await import('@node-rs/argon2');
    const legacy = await hash('mulberry lantern orbit pickle '.normalize('NFKC'), { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassphrase(legacy, 'mulberry lantern orbit pickle ')).toBe(true);
    expect(await verifyPassphrase(legacy, 'mulberry lantern orbit pickle')).toBe(false);
  });
});
