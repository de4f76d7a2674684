import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { requestAddressKey } from '@/lib/abuse/address';
import { actionPostWait, isActionPost } from '@/lib/abuse/action-posts';
import { holdRefusal, limitedRead, publicReadWait } from '@/lib/abuse/public-reads';
import { env } from '@/lib/env.mjs';
import { withDb } from '@/lib/db';
import { databaseReachable } from '@/lib/health/reachability';
import { routing, type Locale } from '@/lib/i18n/routing';
import { renderHeader, renderPlaceholder } from '@/lib/public-cache/render-slot.mjs';
import { rateLimitedResponse as apiRateLimited } from '@/lib/open-data/http';
import { newNonce, pagePolicy } from '@/lib/security/headers.mjs';
import { crossSiteResponse } from '@/lib/security/cross-site-page';
import { pagePathHeader } from '@/lib/security/private-pages';
import { outageResponse, postedForm } from '@/lib/security/outage-page';
import { rateLimitedResponse } from '@/lib/security/rate-limited-page';
import { isSameOriginRequest } from '@/lib/security/same-origin';

const localeRouting = createMiddleware(routing);
const development = process.env.NODE_ENV === 'development';
// Paths with a locale: everything except API routes, Next internals and files with an extension.
const localeRouted = /^\/(?!api|_next|_vercel|.*\..*).*$/;

