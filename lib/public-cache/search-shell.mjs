// @ts-check
// The search page's shell: the page rendered by Next once per language and public data version with
// per-process placeholders where the parts that depend on the query go, into which the public cache
// splices each search's own parts (lib/public-cache/search-fast.mjs) instead of rendering the page.
//
// The parts, and where Next puts them (verified on every shell; one not found exactly where
// expected, exactly as often as expected, and the shell is not used: searches render as before):
// - query: the text searched for, echoed in the form (`value="…"` in the HTML, `defaultValue` in
//   the page's RSC payload);
// - results: the count, the persons found and the paging links, one string
//   (components/memorial/search-results.ts; `dangerouslySetInnerHTML` of a div in both);
// - params and search: the URL's query as URLSearchParams writes it (the language switcher's link,
//   the router's canonical URL) and as Next's router state keeps it ("renderedSearch").
// The RSC payload sits in the HTML as `self.__next_f.push([1,"…"])` scripts: a Flight row's JSON
// inside a JSON string, HTML-escaped (Next's htmlEscapeJsonString). Rows that are JSON end at a
// newline (no length prefix), so a value is written there with the same three escapes, and React
// Flight's own: a string that starts with `$` is written `$$`. docs/security.md explains why this
// keeps the CSP and the escaping as safe as a render.
import { randomBytes } from 'node:crypto';
import { escapeText } from '../security/html.mjs';
import { installedPlaceholder } from './render-slot.mjs';

const slot = Symbol.for('yadman.publicCache.searchShell');

/**
 * @typedef {{ key: string; query: string; results: string }} ShellTokens the shell's URL is
 *   `/{locale}/search?{key}`; `query` and `results` stand where those parts go
 */

/**
 * This process's tokens (made once; the same ones on every later call). Random, secret, 24 hex
 * characters: no escaping changes them, no data can be expected to hold them (and a value that
 * does is never spliced: `holdsToken`).
 * @returns {ShellTokens}
 */
export function installSearchShell() {
  const holder = /** @type {{ [slot]?: ShellTokens }} */ (/** @type {unknown} */ (globalThis));
  holder[slot] ??= { key: randomBytes(12).toString('hex'), query: randomBytes(12).toString('hex'), results: randomBytes(12).toString('hex') };
  return holder[slot];
}

/**
 * The page's side: the placeholders to render, when this render is the cache's render of the shell
 * (its nonce is the cache's placeholder, which only the cache's own requests get, and its only URL
 * parameter is the secret key); else null, and the page renders the search asked for.
 * @param {string | null} nonce the page's nonce (`x-nonce`)
 * @param {string[]} keys the URL's parameter names
 * @returns {{ query: string; results: string } | null}
 */
export function shellPlaceholders(nonce, keys) {
  const tokens = /** @type {{ [slot]?: ShellTokens }} */ (/** @type {unknown} */ (globalThis))[slot];
  const placeholder = installedPlaceholder();
  if (!tokens || !placeholder || nonce !== placeholder || keys.length !== 1 || keys[0] !== tokens.key) return null;
  return { query: tokens.query, results: tokens.results };
}

/** @typedef {'query' | 'results' | 'params' | 'search'} Part */
/** @typedef {'html' | 'payload'} Place */
/** @typedef {{ part: Part; place: Place; from: number; to: number }} Spot */
/** @typedef {{ parts: Buffer[]; spots: { part: Part; place: Place }[] }} Shell the shell cut at its spots */
/** @typedef {Record<Part, string>} Values */

// Each part's places and how often each occurs in the page: the language switcher links to the
// same search in the other language (HTML only: a client component), the router's canonical URL
// and rendered search are in the payload only.
const expected = new Map([
  ['query html', 1],
  ['query payload', 1],
  ['results html', 1],
  ['results payload', 1],
  ['params html', 1],
  ['params payload', 1],
  ['search payload', 1],
]);

const payloadOpen = 'self.__next_f.push([1,"';
const payloadClose = '"])</script>';
const quote = '\\"'; // a JSON string's quote inside the payload's JSON string

/**
 * Cuts a rendered shell at its spots, checking each against where it must be.
 * @param {Buffer} body
 * @param {ShellTokens} tokens
 * @returns {Shell | string} the shell, or why it cannot be used
 */
