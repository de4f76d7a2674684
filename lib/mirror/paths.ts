// Where each page of the static mirror lives, and relative links between them. Every link in the
// mirror is relative (works from file://, from any sub-path of any host, offline), so each page is
// rendered knowing its own path. Pure: no server-only.
import path from 'node:path';
import type { Locale } from '@/lib/i18n/routing';
import { personSegment } from '@/lib/memorial/paths';

export const mirrorLocales: readonly Locale[] = ['fa', 'en'];

/** A person's page: sharded by the id's first two hex digits so no folder holds 100,000 files. */
export function personFile(locale: Locale, person: { id: string; slug: string }): string {
  return `${locale}/p/${person.id.slice(0, 2).toLowerCase()}/${personSegment(person)}.html`;
}

export const pageFile = {
  home: (l: Locale) => `${l}/index.html`,
  browse: (l: Locale) => `${l}/browse/index.html`,
  statistics: (l: Locale) => `${l}/statistics.html`,
  data: (l: Locale) => `${l}/data.html`,
  about: (l: Locale) => `${l}/about.html`,
  search: (l: Locale) => `${l}/search.html`,
  feed: (l: Locale) => `${l}/feed.xml`,
};

/** Browse lists: by date (year-month), by name in each script (first letter), by province; paged within each bucket. */
export type BrowseList = 'date' | 'name-fa' | 'name-latin' | 'province';
export const browseLists: readonly BrowseList[] = ['date', 'name-fa', 'name-latin', 'province'];

/** A bucket key as a file-name-safe segment (letters of any script are kept as code points). */
export function bucketSegment(key: string): string {
  return [...key].map((c) => (/^[a-z0-9-]$/i.test(c) ? c.toLowerCase() : `u${c.codePointAt(0)!.toString(16)}`)).join('');
}

export function browseFile(l: Locale, list: BrowseList, bucket: string, page: number): string {
  return `${l}/browse/${list}/${bucketSegment(bucket)}/${page}.html`;
}

export const mediaFile = (attachmentId: string, extension: string) => `media/${attachmentId}.${extension}`;

/** The href from one exported file to another, relative and URL-encoded. */
export function rel(from: string, to: string): string {
  const relative = path.posix.relative(path.posix.dirname(from), to) || path.posix.basename(to);
  return relative.split('/').map(encodeURIComponent).join('/');
}

/** A collection's pages in the mirror, beside the site's `/{locale}/collections/{slug}/…`. */
export const collectionFile = {
  home: (l: Locale, slug: string) => `${l}/collections/${bucketSegment(slug)}/index.html`,
  statistics: (l: Locale, slug: string) => `${l}/collections/${bucketSegment(slug)}/statistics.html`,
  chartCsv: (l: Locale, slug: string, chart: string) => `${l}/collections/${bucketSegment(slug)}/statistics/${chart}.csv`,
  feed: (l: Locale, slug: string) => `${l}/collections/${bucketSegment(slug)}/feed.xml`,
};
