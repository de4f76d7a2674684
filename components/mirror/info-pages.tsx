// The mirror's statistics, open-data, about and search pages.
import { num } from '@/components/memorial/format';
import { StatisticsBody } from '@/components/statistics/statistics-body';
import type { Statistics } from '@/lib/statistics/aggregates';
import type { CollectionPage } from '@/lib/memorial/dto';
import { chartNames, referenceApplies } from '@/lib/statistics/charts';
import { collectionFile, pageFile, rel } from '@/lib/mirror/paths';
import { translatorFor } from '@/lib/open-data/translator';
import { MirrorShell, type MirrorPage } from './shell';

export const dataFiles = ['data/persons.csv', 'data/persons.json', 'data/testimonies.csv', 'data/testimonies.json'] as const;
export const statisticsCsv = (locale: string, chart: string) => `${locale}/statistics/${chart}.csv`;

/**
 * The statistics across all collections (`collection` absent; with several, linked to each one's
 * own), or one collection's own — as on the site.
 */
export function MirrorStatisticsPage({ page, stats, collections, collection }: { page: MirrorPage; stats: Statistics; collections: CollectionPage[]; collection?: CollectionPage }) {
  const { locale, file } = page;
  const t = translatorFor(locale, 'Statistics');
  const c = translatorFor(locale, 'Collection');
  const name = (x: CollectionPage) => (locale === 'fa' ? x.nameFa : x.nameEn);
  const heading = collection ? c('statisticsTitle', { name: name(collection) }) : undefined;
  const scope = collection ? (
    <p className="mt-3">
      {c('statisticsScope')} <a href={rel(file, collectionFile.home(locale, collection.slug))}>{name(collection)}</a>
    </p>
  ) : (
    collections.length > 1 && (
      <div className="mt-3">
        <p>{c('statisticsAcross')}</p>
        <ul className="mt-1 list-disc ps-6">
          {collections.map((x) => (
            <li key={x.id}>
              <a href={rel(file, collectionFile.statistics(locale, x.slug))}>{name(x)}</a>
            </li>
          ))}
        </ul>
      </div>
    )
  );
  const csv = (chart: string) => rel(file, collection ? collectionFile.chartCsv(locale, collection.slug, chart) : statisticsCsv(locale, chart));
  return (
    <MirrorShell page={page} title={heading ?? t('title')}>
      <StatisticsBody
        stats={stats}
        locale={locale}
        t={t}
        heading={heading}
        scope={scope}
        reference={referenceApplies(collection ? [collection] : collections)}
        csv={csv}
        dataLink={<a href={rel(file, pageFile.data(locale))}>{t('dataLink')}</a>}
      />
    </MirrorShell>
  );
}

