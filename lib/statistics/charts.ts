// The five charts of the statistics page as labelled rows: one source for the SVG, the table and
// the CSV file, so the three always show the same numbers.
import { provinces } from '@/lib/geo/provinces';
import { formatDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
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

const shortDay: Record<Locale, Intl.DateTimeFormat> = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', { day: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-u-ca-gregory', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
};

/** A day as a short axis label: "۲۵ آبان" / "Nov 16" (the table gives the full date). */
export function shortDayLabel(isoDate: string, locale: Locale): string {
  return shortDay[locale].format(new Date(`${isoDate}T00:00:00Z`));
}

const yearOnly: Record<Locale, Intl.DateTimeFormat> = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', { year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-u-ca-gregory', { year: 'numeric', timeZone: 'UTC' }),
};

/** The year of a day in the reader's calendar: "۱۳۹۸" / "2019" (a timeline may span years). */
export function dayYearLabel(isoDate: string, locale: Locale): string {
  return yearOnly[locale].format(new Date(`${isoDate}T00:00:00Z`));
}
