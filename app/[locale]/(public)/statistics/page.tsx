import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { collectionName } from '@/components/memorial/collection-parts';
import { StatisticsBody } from '@/components/statistics/statistics-body';
import { routing } from '@/lib/i18n/routing';
import { cachedCollectionPages } from '@/lib/memorial/cache';
import { collectionPath } from '@/lib/memorial/paths';
import { referenceApplies } from '@/lib/statistics/charts';
import { getStatistics } from '@/lib/statistics/get';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Statistics' });
  return { title: t('title'), description: t('metaDescription') };
}

/** Across all collections; with more than one, it links to each collection's own statistics. */
export default async function StatisticsPage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Counts come from the database at request time; the build must not bake them into HTML.
  await connection();
  const [t, c] = await Promise.all([getTranslations('Statistics'), getTranslations('Collection')]);
  const [stats, collections] = await Promise.all([getStatistics(), cachedCollectionPages()]);
  return (
    <StatisticsBody
      stats={stats}
      locale={locale}
      t={t}
      csv={(chart) => `/${locale}/statistics/${chart}.csv`}
      reference={referenceApplies(collections)}
      scope={
        collections.length > 1 && (
          <div className="mt-3">
            <p>{c('statisticsAcross')}</p>
            <ul className="mt-1 list-disc ps-6">
              {collections.map((collection) => (
                <li key={collection.id}>
                  <Link href={collectionPath.statistics(locale, collection.slug)} prefetch={false} dir="auto">
                    {collectionName(collection, locale)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )
      }
      dataLink={
        <Link href={`/${locale}/data`} prefetch={false}>
          {t('dataLink')}
        </Link>
      }
    />
  );
}
