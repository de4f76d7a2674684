import { describe, expect, it } from 'vitest';
import { checkTotp, currentTotp, newTotpSecret, totpQrSvg, totpUri } from './totp';

describe('TOTP', () => {
  it('accepts the current code once and refuses the same code replayed', async () => {
    const secret = newTotpSecret();
    const code = await currentTotp(secret);
    const first = await checkTotp(secret, code, null);
    expect(first.valid).toBe(true);
    if (!first.valid) return;
    expect(await checkTotp(secret, code, first.timeStep)).toEqual({ valid: false });
  });

  it('refuses a wrong code and malformed input', async () => {
    const secret = newTotpSecret();
    const code = await currentTotp(secret);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await checkTotp(secret, wrong, null)).toEqual({ valid: false });
    expect(await checkTotp(secret, 'abcdef', null)).toEqual({ valid: false });
    expect(await checkTotp(secret, '', null)).toEqual({ valid: false });
  });

  it('refuses a code from ten minutes ago', async () => {
    const secret = newTotpSecret();
    const old = await currentTotp(secret, Math.floor(Date.now() / 1000) - 600);
    expect(await checkTotp(secret, old, null)).toEqual({ valid: false });
  });

  it('tolerates spaces typed inside the code', async () => {
    const secret = newTotpSecret();
    const code = await currentTotp(secret);
    expect((await checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null)).valid).toBe(true);
  });

  it('renders an otpauth QR code as inline SVG without any external reference', async () => {
    const secret = newTotpSecret();
    expect(totpUri(secret, 'moderator-1')).toMatch(/^otpauth:\/\/totp\/Yadman:moderator-1\?/);
    const svg = await totpQrSvg(secret, 'moderator-1');
    expect(svg).toMatch(/^<svg/);
    // Only the SVG namespace may appear; no href, image or url() that a browser would fetch.
    expect(svg).not.toMatch(/href|<image|url\(/i);
  });
});
