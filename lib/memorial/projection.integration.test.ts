import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '@/db/schema';
import { seedDemo } from '@/lib/seed/demo';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { publicPersonKeys, publicPersonSummaryKeys, publicTestimonyKeys } from './dto';
import { getMemorialOverview } from './overview';
import { getPublishedPerson } from './persons';
import { listPublishedPersons } from './search';
import { getPublicTestimoniesForPerson, listPublicTestimonies } from './testimonies';

const sorted = (keys: readonly string[]) => [...keys].sort();

describe.each(testDatabases())('public projection on $name', (target) => {
  const ctx = useTestDatabase(target);
  const idOf = async (slug: string) =>
    (await ctx.db.select({ id: s.persons.id }).from(s.persons).where(eq(s.persons.slug, slug)))[0]!.id;

  it('every public DTO carries exactly the allowed keys', async () => {
    await seedDemo(ctx.db);
    const person = (await getPublishedPerson(ctx.db, await idOf('demo-arash-example')))!;
    expect(sorted(Object.keys(person))).toEqual(sorted(publicPersonKeys));
    const overview = await getMemorialOverview(ctx.db);
    expect(sorted(Object.keys(overview))).toEqual(['byOutcome', 'collectionId', 'latest', 'personsDocumented', 'testimoniesPublished']);
    for (const p of [...overview.latest, ...(await listPublishedPersons(ctx.db, { q: 'arash' })).items]) {
      expect(sorted(Object.keys(p))).toEqual(sorted(publicPersonSummaryKeys));
    }
    const all = (await listPublicTestimonies(ctx.db, { limit: 500 })).items;
    expect(all.length).toBeGreaterThan(0);
    for (const t of all) expect(sorted(Object.keys(t))).toEqual(sorted(publicTestimonyKeys));
    const credits = all.map((t) => t.credit);
    for (const c of credits) expect(sorted(Object.keys(c))).toEqual(
      c.kind === 'anonymous' ? ['kind'] : c.kind === 'relationship' ? ['kind', 'relationship', 'year', 'yearSolarHijri'] : ['kind', 'name', 'year', 'yearSolarHijri'],
    );
  });

  it('unknown, malformed, draft, hidden and merged persons are all simply null', async () => {
    const published = await idOf('demo-arash-example');
    expect(await getPublishedPerson(ctx.db, published)).not.toBeNull();
    for (const slug of ['demo-mina-example', 'demo-parisa-example']) {
      expect(await getPublishedPerson(ctx.db, await idOf(slug))).toBeNull();
      expect((await getPublicTestimoniesForPerson(ctx.db, await idOf(slug))).items).toEqual([]);
    }
    expect(await getPublishedPerson(ctx.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await getPublishedPerson(ctx.db, 'not-a-uuid')).toBeNull();
    const reza = await idOf('demo-reza-example');
    await ctx.db.update(s.persons).set({ mergedIntoId: published }).where(eq(s.persons.id, reza));
    expect(await getPublishedPerson(ctx.db, reza)).toBeNull();
    await ctx.db.update(s.persons).set({ mergedIntoId: null }).where(eq(s.persons.id, reza));
  });

  it('shows only the published, redacted revision, credited as consented', async () => {
    const arash = (await getPublicTestimoniesForPerson(ctx.db, await idOf('demo-arash-example'))).items;
    expect(arash).toHaveLength(1);
    expect(arash[0]!.narrative).not.toContain('[نام]'); // the redaction, not the raw narrative
    expect(arash[0]!.narrative).not.toContain('چهل روز'); // revision 2 is still in review
    expect(arash[0]!.credit).toMatchObject({ kind: 'relationship', relationship: 'mother' });
    expect(arash[0]!.place).toBe('Tehran'); // no consent to the exact place: the city only
    const shirin = (await getPublicTestimoniesForPerson(ctx.db, await idOf('demo-shirin-example'))).items;
    expect(shirin[0]!.credit).toEqual({ kind: 'anonymous' });
    expect(shirin[0]!.narrative).not.toContain('clinic');
    const omid = (await getPublicTestimoniesForPerson(ctx.db, await idOf('demo-omid-example'))).items;
    expect(omid[0]!.credit).toMatchObject({ kind: 'name', name: 'A demo name' });
    // Withdrawn, unpublished, rejected and in-review testimonies never appear.
    for (const slug of ['demo-sara-example', 'demo-nasrin-example', 'demo-reza-example', 'demo-babak-example']) {
      expect((await getPublicTestimoniesForPerson(ctx.db, await idOf(slug))).items).toEqual([]);
    }
  });

  it('counts only what is public, and a withdrawal is visible on the next read', async () => {
    const before = await getMemorialOverview(ctx.db);
    expect(before.personsDocumented).toBe(9);
    expect(before.testimoniesPublished).toBe(3);
    expect(before.byOutcome.killed).toBe(4);
    const id = await idOf('demo-omid-example');
    const [link] = await ctx.db.select().from(s.testimonyPersons).where(eq(s.testimonyPersons.personId, id));
    await ctx.db.update(s.testimonies).set({ status: 'withdrawn' }).where(eq(s.testimonies.id, link!.testimonyId));
    expect((await getPublicTestimoniesForPerson(ctx.db, id)).items).toEqual([]);
    expect((await getMemorialOverview(ctx.db)).testimoniesPublished).toBe(2);
    expect((await getPublishedPerson(ctx.db, id))!.testimonyCount).toBe(0);
    await ctx.db.update(s.persons).set({ status: 'hidden' }).where(eq(s.persons.id, id));
    expect(await getPublishedPerson(ctx.db, id)).toBeNull();
    expect((await getMemorialOverview(ctx.db)).personsDocumented).toBe(8);
    expect((await listPublishedPersons(ctx.db, { q: 'omid' })).items).toEqual([]);
  });
});
