import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { sessionCookieName } from './next-auth';
import type { Viewer } from './sessions';
import { viewerOfSessionToken } from './session-viewer';

export type { Viewer } from './sessions';

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
  return token ? viewerOfSessionToken(await getDb(), token, name) : null;
});
