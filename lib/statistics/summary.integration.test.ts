import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { persons, publicSummary, testimonies } from '@/db/schema';
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
});