export function MirrorDataPage({ page }: { page: MirrorPage }) {
  const { locale, file } = page;
  const t = translatorFor(locale, 'Mirror');
  const o = translatorFor(locale, 'OpenData');
  const s = translatorFor(locale, 'Statistics');
  const labels = [o('downloads.personsCsv'), o('downloads.personsJson'), o('downloads.testimoniesCsv'), o('downloads.testimoniesJson')];
  return (
    <MirrorShell page={page} title={t('dataTitle')}>
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t('dataTitle')}</h1>
        <p className="mt-4">{t('dataIntro')}</p>
        <p className="mt-3">{o('included')}</p>
        <p className="mt-3">{o('excluded')}</p>
        <ul className="mt-4 list-disc space-y-1 ps-6">
          {dataFiles.map((f, i) => (
            <li key={f}>
              <a href={rel(file, f)}>{labels[i]}</a>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-muted">{o('csvNote')}</p>
        <h2 className="mt-8 text-2xl font-semibold">{t('statisticsFiles')}</h2>
        <ul className="mt-3 list-disc space-y-1 ps-6">
          {chartNames.map((chart) => (
            <li key={chart}>
              <a href={rel(file, statisticsCsv(locale, chart))}>{s('csvLink', { chart })}</a>
            </li>
          ))}
        </ul>
        <h2 className="mt-8 text-2xl font-semibold">{t('feedsHeading')}</h2>
        <p className="mt-3">
          <a href={rel(file, pageFile.feed(locale))}>{t('feedLink')}</a>
        </p>
      </div>
    </MirrorShell>
  );
}

export type CopyFacts = { madeAt: string; origin: string; version: number; persons: number; testimonies: number; publicKey: string | null };

export function MirrorAboutPage({ page, facts }: { page: MirrorPage; facts: CopyFacts }) {
  const { locale, file } = page;
  const t = translatorFor(locale, 'Mirror');
  const code = 'mt-2 overflow-x-auto rounded border border-line bg-white p-3 font-mono text-sm';
  return (
    <MirrorShell page={page} title={t('aboutTitle')}>
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t('aboutTitle')}</h1>
        <p className="mt-4">{t('aboutIntro')}</p>
        <p className="mt-3">{t('madeAt', { date: page.madeOn })}</p>
        <p className="mt-1">{t('madeFrom', { origin: facts.origin, version: num(facts.version, locale) })}</p>
        <p className="mt-1">{t('contents', { persons: num(facts.persons, locale), testimonies: num(facts.testimonies, locale), files: '—' })}</p>
        <h2 className="mt-8 text-2xl font-semibold">{t('verifyHeading')}</h2>
        {facts.publicKey ? (
          <>
            <p className="mt-3">{t('verifyKey')}</p>
            <pre className={code} dir="ltr">
              {facts.publicKey}
            </pre>
            <p className="mt-2">
              <a href={rel(file, 'mirror.pub')}>mirror.pub</a>
            </p>
          </>
        ) : (
          <p className="mt-3">{t('unsigned')}</p>
        )}
        <p className="mt-3">{t('verifyText')}</p>
        <pre className={code} dir="ltr">
          minisign -Vm MANIFEST.txt -P {facts.publicKey ?? '<public key>'}
        </pre>
        <p className="mt-3">{t('verifyFiles')}</p>
        <pre className={code} dir="ltr">
          {'sed 1,/^$/d MANIFEST.txt | awk \'{print $1"  "$3}\' | sha256sum -c --quiet'}
        </pre>
        <h2 className="mt-8 text-2xl font-semibold">{t('hostHeading')}</h2>
        <p className="mt-3">{t('hostText')}</p>
      </div>
    </MirrorShell>
  );
}

export function MirrorSearchPage({ page }: { page: MirrorPage }) {
  const { locale, file } = page;
  const t = translatorFor(locale, 'Mirror');
  return (
    <MirrorShell page={page} title={t('searchTitle')} scripts={['assets/search-index.js', 'assets/search.js']}>
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t('searchTitle')}</h1>
        <form role="search" id="mirror-search" className="mt-6" data-locale={locale} data-root={rel(file, 'index.html').replace(/index\.html$/, '')}>
          <label htmlFor="mirror-q" className="block font-medium">
            {t('searchLabel')}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input id="mirror-q" name="q" type="search" dir="auto" autoComplete="off" aria-describedby="mirror-q-hint" className="min-w-0 flex-1 basis-56 rounded border border-muted bg-white px-3 py-2" />
            <button type="submit" className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink">
              {t('searchButton')}
            </button>
          </div>
          <p id="mirror-q-hint" className="mt-1 text-sm text-muted">
            {t('searchHint')}
          </p>
        </form>
        <p id="mirror-search-noscript" className="mt-6">
          <a href={rel(file, pageFile.browse(locale))}>{t('searchNoScript')}</a>
        </p>
        <div id="mirror-results" aria-live="polite" className="mt-6" data-messages={JSON.stringify({ none: t('searchResults', { count: 0 }), one: t('searchResults', { count: 1 }), many: t('searchResults', { count: 2 }).replace(/2|۲/, '{n}'), more: t('searchMore', { count: 50 }) })} />
      </div>
    </MirrorShell>
  );
}
