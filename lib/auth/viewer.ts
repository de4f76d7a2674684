import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { env } from '@/lib/env.mjs';
import { sessionCookieName } from './next-auth';
import { resolveSession, type Viewer } from './sessions';
import { sessionTokenReader } from './session-token';

export type { Viewer } from './sessions';

// One per process: the cookie's decryption, remembered per cookie value (lib/auth/session-token.ts).
const sessionIdOf = sessionTokenReader();

/**
 * Who is asking, read once per request: the session cookie names a server-side session row,
 * which is checked (revoked, idle, disabled) and joined to the user's current role.
 *
 * The cookie is decrypted here with Auth.js's own `decode` (the same key derivation, the same
 * expiry check) rather than through `auth()`: called from a page or an action, `auth()` runs
 * Auth.js's whole session endpoint on a constructed request — decrypt, callbacks, encrypt a
 * renewed token and a JSON response — and then drops the renewed cookie (a page cannot set one).
 * Only the decryption decides anything (issue 21: the encryption was ~5 % of a form post's CPU).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const name = sessionCookieName();
  const token = (await cookies()).get(name)?.value;
  const secret = env().AUTH_SECRET;
  if (!token || !secret) return null;
  const sid = await sessionIdOf(token, secret, name);
  if (!sid) return null;
  return resolveSession(await getDb(), sid);
});
