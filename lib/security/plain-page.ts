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

const bodyStyle = 'body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1c1917;background:#fafaf9}';

/** The document around such a page's `<main>` content (already escaped), styled by nonce. */
export function plainDocument({ locale, title, nonce, style = '', main }: { locale: 'fa' | 'en'; title: string; nonce: string; style?: string; main: string[] }): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}" dir="${locale === 'fa' ? 'rtl' : 'ltr'}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${title}</title>`,
    `<style nonce="${escapeHtml(nonce)}">${bodyStyle}${style}</style>`,
    '</head><body><main>',
    ...main,
    '</main></body></html>',
  ].join('');
}
