// @ts-check
// The response header contract (issue 7, docs/security.md). Plain ESM so that next.config.js
// (headers on every response) and proxy.ts (the per-response CSP nonce) share one definition.

/**
 * Headers every response carries, whatever produced it (page, action, route handler, static file,
 * error). HSTS only in production: a development server on http://localhost must not pin HTTPS.
 * @param {{ production: boolean }} options
 * @returns {{ key: string; value: string }[]}
 */
export function baselineHeaders({ production }) {
  return [...commonHeaders({ production }), { key: 'Content-Security-Policy', value: resourcePolicy }];
}

/**
 * The baseline without its Content-Security-Policy: next.config.js sets these on every path, and
 * the policy on every path but media's (`resourcePolicyPaths`), since a header set there replaces
 * the one a route sets itself.
 * @param {{ production: boolean }} options
 * @returns {{ key: string; value: string }[]}
 */
export function commonHeaders({ production }) {
  return [
    // 'same-origin', not 'no-referrer': under no-referrer the Fetch standard makes browsers send
    // `Origin: null` on a form POST, and a form post without JavaScript could then not be told
    // from a cross-site one (Next refuses it, and so does our own check). Other origins still
    // receive no referrer at all; our own server never logs or stores one.
    { key: 'Referrer-Policy', value: 'same-origin' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  ];
}

/**
 * CSP of a response that is not a page: nothing may run, load, frame it or be submitted.
 * Overridden by proxy.ts on pages (with a nonce); holds for everything else (API, feed, files),
 * which must never run script or be framed if opened directly.
 */
export const resourcePolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * CSP of an uploaded file (app/api/media/[id]): the resource policy and `sandbox`, so a file opened
 * directly runs as an opaque origin (no cookies, storage or same-origin requests) even if a browser
 * rendered it. The route sets it itself, on its 404 too.
 */
export const mediaPolicy = `${resourcePolicy}; sandbox`;

/** The paths next.config.js gives `resourcePolicy`: all but the media route's (issue 17). */
export const resourcePolicyPaths = '/((?!api/media/).*)';

/** A fresh CSP nonce (18 random bytes, base64) for one response. */
export function newNonce() {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
}

/**
 * CSP of a page. Scripts run only with this response's nonce, and what they load (`'strict-dynamic'`);
 * workers and every other fetch stay on the site (no third parties, PRODUCT.md §2 principle 2).
 * Development adds what `next dev` needs (eval for React's debugging, inline styles for its overlay).
 * @param {string} nonce
 * @param {{ development: boolean }} options
 */
export function pagePolicy(nonce, { development }) {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The proof-of-work widget's worker (lib/abuse/proof-of-work.ts) comes from the site; never blob:.
    "worker-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}
