// The mirror's browse lists, built from the public person summaries (the same DTOs the site lists):
// by date (month, in the reader's calendar), by name in each script (first letter) and by province,
// each bucket paged. Bucketing by key keeps a new publication's change inside its own bucket, and
// pages with stable boundaries (a layout kept between exports: each page holds a range of the
// bucket's order, split in two when it passes 200 persons) keep it inside one page, so an
// incremental export rewrites one list page per list, not every page after it. Pure: no server-only.
import { formatDate } from '@/lib/i18n/dates';
import { provinces } from '@/lib/geo/provinces';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicPersonSummary } from '@/lib/memorial/dto';
import { normalizeName } from '@/lib/search/normalize';
import type { BrowseList } from './paths';

/** Persons per page when a bucket is paged afresh (and per part when a page is split). */
export const browsePageSize = 100;
/** A page is split when it passes this many persons, and merged into its neighbour below the minimum. */
export const browsePageMax = 200;
export const browsePageMin = 25;
export const unknownBucket = 'unknown';

export type Bucket = { key: string; label: string | null; persons: PublicPersonSummary[] };

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

function firstLetter(name: string): string {
  const letter = [...normalizeName(name).replace(/[^\p{L}]/gu, '')][0];
  return letter ? letter.toLocaleUpperCase('en') : unknownBucket;
}

type Keyed = { key: string; label: string | null; sortKey: string };
const monthKeys = new Map<string, Keyed>();

