// What the pages proxy.ts answers by itself (the outage page, the 429 page) share: plain HTML with
// no script, escaped text, the headers every response carries and a CSP with this response's nonce.
import { baselineHeaders, pagePolicy } from './headers.mjs';

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The headers of a page proxy.ts answers itself: never stored, its own nonce in the CSP. */
export function plainPageHeaders(nonce: string): Headers {
  const headers = new Headers(baselineHeaders({ production: process.env.NODE_ENV === 'production' }).map(({ key, value }): [string, string] => [key, value]));
  headers.set('Content-Security-Policy', pagePolicy(nonce, { development: process.env.NODE_ENV === 'development' }));
  headers.set('Content-Type', 'text/html; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  return headers;
}
