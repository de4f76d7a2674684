// The mirror's pages built from all persons at once: home, browse lists, statistics, open data,
// feeds, about, search and the root page. All from the public projection's DTOs and totals.
import 'server-only';
import { createHash } from 'node:crypto';
import { createElement } from 'react';
import type { PersonT } from '@/components/memorial/person-facts';
import { MirrorBrowseIndex, type BrowsePageProps } from '@/components/mirror/browse-pages';
import { MirrorHomePage } from '@/components/mirror/home-page';
import { dataFiles, MirrorAboutPage, MirrorDataPage, MirrorSearchPage, MirrorStatisticsPage, statisticsCsv, type CopyFacts } from '@/components/mirror/info-pages';
import type { MirrorPage } from '@/components/mirror/shell';
import type { Db } from '@/db/types';
import type { Locale } from '@/lib/i18n/routing';
import { MirrorCollectionPage } from '@/components/mirror/collection-page';
import { getMemorialOverview, listCollectionPages, type MemorialOverview, type PublicPersonSummary } from '@/lib/memorial';
import { atomFeed } from '@/lib/open-data/feed';
import { bulkMeta } from '@/lib/open-data/citation';
import { translatorFor } from '@/lib/open-data/translator';
import { chartCsv, chartNames } from '@/lib/statistics/charts';
import { computeStatistics } from '@/lib/statistics/aggregates';
import { coreDaysOf } from '@/lib/statistics/groups';
import { getPublicSummary } from '@/lib/statistics/summary';
import { browseBuckets, layoutBucket, sortPersons, type Bucket, type BucketLayout } from './browse';
import type { ExportOutput } from './output';
import type { OpenDataCache } from './open-data';
import { browseFile, browseLists, collectionFile, mirrorLocales, pageFile, rel, type BrowseList } from './paths';
import type { BrowseJob } from './person-job';
import type { PageRenderer } from './render-pool';
import { renderDocument } from './render';

export type SitePagesContext = {
  db: Db;
  out: ExportOutput;
  origin: string;
  madeAt: Date;
  madeOn: Record<Locale, string>;
  t: Record<Locale, PersonT>;
  persons: PublicPersonSummary[];
  facts: Omit<CopyFacts, 'persons' | 'testimonies'>;
  /** What the pages' look depends on besides their data (messages, format): part of every page's inputs. */
  renderer: string;
  /** The browse pages' layout of the previous export ("fa/date/1398-08" → its pages), if reused. */
  layouts: Record<string, BucketLayout> | null;
  /** Where list pages are rendered (the export's render pool, or this thread). */
  pool: PageRenderer;
  log?: (message: string) => void;
};

const browseBatch = 10;

const otherLocale = (l: Locale): Locale => (l === 'fa' ? 'en' : 'fa');

