// What proxy.ts answers a POST to a page (a server action, with or without JavaScript) that the
// browser says comes from another site, or whose Origin is `null` or not a URL (issue 17). Next
// would refuse it too, but as a 500 with a stack trace in the log per request, which anyone could
// make us write; defineAction's own refusal never runs, since Next checks first. Plain HTML in the
// reader's language, no script, 403, and one log line.
import type { Locale } from '@/lib/i18n/routing';
import { baselineHeaders, newNonce, pagePolicy } from './headers.mjs';
import { message } from './outage-page';
import { escapeHtml } from './plain-page';

export function crossSitePage(locale: Locale): string {
  const t = (key: string) => escapeHtml(message(locale, key));
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}" dir="${locale === 'fa' ? 'rtl' : 'ltr'}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${t('CrossSite.title')}</title>`,
    '</head><body><main>',
    `<h1>${t('CrossSite.title')}</h1>`,
    `<p role="alert">${t('Errors.cross_site')}</p>`,
    `<p><a href="/${locale}">${t('ErrorPage.homeLink')}</a></p>`,
    '</main></body></html>',
  ].join('');
}

/** The 403 answer, with the headers every page carries, never stored; logs one line (no address, no Origin). */
export function crossSiteResponse(locale: Locale, pathname: string): Response {
  console.warn(`refused a cross-site post to ${pathname.slice(0, 200)}`);
  const headers = new Headers(baselineHeaders({ production: process.env.NODE_ENV === 'production' }).map(({ key, value }): [string, string] => [key, value]));
  headers.set('Content-Security-Policy', pagePolicy(newNonce(), { development: process.env.NODE_ENV === 'development' }));
  headers.set('Content-Type', 'text/html; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  return new Response(crossSitePage(locale), { status: 403, headers });
}
