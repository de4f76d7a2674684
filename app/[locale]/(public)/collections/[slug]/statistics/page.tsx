import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { collectionName } from '@/components/memorial/collection-parts';
import { StatisticsBody } from '@/components/statistics/statistics-body';
import { routing } from '@/lib/i18n/routing';
import { collectionBySlug } from '@/lib/memorial/collection-page';
import { collectionPath } from '@/lib/memorial/paths';
import { referenceApplies } from '@/lib/statistics/charts';
import { getStatistics } from '@/lib/statistics/get';

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const collection = await collectionBySlug(slug);
  if (!collection) return {};
  const [t, c] = await Promise.all([getTranslations({ locale, namespace: 'Statistics' }), getTranslations({ locale, namespace: 'Collection' })]);
  return { title: c('statisticsTitle', { name: collectionName(collection, locale) }), description: t('metaDescription') };
}

/** One collection's statistics: only its own published records. */
export default async function CollectionStatisticsPage({ params }: Props) {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const collection = await collectionBySlug(slug);
  if (!collection) notFound();
  const [t, c] = await Promise.all([getTranslations('Statistics'), getTranslations('Collection')]);
  const name = collectionName(collection, locale);
  return (
    <StatisticsBody
      stats={await getStatistics(collection)}
      locale={locale}
      t={t}
      heading={c('statisticsTitle', { name })}
      reference={referenceApplies([collection])}
      scope={
        <p className="mt-3">
          {c('statisticsScope')}{' '}
          <Link href={collectionPath.home(locale, slug)} prefetch={false} dir="auto">
            {name}
          </Link>
        </p>
      }
      csv={(chart) => collectionPath.chartCsv(locale, slug, chart)}
      dataLink={
        <Link href={`/${locale}/data`} prefetch={false}>
          {t('dataLink')}
        </Link>
      }
    />
  );
}