export async function writeSitePages(ctx: SitePagesContext): Promise<{ testimonies: number; layouts: Record<string, BucketLayout> }> {
  const { db, out } = ctx;
  const layouts: Record<string, BucketLayout> = {};
  // Each person's summary hashed once per export, for the inputs of the eight lists' pages (hashing
  // every page's summaries as JSON was seconds at 90,000 persons).
  const summaryHash = new Map(ctx.persons.map((p) => [p.id, createHash('sha256').update(JSON.stringify(p)).digest('base64')]));
  const personsHash = (persons: readonly PublicPersonSummary[]) =>
    createHash('sha256')
      .update(persons.map((p) => summaryHash.get(p.id)!).sort().join(''))
      .digest('hex');
  // The totals first: when they are behind (a publication since they were computed) this export
  // brings them up to date, and the overviews then read the same fresh row (read side by side, the
  // second reader got the previous totals while the first recomputed them).
  const [summary, collections] = await Promise.all([getPublicSummary(db), listCollectionPages(db)]);
  const overview = await getMemorialOverview(db);
  ctx.log?.('totals read');
  // Each collection's own pages, from the same projection as the site's (lib/memorial, the summary).
  const overviews: Record<string, MemorialOverview> = {};
  for (const c of collections) overviews[c.id] = await getMemorialOverview(db, { collectionId: c.id });
  const statisticsOf = async (c: (typeof collections)[number]) =>
    summary.byCollection[c.id]?.statistics ?? computeStatistics(db, { collectionId: c.id, coreDays: coreDaysOf(c) });
  for (const locale of mirrorLocales) {
    const page = (file: (l: Locale) => string): MirrorPage => ({ locale, file: file(locale), other: file(otherLocale(locale)), madeOn: ctx.madeOn[locale] });
    // Not sorted here: each bucket's persons are placed by the previous layout, and only the pages rendered are sorted.
    const lists = Object.fromEntries(browseLists.map((list) => [list, browseBuckets(ctx.persons, list, locale, { sorted: false })])) as Record<BrowseList, Bucket[]>;
    const firstBrowse = Object.fromEntries(browseLists.map((list) => [list, lists[list][0] ? browseFile(locale, list, lists[list][0].key, 1) : pageFile.browse(locale)]));
    await out.write(pageFile.home(locale), renderDocument(createElement(MirrorHomePage, { page: page(pageFile.home), overview, firstBrowse, p: ctx.t[locale], collections, overviews })));
    await out.write(pageFile.browse(locale), renderDocument(createElement(MirrorBrowseIndex, { page: page(pageFile.browse), lists })));
    const jobs: BrowseJob[] = [];
    for (const list of browseLists) {
      for (const bucket of lists[list]) {
        const key = `${locale}/${list}/${bucket.key}`;
        const { pages, layout } = layoutBucket(bucket, list, locale, ctx.layouts?.[key] ?? null);
        layouts[key] = layout;
        for (const [i, { id, persons }] of pages.entries()) {
          const file = browseFile(locale, list, bucket.key, id);
          // The other language groups differently (calendar, collation): its page links to its list index.
          const p: MirrorPage = { locale, file, other: pageFile.browse(otherLocale(locale)), madeOn: ctx.madeOn[locale] };
          const props: Omit<BrowsePageProps, 'persons'> = { list, bucket: { key: bucket.key, label: bucket.label }, position: i + 1, pages: pages.length, previous: pages[i - 1]?.id ?? null, next: pages[i + 1]?.id ?? null };
          // Rendered only when something it shows changed: a publication elsewhere in the bucket changes neither.
          // Its persons enter as the set of their summaries' hashes (their order follows from them).
          if (out.needs(file, [ctx.renderer, props, personsHash(persons)])) jobs.push({ page: p, props: { ...props, persons: sortPersons(persons, list, locale) }, previous: out.previousEntry(file) ?? null });
        }
      }
    }
    const parts = Array.from({ length: Math.ceil(jobs.length / browseBatch) }, (_, i) => jobs.slice(i * browseBatch, (i + 1) * browseBatch));
    for (const results of await Promise.all(parts.map((part) => ctx.pool.browse(part)))) for (const r of results) out.record(r.file, r.entry, r.written);
    ctx.log?.(`${locale}: ${jobs.length} list pages rendered`);
    await out.write(pageFile.statistics(locale), renderDocument(createElement(MirrorStatisticsPage, { page: page(pageFile.statistics), stats: summary.statistics, collections })));
    await out.write(pageFile.data(locale), renderDocument(createElement(MirrorDataPage, { page: page(pageFile.data) })));
    const facts: CopyFacts = { ...ctx.facts, persons: ctx.persons.length, testimonies: summary.testimoniesPublished };
    await out.write(pageFile.about(locale), renderDocument(createElement(MirrorAboutPage, { page: page(pageFile.about), facts })));
    await out.write(pageFile.search(locale), renderDocument(createElement(MirrorSearchPage, { page: page(pageFile.search) })));
    await out.write(pageFile.feed(locale), await atomFeed(db, locale, ctx.origin));
    const st = translatorFor(locale, 'Statistics');
    for (const chart of chartNames) await out.write(statisticsCsv(locale, chart), chartCsv(summary.statistics, chart, locale, st));
    for (const c of collections) {
      const at = (file: (l: Locale, slug: string) => string): MirrorPage => ({ locale, file: file(locale, c.slug), other: file(otherLocale(locale), c.slug), madeOn: ctx.madeOn[locale] });
      const stats = await statisticsOf(c);
      await out.write(collectionFile.home(locale, c.slug), renderDocument(createElement(MirrorCollectionPage, { page: at(collectionFile.home), collection: c, overview: overviews[c.id]!, p: ctx.t[locale] })));
      await out.write(collectionFile.statistics(locale, c.slug), renderDocument(createElement(MirrorStatisticsPage, { page: at(collectionFile.statistics), stats, collections, collection: c })));
      for (const chart of chartNames) await out.write(collectionFile.chartCsv(locale, c.slug, chart), chartCsv(stats, chart, locale, st));
      await out.write(collectionFile.feed(locale, c.slug), await atomFeed(db, locale, ctx.origin, c));
    }
  }
  await out.write('index.html', rootPage());
  return { testimonies: summary.testimoniesPublished, layouts };
}

/** The four bulk downloads, with the site's download rows, from the person records the export read (lib/mirror/open-data.ts). */
export async function writeOpenData(ctx: Pick<SitePagesContext, 'out' | 'origin' | 'madeAt'> & { data: OpenDataCache }): Promise<void> {
  const [personsCsv, personsJson, testimoniesCsv, testimoniesJson] = dataFiles;
  await ctx.data.write(ctx.out, { personsCsv, personsJson, testimoniesCsv, testimoniesJson }, bulkMeta(ctx.origin, ctx.madeAt));
}

/** The folder's entry page: both languages, Persian first; plain links, no redirect script. */
function rootPage(): string {
  const name = (l: Locale) => translatorFor(l, 'Metadata')('siteName');
  const lang = (l: Locale) => translatorFor(l, 'Languages')(l);
  return renderDocument(
    createElement(
      'html',
      { lang: 'fa', dir: 'rtl' },
      createElement(
        'head',
        null,
        createElement('meta', { charSet: 'utf-8' }),
        createElement('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        createElement('title', null, `${name('fa')} · ${name('en')}`),
        createElement('link', { rel: 'stylesheet', href: 'assets/site.css' }),
        createElement('link', { rel: 'icon', href: 'assets/favicon.png' }),
      ),
      createElement(
        'body',
        null,
        createElement(
          'main',
          { className: 'mx-auto max-w-3xl px-4 py-14 text-center' },
          createElement('h1', { className: 'text-3xl font-bold' }, name('fa'), ' · ', createElement('span', { lang: 'en' }, name('en'))),
          createElement(
            'ul',
            { className: 'mt-8 space-y-3 text-xl' },
            ...mirrorLocales.map((l) => createElement('li', { key: l }, createElement('a', { href: rel('index.html', pageFile.home(l)), lang: l, hrefLang: l }, lang(l)))),
          ),
        ),
      ),
    ),
  );
}
