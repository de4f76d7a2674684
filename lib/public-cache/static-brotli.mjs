// @ts-check
// The build's scripts and stylesheets (/_next/static/**.js, .css) in Brotli for browsers that take
// it. Next compresses every response with gzip only; its framework chunks are most of a page's
// bytes (sign-up: 170 KB of gzip, 147 KB of Brotli at quality 11), and on a slow phone connection
// the first paint and the largest one wait for them (issue 18, Lighthouse; docs/benchmarks.md).
//
// These files never change under their hashed names, so each is compressed once per process, at
// the highest quality, off the event loop. The first request for a file starts that and is answered
// by Next (gzip); every later one gets the Brotli bytes. Anything unusual — a query, a range, a
// conditional request, a file outside the build's static folder — is left to Next as before.
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { acceptedEncodings } from './cache.mjs';

const brotli = promisify(zlib.brotliCompress);
// Hashed file names only: letters, digits, `_`, `-`, `.` and folders; no `..` (checked below).
const staticFile = /^\/_next\/static\/[A-Za-z0-9_\-./]+\.(js|css)$/;
const contentTypes = { js: 'application/javascript; charset=UTF-8', css: 'text/css; charset=UTF-8' };

/**
 * @typedef {{ body: Buffer; lastModified: string; type: string }} Compressed
 * @param {{ staticDir: string; headers: { key: string; value: string }[] }} options
 *   `staticDir`: the build's `static` folder; `headers`: what next.config.js gives every such
 *   response (lib/security/headers.mjs `baselineHeaders`), sent with the Brotli bytes as Next would.
 */
export function createStaticBrotli({ staticDir, headers }) {
  const root = path.resolve(staticDir);
  /** @type {Map<string, Compressed | Promise<void> | null>} null: not worth compressing. Only files of the build are kept (a name that fails is forgotten), so the map is bounded by the build. */
  const files = new Map();

  /** @param {string} urlPath @param {string} type */
  async function compress(urlPath, type) {
    const file = path.join(root, urlPath.slice('/_next/static/'.length));
    if (!file.startsWith(root + path.sep)) return void files.set(urlPath, null);
    const [source, stat] = await Promise.all([fs.readFile(file), fs.stat(file)]);
    const body = await brotli(source, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length } });
    files.set(urlPath, body.length < source.length ? { body, lastModified: stat.mtime.toUTCString(), type } : null);
  }

  /**
   * Answers `req` with the file's Brotli bytes when it can; false: Next answers it (and, the first
   * time, the compression starts).
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function serve(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '';
    const match = staticFile.exec(url);
    if (!match || url.includes('..') || url.includes('//')) return false;
    if (req.headers.range || req.headers['if-none-match'] || req.headers['if-modified-since']) return false;
    if (!acceptedEncodings(req.headers['accept-encoding']).has('br')) return false;
    const known = files.get(url);
    if (known === undefined) {
      const type = /** @type {'js' | 'css'} */ (match[1]);
      // A name that is not a file of the build (a typo, a probe) is forgotten: Next answers its 404.
      files.set(url, compress(url, contentTypes[type]).catch(() => void files.delete(url)));
      return false;
    }
    if (known === null || known instanceof Promise) return false;
    res.writeHead(200, [
      ...headers.flatMap(({ key, value }) => [key, value]),
      ['Cache-Control', 'public, max-age=31536000, immutable'],
      ['Last-Modified', known.lastModified],
      ['Content-Type', known.type],
      ['Vary', 'Accept-Encoding'],
      ['Content-Encoding', 'br'],
      ['Content-Length', String(known.body.length)],
    ].flat());
    res.end(req.method === 'HEAD' ? undefined : known.body);
    return true;
  }

  return { serve };
}
