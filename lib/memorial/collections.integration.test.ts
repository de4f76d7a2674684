// Issue 19 §4: each collection's public pages read only its own records — the overview (home
// totals and latest), the feed and the list of collection pages — and the site-wide ones the sum.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections } from '@/db/schema';
import { atomFeed } from '@/lib/open-data/feed';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson, insertTestimony, insertUser } from '@/lib/testing/public-fixtures';
import { listCollectionPages } from './collections';
import { getMemorialOverview } from './overview';

describe.each(testDatabases())('collection pages on $name', (target) => {
  const ctx = useTestDatabase(target);
  const ids = { first: '', second: '', closed: '', closedEmpty: '' };
  const names = { first: 'Zhila First-Collection', second: 'Bahman Second-Collection' };

  beforeAll(async () => {
    const submitterId = await insertUser(ctx.db);
    for (const key of Object.keys(ids) as (keyof typeof ids)[]) ids[key] = await insertCollection(ctx.db);
    await ctx.db.update(collections).set({ openForSubmissions: false }).where(eq(collections.id, ids.closed));
    await ctx.db.update(collections).set({ openForSubmissions: false }).where(eq(collections.id, ids.closedEmpty));
    const a = await insertPerson(ctx.db, { collectionId: ids.first, nameLatin: names.first });
    const b = await insertPerson(ctx.db, { collectionId: ids.second, nameLatin: names.second, outcome: 'detained' });
    await insertPerson(ctx.db, { collectionId: ids.closed });
    await insertPerson(ctx.db, { collectionId: ids.second, status: 'draft' });
    await insertTestimony(ctx.db, { collectionId: ids.first, submitterId, personIds: [a.id], status: 'published' });
    await insertTestimony(ctx.db, { collectionId: ids.second, submitterId, personIds: [b.id], status: 'published' });
    await insertTestimony(ctx.db, { collectionId: ids.second, submitterId, personIds: [b.id], status: 'published' });
  });

  it('lists open collections and those with public records, not a closed empty one', async () => {
    const listed = (await listCollectionPages(ctx.db)).map((c) => c.id);
    expect(listed).toEqual(expect.arrayContaining([ids.first, ids.second, ids.closed]));
    expect(listed).not.toContain(ids.closedEmpty);
  });

  it("each collection's overview counts and lists only its own records; the site's counts all", async () => {
    const first = await getMemorialOverview(ctx.db, { collectionId: ids.first });
    const second = await getMemorialOverview(ctx.db, { collectionId: ids.second });
    const all = await getMemorialOverview(ctx.db);
    expect([first.personsDocumented, first.testimoniesPublished]).toEqual([1, 1]);
    expect([second.personsDocumented, second.testimoniesPublished]).toEqual([1, 2]);
    expect(second.byOutcome).toMatchObject({ detained: 1, killed: 0 });
    expect(first.latest.map((p) => p.nameLatin)).toEqual([names.first]);
    expect(second.latest.map((p) => p.nameLatin)).toEqual([names.second]);
    expect(all.personsDocumented).toBe(3);
    expect(all.testimoniesPublished).toBe(3);
    expect(await getMemorialOverview(ctx.db, { collectionId: ids.closedEmpty })).toMatchObject({ personsDocumented: 0, testimoniesPublished: 0, latest: [] });
  });

  it("each collection's feed carries only its own publications, under its own name", async () => {
    const [second] = await ctx.db.select().from(collections).where(eq(collections.id, ids.second));
    const feed = await atomFeed(ctx.db, 'en', 'https://yadman.example', second!);
    expect(feed).toContain(names.second);
    expect(feed).not.toContain(names.first);
    expect(feed).toContain(`<subtitle>Persons and testimonies newly published in the collection “${second!.nameEn}”.</subtitle>`);
    expect(feed).toContain(`<id>https://yadman.example/en/collections/${second!.slug}/feed.xml</id>`);
    const site = await atomFeed(ctx.db, 'en', 'https://yadman.example');
    expect(site).toContain(names.first);
    expect(site).toContain(names.second);
  });
});
