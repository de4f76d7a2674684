import { getDb } from '@/db/client';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { revokeSession } from '@/lib/auth/sessions';
import { getViewer } from '@/lib/auth/viewer';
import { routing } from '@/lib/i18n/routing';
import { isSameOriginRequest } from '@/lib/security/same-origin';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/** Ends the current session: the server row first (so the cookie is dead even if kept), then the cookie; the cookie even while the database is down. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale: requested } = await params;
  const locale = (routing.locales as readonly string[]).includes(requested) ? requested : routing.defaultLocale;
  // A cross-site page must not be able to sign someone out (lib/security/same-origin.ts).
  if (!isSameOriginRequest(request.headers)) return new Response(null, { status: 403, headers: noStore });
  try {
    const viewer = await getViewer();
    if (viewer) await revokeSession(await getDb(), viewer.sessionId);
  } catch (error) {
    // The database is down: the browser is still cleared below (what matters on a phone that may be
    // taken), and the session row ends with its idle timeout.
    if (!isDatabaseUnavailable(error)) throw error;
  }
  // Imported here, not at the top: keeps this module loadable by the Vitest authorization matrix.
  const { signOut } = await import('@/lib/auth/next-auth');
  await signOut({ redirect: false });
  return new Response(null, {
    status: 303,
    headers: {
      ...noStore,
      Location: `/${locale}`,
      // Also wipes anything a page may have cached or stored in this browser for this site.
      'Clear-Site-Data': '"cache", "cookies", "storage"',
    },
  });
}

export function GET() {
  return new Response(null, { status: 405, headers: { ...noStore, Allow: 'POST' } });
}