// Four jobs, none of them an access decision (authentication and authorization are checked in
// the data layer, lib/, where data is read, because a proxy can be skipped — matcher gaps, the
// 2025 middleware-bypass advisories):
// 1. Locale redirects: `/` → `/fa` or `/en` from Accept-Language, and paths without a locale
//    prefix → the same path under the negotiated locale.
// 2. A fresh CSP nonce for every document (for the public cache's renders, a placeholder the
//    cache replaces per response: lib/public-cache/render-slot.mjs). Next reads the policy from the request headers and puts
//    the nonce on the scripts it renders; the browser runs no other script. Responses that are not
//    documents (API, feed, files fetched by a page) keep next.config.js's stricter resource policy.
// 3. While the database is down, a translated 503 page instead of a page that would fail to render
//    (lib/health/reachability.ts), giving back what a form posted without JavaScript carried.
// 4. A post to a page from another site (or with Origin `null` or garbage) gets the translated
//    cross_site 403 and one log line, where Next would answer 500 and log a stack trace per request
//    (lib/security/cross-site-page.ts). Not the protection itself: Next and defineAction refuse such
//    posts anyway.
// 5. Searches, browse pages after the first and the open-data API over their address's allowance
//    get a 429 (lib/abuse/public-reads.ts). Only requests that reach Next are counted: a page a
//    cache in front serves is never limited.
// 6. Form posts to pages (Server Function requests) over their address's allowance get a 429
//    before Next decodes them (lib/abuse/action-posts.ts).
export default async function proxy(request: NextRequest) {
  const refused = (await actionPostRefusal(request)) ?? (await publicReadRefusal(request));
  if (refused) return refused;

  const routed = localeRouted.test(request.nextUrl.pathname);
  if (routed && request.method === 'POST' && !isSameOriginRequest(request.headers)) {
    const locale = (localePrefix.exec(request.nextUrl.pathname)?.[1] as Locale | undefined) ?? routing.defaultLocale;
    return crossSiteResponse(locale, request.nextUrl.pathname);
  }
  if (!routed && !isDocumentRequest(request)) return NextResponse.next();

  const outage = await outageAnswer(request);
  if (outage) return outage;

  // The public cache's own render (scripts/server.mjs) gets its per-process placeholder, which the
  // cache replaces with a fresh nonce in every response it serves; every other request a fresh nonce.
  const nonce = renderPlaceholder(request.headers) ?? newNonce();
  request.headers.delete(renderHeader);
  const policy = pagePolicy(nonce, { development });
  request.headers.set('x-nonce', nonce);
  request.headers.set('Content-Security-Policy', policy);
  // Which page this is, for the header's personal links (lib/security/private-pages.ts); set, never appended.
  request.headers.set(pagePathHeader, request.nextUrl.pathname);
  // next-intl copies the request headers into the request the page is rendered from.
  const response = routed ? localeRouting(request) : NextResponse.next({ request: { headers: request.headers } });
  response.headers.set('Content-Security-Policy', policy);
  // A locale redirect depends on Accept-Language: no cache may keep one and serve it to another reader.
  if (response.headers.has('location')) response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** The 429 answer when this request is a form post over its address's allowance, after a hold. */
async function actionPostRefusal(request: NextRequest): Promise<Response | null> {
  const { pathname } = request.nextUrl;
  if (!isActionPost(request.method, pathname)) return null;
  const seconds = await actionPostWait(requestAddressKey(request.headers));
  if (!seconds) return null;
  await holdRefusal();
  // With JavaScript the form's own fetch gets the status (the form keeps what was typed and says so).
  if (request.headers.has('next-action')) return new Response(null, { status: 429, headers: { 'Retry-After': String(seconds), 'Cache-Control': 'no-store' } });
  const locale = (localePrefix.exec(pathname)?.[1] ?? routing.defaultLocale) as Locale;
  return rateLimitedResponse({ locale, seconds, again: pathname, form: true });
}

/** The 429 answer when this request is a limited public read over its allowance, after a hold. */
async function publicReadRefusal(request: NextRequest): Promise<Response | null> {
  const read = limitedRead(request.method, request.nextUrl);
  if (!read) return null;
  // Fails open: while the database does not answer, the outage page (or the route) answers instead.
  const seconds = await withDb(publicReadWait, read, requestAddressKey(request.headers)).catch(() => 0);
  if (!seconds) return null;
  await holdRefusal();
  if (read === 'open-data') return apiRateLimited(seconds);
  const locale = (localePrefix.exec(request.nextUrl.pathname)?.[1] ?? routing.defaultLocale) as Locale;
  const { pathname, search } = request.nextUrl;
  return rateLimitedResponse({ locale, seconds, again: pathname + search, head: request.method === 'HEAD' });
}

const unreadable = { fields: [], hadFiles: false, hadSecrets: false };
const localePrefix = /^\/(fa|en)(?:\/|$)/;
// Signing out must reach its route even now: it clears the browser's cookie and stored data.
const passesThrough = /^\/(fa|en)\/sign-out$/;

/**
 * The 503 page, when this request is a page (or a form posted without JavaScript) and the database
 * does not answer. Posts with JavaScript (`Next-Action`) are left to the action, which answers the
 * form itself; a cross-site post is left to the action's refusal and never echoed.
 */
async function outageAnswer(request: NextRequest): Promise<Response | null> {
  const { pathname, search } = request.nextUrl;
  const locale = localePrefix.exec(pathname)?.[1] as Locale | undefined;
  const posting = request.method === 'POST';
  if (!locale || passesThrough.test(pathname) || !isDocumentRequest(request)) return null;
  if (!posting && request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (posting && (request.headers.has('next-action') || !isSameOriginRequest(request.headers))) return null;
  if (await databaseReachable(env().DATABASE_URL, { fresh: posting })) return null;
  // A body over the proxy's size limit arrives cut short and cannot be read: then only the notice.
  const posted = posting ? await request.formData().then(postedForm, () => unreadable) : undefined;
  return outageResponse({ locale, action: pathname + search, posted, head: request.method === 'HEAD' });
}

/** A page the browser will render (e.g. the 404 page of /no-such-file.txt), not a fetch. */
function isDocumentRequest(request: NextRequest) {
  const destination = request.headers.get('sec-fetch-dest');
  if (destination) return destination === 'document';
  return (request.headers.get('accept') ?? '').includes('text/html');
}

export const config = {
  // Everything but Next's build files (scripts, styles, fonts: they carry next.config.js's headers)
  // and the upload routes. Next hands the proxy a copy of every request body it runs for, holding
  // it in memory and cutting it at `proxyClientMaxBodySize` (next.config.js) — for the route too: a
  // photo posted without JavaScript past 11 MB reached /api/uploads/form cut short and failed as a
  // blank 500 instead of being streamed to disk and answered "too large (max 25 MB)". None of the
  // proxy's jobs concerns an upload: the routes check the origin, the session and the database
  // themselves (app/api/uploads).
  matcher: ['/((?!_next/static|_next/image|api/uploads/).*)'],
};
