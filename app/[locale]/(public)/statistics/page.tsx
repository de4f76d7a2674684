import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { StatisticsBody } from '@/components/statistics/statistics-body';
import { routing } from '@/lib/i18n/routing';
import { getStatistics } from '@/lib/statistics/get';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Statistics' });
  return { title: t('title'), description: t('metaDescription') };
}

export default async function StatisticsPage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Counts come from the database at request time; the build must not bake them into HTML.
  await connection();
  const t = await getTranslations('Statistics');
  return (
    <StatisticsBody
      stats={await getStatistics()}
      locale={locale}
      t={t}
      csv={(chart) => `/${locale}/statistics/${chart}.csv`}
      dataLink={
        <Link href={`/${locale}/data`} prefetch={false}>
          {t('dataLink')}
        </Link>
      }
    />
  );
}
