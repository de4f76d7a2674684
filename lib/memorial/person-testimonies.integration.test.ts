import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testimonies } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson, insertTestimony, insertUser } from '@/lib/testing/public-fixtures';
import { getPublicTestimoniesForPerson, type TestimonyCursor } from './testimonies';

describe.each(testDatabases())('a person page’s testimonies on $name', (target) => {
  const ctx = useTestDatabase(target);
  let personId: string;
  const published: string[] = [];

  beforeAll(async () => {
    const collectionId = await insertCollection(ctx.db);
    const submitterId = await insertUser(ctx.db);
    personId = (await insertPerson(ctx.db, { collectionId })).id;
    // Two share one publication instant: the id breaks the tie, so neither is skipped nor repeated.
    const instants = ['2020-01-01T00:00:00.000001Z', '2020-01-02T00:00:00Z', '2020-01-02T00:00:00Z', '2020-01-03T00:00:00Z', '2020-01-04T00:00:00Z'];
    for (const at of instants) {
      const id = await insertTestimony(ctx.db, { collectionId, submitterId, personIds: [personId], status: 'published' });
      await ctx.db.update(testimonies).set({ publishedAt: new Date(at) }).where(eq(testimonies.id, id));
      published.push(id);
    }
    await insertTestimony(ctx.db, { collectionId, submitterId, personIds: [personId], status: 'rejected', withPublishedRevision: false });
  });

  it('come a page at a time, oldest first, each page after the last one shown, every public one exactly once', async () => {
    const seen: string[] = [];
    let after: TestimonyCursor | null = null;
    let pages = 0;
    do {
      const page = await getPublicTestimoniesForPerson(ctx.db, personId, { after, limit: 2 });
      seen.push(...page.items.map((t) => t.id));
      after = page.next;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    expect(seen.sort()).toEqual([...published].sort());
    const all = (await getPublicTestimoniesForPerson(ctx.db, personId)).items;
    expect(all.map((t) => t.publishedAt)).toEqual([...all.map((t) => t.publishedAt)].sort());
  });
});
