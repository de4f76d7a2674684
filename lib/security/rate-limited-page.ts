// The 429 page proxy.ts answers when an address is over its allowance for searches or browse pages
// (lib/abuse/public-reads.ts): plain server-made HTML like the outage page, so it reads the same with
// or without JavaScript, in the reader's language, with no script at all, and says how long to wait
// (also in `Retry-After`). Never stored by any cache: the next request may well be allowed.
import type { Locale } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/open-data/translator';
import { newNonce } from './headers.mjs';
import { escapeHtml, plainDocument, plainPageHeaders } from './plain-page';

/**
 * `again`: the path and query asked for (same origin), linked to try again. `form`: a form post was
 * refused (lib/abuse/action-posts.ts): the page sends the person back to their form, whose typed text
 * the browser still holds, instead of linking to an empty one.
 */
export function rateLimitedPage({ locale, nonce, seconds, again, form = false }: { locale: Locale; nonce: string; seconds: number; again: string; form?: boolean }): string {
  const translate = translatorFor(locale, 'RateLimited');
  const t = (key: string, values?: Record<string, number>) => escapeHtml(translate(key, values));
  return plainDocument({
    locale,
    title: t('title'),
    nonce,
    main: [
      `<h1>${t('title')}</h1>`,
      `<p>${t(form ? 'bodyForm' : 'body')}</p>`,
      `<p role="alert">${t('wait', { seconds })}</p>`,
      ...(form ? [] : [`<p><a href="${escapeHtml(again)}">${t('retry')}</a></p>`]),
      `<p><a href="/${locale}">${t('home')}</a></p>`,
    ],
  });
}

/** The 429 answer: the page, the headers every response carries, a CSP with a fresh nonce, the wait. */
export function rateLimitedResponse({ head = false, ...page }: Omit<Parameters<typeof rateLimitedPage>[0], 'nonce'> & { head?: boolean }): Response {
  const nonce = newNonce();
  const headers = plainPageHeaders(nonce);
  headers.set('Retry-After', String(page.seconds));
  return new Response(head ? null : rateLimitedPage({ ...page, nonce }), { status: 429, headers });
}
