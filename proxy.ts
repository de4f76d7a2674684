import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from '@/lib/i18n/routing';
import { pagePolicy } from '@/lib/security/headers.mjs';

const localeRouting = createMiddleware(routing);
const development = process.env.NODE_ENV === 'development';
// Paths with a locale: everything except API routes, Next internals and files with an extension.
const localeRouted = /^\/(?!api|_next|_vercel|.*\..*).*$/;

// Two jobs, neither of them an access decision (authentication and authorization are checked in
// the data layer, lib/, where data is read, because a proxy can be skipped — matcher gaps, the
// 2025 middleware-bypass advisories):
// 1. Locale redirects: `/` → `/fa` or `/en` from Accept-Language, and paths without a locale
//    prefix → the same path under the negotiated locale.
// 2. A fresh CSP nonce for every document. Next reads the policy from the request headers and puts
//    the nonce on the scripts it renders; the browser runs no other script. Responses that are not
//    documents (API, feed, files fetched by a page) keep next.config.js's stricter resource policy.
export default function proxy(request: NextRequest) {
  const routed = localeRouted.test(request.nextUrl.pathname);
  if (!routed && !isDocumentRequest(request)) return NextResponse.next();

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const policy = pagePolicy(nonce, { development });
  request.headers.set('x-nonce', nonce);
  request.headers.set('Content-Security-Policy', policy);
  // next-intl copies the request headers into the request the page is rendered from.
  const response = routed ? localeRouting(request) : NextResponse.next({ request: { headers: request.headers } });
  response.headers.set('Content-Security-Policy', policy);
  // A locale redirect depends on Accept-Language: no cache may keep one and serve it to another reader.
  if (response.headers.has('location')) response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** A page the browser will render (e.g. the 404 page of /no-such-file.txt), not a fetch. */
function isDocumentRequest(request: NextRequest) {
  const destination = request.headers.get('sec-fetch-dest');
  if (destination) return destination === 'document';
  return (request.headers.get('accept') ?? '').includes('text/html');
}

export const config = {
  // Everything but Next's build files (scripts, styles, fonts: they carry next.config.js's headers).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
