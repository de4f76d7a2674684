import 'server-only';
// Who a session cookie's value names, for getViewer (lib/auth/viewer.ts, inside Next) and for the
// server in front of Next (lib/submission/post-answer.ts): the same decryption, remembered per
// cookie value once per process (shared through `globalThis` by the app's bundles, which each
// carry their own copy of this module), and the same checks of the session row on every request.
import type { Db } from '@/db/types';
import { env } from '@/lib/env.mjs';
import { resolveSession, type Viewer } from './sessions';
import { sessionTokenReader } from './session-token';

const slot = Symbol.for('yadman.auth.sessionTokens');
const holder = globalThis as { [slot]?: ReturnType<typeof sessionTokenReader> };
const sessionIdOf = (holder[slot] ??= sessionTokenReader());

/** The viewer a session cookie's value names (its name: sessionCookieName()), or null. */
export async function viewerOfSessionToken(db: Db, token: string | undefined, name: string): Promise<Viewer | null> {
  const secret = env().AUTH_SECRET;
  if (!token || !secret) return null;
  const sid = await sessionIdOf(token, secret, name);
  if (!sid) return null;
  return resolveSession(db, sid);
}
