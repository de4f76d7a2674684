import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';

const key = 'k'.repeat(40);

describe('secret box', () => {
  it('round-trips and never stores the plaintext', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', 'users.totp_secret', key);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(sealed, 'users.totp_secret', key)).toBe('JBSWY3DPEHPK3PXP');
  });
  it('uses a fresh nonce each time', () => {
    expect(seal('x', 'p', key)).not.toBe(seal('x', 'p', key));
  });
  it('refuses another purpose, another key, or an altered value', () => {
    const sealed = seal('secret', 'users.email', key);
    expect(() => open(sealed, 'users.totp_secret', key)).toThrow();
    expect(() => open(sealed, 'users.email', 'x'.repeat(40))).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => open(parts.join('.'), 'users.email', key)).toThrow();
  });
});
