// The upload form without JavaScript posts here (a route handler, not a server action, so the body
// is streamed to disk instead of parsed in memory: lib/media/multipart.ts). The answer is a 303
// back to the files step, saying what happened; a refused file's caption comes back in a
// short-lived cookie scoped to that page, so nothing typed is lost (no caption in the URL).
import { hasLocale } from 'next-intl';
import { NextResponse } from 'next/server';
import { isDatabaseUnavailable, withDb } from '@/lib/db';
import { getViewer } from '@/lib/auth/viewer';
import { env } from '@/lib/env.mjs';
import { AppError } from '@/lib/errors';
import { routing, type Locale } from '@/lib/i18n/routing';
import { receiveMultipartUpload } from '@/lib/media/multipart';
import { uploadCaptionCookie } from '@/lib/media/upload-outcome';
import { outageResponse } from '@/lib/security/outage-page';
import { isSameOriginRequest } from '@/lib/security/same-origin';

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function POST(request: Request) {
  // Session cookies are SameSite=Lax, so another site's form carries none; refuse it outright anyway
  // (foreign or null Origin, cross-site Sec-Fetch-Site: lib/security/same-origin.ts).
  if (!isSameOriginRequest(request.headers)) return plain(403, 'Forbidden');
  try {
    const result = await withDb(receiveMultipartUpload, await getViewer(), request);
    const page = `/${result.locale}/submit/${result.testimonyId}/files`;
    // Back to the host the browser used: `request.url` is Next's own idea of the origin
    // (http://localhost:<port> without AUTH_URL, issue 17), so the Location is relative unless
    // AUTH_URL names the public address.
    const target = `${page}?upload=${encodeURIComponent(result.outcome)}#attachments-heading`;
    const configured = env().AUTH_URL;
    const response = new NextResponse(null, {
      status: 303,
      headers: { Location: configured ? new URL(target, configured).toString() : target, 'Cache-Control': 'no-store' },
    });
    if (result.outcome !== 'received' && result.caption) {
      response.cookies.set(uploadCaptionCookie, result.caption, { path: page, maxAge: 600, httpOnly: true, sameSite: 'strict', secure: new URL(request.url).protocol === 'https:' });
    }
    return response;
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthenticated') return plain(401, 'Sign in again, then upload the file.');
    if (error instanceof AppError && error.code === 'invalid_input') return plain(400, 'Not an upload form.');
    if (error instanceof AppError) return plain(404, 'Not found');
    // The translated outage page (as proxy.ts gives pages), in the language of the page posted from.
    if (isDatabaseUnavailable(error)) return outageResponse({ locale: pageLocale(request), action: '/', posted: { fields: [], hadFiles: true, hadSecrets: false } });
    throw error;
  }
}

/** The language of the files step the form was on (its address is sent as the referrer, same-origin). */
function pageLocale(request: Request): Locale {
  const segment = /^https?:\/\/[^/]+\/([a-z]{2})\//.exec(request.headers.get('referer') ?? '')?.[1];
  return hasLocale(routing.locales, segment) ? segment : routing.defaultLocale;
}
