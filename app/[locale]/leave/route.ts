import { clearSiteData, endCurrentSession } from '@/lib/auth/end-session';
import { env } from '@/lib/env.mjs';
import { isSameOriginRequest } from '@/lib/security/same-origin';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * "Leave quickly" (PRODUCT.md §2.9, issue 18): ends the session on the server, tells the browser to
 * forget the site (cookies, storage, cache — and with it the pages that Back could show), and
 * goes on to a neutral site outside Yadman (QUICK_EXIT_URL). Never creates or touches a draft.
 *
 * The answer is a tiny page that refreshes to the neutral site rather than a 303: the pages' CSP
 * allows forms to post only to this site (`form-action 'self'`), which browsers also apply to
 * where a form's redirect leads. With JavaScript the form posts here in the background and the page
 * replaces itself in the history (components/submit/leave-quickly-form.tsx).
 */
export async function POST(request: Request) {
  const exit = env().QUICK_EXIT_URL;
  // A post from another site changes nothing here; the visitor is still sent on, never stopped.
  const fromSite = isSameOriginRequest(request.headers);
  if (fromSite) await endCurrentSession();
  const href = exit.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const body = `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${href}"><title>…</title><a href="${href}" rel="noreferrer">${href}</a>\n`;
  return new Response(body, {
    status: 200,
    headers: {
      ...noStore,
      'Content-Type': 'text/html; charset=utf-8',
      'Referrer-Policy': 'no-referrer',
      ...(fromSite ? { 'Clear-Site-Data': clearSiteData } : {}),
    },
  });
}

export function GET() {
  return new Response(null, { status: 405, headers: { ...noStore, Allow: 'POST' } });
}
