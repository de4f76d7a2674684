// @ts-check
// The public cache: bytes of public documents, rendered at most once per public data version and
// URL, kept in a least-recently-used store bounded by size (lru-cache). The hit path is a version
// read shared with the concurrent requests (version-gate.mjs), a map lookup, a fresh nonce between
// the stored segments, and one corked write of the stored buffers: no React, no Next, no copy.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { newNonce } from '../security/headers.mjs';
import { compressSegments, joinGzip } from './gzip.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./render.mjs').RenderResult} RenderResult */
/** @typedef {import('./render.mjs').Rendered} Rendered */

/**
 * @typedef {{
 *   version: number;
 *   status: number;
 *   headers: string[];
 *   withNonce: number[];
 *   segments: Buffer[];
 *   gzip: Buffer[] | null;
 *   brotli: Buffer | null;
 *   compressWhenAskedAgain: boolean;
 *   size: number;
 * }} Entry one document: its headers (flat name/value list; `withNonce` are the indexes of values
 *   holding the placeholder) and its body split at the placeholder
 * @typedef {{ version: number; passThrough: true; size: number }} Marker a document too big to keep
 * @typedef {{ version: Promise<number | null>; finish: (at: number) => Promise<Rendered | null> }} Begun
 *   a miss begun before the version is known: the version it read itself (null: none), and the
 *   document for the version `at` or a later one (null: `render` renders it)
 */

const brotli = promisify(zlib.brotliCompress);
// Per-connection or per-response headers, and the ones the cache sets itself.
const dropped = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'x-cache', 'vary']);
// A page, its permanent redirect to the canonical address, a temporary one (a merged record).
const keptStatuses = new Set([200, 301, 307, 308]);
const compressible = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|ld\+json|geo\+json|vnd\.oai\.openapi\+json|javascript))/;

/**
 * @param {{
 *   maxBytes: number;
 *   placeholder: string;
 *   version: () => Promise<number>;
 *   render: (key: string, client: IncomingMessage) => Promise<RenderResult>;
 *   begin?: (key: string, client: IncomingMessage) => Begun | null;
 *   mostlyAskedOnce?: (key: string) => boolean;
 * }} options begin: a miss answered otherwise than by `render` (a search spliced into its page's
 *   shell, search-fast.mjs), begun before the version is known. mostlyAskedOnce: documents
 *   compressed only when asked for a second time (searches)
 */
