import 'server-only';
import { getDb } from '@/db/client';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { revokeSession } from './sessions';
import { getViewer } from './viewer';

/** What a browser is told to forget of this site when a person signs out or leaves quickly. */
export const clearSiteData = '"cache", "cookies", "storage"';

/**
 * Ends the current session: the server row first (so the cookie is dead even if it were kept), then
 * the cookie — the cookie even while the database is down (what matters on a phone that may be
 * taken; the row then ends with its idle timeout). For route handlers that answer with
 * `Clear-Site-Data` (sign-out, leave quickly).
 */
export async function endCurrentSession(): Promise<void> {
  try {
    const viewer = await getViewer();
    if (viewer) await revokeSession(await getDb(), viewer.sessionId);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
  }
  // Imported here, not at the top: keeps route modules loadable by the Vitest authorization matrix.
  const { signOut } = await import('./next-auth');
  await signOut({ redirect: false });
}
