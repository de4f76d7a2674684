// /{locale}/statistics/{chart}.csv — the numbers behind one chart of the statistics page (across all
// collections), with labels in the page's language. Public: answers every reader alike.
import { hasLocale } from 'next-intl';
import { translatorFor } from '@/lib/open-data/translator';
import { csvContentType, downloadResponse, notFoundResponse } from '@/lib/open-data/http';
import { routing } from '@/lib/i18n/routing';
import { chartCsv, isChartName } from '@/lib/statistics/charts';
import { getStatistics } from '@/lib/statistics/get';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; chart: string }> }) {
  const { locale, chart: file } = await params;
  const chart = file.endsWith('.csv') ? file.slice(0, -4) : '';
  if (!hasLocale(routing.locales, locale) || !isChartName(chart)) return notFoundResponse();
  const csv = chartCsv(await getStatistics(), chart, locale, translatorFor(locale, 'Statistics'));
  return downloadResponse(csv, csvContentType, `yadman-statistics-${chart}-${locale}.csv`);
}
