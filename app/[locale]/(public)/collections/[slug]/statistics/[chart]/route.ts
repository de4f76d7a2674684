// /{locale}/collections/{slug}/statistics/{chart}.csv — one chart of a collection's statistics, its
// own records only, labels in the page's language. Public: answers every reader alike.
import { hasLocale } from 'next-intl';
import { withDb } from '@/lib/db';
import { routing } from '@/lib/i18n/routing';
import { readCollectionBySlug } from '@/lib/memorial/collection-page';
import { csvContentType, downloadResponse, notFoundResponse } from '@/lib/open-data/http';
import { chartCsv, isChartName } from '@/lib/statistics/charts';
import { getStatistics } from '@/lib/statistics/get';
import { translatorFor } from '@/lib/open-data/translator';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string; chart: string }> }) {
  const { locale, slug, chart: file } = await params;
  const chart = file.endsWith('.csv') ? file.slice(0, -4) : '';
  if (!hasLocale(routing.locales, locale) || !isChartName(chart)) return notFoundResponse();
  const collection = await withDb(readCollectionBySlug, slug);
  if (!collection) return notFoundResponse();
  const csv = chartCsv(await getStatistics(collection), chart, locale, translatorFor(locale, 'Statistics'));
  return downloadResponse(csv, csvContentType, `yadman-${collection.slug}-statistics-${chart}-${locale}.csv`);
}
