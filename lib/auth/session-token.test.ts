import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { sessionTokenReader } from './session-token';

const secret = 'a test secret of enough length for the derivation';
const salt = 'yadman.session';
const token = (sid: string, maxAge = 3600) => encode({ token: { sub: 'user', sid }, secret, salt, maxAge });

/** A reader whose decryptions are counted. */
function counted(options: { limit?: number; now?: () => number } = {}) {
  const calls = { n: 0 };
  const read = sessionTokenReader({ ...options, decodeToken: (params) => (calls.n++, decode(params)) });
  return { read, calls };
}

describe('the session cookie reader', () => {
  it('gives the session id of a valid token, decrypting it once', async () => {
    const { read, calls } = counted();
    const t = await token('session-1');
    expect(await read(t, secret, salt)).toBe('session-1');
    expect(await read(t, secret, salt)).toBe('session-1');
    expect(calls.n).toBe(1);
  });

  it('refuses a token under another secret or salt, even after reading it under the right one', async () => {
    const { read } = counted();
    const t = await token('session-1');
    expect(await read(t, secret, salt)).toBe('session-1');
    expect(await read(t, 'another secret of enough length for it', salt)).toBeNull();
    expect(await read(t, secret, 'another.salt')).toBeNull();
  });

  it('refuses a tampered or foreign token, and remembers no refusal', async () => {
    const { read, calls } = counted();
    const t = await token('session-1');
    const tampered = `${t.slice(0, -4)}AAAA`;
    expect(await read(tampered, secret, salt)).toBeNull();
    expect(await read(tampered, secret, salt)).toBeNull();
    expect(await read('not a token', secret, salt)).toBeNull();
    expect(calls.n).toBe(3);
  });

  it('decrypts a remembered token again once its expiry has passed', async () => {
    let clock = Date.now();
    const { read, calls } = counted({ now: () => clock });
    const t = await token('session-1', 60);
    expect(await read(t, secret, salt)).toBe('session-1');
    clock += 59_000;
    expect(await read(t, secret, salt)).toBe('session-1');
    expect(calls.n).toBe(1);
    clock += 2_000;
    await read(t, secret, salt);
    expect(calls.n).toBe(2);
  });

  it('keeps at most `limit` tokens, the oldest going first', async () => {
    const { read, calls } = counted({ limit: 2 });
    const [a, b, c] = await Promise.all([token('a'), token('b'), token('c')]);
    for (const t of [a, b, c]) await read(t, secret, salt);
    expect(calls.n).toBe(3);
    expect(await read(c, secret, salt)).toBe('c');
    expect(await read(b, secret, salt)).toBe('b');
    expect(calls.n).toBe(3);
    expect(await read(a, secret, salt)).toBe('a');
    expect(calls.n).toBe(4);
  });
});
