// @ts-check
// How a page rendered for the public cache gets a placeholder where its CSP nonce goes, and how
// nothing else can ask for one. The server in front of Next (scripts/server.mjs) makes, once per
// process, a random placeholder (same length as a nonce, so lengths never change) and a random
// render secret, kept here on `globalThis` where proxy.ts, running in the same process, finds them.
// Only a render request carrying the secret gets the placeholder instead of a fresh nonce; the
// server strips the header from every request that comes from outside, and the secret never leaves
// the process. The placeholder never leaves it either: every response served from the cache has
// it replaced by that response's own fresh nonce (docs/security.md, "Cached pages and the CSP").
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The request header that carries the render secret from the cache to Next, on loopback only. */
export const renderHeader = 'x-yadman-cache-render';

const slot = Symbol.for('yadman.publicCache.render');

/** @typedef {{ placeholder: string; secret: string }} RenderSlot */

/**
 * Makes this process's placeholder and secret (once; the same ones on every later call).
 * The placeholder is 24 hex characters: the length of a nonce (18 bytes in base64), and made of
 * characters no encoding (HTML, JSON, JavaScript strings, URLs) changes, so every copy is found.
 * @returns {RenderSlot}
 */
export function installRenderSlot() {
  const holder = /** @type {{ [slot]?: RenderSlot }} */ (/** @type {unknown} */ (globalThis));
  holder[slot] ??= { placeholder: randomBytes(12).toString('hex'), secret: randomBytes(32).toString('base64url') };
  return holder[slot];
}

/**
 * The placeholder to use as this request's nonce when it is the cache's own render request, else null.
 * @param {{ get(name: string): string | null }} headers
 * @returns {string | null}
 */
export function renderPlaceholder(headers) {
  const installed = /** @type {{ [slot]?: RenderSlot }} */ (/** @type {unknown} */ (globalThis))[slot];
  const offered = headers.get(renderHeader);
  if (!installed || !offered) return null;
  const a = Buffer.from(offered);
  const b = Buffer.from(installed.secret);
  return a.length === b.length && timingSafeEqual(a, b) ? installed.placeholder : null;
}

/**
 * This process's placeholder, once the server has installed it (else null): what a page rendered
 * for the cache gets as its nonce (lib/public-cache/search-shell.mjs tells its shell render by it).
 * @returns {string | null}
 */
export function installedPlaceholder() {
  return /** @type {{ [slot]?: RenderSlot }} */ (/** @type {unknown} */ (globalThis))[slot]?.placeholder ?? null;
}
