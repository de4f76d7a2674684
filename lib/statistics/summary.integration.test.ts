import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, persons, publicSummary, testimonies } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson, insertTestimony, insertUser } from '@/lib/testing/public-fixtures';
import { getPublicSummary } from './summary';

describe.each(testDatabases())('public summary on $name', (target) => {
  const ctx = useTestDatabase(target);
  let collectionId: string;
  let submitterId: string;

  beforeAll(async () => {
    collectionId = await insertCollection(ctx.db);
    submitterId = await insertUser(ctx.db);
  });

  it('follows every public change: a publish, an unpublish, a withdrawal', async () => {
    const before = await getPublicSummary(ctx.db);
    const person = await insertPerson(ctx.db, { collectionId, outcome: 'detained' });
    const testimonyId = await insertTestimony(ctx.db, { collectionId, submitterId, personIds: [person.id], status: 'published' });
    const published = await getPublicSummary(ctx.db);
    expect(published.statistics.total).toBe(before.statistics.total + 1);
    expect(published.statistics.byOutcome.find((o) => o.key === 'detained')!.count).toBe(
      before.statistics.byOutcome.find((o) => o.key === 'detained')!.count + 1,
    );
    expect(published.testimoniesPublished).toBe(before.testimoniesPublished + 1);

    await ctx.db.update(testimonies).set({ status: 'withdrawn' }).where(eq(testimonies.id, testimonyId));
    expect((await getPublicSummary(ctx.db)).testimoniesPublished).toBe(before.testimoniesPublished);
    await ctx.db.update(persons).set({ status: 'hidden' }).where(eq(persons.id, person.id));
    expect((await getPublicSummary(ctx.db)).statistics.total).toBe(before.statistics.total);
  });

  it('reads the stored row while the public data version is unchanged, and recomputes once it moves', async () => {
    const current = await getPublicSummary(ctx.db);
    // Marked by hand, without a public change: a reader that aggregated again would not see it.
    await ctx.db.update(publicSummary).set({ data: sql`jsonb_set(${publicSummary.data}, '{testimoniesPublished}', '-1')` }).where(eq(publicSummary.id, 1));
    expect((await getPublicSummary(ctx.db)).testimoniesPublished).toBe(-1);
    // A draft is not public: the version stays, and so does the stored row.
    await insertPerson(ctx.db, { collectionId, status: 'draft' });
    expect((await getPublicSummary(ctx.db)).testimoniesPublished).toBe(-1);
    await insertPerson(ctx.db, { collectionId });
    const after = await getPublicSummary(ctx.db);
    expect(after.testimoniesPublished).toBe(current.testimoniesPublished);
    expect(after.statistics.total).toBe(current.statistics.total + 1);
  });

  it("keeps each collection's totals apart: a second collection's records count only there and in the sum", async () => {
    const second = await insertCollection(ctx.db);
    await ctx.db.update(collections).set({ startsOn: '2022-09-16', endsOn: '2022-12-31' }).where(eq(collections.id, second));
    const before = await getPublicSummary(ctx.db);
    const firstBefore = before.byCollection[collectionId]!;
    const person = await insertPerson(ctx.db, { collectionId: second, outcome: 'killed', incidentDate: '2022-09-21', incidentDatePrecision: 'exact' });
    await insertTestimony(ctx.db, { collectionId: second, submitterId, personIds: [person.id], status: 'published' });
    const after = await getPublicSummary(ctx.db);
    expect(after.byCollection[collectionId]).toEqual(firstBefore);
    expect(after.byCollection[second]!.statistics.total).toBe(1);
    expect(after.byCollection[second]!.testimoniesPublished).toBe(1);
    expect(after.statistics.total).toBe(before.statistics.total + 1);
    expect(after.testimoniesPublished).toBe(before.testimoniesPublished + 1);
    // Its timeline starts on its own first days, never on another collection's.
    const days = after.byCollection[second]!.statistics.byDay.map((d) => d.key);
    expect(days).toEqual(['2022-09-16', '2022-09-17', '2022-09-18', '2022-09-19', '2022-09-20', '2022-09-21']);
    expect(after.byCollection[collectionId]!.statistics.byDay.some((d) => d.key.startsWith('2022'))).toBe(false);
  });

  it('replaces a row stored before per-collection totals, at the same version, once', async () => {
    await getPublicSummary(ctx.db);
    await ctx.db.update(publicSummary).set({ data: sql`${publicSummary.data} - 'byCollection'` }).where(eq(publicSummary.id, 1));
    const refreshed = await getPublicSummary(ctx.db);
    expect(refreshed.byCollection[collectionId]).toBeDefined();
    const [row] = await ctx.db.select({ data: publicSummary.data }).from(publicSummary);
    expect((row!.data as { byCollection?: unknown }).byCollection).toBeDefined();
  });
});
