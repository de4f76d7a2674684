// Spelling-tolerant search: every variant finds its person first; unrelated names do not outrank
// it; unpublished persons never appear, whatever the query.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '@/db/schema';
import { nameSearchText, normalizeName } from '@/lib/search/normalize';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import type { Db } from '@/db/types';
import { parsePersonQuery } from './query';
import { listPublishedPersons } from './search';

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

  it.each(cases)('"%s" finds %s first', async (q, expected) => {
    if ((await ctx.db.$count(s.persons)) === 0) await insertFixture(ctx.db);
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

  it('does not match unrelated names', async () => {
    expect(await slugs({ q: 'Parvaneh' })).toEqual([]);
    expect(await slugs({ q: 'کامران' })).toEqual([]);
  });

  it('filters by age (Persian digits), children, date range, and paginates with a total order', async () => {
    expect(await slugs(parsePersonQuery({ children: '1', sort: 'name', locale: 'en' }))).toEqual(['gholipour', 'ahmadi']);
    expect(await slugs(parsePersonQuery({ ageMin: '۵۰', sort: 'date' }))).toEqual(['karami', 'yousefi']);
    expect(await slugs(parsePersonQuery({ dateFrom: '۲۰۱۹-۱۱-۱۹', dateTo: '2019-11-20', sort: 'date' }))).toEqual(['karami', 'yousefi']);
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(...(await slugs({ sort: 'date', limit: 4, page })));
    expect(pages).toHaveLength(9);
    expect(new Set(pages).size).toBe(9);
    const result = await listPublishedPersons(ctx.db, { limit: 4, page: 3 });
    expect([result.total, result.pageCount, result.items.length]).toEqual([9, 3, 1]);
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
});