function keyOf(p: PublicPersonSummary, list: BrowseList, locale: Locale): Keyed {
  switch (list) {
    case 'date': {
      if (!p.incidentDate) return { key: unknownBucket, label: null, sortKey: '\uffff' };
      // A few hundred distinct dates among 100,000 persons: each formatted once per language.
      const id = `${locale}/${p.incidentDate}`;
      let keyed = monthKeys.get(id);
      if (!keyed) {
        const month = monthOf(p.incidentDate, locale);
        keyed = { key: month, label: formatDate(p.incidentDate, locale, { precision: 'month' }), sortKey: month };
        monthKeys.set(id, keyed);
      }
      return keyed;
    }
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

/** Where a person falls in a bucket's order: the value sorted on, then the id (ties never happen). */
export type SortPoint = [value: string, id: string];

function pointOf(p: PublicPersonSummary, list: BrowseList): SortPoint {
  if (list === 'name-fa') return [p.nameFa, p.id];
  if (list === 'name-latin') return [p.nameLatin ?? p.nameFa, p.id];
  return [p.incidentDate ?? '9999', p.id];
}

function comparePoints(list: BrowseList, locale: Locale): (a: SortPoint, b: SortPoint) => number {
  const c = list === 'name-fa' ? collators.fa : list === 'name-latin' ? collators[locale] : null;
  // Dates ("2019-11-16", "9999" for none) and ids (lower-case hex) in code-unit order: the same
  // order as localeCompare gives them, at a fraction of its cost.
  const plain = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return c ? (a, b) => c.compare(a[0], b[0]) || plain(a[1], b[1]) : (a, b) => plain(a[0], b[0]) || plain(a[1], b[1]);
}


/** A bucket's persons in the list's order (each person's point made once, not at every comparison). */
export function sortPersons(persons: readonly PublicPersonSummary[], list: BrowseList, locale: Locale): PublicPersonSummary[] {
  const compare = comparePoints(list, locale);
  return persons
    .map((p) => ({ p, point: pointOf(p, list) }))
    .sort((a, b) => compare(a.point, b.point))
    .map((x) => x.p);
}

/**
 * The buckets of one list in one language, in reading order, each with its persons sorted — or,
 * with `sorted: false`, in the order given (layoutBucket then places them by the previous layout's
 * ranges, and only the pages that are rendered are sorted: sorting every bucket with a collator
 * was seconds of each incremental export at 90,000 persons).
 */
export function browseBuckets(persons: readonly PublicPersonSummary[], list: BrowseList, locale: Locale, { sorted = true } = {}): Bucket[] {
  const buckets = new Map<string, Keyed & { persons: PublicPersonSummary[] }>();
  for (const p of persons) {
    const k = keyOf(p, list, locale);
    const bucket = buckets.get(k.key) ?? { ...k, persons: [] };
    bucket.persons.push(p);
    buckets.set(k.key, bucket);
  }
  const c = collators[locale];
  const inOrder = [...buckets.values()].sort((a, b) => (list === 'date' ? a.sortKey.localeCompare(b.sortKey) : c.compare(a.sortKey, b.sortKey)));
  return inOrder.map((b) => ({ key: b.key, label: b.label, persons: sorted ? sortPersons(b.persons, list, locale) : b.persons }));
}

/**
 * How a bucket is paged, kept between exports (mirror-state.json): each page's id (its file name,
 * never reused within the bucket) and the point where it starts (null: the first page, which
 * takes everything before the second).
 */
export type BucketLayout = { next: number; pages: Array<[id: number, start: SortPoint | null]> };
export type BrowsePage = { id: number; persons: PublicPersonSummary[] };

/**
 * Even parts of at most `browsePageSize`, their sizes one apart at most (201 persons: three pages
 * of 67, never 100, 100 and 1; 80,001: 801 pages of 99 or 100 — slices of ⌈n/parts⌉ left a last
 * page of one person, which the next export folded into the one before, changing the group's page
 * count and so every page of it).
 */
function evenParts<T>(items: readonly T[]): T[][] {
  const parts = Math.max(1, Math.ceil(items.length / browsePageSize));
  const edge = (i: number) => Math.floor((i * items.length) / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(edge(i), edge(i + 1)));
}

/**
 * The pages of a bucket (its persons in any order: with a previous layout a page keeps the order
 * it was given, so sortPersons before rendering). Without a previous layout, even pages of at most 100
 * numbered from 1. With one, every person goes to the page whose range holds them, so a
 * publication changes only its own page; a page past 200 is split in even parts (the first keeps
 * its id and start, the others get new ids), a page under 25 joins the page before it, an emptied
 * page goes (the first page is always page 1, which the lists link to).
 */
export function layoutBucket(bucket: Bucket, list: BrowseList, locale: Locale, previous: BucketLayout | null): { pages: BrowsePage[]; layout: BucketLayout } {
  let next = 1;
  let pages: Array<BrowsePage & { start: SortPoint | null }>;
  const first = (persons: PublicPersonSummary[]) => (persons[0] ? pointOf(persons[0], list) : null);
  if (!previous || previous.pages.length === 0) {
    pages = evenParts(sortPersons(bucket.persons, list, locale)).map((persons) => ({ id: next++, start: first(persons), persons }));
  } else {
    next = previous.next;
    const compare = comparePoints(list, locale);
    const ranges = previous.pages.map(([id, start]) => ({ id, start, persons: [] as PublicPersonSummary[] }));
    // Each person to the last range starting at or before them (binary search: the bucket need not
    // be sorted); a range keeps the bucket's order, so sorted buckets give sorted pages.
    for (const p of bucket.persons) {
      const point = pointOf(p, list);
      let lo = 0;
      let hi = ranges.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (compare(ranges[mid]!.start!, point) <= 0) lo = mid;
        else hi = mid - 1;
      }
      ranges[lo]!.persons.push(p);
    }
    pages = [];
    for (const range of ranges) {
      if (range.persons.length === 0) continue;
      const last = pages.at(-1);
      if (last && (range.persons.length < browsePageMin || last.persons.length < browsePageMin) && last.persons.length + range.persons.length <= browsePageMax) {
        last.persons.push(...range.persons);
      } else if (range.persons.length > browsePageMax) {
        evenParts(sortPersons(range.persons, list, locale)).forEach((persons, i) => pages.push(i === 0 ? { ...range, persons } : { id: next++, start: first(persons), persons }));
      } else pages.push(range);
    }
    if (pages.length === 0) pages.push({ id: 1, start: null, persons: [] });
    // The lists link to page 1 of each bucket: an emptied first page passes its id to the next one.
    pages[0]!.id = 1;
  }
  // The first page takes everything before the second, whatever its own first person.
  const layout: BucketLayout = { next, pages: pages.map((page, i) => [page.id, i === 0 ? null : page.start]) };
  return { pages: pages.map(({ id, persons }) => ({ id, persons })), layout };
}
