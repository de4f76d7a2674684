// A page laid out as Next lays out the search page (app/[locale]/(public)/search/page.tsx): the
// language switcher's link, the form's echo and the results in the HTML, the same in the RSC
// payload of an inline script, as Next writes it (its own htmlEscapeJsonString). For the tests of
// the public cache's splice (lib/public-cache/search-shell.mjs, search-fast.mjs).
import { htmlEscapeJsonString } from 'next/dist/shared/lib/htmlescape';

export const searchPageNonce = 'abcdefabcdefabcdefabcdef';

type Parts = { query: string; results: string; params: string; search: string };

/** The page for these raw parts; `escape` as React escapes an attribute, `flight` as React Flight writes a string. */
export function nextSearchPage(parts: Parts, escape: (s: string) => string, flight: (s: string) => string): string {
  const rows = [
    `0:${JSON.stringify({ P: null, c: ['', 'en', `search?${parts.params}`], q: parts.search, i: false })}\n`,
    `29:${JSON.stringify(['$', 'input', null, { id: 'search-q', name: 'q', defaultValue: flight(parts.query) }])}\n`,
    `c:${JSON.stringify(['$', 'div', null, { dangerouslySetInnerHTML: { __html: flight(parts.results) } }])}\n`,
  ].join('');
  return [
    `<!DOCTYPE html><html><body><a href="/fa/search?${escape(parts.params)}" lang="fa">فارسی</a>`,
    `<input id="search-q" name="q" value="${escape(parts.query)}"/><div>${parts.results}</div>`,
    `<script nonce="${searchPageNonce}">(self.__next_f=self.__next_f||[]).push([0])</script>`,
    `<script nonce="${searchPageNonce}">self.__next_f.push(${htmlEscapeJsonString(JSON.stringify([1, rows]))})</script></body></html>`,
  ].join('');
}

/** The shell as the page renders it for the public cache: its tokens where the parts go. */
export function searchShellPage(tokens: { key: string; query: string; results: string }): string {
  return nextSearchPage({ query: tokens.query, results: tokens.results, params: `${tokens.key}=`, search: `?${tokens.key}=` }, (s) => s, (s) => s);
}
