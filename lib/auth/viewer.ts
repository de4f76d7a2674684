import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { auth } from './next-auth';
import { resolveSession, type Viewer } from './sessions';

export type { Viewer } from './sessions';

/**
 * Who is asking, read once per request: the session cookie names a server-side session row,
 * which is checked (revoked, idle, disabled) and joined to the user's current role.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  return resolveSession(await getDb(), session.sid);
});
