import { clearSiteData, endCurrentSession } from '@/lib/auth/end-session';
import { routing } from '@/lib/i18n/routing';
import { isSameOriginRequest } from '@/lib/security/same-origin';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/** Ends the current session (lib/auth/end-session.ts) and wipes the site from the browser. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale: requested } = await params;
  const locale = (routing.locales as readonly string[]).includes(requested) ? requested : routing.defaultLocale;
  // A cross-site page must not be able to sign someone out (lib/security/same-origin.ts).
  if (!isSameOriginRequest(request.headers)) return new Response(null, { status: 403, headers: noStore });
  await endCurrentSession();
  return new Response(null, {
    status: 303,
    headers: {
      ...noStore,
      Location: `/${locale}`,
      // Also wipes anything a page may have cached or stored in this browser for this site.
      'Clear-Site-Data': clearSiteData,
    },
  });
}

export function GET() {
  return new Response(null, { status: 405, headers: { ...noStore, Allow: 'POST' } });
}
