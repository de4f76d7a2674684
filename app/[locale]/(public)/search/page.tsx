import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PersonList } from '@/components/memorial/person-list';
import { CursorPager } from '@/components/staff/staff-table';
import { SearchForm } from '@/components/memorial/search-form';
import { routing } from '@/lib/i18n/routing';
import { cachedPublicCollections, cachedPublishedPersons } from '@/lib/memorial/cache';
import { encodeCursor } from '@/lib/pagination/cursor';
import { parsePersonQuery, personQueryParams } from '@/lib/memorial/query';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Search' });
  return { title: t('title'), description: t('metaDescription') };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Read at request time, never at build time (the database is not available to `next build`).
  await connection();
  const query = { ...parsePersonQuery(await searchParams), locale };
  const [result, collections] = await Promise.all([cachedPublishedPersons(query), cachedPublicCollections()]);
  const t = await getTranslations({ locale, namespace: 'Search' });

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <SearchForm locale={locale} query={query} collections={collections} />

      <section aria-labelledby="results-heading" className="mt-10">
        <h2 id="results-heading" className="text-xl font-semibold">
          {t('resultsHeading')}
        </h2>
        <p className="mt-1 text-muted" data-testid="result-count">
          {t(result.more ? 'resultCountMore' : 'resultCount', { count: result.total })}
        </p>
        {result.items.length > 0 ? (
          <div className="mt-4">
            <PersonList persons={result.items} locale={locale} />
          </div>
        ) : (
          <div className="mt-4 rounded border border-line bg-white p-4">
            <p className="font-semibold">{t('noResultsTitle')}</p>
            <p className="mt-1">{t('noResultsHelp')}</p>
            <p className="mt-2">
              <a href={`/${locale}/search`}>{(await getTranslations({ locale, namespace: 'Memorial' }))('browseAll')}</a>
            </p>
          </div>
        )}
        {/* Keyset pages (?cursor=, the last person shown): plain links; the browser's Back is the previous page. */}
        <CursorPager
          label={t('paginationLabel')}
          path={`/${locale}/search`}
          params={Object.fromEntries(personQueryParams(query, { cursor: undefined }))}
          paged={!!query.cursor}
          nextCursor={result.next && encodeCursor(result.next)}
          firstLabel={t('first')}
          nextLabel={t('next')}
        />
      </section>
    </div>
  );
}
