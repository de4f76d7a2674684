import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import Link from 'next/link';
import { LinkCard } from '@/components/memorial/link-card';
import { MemorialCounts } from '@/components/memorial/memorial-counts';
import { PersonList } from '@/components/memorial/person-list';
import { routing } from '@/lib/i18n/routing';
import { CollectionList } from '@/components/memorial/collection-parts';
import { cachedCollectionPages, cachedMemorialOverview } from '@/lib/memorial/cache';
import { collectionPath } from '@/lib/memorial/paths';

type Props = { params: Promise<{ locale: string }> };

const NextLink = ({ href, children }: { href: string; children: React.ReactNode }) => (
  <Link href={href} prefetch={false}>
    {children}
  </Link>
);

/** Feed readers find the Atom feed of new publications from the home page (autodiscovery). */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  return { alternates: { types: { 'application/atom+xml': `/${locale}/feed.xml` } } };
}

// Dynamic (`await connection()`): the build must never bake numbers into the HTML; the data itself
// comes from the tagged cache that moderation revalidates (lib/memorial/cache.ts).
export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations('Home');
  const m = await getTranslations('Memorial');
  const p = await getTranslations('Person');
  const c = await getTranslations('Collection');
  const [overview, collections] = await Promise.all([cachedMemorialOverview(), cachedCollectionPages()]);
  // With more than one collection the home page is the overview across them: each is listed with
  // its own totals and page, and the sums below say they are across all of them.
  const several = collections.length > 1;
  const own = several ? await Promise.all(collections.map((collection) => cachedMemorialOverview(collection.id))) : [];
  const overviews = Object.fromEntries(own.map((o) => [o.collectionId!, o]));

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:py-14">
      <h1 className="text-3xl font-bold leading-tight sm:text-4xl">{several ? c('overviewHeading') : t('heading')}</h1>
      <p className="mt-4 text-lg text-muted">{several ? c('overviewIntro') : t('intro')}</p>

      {several && (
        <CollectionList
          collections={collections}
          overviews={overviews}
          locale={locale}
          href={(collection) => collectionPath.home(locale, collection.slug)}
          Anchor={NextLink}
          m={m}
          c={c}
        />
      )}

      <section aria-labelledby="search-heading" className="mt-10">
        <h2 id="search-heading" className="text-xl font-semibold">
          {t('searchHeading')}
        </h2>
        {/* A plain GET form: works without JavaScript and gives a shareable URL. */}
        <form action={`/${locale}/search`} method="get" role="search" className="mt-3">
          <label htmlFor="home-search" className="block font-medium">
            {t('searchLabel')}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="home-search"
              name="q"
              type="search"
              dir="auto"
              autoComplete="off"
              aria-describedby="home-search-hint"
              className="min-w-0 flex-1 basis-56 rounded border border-muted bg-white px-3 py-2"
            />
            <button
              type="submit"
              className="rounded bg-accent-ink px-5 py-2 font-semibold text-white hover:bg-ink"
            >
              {t('searchButton')}
            </button>
          </div>
          <p id="home-search-hint" className="mt-1 text-sm text-muted">
            {t('searchHint')}
          </p>
        </form>
      </section>

      <MemorialCounts overview={overview} locale={locale} m={m} p={p} heading={several ? c('allHeading') : undefined} />

      <section aria-labelledby="latest-heading" className="mt-10">
        <h2 id="latest-heading" className="text-xl font-semibold">
          {m('latestHeading')}
        </h2>
        <div className="mt-3">
          {overview.latest.length > 0 ? <PersonList persons={overview.latest} locale={locale} /> : <p>{m('latestEmpty')}</p>}
        </div>
        <p className="mt-3">
          <Link href={`/${locale}/search`} prefetch={false}>
            {m('browseAll')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="take-part-heading" className="mt-10">
        <h2 id="take-part-heading" className="text-xl font-semibold">
          {t('linksHeading')}
        </h2>
        <ul className="mt-3 grid gap-4 sm:grid-cols-2">
          <LinkCard href={`/${locale}/submit`} title={t('submitLink')} text={t('submitText')} />
          <LinkCard href={`/${locale}/statistics`} title={t('statisticsLink')} text={t('statisticsText')} />
          <LinkCard href={`/${locale}/data`} title={m('dataLink')} text={m('dataText')} />
        </ul>
      </section>
    </div>
  );
}
