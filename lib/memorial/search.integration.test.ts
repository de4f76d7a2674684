// Spelling-tolerant search: every variant finds its person first; unrelated names do not outrank
// it; unpublished persons never appear, whatever the query.
import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '@/db/schema';
import { nameSearchText, normalizeName } from '@/lib/search/normalize';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import type { Db } from '@/db/types';
import { parsePersonQuery, personQueryParams } from './query';
import { listPublishedPersons } from './search';
import { searchCap } from './search-hits';

type Fixture = { slug: string; fa: string; latin: string; age: number; date: string; status?: 'draft' | 'hidden'; aliases?: string[]; text?: string };
const fixture: Fixture[] = [
  { slug: 'gholipour', fa: 'علی قلی‌پور', latin: 'Ali Gholipour', age: 17, date: '2019-11-16' },
  { slug: 'gholami', fa: 'علی غلامی', latin: 'Ali Gholami', age: 30, date: '2019-11-17' },
  { slug: 'golpour', fa: 'علیرضا گل‌پور', latin: 'Alireza Golpour', age: 40, date: '2019-11-18' },
  { slug: 'karimi', fa: 'محمدرضا کریمی', latin: 'Mohammad Reza Karimi', age: 24, date: '2019-11-16' },
  { slug: 'karami', fa: 'محمد کرمی', latin: 'Mohammad Karami', age: 52, date: '2019-11-19' },
  { slug: 'rahimi', fa: 'حسین رحیمی', latin: 'Hossein Rahimi', age: 33, date: '2019-11-16' },
  { slug: 'rahimian', fa: 'حسن رحیمیان', latin: 'Hassan Rahimian', age: 29, date: '2019-11-17' },
  { slug: 'ahmadi', fa: 'فاطمه احمدی', latin: 'Fatemeh Ahmadi', age: 15, date: '2019-11-18', text: 'او را نزدیک کارخانهٔ سیمان دیدند.' },
  // Typed with Arabic letters, as data often arrives; an alias in another transliteration.
  { slug: 'yousefi', fa: 'كاظم يوسفي', latin: 'Kazem Yousefi', age: 61, date: '2019-11-20', aliases: ['Kasem Yusefi'] },
  { slug: 'draft-gholipour', fa: 'علی قلی‌پور', latin: 'Ali Gholipour', age: 17, date: '2019-11-16', status: 'draft' },
  { slug: 'hidden-karimi', fa: 'محمدرضا کریمی', latin: 'Mohammad Reza Karimi', age: 24, date: '2019-11-16', status: 'hidden' },
];

const cases: Array<[string, string]> = [
  ['Gholipur', 'gholipour'],
  ['gholipour', 'gholipour'],
  ['GHOLIPOOR', 'gholipour'],
  ['علي قلي پور', 'gholipour'], // Arabic yeh, a space for the ZWNJ
  ['قلیپور', 'gholipour'], // no ZWNJ at all
  ['قلی‌پور', 'gholipour'],
  ['Muhammad Reza Karimi', 'karimi'],
  ['Mohamad-Reza Karimi', 'karimi'],
  ['محمد رضا کریمی', 'karimi'],
  ['محمدرضا', 'karimi'],
  ['Husain Rahimi', 'rahimi'],
  ['Hussein', 'rahimi'],
  ['حسين رحيمي', 'rahimi'],
  ['فاطمة احمدي', 'ahmadi'],
  ['Fatima Ahmadi', 'ahmadi'],
  ['Yusefi', 'yousefi'],
  ['کاظم یوسفی', 'yousefi'],
  ['Kasem', 'yousefi'], // alias
  ['سيمان', 'ahmadi'], // full text of a published testimony, Arabic yeh
  ['Gholami', 'gholami'],
  ['Karami', 'karami'],
  ['Rahimian', 'rahimian'],
];