export function parseShell(body, tokens) {
  // Latin-1: one character per byte, so positions are byte offsets; every token and mark is ASCII.
  const text = body.toString('latin1');
  /** @type {[number, number][]} */
  const payloads = [];
  for (let at = text.indexOf(payloadOpen); at !== -1; at = text.indexOf(payloadOpen, at + 1)) {
    const end = text.indexOf(payloadClose, at);
    if (end === -1) return 'a payload script does not end';
    payloads.push([at + payloadOpen.length, end]);
  }
  const placeOf = (/** @type {number} */ at) => (payloads.some(([from, to]) => at >= from && at < to) ? 'payload' : 'html');
  const before = (/** @type {number} */ at, /** @type {string} */ mark) => text.startsWith(mark, at - mark.length);
  /** @type {Spot[]} */
  const spots = [];
  for (const [part, token] of /** @type {const} */ ([['query', tokens.query], ['results', tokens.results]])) {
    for (const at of occurrences(text, token)) {
      const place = placeOf(at);
      const end = at + token.length;
      // A whole string value: an attribute or the inner HTML in the HTML, a JSON string in the payload.
      const [open, close] = place === 'payload' ? [quote, quote] : part === 'query' ? ['value="', '"'] : ['>', '<'];
      if (!before(at, open) || !text.startsWith(close, end)) return `${part} in an unexpected place`;
      spots.push({ part, place, from: at, to: end });
    }
  }
  for (const at of occurrences(text, tokens.key)) {
    const place = placeOf(at);
    // The URL's query, `key=` as Next and URLSearchParams write a parameter without a value.
    const end = at + tokens.key.length + 1;
    // Followed by a character no token or placeholder has (so none can span a spot's edge).
    if (text[end - 1] !== '=' || /[0-9a-f]/.test(text[end] ?? '')) return 'the URL in an unexpected form';
    if (before(at, 'search?')) spots.push({ part: 'params', place, from: at, to: end });
    else if (place === 'payload' && before(at, `${quote}?`)) spots.push({ part: 'search', place, from: at - 1, to: end });
    else return 'the URL in an unexpected place';
  }
  const counts = new Map();
  for (const { part, place } of spots) counts.set(`${part} ${place}`, (counts.get(`${part} ${place}`) ?? 0) + 1);
  for (const [spot, count] of expected) if (counts.get(spot) !== count) return `${spot}: found ${counts.get(spot) ?? 0} times, expected ${count}`;
  if (counts.size !== expected.size) return 'a part in an unexpected place';
  spots.sort((a, b) => a.from - b.from);
  /** @type {Buffer[]} */
  const parts = [];
  let from = 0;
  for (const spot of spots) {
    if (spot.from < from) return 'overlapping parts';
    parts.push(body.subarray(from, spot.from));
    from = spot.to;
  }
  parts.push(body.subarray(from));
  return { parts, spots: spots.map(({ part, place }) => ({ part, place })) };
}

/** @param {string} text @param {string} token */
function occurrences(text, token) {
  const found = [];
  for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + token.length)) found.push(at);
  return found;
}

/**
 * A search's URL parts, as Next writes them for this query string (`q=…&cursor=…`, each parameter
 * at most once: search-fast.mjs takes no other): `params` as URLSearchParams serializes it, `search`
 * as Next's getRenderedSearch does (encodeURIComponent of each name and value).
 * @param {string} query the URL's query, without `?`
 * @returns {{ params: string; search: string }}
 */
export function urlParts(query) {
  const parsed = new URLSearchParams(query);
  const pairs = [...parsed].map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return { params: parsed.toString(), search: pairs.length ? `?${pairs.join('&')}` : '' };
}

// Next's htmlEscapeJsonString: what may not appear as itself in an inline script.
/** @type {Record<string, string>} */
const scriptEscapes = { '&': '\\u0026', '<': '\\u003c', '>': '\\u003e', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * A value as it sits in the HTML's payload: React Flight's `$` escape when it is a whole string
 * value, JSON in the Flight row, JSON again in Next's script, HTML-escaped for the script.
 * @param {string} value
 * @param {boolean} whole the value is a whole JSON string in the row (not inside one)
 */
export function payloadText(value, whole) {
  const flight = whole && value.startsWith('$') ? `$${value}` : value;
  const row = JSON.stringify(flight).slice(1, -1);
  return JSON.stringify(row)
    .slice(1, -1)
    .replace(/[&<>\u2028\u2029]/g, (c) => /** @type {string} */ (scriptEscapes[c]));
}

/**
 * A value as it sits in its spot.
 * @param {{ part: Part; place: Place }} spot
 * @param {Values} values
 */
export function spotText({ part, place }, values) {
  const value = values[part];
  if (place === 'payload') return payloadText(value, part === 'query' || part === 'results');
  // The results are markup already (escaped where they were made); the rest is an attribute value.
  return part === 'results' ? value : escapeText(value);
}

/**
 * The page for these values, or null when a value, as written, holds a token or the nonce's
 * placeholder (a value the cache would take for one of its own marks: never spliced).
 * @param {Shell} shell
 * @param {Values} values
 * @param {string[]} marks the tokens and the nonce placeholder
 * @returns {Buffer | null}
 */
export function splice(shell, values, marks) {
  /** @type {Buffer[]} */
  const out = [];
  for (const [i, spot] of shell.spots.entries()) {
    const text = spotText(spot, values);
    if (marks.some((mark) => text.includes(mark))) return null;
    out.push(/** @type {Buffer} */ (shell.parts[i]), Buffer.from(text));
  }
  out.push(/** @type {Buffer} */ (shell.parts.at(-1)));
  return Buffer.concat(out);
}
