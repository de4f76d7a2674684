// The mirror's pages built from all persons at once: home, browse lists, statistics, open data,
// feeds, about, search and the root page. All from the public projection's DTOs and totals.
import 'server-only';
import { createElement } from 'react';
import type { PersonT } from '@/components/memorial/person-facts';
import { MirrorBrowseIndex, type BrowsePageProps } from '@/components/mirror/browse-pages';
import { MirrorHomePage } from '@/components/mirror/home-page';
import { dataFiles, MirrorAboutPage, MirrorDataPage, MirrorSearchPage, MirrorStatisticsPage, statisticsCsv, type CopyFacts } from '@/components/mirror/info-pages';
import type { MirrorPage } from '@/components/mirror/shell';
import type { Db } from '@/db/types';
import type { Locale } from '@/lib/i18n/routing';
import { getMemorialOverview, type PublicPersonSummary } from '@/lib/memorial';
import { toCsv } from '@/lib/open-data/csv';
import { csvDocument, jsonDocument, personCsvColumns, personCsvRow } from '@/lib/open-data/export';
import { atomFeed } from '@/lib/open-data/feed';
import { dataLicence } from '@/lib/open-data/licence';
import { personUrls } from '@/lib/open-data/persons';
import { translatorFor } from '@/lib/open-data/translator';
import { chartKeyColumn, chartNames, chartRows } from '@/lib/statistics/charts';
import { getPublicSummary } from '@/lib/statistics/summary';
import { browseBuckets, layoutBucket, type Bucket, type BucketLayout } from './browse';
import type { ExportOutput } from './output';
import type { TestimonyData } from './testimony-data';
import { browseFile, browseLists, mirrorLocales, pageFile, rel, type BrowseList } from './paths';
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
};

const browseBatch = 10;

const otherLocale = (l: Locale): Locale => (l === 'fa' ? 'en' : 'fa');

export async function writeSitePages(ctx: SitePagesContext): Promise<{ testimonies: number; layouts: Record<string, BucketLayout> }> {
  const { db, out } = ctx;
  const layouts: Record<string, BucketLayout> = {};
  const [overview, summary] = await Promise.all([getMemorialOverview(db), getPublicSummary(db)]);
  for (const locale of mirrorLocales) {
    const page = (file: (l: Locale) => string): MirrorPage => ({ locale, file: file(locale), other: file(otherLocale(locale)), madeOn: ctx.madeOn[locale] });
    const lists = Object.fromEntries(browseLists.map((list) => [list, browseBuckets(ctx.persons, list, locale)])) as Record<BrowseList, Bucket[]>;
    const firstBrowse = Object.fromEntries(browseLists.map((list) => [list, lists[list][0] ? browseFile(locale, list, lists[list][0].key, 1) : pageFile.browse(locale)]));
    await out.write(pageFile.home(locale), renderDocument(createElement(MirrorHomePage, { page: page(pageFile.home), overview, firstBrowse, p: ctx.t[locale] })));
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
          const props: BrowsePageProps = { list, bucket: { key: bucket.key, label: bucket.label }, position: i + 1, pages: pages.length, previous: pages[i - 1]?.id ?? null, next: pages[i + 1]?.id ?? null, persons };
          // Rendered only when something it shows changed: a publication elsewhere in the bucket changes neither.
          if (out.needs(file, [ctx.renderer, props])) jobs.push({ page: p, props, previous: out.previousEntry(file) ?? null });
        }
      }
    }
    const parts = Array.from({ length: Math.ceil(jobs.length / browseBatch) }, (_, i) => jobs.slice(i * browseBatch, (i + 1) * browseBatch));
    for (const results of await Promise.all(parts.map((part) => ctx.pool.browse(part)))) for (const r of results) out.record(r.file, r.entry, r.written);
    await out.write(pageFile.statistics(locale), renderDocument(createElement(MirrorStatisticsPage, { page: page(pageFile.statistics), stats: summary.statistics })));
    await out.write(pageFile.data(locale), renderDocument(createElement(MirrorDataPage, { page: page(pageFile.data) })));
    const facts: CopyFacts = { ...ctx.facts, persons: ctx.persons.length, testimonies: summary.testimoniesPublished };
    await out.write(pageFile.about(locale), renderDocument(createElement(MirrorAboutPage, { page: page(pageFile.about), facts })));
    await out.write(pageFile.search(locale), renderDocument(createElement(MirrorSearchPage, { page: page(pageFile.search) })));
    await out.write(pageFile.feed(locale), await atomFeed(db, locale, ctx.origin));
    const st = translatorFor(locale, 'Statistics');
    for (const chart of chartNames) {
      const rows = chartRows(summary.statistics, chart, locale, st);
      await out.write(statisticsCsv(locale, chart), toCsv([chartKeyColumn[chart], 'label', 'count_documented_here'], rows.map((r) => [r.key, r.label, r.count])));
    }
  }
  await out.write('index.html', rootPage());
  return { testimonies: summary.testimoniesPublished, layouts };
}

/** The four bulk downloads, with the site's download rows (testimonies grouped by person). */
export async function writeOpenData(ctx: Pick<SitePagesContext, 'out' | 'origin' | 'madeAt' | 'persons'> & { testimonies: TestimonyData }): Promise<void> {
  const { out, origin } = ctx;
  const meta = { generatedAt: ctx.madeAt.toISOString(), source: origin, licence: dataLicence };
  const [personsCsv, personsJson, testimoniesCsv, testimoniesJson] = dataFiles;
  // The export's summaries, read once by iteratePublicPersons in id order: the rows the site's downloads stream from it.
  const persons = async function* () {
    for (let i = 0; i < ctx.persons.length; i += 1000) yield ctx.persons.slice(i, i + 1000);
  };
  await out.writeStream(personsCsv, csvDocument(personCsvColumns, persons(), (p) => personCsvRow(p, origin)));
  await out.writeStream(personsJson, jsonDocument(meta, 'persons', persons(), (p) => ({ ...p, urls: personUrls(origin, p) })));
  // From the person records already read (lib/mirror/testimony-data.ts), not a second pass over every testimony.
  await ctx.testimonies.write(out, { csv: testimoniesCsv, json: testimoniesJson }, meta);
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
