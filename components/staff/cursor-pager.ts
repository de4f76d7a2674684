import { html, type SafeHtml } from '@/lib/security/html.mjs';

export type CursorPagerProps = {
  label: string;
  /** The list's path; its filters go in `params`, carried to every page so the keyset stays in one search. */
  path: string;
  params: Record<string, string>;
  /** Whether this is a later page (it had a cursor). */
  paged: boolean;
  nextCursor: string | null | undefined;
  firstLabel: string;
  nextLabel: string;
};

/**
 * Keyset paging links: back to the first page once paged, on to the next while there is one. Made
 * as a string (lib/security/html.mjs), the one markup of these links: the public search puts it
 * into its results string (components/memorial/search-results.ts), staff tables use `CursorPager`.
 */
export function cursorPagerHtml({ label, path, params, paged, nextCursor, firstLabel, nextLabel }: CursorPagerProps): SafeHtml | null {
  if (!paged && !nextCursor) return null;
  const first = paged ? html`<a href="${`${path}?${new URLSearchParams(params)}`}">${firstLabel}</a>` : null;
  const next = nextCursor ? html`<a href="${`${path}?${new URLSearchParams({ ...params, cursor: nextCursor })}`}">${nextLabel}</a>` : null;
  return html`<nav aria-label="${label}" class="mt-4 flex gap-4">${first}${next}</nav>`;
}
