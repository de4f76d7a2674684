// The 429 page proxy.ts answers when an address is over its allowance for searches or browse pages
// (lib/abuse/public-reads.ts): plain server-made HTML like the outage page, so it reads the same with
// or without JavaScript, in the reader's language, with no script at all, and says how long to wait
// (also in `Retry-After`). Never stored by any cache: the next request may well be allowed.
import type { Locale } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/open-data/translator';
import { newNonce } from './headers.mjs';
import { escapeHtml, plainPageHeaders } from './plain-page';

/** `again`: the path and query asked for (same origin), linked to try again. */
export function rateLimitedPage({ locale, nonce, seconds, again }: { locale: Locale; nonce: string; seconds: number; again: string }): string {
  const translate = translatorFor(locale, 'RateLimited');
  const t = (key: string, values?: Record<string, number>) => escapeHtml(translate(key, values));
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}" dir="${locale === 'fa' ? 'rtl' : 'ltr'}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${t('title')}</title>`,
    `<style nonce="${escapeHtml(nonce)}">body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1c1917;background:#fafaf9}</style>`,
    '</head><body><main>',
    `<h1>${t('title')}</h1>`,
    `<p>${t('body')}</p>`,
    `<p role="alert">${t('wait', { seconds })}</p>`,
    `<p><a href="${escapeHtml(again)}">${t('retry')}</a></p>`,
    `<p><a href="/${locale}">${t('home')}</a></p>`,
    '</main></body></html>',
  ].join('');
}

/** The 429 answer: the page, the headers every response carries, a CSP with a fresh nonce, the wait. */
export function rateLimitedResponse({ head = false, ...page }: Omit<Parameters<typeof rateLimitedPage>[0], 'nonce'> & { head?: boolean }): Response {
  const nonce = newNonce();
  const headers = plainPageHeaders(nonce);
  headers.set('Retry-After', String(page.seconds));
  return new Response(head ? null : rateLimitedPage({ ...page, nonce }), { status: 429, headers });
}
