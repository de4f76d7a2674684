import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import Link from 'next/link';
import { LinkCard } from '@/components/memorial/link-card';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { CollectionHeader, collectionName } from '@/components/memorial/collection-parts';
import { MemorialCounts } from '@/components/memorial/memorial-counts';
import { PersonList } from '@/components/memorial/person-list';
import { routing } from '@/lib/i18n/routing';
import { cachedMemorialOverview } from '@/lib/memorial/cache';
import { collectionBySlug } from '@/lib/memorial/collection-page';
import { collectionPath } from '@/lib/memorial/paths';

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const collection = await collectionBySlug(slug);
  if (!collection) return {};
  return {
    title: collectionName(collection, locale),
    alternates: { types: { 'application/atom+xml': collectionPath.feed(locale, slug) } },
  };
}

/** One collection's home: its own heading, totals, latest publications, search, statistics and feed. */
export default async function CollectionHomePage({ params }: Props) {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const collection = await collectionBySlug(slug);
  if (!collection) notFound();
  const [t, m, p, c] = await Promise.all([getTranslations('Home'), getTranslations('Memorial'), getTranslations('Person'), getTranslations('Collection')]);
  const overview = await cachedMemorialOverview(collection.id);

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:py-14">
      <p className="text-sm">
        <Link href={`/${locale}`} prefetch={false}>
          {c('allCollections')}
        </Link>
      </p>
      <div className="mt-2">
        <CollectionHeader collection={collection} locale={locale} c={c} />
      </div>

      <section aria-labelledby="search-heading" className="mt-10">
        <h2 id="search-heading" className="text-xl font-semibold">
          {t('searchHeading')}
        </h2>
        {/* A plain GET form limited to this collection: works without JavaScript, gives a shareable URL. */}
        <form action={`/${locale}/search`} method="get" role="search" className="mt-3">
          <input type="hidden" name="collection" value={collection.slug} />
          <label htmlFor="collection-search" className="block font-medium">
            {c('searchLabel')}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input id="collection-search" name="q" type="search" autoComplete="off" aria-describedby="collection-search-hint" className="min-w-0 flex-1 basis-56 rounded border border-muted bg-white px-3 py-2" />
            <button type="submit" className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink">
              {t('searchButton')}
            </button>
          </div>
          <p id="collection-search-hint" className="mt-1 text-sm text-muted">
            {t('searchHint')}
          </p>
        </form>
      </section>

      <MemorialCounts overview={overview} locale={locale} m={m} p={p} />

      <section aria-labelledby="latest-heading" className="mt-10">
        <h2 id="latest-heading" className="text-xl font-semibold">
          {m('latestHeading')}
        </h2>
        <div className="mt-3">
          {overview.latest.length > 0 ? <PersonList persons={overview.latest} locale={locale} /> : <p>{m('latestEmpty')}</p>}
        </div>
        <p className="mt-3">
          <Link href={collectionPath.browse(locale, collection.slug)} prefetch={false}>
            {c('browseLink')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="take-part-heading" className="mt-10">
        <h2 id="take-part-heading" className="text-xl font-semibold">
          {t('linksHeading')}
        </h2>
        <ul className="mt-3 grid gap-4 sm:grid-cols-2">
          {collection.openForSubmissions && <LinkCard href={collectionPath.submit(locale, collection.slug)} title={c('submitLink')} text={t('submitText')} />}
          <LinkCard href={collectionPath.statistics(locale, collection.slug)} title={c('statisticsLink')} text={c('statisticsText')} />
          <LinkCard href={collectionPath.feed(locale, collection.slug)} title={c('feedLink')} plain />
          <LinkCard href={`/${locale}/data`} title={m('dataLink')} text={m('dataText')} />
        </ul>
      </section>
    </div>
  );
}
