// Public read limits (issue 16 §6): searches, browse pages after the first and the open-data API
// are counted per hashed address and refused past the allowance with the wait; other addresses,
// other kinds of read and the pages everyone reads are not touched; a refusal is remembered until
// its window ends, so a flood past the allowance writes nothing more to the database.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { publicDataVersion, rateLimits } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { addressKey } from './address';
import { rules, storedKey } from './limits';
import { readPublicDataVersion } from '@/lib/memorial/version';
import { countPublicRead, forgetRefusals, limitedRead, publicReadWait } from './public-reads';

const url = (path: string) => new URL(path, 'http://memorial.example');

describe('which requests are limited public reads', () => {
  it.each([
    ['GET', '/fa/search?q=%D8%B9%D9%84%DB%8C', 'search'],
    ['GET', '/en/search?q=Gholipour&sort=date', 'search'],
    ['HEAD', '/en/search?q=x', 'search'],
    ['GET', '/en/search?cursor=abc', 'search'],
    ['GET', '/api/v1/persons?limit=100', 'open-data'],
    ['GET', '/api/v1/persons.csv', 'open-data'],
    ['GET', '/api/v1/testimonies/0b6e0d4e-5a36-4c5e-9a43-0d6c4f0b7d11', 'open-data'],
  ])('%s %s is a %s read', (method, path, read) => {
    expect(limitedRead(method, url(path))).toBe(read);
  });

  it.each([
    ['GET', '/en/search'], // the first browse page
    ['GET', '/en/search?q=%20%20'],
    ['GET', '/en/search?province=IR-23'],
    ['GET', '/fa'],
    ['GET', '/en/persons/ali-0b6e0d4e-5a36-4c5e-9a43-0d6c4f0b7d11'],
    ['GET', '/en/statistics'],
    ['GET', '/api/v1/openapi.json'],
    ['GET', '/api/health'],
    ['POST', '/en/search?q=x'],
  ])('%s %s is not limited', (method, path) => {
    expect(limitedRead(method, url(path))).toBeNull();
  });
});

describe.each(testDatabases())('public read limits on $name', (target) => {
  const ctx = useTestDatabase(target);
  afterEach(() => forgetRefusals());

  const flooder = addressKey('203.0.113.7');
  const reader = addressKey('203.0.113.8');

  it('an address may search its allowance a minute, then waits at most the window; others are untouched', async () => {
    const allowance = rules.search.address()!;
    expect(allowance).toBeGreaterThanOrEqual(60); // generous: families share carrier addresses
    for (let i = 0; i < allowance; i++) expect(await publicReadWait(ctx.db, 'search', flooder)).toBe(0);
    const wait = await publicReadWait(ctx.db, 'search', flooder);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(rules.search.windowSeconds);
    expect(await publicReadWait(ctx.db, 'search', reader)).toBe(0);
    expect(await publicReadWait(ctx.db, 'open-data', flooder)).toBe(0);
  });

  it('a refusal is remembered until its window ends: the flood past the allowance writes nothing', async () => {
    const key = storedKey('search', 'address', flooder);
    const [row] = await ctx.db.select().from(rateLimits).where(eq(rateLimits.key, key));
    expect(row).toBeDefined();
    expect(await publicReadWait(ctx.db, 'search', flooder)).toBeGreaterThan(0);
    const [before] = await ctx.db.select().from(rateLimits).where(eq(rateLimits.key, key));
    for (let i = 0; i < 50; i++) expect(await publicReadWait(ctx.db, 'search', flooder)).toBeGreaterThan(0);
    const [after] = await ctx.db.select().from(rateLimits).where(eq(rateLimits.key, key));
    expect(after!.points).toBe(before!.points);
    // A new window in the database (as after the minute): this process still refuses until the
    // wait it was told ends, then asks the database again, which allows.
    await ctx.db.update(rateLimits).set({ points: 0, expire: new Date(Date.now() + 60_000) }).where(eq(rateLimits.key, key));
    expect(await publicReadWait(ctx.db, 'search', flooder)).toBeGreaterThan(0);
    expect(await publicReadWait(ctx.db, 'search', flooder, Date.now() + (rules.search.windowSeconds + 1) * 1000)).toBe(0);
  });

  it('the count reads the public data version in its own statement (the public cache keys the page by it)', async () => {
    await ctx.db.update(publicDataVersion).set({ version: 4242 }).where(eq(publicDataVersion.id, 1));
    expect(await countPublicRead(ctx.db, 'search', reader)).toEqual({ wait: 0, version: 4242 });
    expect(await readPublicDataVersion(ctx.db)).toBe(4242);
  });

  it('requests without a usable address count together under one key, never under none', async () => {
    const allowance = rules['open-data'].address()!;
    for (let i = 0; i < allowance; i++) expect(await publicReadWait(ctx.db, 'open-data', null)).toBe(0);
    expect(await publicReadWait(ctx.db, 'open-data', null)).toBeGreaterThan(0);
    const [row] = await ctx.db.select().from(rateLimits).where(eq(rateLimits.key, storedKey('open-data', 'address', 'unknown')));
    expect(row!.points).toBeGreaterThan(allowance);
  });
});
