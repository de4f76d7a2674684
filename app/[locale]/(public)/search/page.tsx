import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SearchForm } from '@/components/memorial/search-form';
import { searchResultsHtml } from '@/components/memorial/search-results';
import { routing } from '@/lib/i18n/routing';
import { cachedPublicCollections, cachedPublishedPersons } from '@/lib/memorial/cache';
import { parsePersonQuery } from '@/lib/memorial/query';
import { shellPlaceholders } from '@/lib/public-cache/search-shell.mjs';

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
  const asked = await searchParams;
  // The public cache's render of this page's shell: placeholders where the query's parts go, which
  // the cache fills per search without rendering the page (lib/public-cache/search-shell.mjs).
  const shell = shellPlaceholders((await headers()).get('x-nonce'), Object.keys(asked));
  const query = shell ? { q: shell.query, locale } : { ...parsePersonQuery(asked), locale };
  const [results, collections] = await Promise.all([
    shell ? shell.results : cachedPublishedPersons(query).then((result) => searchResultsHtml({ locale, query, result }).value),
    cachedPublicCollections(),
  ]);
  const t = await getTranslations({ locale, namespace: 'Search' });

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <SearchForm locale={locale} query={query} collections={collections} />

      <section aria-labelledby="results-heading" className="mt-10">
        <h2 id="results-heading" className="text-xl font-semibold">
          {t('resultsHeading')}
        </h2>
        {/* The count, the persons found and the paging links: one string, the same one the cache splices. */}
        <div dangerouslySetInnerHTML={{ __html: results }} />
      </section>
    </div>
  );
}
