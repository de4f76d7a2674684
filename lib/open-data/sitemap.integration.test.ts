// The sitemap splits into an index of files past the per-file limit (tested with a limit of 5):
// every URL appears exactly once across the files, none over the limit, nothing unpublished.
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson } from '@/lib/testing/public-fixtures';
import { sitemapFile, sitemapRoot } from './sitemap';

const origin = 'https://yadman.example';
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

describe.each(testDatabases())('sitemap on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('is one file while the URLs fit, and an index of files beyond', async () => {
    const collectionId = await insertCollection(ctx.db);
    const published = [];
    for (let i = 0; i < 3; i++) published.push(await insertPerson(ctx.db, { collectionId }));
    const draft = await insertPerson(ctx.db, { collectionId, status: 'draft' });

    const single = await sitemapRoot(ctx.db, origin);
    expect(single).toContain('<urlset');
    const all = locs(single);
    expect(all).toHaveLength((4 + 2 + 3) * 2); // four pages, the collection's home and statistics, three persons, in two languages
    expect(all).toContain(`${origin}/fa/statistics`);
    expect(all.filter((u) => u.includes('/collections/'))).toHaveLength(4);
    for (const p of published) expect(all.filter((u) => u.includes(p.id))).toHaveLength(2);
    expect(single).not.toContain(draft.id);
    expect(single).toContain('hreflang="en"');
    expect(await sitemapFile(ctx.db, origin, 0)).toBeNull();

    const index = await sitemapRoot(ctx.db, origin, 5);
    expect(index).toContain('<sitemapindex');
    expect(locs(index)).toEqual([0, 1, 2, 3].map((n) => `${origin}/sitemaps/${n}.xml`));
    const files = await Promise.all([0, 1, 2, 3].map((n) => sitemapFile(ctx.db, origin, n, 5)));
    for (const file of files) expect(locs(file!).length).toBeLessThanOrEqual(5);
    expect(files.flatMap((f) => locs(f!))).toEqual(all);
    for (const n of [4, -1, 0.5]) expect(await sitemapFile(ctx.db, origin, n, 5)).toBeNull();
  });
});
