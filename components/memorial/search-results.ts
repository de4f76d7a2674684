// What a search page shows below its form: the count, the persons found (or what to try instead)
// and the paging links. One string (lib/security/html.mjs) made by one function for both ways a
// search page is answered: rendered by Next (app/[locale]/(public)/search/page.tsx), or spliced by
// the public cache into the page's shell, rendered once per public data version, without running
// the page (lib/public-cache/search-shell.mjs, lib/memorial/search-answer.ts).
import type { Locale } from '@/lib/i18n/routing';
import { personQueryParams, type PersonQuery } from '@/lib/memorial/query';
import type { PersonPage } from '@/lib/memorial/search';
import { translatorFor } from '@/lib/open-data/translator';
import { encodeCursor } from '@/lib/pagination/cursor';
import { html, type SafeHtml } from '@/lib/security/html.mjs';
import { cursorPagerHtml } from '@/components/staff/cursor-pager';
import { personListHtml } from './person-list';

export function searchResultsHtml({ locale, query, result }: { locale: Locale; query: PersonQuery; result: PersonPage }): SafeHtml {
  const t = translatorFor(locale, 'Search');
  const count = html`<p class="mt-1 text-muted" data-testid="result-count">${t(result.more ? 'resultCountMore' : 'resultCount', { count: result.total })}</p>`;
  const found =
    result.items.length > 0
      ? html`<div class="mt-4">${personListHtml({ persons: result.items, locale })}</div>`
      : html`<div class="mt-4 rounded border border-line bg-white p-4"><p class="font-semibold">${t('noResultsTitle')}</p><p class="mt-1">${t('noResultsHelp')}</p><p class="mt-2"><a href="${`/${locale}/search`}">${translatorFor(locale, 'Memorial')('browseAll')}</a></p></div>`;
  // Keyset pages (?cursor=, the last person shown): plain links; the browser's Back is the previous page.
  const pager = cursorPagerHtml({
    label: t('paginationLabel'),
    path: `/${locale}/search`,
    params: Object.fromEntries(personQueryParams(query, { cursor: undefined })),
    paged: !!query.cursor,
    nextCursor: result.next && encodeCursor(result.next),
    firstLabel: t('first'),
    nextLabel: t('next'),
  });
  return html`${count}${found}${pager}`;
}
