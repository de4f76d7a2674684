// Browse pages with stable boundaries: a publication changes the one page its person falls on,
// a page past the maximum is split, an emptied or small page is folded into its neighbour.
import { describe, expect, it } from 'vitest';
import type { PublicPersonSummary } from '@/lib/memorial/dto';
import { browseBuckets, browsePageMax, layoutBucket, sortPersons, type BucketLayout } from './browse';

const person = (n: number, date = '2019-11-16'): PublicPersonSummary => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  slug: `p-${n}`,
  collectionSlug: 'aban-98',
  nameFa: `نام ${n}`,
  nameLatin: `Name ${n}`,
  gender: 'male',
  age: 30,
  incidentDate: date,
  incidentDatePrecision: 'exact',
  province: 'teh',
  city: null,
  outcome: 'killed',
  perpetrator: 'unknown',
  verification: 'unverified',
  publishedAt: null,
});

const november = (persons: PublicPersonSummary[]) => browseBuckets(persons, 'date', 'en').find((b) => b.key === '2019-11')!;
const ids = (pages: Array<{ persons: PublicPersonSummary[] }>) => pages.map((p) => p.persons.map((x) => x.id));

describe('browse pages', () => {
  const many = Array.from({ length: 450 }, (_, i) => person(i * 10));

  it('are even pages of at most 100, numbered from 1, without a previous layout', () => {
    const { pages, layout } = layoutBucket(november(many), 'date', 'en', null);
    expect(pages.map((p) => [p.id, p.persons.length])).toEqual([[1, 90], [2, 90], [3, 90], [4, 90], [5, 90]]);
    expect(layout.next).toBe(6);
    expect(layout.pages[0]![1]).toBeNull();
    expect(layout.pages[1]![1]).toEqual(['2019-11-16', many[90]!.id]);
  });

  it('change only the page a new person falls on', () => {
    const first = layoutBucket(november(many), 'date', 'en', null);
    const added = person(1005); // between persons 100 and 101 of the order: the second page
    const second = layoutBucket(november([...many, added]), 'date', 'en', first.layout);
    expect(second.pages.map((p) => p.id)).toEqual([1, 2, 3, 4, 5]);
    const changed = second.pages.filter((p, i) => JSON.stringify(ids([p])) !== JSON.stringify(ids([first.pages[i]!])));
    expect(changed.map((p) => p.id)).toEqual([2]);
    expect(changed[0]!.persons.map((p) => p.id)).toContain(added.id);
    // A person sorting before everything goes to page 1, after everything to the last page.
    const early = layoutBucket(november([...many, person(1, '2019-11-01')]), 'date', 'en', first.layout);
    expect(early.pages[0]!.persons[0]!.id).toBe(person(1).id);
    expect(early.pages.slice(1).map((p) => p.persons.length)).toEqual([90, 90, 90, 90]);
  });

  it('split a page past the maximum, keeping its id and giving the others new ones', () => {
    const first = layoutBucket(november(many), 'date', 'en', null);
    // 111 more persons inside the third page's range (ids 1800 to 2690), which then holds 201.
    const crowd = Array.from({ length: 130 }, (_, i) => 1801 + i).filter((n) => n % 10 !== 0).slice(0, 111).map((n) => person(n));
    const second = layoutBucket(november([...many, ...crowd]), 'date', 'en', first.layout);
    expect(second.pages.every((p) => p.persons.length <= browsePageMax)).toBe(true);
    expect(second.pages.map((p) => p.id)).toEqual([1, 2, 3, 6, 7, 4, 5]);
    expect(second.pages.map((p) => p.persons.length)).toEqual([90, 90, 67, 67, 67, 90, 90]);
    expect(second.layout.next).toBe(8);
    // Every person once, in order.
    expect(second.pages.flatMap((p) => p.persons.map((x) => x.id))).toEqual(november([...many, ...crowd]).persons.map((p) => p.id));
  });

  it('fold a page that became small into the one before, and keep page 1 first', () => {
    const first = layoutBucket(november(many), 'date', 'en', null);
    // The second page loses all but 10 persons; the first page loses everyone.
    const gone = new Set([...first.pages[0]!.persons, ...first.pages[1]!.persons.slice(10)].map((p) => p.id));
    const second = layoutBucket(november(many.filter((p) => !gone.has(p.id))), 'date', 'en', first.layout);
    expect(second.pages.map((p) => [p.id, p.persons.length])).toEqual([[1, 100], [4, 90], [5, 90]]);
    expect(second.layout.pages[0]![1]).toBeNull();
  });

  it('place persons given in any order on the same pages (only the pages rendered are sorted)', () => {
    const first = layoutBucket(november(many), 'date', 'en', null);
    const crowd = Array.from({ length: 130 }, (_, i) => 1801 + i).filter((n) => n % 10 !== 0).slice(0, 111).map((n) => person(n));
    const all = [...many, ...crowd, person(1, '2019-11-01')];
    const sorted = layoutBucket(november(all), 'date', 'en', first.layout);
    const shuffled = [...all].sort((a, b) => (a.slug.split('').reverse().join('') < b.slug.split('').reverse().join('') ? -1 : 1));
    const unsorted = browseBuckets(shuffled, 'date', 'en', { sorted: false }).find((b) => b.key === '2019-11')!;
    expect(unsorted.persons.map((p) => p.id)).not.toEqual(november(all).persons.map((p) => p.id));
    const placed = layoutBucket(unsorted, 'date', 'en', first.layout);
    expect(placed.layout).toEqual(sorted.layout);
    expect(ids(placed.pages.map((p) => ({ persons: sortPersons(p.persons, 'date', 'en') })))).toEqual(ids(sorted.pages));
  });

  it('are their own next layout: a large group laid out afresh keeps every page on the next export', () => {
    // 80,001 persons: slices of ⌈n/parts⌉ = 100 left a last page of 1, folded into the one before next time.
    const crowd = Array.from({ length: 80_001 }, (_, i) => person(i));
    const bucket = november(crowd);
    const first = layoutBucket(bucket, 'date', 'en', null);
    expect(Math.min(...first.pages.map((p) => p.persons.length))).toBeGreaterThanOrEqual(99);
    expect(ids(layoutBucket(bucket, 'date', 'en', first.layout).pages)).toEqual(ids(first.pages));
  });

  it('keep a layout through a round trip of the state file', () => {
    const first = layoutBucket(november(many), 'date', 'en', null);
    const stored = JSON.parse(JSON.stringify(first.layout)) as BucketLayout;
    expect(ids(layoutBucket(november(many), 'date', 'en', stored).pages)).toEqual(ids(first.pages));
  });
});
