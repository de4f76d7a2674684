// sitemap.xml: the public pages and every published person's page, in both languages (each with
// its other-language alternate). A sitemap file may hold at most 50,000 URLs; past that,
// /sitemap.xml becomes a sitemap index of /sitemaps/{n}.xml files. Read per request.
import 'server-only';
import { asc, count } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { persons } from '@/db/schema';
import { routing } from '@/lib/i18n/routing';
import { listCollectionPages } from '@/lib/memorial/collections';
import { personPath } from '@/lib/memorial/paths';
import { isPublicPerson } from '@/lib/memorial/visibility';
import { xmlEscape } from './feed';

/** The sitemaps protocol's limit per file. */
export const maxUrlsPerSitemap = 50_000;

const pages = ['', '/search', '/statistics', '/data'];
const locales = routing.locales;
const header = '<?xml version="1.0" encoding="UTF-8"?>\n';

type Entry = { paths: Record<string, string>; locale: string; lastModified?: string | null };

/** The site's pages, then each collection's home and statistics (one collection's pages per address). */
async function sitePages(db: DbOrTx): Promise<string[]> {
  const collections = await listCollectionPages(db);
  return [...pages, ...collections.flatMap((c) => [`/collections/${encodeURIComponent(c.slug)}`, `/collections/${encodeURIComponent(c.slug)}/statistics`])];
}

/** How many URLs the whole sitemap has: each page and person once per language. */
async function urlCount(db: DbOrTx, pages: string[]): Promise<number> {
  const [row] = await db.select({ n: count() }).from(persons).where(isPublicPerson);
  return (pages.length + Number(row?.n ?? 0)) * locales.length;
}

/** /sitemap.xml: every URL when they fit in one file, else an index of the files. */
export async function sitemapRoot(db: DbOrTx, origin: string, perFile = maxUrlsPerSitemap): Promise<string> {
  const pages = await sitePages(db);
  const total = await urlCount(db, pages);
  if (total <= perFile) return urlset(origin, await entries(db, pages, 0, total));
  const files = Array.from({ length: Math.ceil(total / perFile) }, (_, n) => `<sitemap><loc>${xmlEscape(`${origin}/sitemaps/${n}.xml`)}</loc></sitemap>`);
  return `${header}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.join('\n')}\n</sitemapindex>\n`;
}

/** /sitemaps/{n}.xml, or null when there is no such file. */
export async function sitemapFile(db: DbOrTx, origin: string, n: number, perFile = maxUrlsPerSitemap): Promise<string | null> {
  const pages = await sitePages(db);
  const total = await urlCount(db, pages);
  if (total <= perFile || !Number.isInteger(n) || n < 0 || n * perFile >= total) return null;
  return urlset(origin, await entries(db, pages, n * perFile, Math.min((n + 1) * perFile, total)));
}

/** URLs [start, end) of the whole list: the pages, then persons in id order, each in every language. */
async function entries(db: DbOrTx, pages: string[], start: number, end: number): Promise<Entry[]> {
  const perItem = locales.length;
  const firstItem = Math.floor(start / perItem);
  const lastItem = Math.ceil(end / perItem); // exclusive
  const items: Array<Omit<Entry, 'locale'>> = [];
  for (let i = firstItem; i < Math.min(lastItem, pages.length); i++) {
    items.push({ paths: Object.fromEntries(locales.map((l) => [l, `/${l}${pages[i]}`])) });
  }
  const personFrom = Math.max(firstItem - pages.length, 0);
  const personTo = lastItem - pages.length;
  if (personTo > personFrom) {
    // Offset on the primary key's order: crawlers fetch these files rarely, and only the id is scanned.
    const rows = await db
      .select({ id: persons.id, slug: persons.slug, publishedAt: persons.publishedAt })
      .from(persons)
      .where(isPublicPerson)
      .orderBy(asc(persons.id))
      .offset(personFrom)
      .limit(personTo - personFrom);
    for (const p of rows) {
      items.push({
        paths: Object.fromEntries(locales.map((l) => [l, personPath(l, p)])),
        lastModified: p.publishedAt && new Date(p.publishedAt).toISOString(),
      });
    }
  }
  const all = items.flatMap((item) => locales.map((locale) => ({ ...item, locale })));
  const skip = start - firstItem * perItem;
  return all.slice(skip, skip + (end - start));
}

function urlset(origin: string, list: Entry[]): string {
  const urls = list.map((e) => {
    const alternates = Object.entries(e.paths).map(
      ([l, path]) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xmlEscape(origin + path)}"/>`,
    );
    const lastmod = e.lastModified ? `<lastmod>${e.lastModified}</lastmod>` : '';
    return `<url><loc>${xmlEscape(origin + e.paths[e.locale])}</loc>${alternates.join('')}${lastmod}</url>`;
  });
  return `${header}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}
