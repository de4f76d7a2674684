// The app's answer to a search the public cache splices (lib/public-cache/search-fast.mjs): the same
// results markup the page renders, the public data version read with the count, the same limit
// per address as proxy.ts (refused with the translated 429 page and its wait), and the searches it
// leaves to a render: the filters, sorts and page sizes the form shows, and unknown parameters.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import * as s from '@/db/schema';
import { forgetRefusals } from '@/lib/abuse/public-reads';
import { addressKey } from '@/lib/abuse/address';
import { rules, storedKey } from '@/lib/abuse/limits';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson } from '@/lib/testing/public-fixtures';
import { nameSearchText } from '@/lib/search/normalize';
import { searchResultsHtml } from '@/components/memorial/search-results';
import { answerSearch } from './search-answer';
import { listPublishedPersons } from './search';

describe.each(testDatabases())('the answer to a spliced search on $name', (target) => {
  const ctx = useTestDatabase(target);
  afterEach(() => forgetRefusals());
  const ask = (query: string, address = '203.0.113.50') => answerSearch(ctx.db, { locale: 'en', query, address, head: false });

  it('is the page’s results markup, the echo and the version read with its count', async () => {
    const collectionId = await insertCollection(ctx.db);
    await insertPerson(ctx.db, { collectionId, nameFa: 'شیرین قاسمی', nameLatin: 'Shirin Ghasemi', nameSearch: nameSearchText(['شیرین قاسمی', 'Shirin Ghasemi']) });
    await ctx.db.update(s.publicDataVersion).set({ version: 77 }).where(eq(s.publicDataVersion.id, 1));
    // As the search page's form sends it: every field, the empty ones too.
    const answer = await ask('q=Shirin+Ghasemi&province=&city=&ageMin=&ageMax=&sort=');
    const result = await listPublishedPersons(ctx.db, { q: 'Shirin Ghasemi', locale: 'en' });
    expect(answer).toEqual({ query: 'Shirin Ghasemi', results: searchResultsHtml({ locale: 'en', query: { q: 'Shirin Ghasemi', locale: 'en' }, result }).value, version: 77 });
    expect((answer as { results: string }).results).toContain('Shirin Ghasemi');
  });

  it.each(['q=x&sort=date', 'q=x&province=IR-23', 'q=x&limit=5', 'q=x&children=1', 'q=x&utm_source=news'])('leaves %s to a render, uncounted', async (query) => {
    expect(await ask(query, '203.0.113.51')).toEqual({ declined: true });
    expect(await ctx.db.$count(s.rateLimits, eq(s.rateLimits.key, storedKey('search', 'address', addressKey('203.0.113.51'))))).toBe(0);
  });

  it('counts as proxy.ts does, and refuses past the allowance with the 429 page and its wait', async () => {
    const allowance = rules.search.address()!;
    for (let i = 0; i < allowance; i++) expect(await ask(`q=nobody${i}`, '203.0.113.52')).toHaveProperty('results');
    const refused = await ask('q=once+more', '203.0.113.52');
    expect(refused).toHaveProperty('refused');
    const { status, headers, body } = (refused as { refused: { status: number; headers: [string, string][]; body: Buffer } }).refused;
    expect(status).toBe(429);
    expect(Number(new Map(headers.map(([k, v]) => [k.toLowerCase(), v])).get('retry-after'))).toBeGreaterThan(0);
    expect(body.toString()).toContain('href="/en/search?q=once+more"');
    // Another address is not touched.
    expect(await ask('q=x', '203.0.113.53')).toHaveProperty('results');
  });
});
