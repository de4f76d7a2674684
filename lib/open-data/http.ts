// Response helpers for public open-data routes. Every public response is the same for every
// reader (no cookies read, nothing personal), so shared caches may keep it — but only briefly:
// a withdrawn testimony must leave downloads and the API at once, so max-age stays short and the
// server itself never serves a stale copy (data is read per request or from tag-revalidated caches).
export const publicCacheControl = 'public, max-age=60, stale-while-revalidate=60';

export function publicHeaders(contentType: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Cache-Control': publicCacheControl,
    'X-Content-Type-Options': 'nosniff',
    // Downloads and API answers may be fetched by any site's scripts: they are public data.
    'Access-Control-Allow-Origin': '*',
    ...extra,
  });
}

export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: publicHeaders('application/json; charset=utf-8', init.headers),
  });
}

/** A file download; `filename` is ASCII (e.g. "yadman-persons.csv"). */
export function downloadResponse(body: BodyInit, contentType: string, filename: string) {
  return new Response(body, {
    headers: publicHeaders(contentType, { 'Content-Disposition': `attachment; filename="${filename}"` }),
  });
}

export const csvContentType = 'text/csv; charset=utf-8';

/**
 * The one "not found" answer of the API: an unknown id, a malformed id and an unpublished record
 * all get exactly these bytes, so the API never reveals that something unpublished exists.
 */
export function notFoundResponse() {
  return new Response(JSON.stringify({ error: 'not_found' }), {
    status: 404,
    headers: publicHeaders('application/json; charset=utf-8'),
  });
}

export function badRequestResponse(issues: string[]) {
  return new Response(JSON.stringify({ error: 'invalid_request', issues }), {
    status: 400,
    headers: publicHeaders('application/json; charset=utf-8'),
  });
}

/** Over the address's allowance (lib/abuse/public-reads.ts): the wait, in the header and the body; never stored. */
export function rateLimitedResponse(retryAfterSeconds: number) {
  return new Response(JSON.stringify({ error: 'rate_limited', retryAfterSeconds }), {
    status: 429,
    headers: publicHeaders('application/json; charset=utf-8', { 'Cache-Control': 'no-store', 'Retry-After': String(retryAfterSeconds) }),
  });
}
