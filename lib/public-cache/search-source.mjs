// @ts-check
// The app (instrumentation.ts, inside Next's bundle) hands the server in front of it its answer to a
// search, through `globalThis` of the one process they share (as version-source.mjs hands over the
// version reader): the limit, the query and the results' markup, made by the same lib/ and
// components/ code as the search page (lib/memorial/search-answer.ts), for the cache to splice into
// the page's shell (search-fast.mjs) without a request through Next.

const slot = Symbol.for('yadman.publicCache.search');

/**
 * @typedef {{ locale: 'fa' | 'en'; query: string; address: string | undefined; head: boolean }} SearchAsk
 *   query: the URL's query without `?`; address: the client's, as scripts/server.mjs decided it
 * @typedef {{ status: number; headers: [string, string][]; body: Buffer }} Refusal
 * @typedef {{ query: string; results: string; version: number } | { refused: Refusal } | { declined: true }} SearchAnswer
 *   the text searched for as the form echoes it, the results' markup and the public data version
 *   read after the request arrived (with the count); or the 429 page to send; or not a search the
 *   splice answers (a filter, a sort, a page size or an unknown parameter: nothing counted)
 * @typedef {(ask: SearchAsk) => Promise<SearchAnswer>} SearchAnswerer
 */

/** @param {SearchAnswerer} answer */
export function provideSearchAnswer(answer) {
  /** @type {{ [slot]?: SearchAnswerer }} */ (/** @type {unknown} */ (globalThis))[slot] = answer;
}

/** @returns {SearchAnswerer | null} the answerer, once the app has started */
export function providedSearchAnswer() {
  return /** @type {{ [slot]?: SearchAnswerer }} */ (/** @type {unknown} */ (globalThis))[slot] ?? null;
}