async function insertFixture(db: Db) {
  const [user] = await db.insert(s.users).values({ username: 'fx', usernameKey: 'fx', passwordHash: 'x' }).returning();
  const [second] = await db.insert(s.users).values({ username: 'fx2', usernameKey: 'fx2', passwordHash: 'x' }).returning();
  const [collection] = await db.insert(s.collections).values({ slug: 'fx', nameFa: 'آزمون', nameEn: 'Test' }).returning();
  const ids = new Map<string, string>();
  for (const [i, f] of fixture.entries()) {
    const [p] = await db
      .insert(s.persons)
      .values({
        collectionId: collection!.id,
        slug: f.slug,
        nameFa: f.fa,
        nameLatin: f.latin,
        age: f.age,
        incidentDate: f.date,
        outcome: 'killed',
        status: f.status ?? 'published',
        publishedAt: f.status ? null : new Date(Date.UTC(2020, 0, 1 + i)),
        nameSearch: nameSearchText([f.fa, f.latin]),
      })
      .returning();
    ids.set(f.slug, p!.id);
    // The children here have had their names approved by two moderators (minors.integration.test.ts
    // covers the time before that, when only initials are public).
    if (f.age < 18) await db.insert(s.personIdentityApprovals).values([user!, second!].map((u) => ({ personId: p!.id, moderatorId: u.id })));
    for (const a of f.aliases ?? []) {
      await db.insert(s.personAliases).values({ personId: p!.id, name: a, script: 'latin', normalized: nameSearchText([a]) });
    }
    if (f.text) {
      const [t] = await db
        .insert(s.testimonies)
        .values({ collectionId: collection!.id, submitterId: user!.id, status: 'published', consentPublish: 'public', publishedAt: new Date() })
        .returning();
      const [r] = await db
        .insert(s.testimonyRevisions)
        .values({ testimonyId: t!.id, number: 1, relationship: 'eyewitness', hand: 'first', narrative: `${f.text} [private]`, redactedNarrative: f.text })
        .returning();
      await db.update(s.testimonies).set({ publishedRevisionId: r!.id, currentRevisionId: r!.id }).where(eq(s.testimonies.id, t!.id));
      await db.insert(s.testimonyPersons).values({ testimonyId: t!.id, personId: p!.id });
    }
  }
  return ids;
}