export function createPublicCache({ maxBytes, placeholder, version, render, begin, mostlyAskedOnce = () => false }) {
  /** @type {LRUCache<string, Entry | Marker>} */
  const store = new LRUCache({ maxSize: maxBytes, sizeCalculation: (value) => Math.max(1, value.size) });
  /** @type {Map<string, { version: number; done: Promise<Entry | Marker | null> }>} */
  const rendering = new Map();
  const placeholderBytes = Buffer.from(placeholder);

  /** @param {Rendered} rendered @param {number} at */
  function toEntry(rendered, at) {
    if (!keptStatuses.has(rendered.status)) return null;
    /** @type {string[]} */
    const headers = [];
    /** @type {number[]} */
    const withNonce = [];
    let contentType = '';
    let vary = '';
    for (const [name, value] of rendered.headers) {
      const lower = name.toLowerCase();
      // A response that sets a cookie or opts out of shared caching is someone's own: never kept.
      if (lower === 'set-cookie') return null;
      if (lower === 'location' && (!value.startsWith('/') || value.startsWith('//'))) return null;
      if (lower === 'content-type') contentType = value;
      if (lower === 'vary') vary = value;
      if (dropped.has(lower)) continue;
      if (value.includes(placeholder)) withNonce.push(headers.length + 1);
      headers.push(name, value);
    }
    const segments = split(rendered.body, placeholderBytes);
    const compress = compressible.test(contentType) && rendered.body.length >= 1024;
    if (compress && !/accept-encoding/i.test(vary)) vary = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
    if (vary) headers.push('Vary', vary);
    /** @type {Entry} */
    const entry = { version: at, status: rendered.status, headers, withNonce, segments, gzip: null, brotli: null, compressWhenAskedAgain: compress, size: 0 };
    entry.size = sizeOf(entry);
    return entry;
  }

  /**
   * Compressed forms, made before the first response (its reader gets them too), or for documents
   * mostly asked for once (a search: free text) when asked for a second time, after that response:
   * compressing at level 9 would cost a one-off search as much as its query (issue 16: search over
   * HTTP within 1.5 × the query). Brotli runs off the event loop.
   * @param {string} key @param {Entry} entry
   */
  async function compressLater(key, entry) {
    entry.gzip = compressSegments(entry.segments, placeholder.length);
    // Brotli cannot take a per-response nonce between precompressed parts; documents without one can.
    if (entry.segments.length === 1) {
      const body = /** @type {Buffer} */ (entry.segments[0]);
      entry.brotli = await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: body.length < 256 * 1024 ? 11 : 5 } });
    }
    entry.size = sizeOf(entry);
    // Stored again to count the compressed forms, unless it has been replaced or evicted meanwhile.
    if (store.peek(key) === entry) store.set(key, entry);
  }

  /**
   * @param {string} key @param {number} at @param {IncomingMessage} client
   * @param {Begun | null} begun
   * @returns {Promise<{ kept: Entry | Marker | null; rendered: Rendered | null }>}
   */
  async function fill(key, at, client, begun) {
    const result = (begun && (await begun.finish(at))) || (await render(key, client));
    if (result === null) return { kept: null, rendered: null };
    if (result === 'too-big') {
      /** @type {Marker} */
      const marker = { version: at, passThrough: true, size: key.length + 64 };
      store.set(key, marker);
      return { kept: marker, rendered: null };
    }
    const entry = toEntry(result, at);
    if (!entry) return { kept: null, rendered: result };
    store.set(key, entry);
    if (entry.compressWhenAskedAgain && !mostlyAskedOnce(key)) {
      entry.compressWhenAskedAgain = false;
      void compressLater(key, entry).catch(() => {});
    }
    return { kept: entry, rendered: result };
  }

  return {
    /**
     * Answers the request from the cache, rendering it first on a miss. False: the cache does not
     * answer it (the database's version cannot be read, the document is not kept); Next should.
     * @param {IncomingMessage} req
     * @param {ServerResponse} res
     * @param {string} key
     * @returns {Promise<boolean>}
     */
    async serve(req, res, key) {
      // A document the store does not hold and nobody is rendering is a miss whatever the version:
      // `begin` may start it at once (a search: its count, which reads the version after this
      // request arrived, as `version` would, and its query).
      const begun = begin && !store.has(key) && !rendering.has(key) ? begin(key, req) : null;
      let current;
      try {
        current = (begun ? await begun.version : null) ?? (await version());
      } catch {
        return false;
      }
      const found = store.get(key);
      if (found && found.version >= current) {
        if ('passThrough' in found) return false;
        send(found, req, res, 'hit');
        if (found.compressWhenAskedAgain) {
          found.compressWhenAskedAgain = false;
          setImmediate(() => void compressLater(key, found).catch(() => {}));
        }
        return true;
      }
      const inFlight = rendering.get(key);
      if (inFlight && inFlight.version >= current) {
        // Another request is rendering this document for this version (or a later one): wait for it.
        const kept = await inFlight.done;
        if (!kept || 'passThrough' in kept) return false;
        send(kept, req, res, 'hit');
        return true;
      }
      const filling = fill(key, current, req, begun);
      const done = filling.then((f) => f.kept);
      rendering.set(key, { version: current, done });
      let filled;
      try {
        filled = await filling;
      } finally {
        if (rendering.get(key)?.done === done) rendering.delete(key);
      }
      if (filled.kept && !('passThrough' in filled.kept)) send(filled.kept, req, res, filled.rendered?.spliced ? 'spliced' : 'miss');
      else if (filled.rendered) sendOnce(filled.rendered, req, res);
      else return false;
      return true;
    },
    /** Entries and bytes held, for tests and logs. */
    stats: () => ({ entries: store.size, bytes: store.calculatedSize }),
  };

  /** @param {Entry} entry @param {IncomingMessage} req @param {ServerResponse} res @param {'hit' | 'miss' | 'spliced'} state */
  function send(entry, req, res, state) {
    const nonce = newNonce();
    const nonceBytes = Buffer.from(nonce);
    const headers = entry.headers.slice();
    for (const i of entry.withNonce) headers[i] = /** @type {string} */ (headers[i]).replaceAll(placeholder, nonce);
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    /** @type {Buffer[]} */
    let parts;
    if (entry.brotli && accepted.has('br')) {
      parts = [entry.brotli];
      headers.push('Content-Encoding', 'br');
    } else if (entry.gzip && accepted.has('gzip')) {
      parts = joinGzip(entry.segments, entry.gzip, nonceBytes);
      headers.push('Content-Encoding', 'gzip');
    } else {
      parts = [];
      for (const [i, segment] of entry.segments.entries()) {
        if (i > 0) parts.push(nonceBytes);
        parts.push(segment);
      }
    }
    let length = 0;
    for (const part of parts) length += part.length;
    headers.push('Content-Length', String(length), 'X-Cache', state);
    res.writeHead(entry.status, headers);
    if (req.method === 'HEAD') return void res.end();
    // The stored parts go out as they are (one writev when the connection flushes): no copy of the
    // page per response, which at thousands of responses a second would be most of the memory churn.
    res.cork();
    for (const part of parts) res.write(part);
    res.end();
  }

  /** A render the cache does not keep (an error page, a refusal), given to the reader who asked for it. @param {Rendered} rendered @param {IncomingMessage} req @param {ServerResponse} res */
  function sendOnce(rendered, req, res) {
    const nonce = newNonce();
    /** @type {string[]} */
    const headers = [];
    for (const [name, value] of rendered.headers) {
      if (!dropped.has(name.toLowerCase()) || name.toLowerCase() === 'vary') headers.push(name, value.replaceAll(placeholder, nonce));
    }
    const body = Buffer.from(rendered.body.toString('latin1').replaceAll(placeholder, nonce), 'latin1');
    headers.push('Content-Length', String(body.length), 'X-Cache', 'bypass');
    res.writeHead(rendered.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}

/** @param {Entry} entry */
function sizeOf(entry) {
  let size = 256;
  for (const h of entry.headers) size += h.length;
  for (const s of entry.segments) size += s.length;
  for (const g of entry.gzip ?? []) size += g.length;
  return size + (entry.brotli?.length ?? 0);
}

/**
 * `body` cut at every occurrence of `separator`.
 * @param {Buffer} body
 * @param {Buffer} separator
 */
export function split(body, separator) {
  /** @type {Buffer[]} */
  const parts = [];
  let from = 0;
  for (let at = body.indexOf(separator); at !== -1; at = body.indexOf(separator, from)) {
    parts.push(body.subarray(from, at));
    from = at + separator.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

/**
 * The content codings a client accepts (a coding with q=0 is refused).
 * @param {string | undefined} header
 */
export function acceptedEncodings(header) {
  /** @type {Set<string>} */
  const accepted = new Set();
  for (const item of (header ?? '').split(',')) {
    const [name = '', ...params] = item.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}
