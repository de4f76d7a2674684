import { decode } from 'next-auth/jwt';

/**
 * The session id a session cookie carries, decrypted with Auth.js's own `decode`, remembered per
 * cookie value until the token's own expiry. Decrypting costs ~3 ms of CPU a request (an HKDF key
 * derivation and AES-CBC + HMAC through WebCrypto's job queue, ~8 % of the server's CPU under the
 * no-JavaScript forms; issue 21), and a browser sends the same cookie on every request.
 *
 * Only the decryption is remembered, never a decision: the session row is still read and checked
 * on every request (revoked, idle, disabled: lib/auth/sessions.ts). Only tokens that decrypted are
 * kept, so a stranger cannot fill the memory without the secret; the oldest go first past `limit`.
 * A token is kept under the secret and salt it was decrypted with: a new secret decrypts afresh.
 */
export function sessionTokenReader({ limit = 10_000, now = () => Date.now(), decodeToken = decode } = {}) {
  const known = new Map<string, { sid: string; expiresAt: number; secret: string; salt: string }>();
  return async function sessionIdOf(token: string, secret: string, salt: string): Promise<string | null> {
    const hit = known.get(token);
    if (hit && hit.secret === secret && hit.salt === salt) {
      if (hit.expiresAt > now()) return hit.sid;
      known.delete(token);
    }
    const payload = await decodeToken({ token, secret, salt }).catch(() => null);
    const sid = typeof payload?.sid === 'string' ? payload.sid : null;
    // Auth.js always sets `exp`; a token without one is decrypted every time rather than kept forever.
    if (sid && typeof payload?.exp === 'number') {
      if (known.size >= limit) known.delete(known.keys().next().value!);
      known.set(token, { sid, expiresAt: payload.exp * 1000, secret, salt });
    }
    return sid;
  };
}
