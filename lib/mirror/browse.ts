// The mirror's browse lists, built from the public person summaries (the same DTOs the site lists):
// by date (month, in the reader's calendar), by name in each script (first letter) and by province,
// each bucket paged. Bucketing by key keeps a new publication's change inside its own bucket, so
// an incremental export rewrites a few list pages, not every page after it. Pure: no server-only.
import { formatDate } from '@/lib/i18n/dates';
import { provinces } from '@/lib/geo/provinces';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicPersonSummary } from '@/lib/memorial/dto';
import { normalizeName } from '@/lib/search/normalize';
import type { BrowseList } from './paths';

export const browsePageSize = 100;
export const unknownBucket = 'unknown';

export type Bucket = { key: string; label: string | null; persons: PublicPersonSummary[]; pages: number };

const monthKey: Record<Locale, Intl.DateTimeFormat> = {
  fa: new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', month: '2-digit', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-u-ca-gregory-nu-latn', { year: 'numeric', month: '2-digit', timeZone: 'UTC' }),
};

function monthOf(date: string, locale: Locale): string {
  const parts = monthKey[locale].formatToParts(new Date(`${date}T00:00:00Z`));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year').replace(/\D/g, '')}-${get('month')}`;
}

const collators: Record<Locale, Intl.Collator> = { fa: new Intl.Collator('fa'), en: new Intl.Collator('en') };
const byDate = (a: PublicPersonSummary, b: PublicPersonSummary) =>
  (a.incidentDate ?? '9999').localeCompare(b.incidentDate ?? '9999') || a.id.localeCompare(b.id);

function firstLetter(name: string): string {
  const letter = [...normalizeName(name).replace(/[^\p{L}]/gu, '')][0];
  return letter ? letter.toLocaleUpperCase('en') : unknownBucket;
}

type Keyed = { key: string; label: string | null; sortKey: string };

function keyOf(p: PublicPersonSummary, list: BrowseList, locale: Locale): Keyed {
  switch (list) {
    case 'date':
      return p.incidentDate
        ? { key: monthOf(p.incidentDate, locale), label: formatDate(p.incidentDate, locale, { precision: 'month' }), sortKey: monthOf(p.incidentDate, locale) }
        : { key: unknownBucket, label: null, sortKey: '\uffff' };
    case 'name-fa': {
      const key = firstLetter(p.nameFa);
      return { key, label: key === unknownBucket ? null : key, sortKey: key === unknownBucket ? '\uffff' : key };
    }
    case 'name-latin': {
      const key = p.nameLatin ? firstLetter(p.nameLatin) : unknownBucket;
      return { key, label: key === unknownBucket ? null : key, sortKey: key === unknownBucket ? '\uffff' : key };
    }
    case 'province': {
      const province = provinces.find((x) => x.code === p.province);
      return province
        ? { key: province.code, label: locale === 'fa' ? province.nameFa : province.nameEn, sortKey: locale === 'fa' ? province.nameFa : province.nameEn }
        : { key: unknownBucket, label: null, sortKey: '\uffff' };
    }
  }
}

function order(list: BrowseList, locale: Locale): (a: PublicPersonSummary, b: PublicPersonSummary) => number {
  const c = collators[locale];
  if (list === 'name-fa') return (a, b) => collators.fa.compare(a.nameFa, b.nameFa) || a.id.localeCompare(b.id);
  if (list === 'name-latin') return (a, b) => c.compare(a.nameLatin ?? a.nameFa, b.nameLatin ?? b.nameFa) || a.id.localeCompare(b.id);
  return byDate;
}

/** The buckets of one list in one language, in reading order, each with its persons sorted. */
export function browseBuckets(persons: readonly PublicPersonSummary[], list: BrowseList, locale: Locale): Bucket[] {
  const buckets = new Map<string, Keyed & { persons: PublicPersonSummary[] }>();
  for (const p of persons) {
    const k = keyOf(p, list, locale);
    const bucket = buckets.get(k.key) ?? { ...k, persons: [] };
    bucket.persons.push(p);
    buckets.set(k.key, bucket);
  }
  const c = collators[locale];
  const sorted = [...buckets.values()].sort((a, b) => (list === 'date' ? a.sortKey.localeCompare(b.sortKey) : c.compare(a.sortKey, b.sortKey)));
  const within = order(list, locale);
  return sorted.map((b) => ({
    key: b.key,
    label: b.label,
    persons: b.persons.sort(within),
    pages: Math.max(1, Math.ceil(b.persons.length / browsePageSize)),
  }));
}

export function pageOf<T>(items: readonly T[], page: number): T[] {
  return items.slice((page - 1) * browsePageSize, page * browsePageSize);
}
