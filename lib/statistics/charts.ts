// The five charts of the statistics page as labelled rows: one source for the SVG, the table and
// the CSV file, so the three always show the same numbers.
import { provinces } from '@/lib/geo/provinces';
import { formatDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { toCsv } from '@/lib/open-data/csv';
import type { Statistics } from './aggregates';

export const chartNames = ['provinces', 'days', 'age-groups', 'outcomes', 'perpetrators'] as const;
export type ChartName = (typeof chartNames)[number];

export function isChartName(value: string): value is ChartName {
  return (chartNames as readonly string[]).includes(value);
}

/** First column of each chart's CSV: the machine-readable key. */
export const chartKeyColumn: Record<ChartName, string> = {
  provinces: 'province_code',
  days: 'date',
  'age-groups': 'age_group',
  outcomes: 'outcome',
  perpetrators: 'perpetrator',
};

export type ChartRow = { key: string; label: string; count: number };

/** A translator for the `Statistics` namespace (next-intl's `t`, or a stub in tests). */
export type StatisticsT = (key: string, values?: Record<string, string | number>) => string;

export function chartRows(stats: Statistics, chart: ChartName, locale: Locale, t: StatisticsT): ChartRow[] {
  switch (chart) {
    case 'provinces':
      return stats.byProvince.map(({ key, count }) => {
        const province = provinces.find((p) => p.code === key);
        const label = province ? (locale === 'fa' ? province.nameFa : province.nameEn) : t('province.unknown');
        return { key, label, count };
      });
    case 'days':
      return stats.byDay.map(({ key, count }) => ({ key, label: formatDate(key, locale), count }));
    case 'age-groups':
      return stats.byAgeGroup.map(({ key, count }) => ({ key, label: t(`age.groups.${key}`), count }));
    case 'outcomes':
      return stats.byOutcome.map(({ key, count }) => ({ key, label: t(`outcome.values.${key}`), count }));
    case 'perpetrators':
      return stats.byPerpetrator.map(({ key, count }) => ({ key, label: t(`perpetrator.values.${key}`), count }));
  }
}

/** One chart as its CSV file (the site's routes and the mirror write the same bytes). */
export function chartCsv(stats: Statistics, chart: ChartName, locale: Locale, t: StatisticsT): string {
  const rows = chartRows(stats, chart, locale, t);
  return toCsv([chartKeyColumn[chart], 'label', 'count_documented_here'], rows.map((r) => [r.key, r.label, r.count]));
}

const shortDay: Record<Locale, Intl.DateTimeFormat> = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', { day: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-u-ca-gregory', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
};
/** A day as a short axis label: "۲۵ آبان" / "Nov 16" (the table gives the full date; the chart adds years, dayYearLabel). */
export function shortDayLabel(isoDate: string, locale: Locale): string {
  return shortDay[locale].format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * The comparison figure under `Statistics.reference` (Amnesty International's count, May 2020) is
 * about the killings of November 2019: shown only when every collection counted covers those days.
 */
export function referenceApplies(collections: readonly { startsOn: string | null; endsOn: string | null }[]): boolean {
  return (
    collections.length > 0 &&
    collections.every((c) => c.startsOn !== null && c.startsOn <= '2019-11-19' && (c.endsOn === null || c.endsOn >= '2019-11-15'))
  );
}

const yearOnly: Record<Locale, Intl.DateTimeFormat> = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', { year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-u-ca-gregory', { year: 'numeric', timeZone: 'UTC' }),
};

/** The year of a day in the reader's calendar: "۱۳۹۸" / "2019" (a timeline may span years). */
export function dayYearLabel(isoDate: string, locale: Locale): string {
  return yearOnly[locale].format(new Date(`${isoDate}T00:00:00Z`));
}