describe.each(testDatabases())('person search on $name', (target) => {
  const ctx = useTestDatabase(target);
  const slugs = async (query: Parameters<typeof listPublishedPersons>[1]) =>
    (await listPublishedPersons(ctx.db, query)).items.map((p) => p.slug);

  const ensureFixture = async () => {
    if ((await ctx.db.$count(s.persons)) === 0) await insertFixture(ctx.db);
  };

  it.each(cases)('"%s" finds %s first', async (q, expected) => {
    await ensureFixture();
    const found = await slugs({ q });
    expect(found[0], `results: ${found.join(', ')}`).toBe(expected);
    expect(found.some((slug) => slug.startsWith('draft-') || slug.startsWith('hidden-'))).toBe(false);
  });

  it('never returns unpublished persons, with or without a query', async () => {
    for (const q of [undefined, 'Ali', 'Gholipour', 'کریمی', normalizeName('محمدرضا')]) {
      const all = await slugs({ q, limit: 100 });
      expect(all.filter((slug) => slug.includes('-'))).toEqual([]);
    }
    expect((await listPublishedPersons(ctx.db, {})).total).toBe(9);
  });

  it('a query of wildcards or punctuation alone matches no one (q=% once listed everyone)', async () => {
    await ensureFixture();
    for (const q of ['%', '_', '%%', '%_%', '\\', '%\u200c%', '*', "'"]) {
      const page = await listPublishedPersons(ctx.db, { q });
      expect(page.items.map((p) => p.slug), q).toEqual([]);
      expect(page.total, q).toBe(0);
    }
    // A wildcard beside letters is no wildcard: "ali%" is the name Ali, "gh_lipour" no name at all.
    expect((await slugs({ q: 'gholipour%' }))[0]).toBe('gholipour');
    expect(await slugs({ q: 'x%x' })).toEqual([]);
  });

  it('finds the start of a name word, and inside a word once nothing matches by words', async () => {
    await ensureFixture();
    expect((await slugs({ q: 'Gholip' }))[0]).toBe('gholipour');
    expect((await slugs({ q: 'لی‌پو' }))[0]).toBe('gholipour');
    expect(await slugs({ q: 'rahimia' })).toEqual(['rahimian']);
  });

  it('a text query within a collection: its persons, by words and by spelling; another collection has no one', async () => {
    await ensureFixture();
    expect((await slugs({ q: 'Gholipur', collection: 'fx' }))[0]).toBe('gholipour');
    expect(await slugs({ q: 'rahimia', collection: 'fx' })).toEqual(['rahimian']);
    expect(await slugs({ q: 'Gholipur', collection: 'no-such-collection' })).toEqual([]);
    expect(await slugs({ q: 'rahimia', collection: 'no-such-collection' })).toEqual([]);
  });

  it('does not match unrelated names', async () => {
    expect(await slugs({ q: 'Parvaneh' })).toEqual([]);
    expect(await slugs({ q: 'کامران' })).toEqual([]);
  });

  it('filters by age (Persian digits), children and date range', async () => {
    expect(await slugs(parsePersonQuery({ children: '1', sort: 'name', locale: 'en' }))).toEqual(['gholipour', 'ahmadi']);
    expect(await slugs(parsePersonQuery({ ageMin: '۵۰', sort: 'date' }))).toEqual(['karami', 'yousefi']);
    expect(await slugs(parsePersonQuery({ dateFrom: '۲۰۱۹-۱۱-۱۹', dateTo: '2019-11-20', sort: 'date' }))).toEqual(['karami', 'yousefi']);
  });

  /** Every page of a query by following `next` through the URL (as the links do), at most 20 pages. */
  async function pageThrough(params: Record<string, string>): Promise<string[][]> {
    const pages: string[][] = [];
    let query = parsePersonQuery(params);
    for (let i = 0; i < 20; i++) {
      const page = await listPublishedPersons(ctx.db, query);
      pages.push(page.items.map((p) => p.slug));
      if (!page.next) return pages;
      query = parsePersonQuery(Object.fromEntries(personQueryParams(query, { cursor: page.next })));
    }
    throw new Error('more than 20 pages');
  }

  // Ties on purpose: three incident dates repeat, and "Ali" gives equal scores, so the id decides.
  it.each<[Record<string, string>]>([
    [{ sort: 'date' }],
    [{ sort: 'recent' }],
    [{ sort: 'name', locale: 'en' }],
    [{ sort: 'name', locale: 'fa' }],
    [{ q: 'Ali' }],
    [{ q: 'علی' }],
  ])('pages %j by keyset: the pages, joined, are the whole list in order, each person once', async (params) => {
    // Missing sort values (they sort last) on a page boundary too.
    const [karami] = await ctx.db.select().from(s.persons).where(eq(s.persons.slug, 'karami'));
    await ctx.db.update(s.persons).set({ incidentDate: null, publishedAt: null }).where(eq(s.persons.slug, 'karami'));
    await ctx.db.update(s.persons).set({ incidentDate: null }).where(eq(s.persons.slug, 'yousefi'));
    try {
      const whole = await slugs({ ...parsePersonQuery(params), limit: 100 });
      expect(whole.length).toBeGreaterThan(2);
      if (params.sort === 'date' || params.sort === 'recent') expect(whole.at(-1)).toMatch(/karami|yousefi/);
      const pages = await pageThrough({ ...params, limit: '2' });
      expect(pages.slice(0, -1).every((p) => p.length === 2)).toBe(true);
      expect(pages.flat()).toEqual(whole);
      expect((await listPublishedPersons(ctx.db, { ...parsePersonQuery(params), limit: 2 })).total).toBe(whole.length);
    } finally {
      await ctx.db.update(s.persons).set({ incidentDate: karami!.incidentDate, publishedAt: karami!.publishedAt }).where(eq(s.persons.slug, 'karami'));
      await ctx.db.update(s.persons).set({ incidentDate: '2019-11-20' }).where(eq(s.persons.slug, 'yousefi'));
    }
  });

  it('a person published between two pages does not shift the next one (OFFSET repeated the last person)', async () => {
    const first = await listPublishedPersons(ctx.db, { sort: 'date', limit: 4 });
    await ctx.db.update(s.persons).set({ status: 'published', publishedAt: new Date() }).where(eq(s.persons.slug, 'draft-gholipour'));
    try {
      const second = await listPublishedPersons(ctx.db, { sort: 'date', limit: 4, cursor: first.next! });
      const shown = first.items.map((p) => p.id);
      expect(second.items.filter((p) => shown.includes(p.id))).toEqual([]);
      expect(second.items[0]!.incidentDate! >= first.items.at(-1)!.incidentDate!).toBe(true);
    } finally {
      await ctx.db.update(s.persons).set({ status: 'draft', publishedAt: null }).where(eq(s.persons.slug, 'draft-gholipour'));
    }
  });

  it('a tampered, foreign or other-sort cursor starts at the first page, never an error', async () => {
    const firstPage = await slugs({ sort: 'date', limit: 3 });
    const real = personQueryParams({ sort: 'recent' }, { cursor: (await listPublishedPersons(ctx.db, { sort: 'recent', limit: 3 })).next! }).get('cursor')!;
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of [
      'not-a-cursor',
      real.slice(0, -4),
      real, // a cursor of the "recent" order on a "date" list
      forged(['date', "2019-11-16'; drop table persons; --", '00000000-0000-4000-8000-000000000000']),
      forged(['date', '2019-11-16', 'not-a-uuid']),
      forged(['relevance', 'NaN', null, '00000000-0000-4000-8000-000000000000']),
      forged(['date', '2019-11-16', '00000000-0000-4000-8000-000000000000', 'extra']),
    ]) {
      expect(await slugs(parsePersonQuery({ sort: 'date', limit: '3', cursor })), cursor).toEqual(firstPage);
    }
  });

  it('finds people by their city or province, the province in either script (the box says so)', async () => {
    await ctx.db.update(s.persons).set({ city: 'Shiraz', province: 'IR-07' }).where(eq(s.persons.slug, 'rahimi'));
    await ctx.db.update(s.persons).set({ city: 'Tehran', province: 'IR-23' }).where(eq(s.persons.slug, 'ahmadi'));
    await ctx.db.update(s.persons).set({ city: 'Tehran', province: 'IR-23' }).where(eq(s.persons.slug, 'hidden-karimi'));
    expect(await slugs({ q: 'shiraz' })).toEqual(['rahimi']);
    expect(await slugs({ q: 'Fars' })).toEqual(['rahimi']);
    expect(await slugs({ q: 'فارس' })).toEqual(['rahimi']);
    expect(await slugs({ q: 'Tehran' })).toEqual(['ahmadi']);
    expect(await slugs({ q: 'تهران' })).toEqual(['ahmadi']);
    expect(await slugs({ q: 'Mashhad' })).toEqual([]);
  });

  it('counts up to the cap: past it, the total reads "more than" and every page stays ranked', async () => {
    await ensureFixture();
    const [collection] = await ctx.db.select().from(s.collections).limit(1);
    const many = Array.from({ length: searchCap + 5 }, (_, i) => ({
      collectionId: collection!.id, slug: `many-${i}`, nameFa: 'فرهاد نمونه', nameLatin: 'Farhad Nemuneh', outcome: 'killed' as const,
      status: 'published' as const, publishedAt: new Date(Date.UTC(2021, 0, 1, 0, i)), nameSearch: nameSearchText(['فرهاد نمونه', 'Farhad Nemuneh']),
    }));
    await ctx.db.insert(s.persons).values(many);
    try {
      const found = await listPublishedPersons(ctx.db, { q: 'Farhad' });
      expect(found).toMatchObject({ total: searchCap, more: true });
      expect(found.items).toHaveLength(20);
      expect(await listPublishedPersons(ctx.db, {})).toMatchObject({ total: searchCap, more: true });
      // Under the cap the count is exact.
      expect(await listPublishedPersons(ctx.db, { q: 'Gholipour' })).toMatchObject({ total: 1, more: false });
      const pages = await pageThrough({ q: 'Farhad', limit: '50' });
      expect(new Set(pages.flat()).size).toBe(pages.flat().length);
    } finally {
      await ctx.db.delete(s.persons).where(like(s.persons.slug, 'many-%'));
    }
  });
});
