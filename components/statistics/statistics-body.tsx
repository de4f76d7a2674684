// The statistics page's content: shared by the site's page and the static mirror (lib/mirror), so
// both show the same charts, tables and numbers from one Statistics object.
import type { ReactNode } from 'react';
import { BarChart } from '@/components/statistics/bar-chart';
import { ChartSection } from '@/components/statistics/chart-section';
import { ProvinceMap } from '@/components/statistics/province-map';
import { TimelineChart } from '@/components/statistics/timeline-chart';
import { formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import type { Statistics } from '@/lib/statistics/aggregates';
import { chartRows, dayYearLabel, shortDayLabel, type ChartName, type ChartRow, type StatisticsT } from '@/lib/statistics/charts';

export function StatisticsBody({
  stats,
  locale,
  t,
  csv,
  dataLink,
  heading,
  scope,
  reference = true,
}: {
  /** The page's heading; "Statistics" when absent (a collection's page names the collection). */
  heading?: string;
  /** What is counted: one collection, or all of them with links to each one's own page. */
  scope?: ReactNode;
  /** Whether the comparison with the November 2019 figures applies (referenceApplies, charts.ts). */
  reference?: boolean;
  stats: Statistics;
  locale: Locale;
  t: StatisticsT;
  /** The href of a chart's CSV file. */
  csv: (chart: ChartName) => string;
  /** The link to the open-data page. */
  dataLink: ReactNode;
}) {
  const rows = (chart: ChartName) => chartRows(stats, chart, locale, t);
  const n = (value: number) => formatNumber(value, locale);
  const common = { locale, countHeading: t('count') };

  const provinceRows = rows('provinces');
  const byName = (a: ChartRow, b: ChartRow) =>
    a.key === 'unknown' ? 1 : b.key === 'unknown' ? -1 : a.label.localeCompare(b.label, locale);

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold" dir="auto">
        {heading ?? t('title')}
      </h1>
      <p className="mt-4 text-lg">{t('intro', { n: stats.total, total: n(stats.total) })}</p>
      {scope}
      {reference && <p className="mt-3 text-muted">{t('reference')}</p>}
      {stats.total === 0 && <p className="mt-3 font-semibold">{t('noneYet')}</p>}
      <p className="mt-3">
        {dataLink}
      </p>

      <ChartSection
        {...common}
        id="provinces"
        heading={t('province.heading')}
        chart={
          <ProvinceMap
            id="province-map"
            title={t('province.mapTitle')}
            description={t('province.mapDescription')}
            counts={new Map(provinceRows.map((r) => [r.key, r.count]))}
            names={new Map(provinceRows.map((r) => [r.key, r.label]))}
            legend={t('province.legend')}
            legendNone={t('province.legendNone')}
            locale={locale}
          />
        }
        note={<p className="mt-2 text-sm text-muted">{t('province.credit')}</p>}
        tableCaption={t('province.mapTitle')}
        labelHeading={t('province.column')}
        rows={[...provinceRows].sort(byName)}
        csvHref={csv('provinces')}
        csvLabel={t('csvLink', { chart: t('province.heading') })}
      />

      <ChartSection
        {...common}
        id="days"
        heading={t('day.heading')}
        chart={
          <TimelineChart
            id="days-chart"
            title={t('day.chartTitle')}
            days={stats.byDay.map((d) => ({ ...d, label: shortDayLabel(d.key, locale), year: dayYearLabel(d.key, locale) }))}
            locale={locale}
          />
        }
        note={
          stats.dateNotExact > 0 && (
            <p className="mt-2 text-sm text-muted">{t('day.notExact', { n: stats.dateNotExact, count: n(stats.dateNotExact) })}</p>
          )
        }
        tableCaption={t('day.chartTitle')}
        labelHeading={t('day.column')}
        rows={rows('days')}
        csvHref={csv('days')}
        csvLabel={t('csvLink', { chart: t('day.heading') })}
      />

      {(
        [
          ['age-groups', 'age'],
          ['outcomes', 'outcome'],
          ['perpetrators', 'perpetrator'],
        ] as const
      ).map(([chart, ns]) => (
        <BarSection key={chart} chart={chart} ns={ns} rows={rows(chart)} href={csv(chart)} t={t} locale={locale} />
      ))}
    </div>
  );
}

function BarSection({
  chart,
  ns,
  rows,
  href,
  t,
  locale,
}: {
  chart: ChartName;
  ns: 'age' | 'outcome' | 'perpetrator';
  rows: ChartRow[];
  href: string;
  t: StatisticsT;
  locale: Locale;
}) {
  return (
    <ChartSection
      id={chart}
      locale={locale}
      countHeading={t('count')}
      heading={t(`${ns}.heading`)}
      chart={<BarChart id={`${chart}-chart`} title={t(`${ns}.chartTitle`)} bars={rows} locale={locale} />}
      tableCaption={t(`${ns}.chartTitle`)}
      labelHeading={t(`${ns}.column`)}
      rows={rows}
      csvHref={href}
      csvLabel={t('csvLink', { chart: t(`${ns}.heading`) })}
    />
  );
}
