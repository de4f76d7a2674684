// @ts-check
// Which requests the public cache answers: the documents every reader gets alike (the memorial's
// pages, feeds, sitemaps, robots.txt and the open-data API), fetched as a plain GET or HEAD.
// Everything else — accounts, submission, staff, media, uploads, server actions, Next's client-side
// navigation payloads (RSC) — goes straight to Next, as do `/` and un-prefixed paths, whose
// redirect depends on Accept-Language.

const publicPaths = [
  /^\/(fa|en)$/, // home
  /^\/(fa|en)\/persons\/[^/]+$/, // a person page and its further pages (?after=…)
  /^\/(fa|en)\/testimonies\/[^/]+$/, // a testimony's permanent link (a redirect to its person's page)
  /^\/(fa|en)\/search$/, // search and browse
  /^\/(fa|en)\/statistics(\/[a-z-]+\.csv)?$/, // statistics and its CSV files
  /^\/(fa|en)\/data$/, // the open-data page
  /^\/(fa|en)\/feed\.xml$/,
  /^\/(fa|en)\/collections\/[^/]+(\/statistics(\/[a-z-]+\.csv)?|\/feed\.xml)?$/, // a collection's home, statistics, CSV files and feed
  /^\/sitemap\.xml$/,
  /^\/sitemaps\/[^/]+$/,
  /^\/robots\.txt$/,
  /^\/api\/v1\/[^?]*$/, // open data
];

// Headers with which Next answers something other than the document: client-side navigation and
// prefetch payloads, server actions. Those requests go to Next, uncached.
const nextOnlyHeaders = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-action'];

/**
 * The cache key of a request the cache may answer (its path and query, exactly as sent), or null.
 * @param {string | undefined} method
 * @param {string | undefined} url the request target, e.g. `/en/search?q=x`
 * @param {Record<string, string | string[] | undefined>} headers
 * @returns {string | null}
 */
export function cacheKey(method, url, headers) {
  if ((method !== 'GET' && method !== 'HEAD') || !url || !url.startsWith('/') || url.startsWith('//')) return null;
  if (nextOnlyHeaders.some((name) => headers[name] !== undefined)) return null;
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  if (queryAt !== -1 && /(^|&)_rsc=/.test(url.slice(queryAt + 1))) return null;
  return publicPaths.some((pattern) => pattern.test(pathname)) ? url : null;
}

/**
 * A search with a text query: its key is free text, most of which nobody asks for twice (the cache
 * then compresses it only when someone does).
 * @param {string} key a cache key (`cacheKey`)
 */
export function isTextSearch(key) {
  const queryAt = key.indexOf('?');
  if (queryAt === -1 || !/^\/(fa|en)\/search$/.test(key.slice(0, queryAt))) return false;
  return !!new URLSearchParams(key.slice(queryAt + 1)).get('q')?.trim();
}
