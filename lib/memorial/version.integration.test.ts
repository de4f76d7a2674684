// The public data version keys caches that outlive a database (Next's data cache on disk, a running
// instance's public cache): it follows the clock, so two databases, or a database and its restored
// backup, never give one number to different data (migration 0032).
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson } from '@/lib/testing/public-fixtures';
import { readPublicDataVersion } from './version';

const microsecondsNow = () => Date.now() * 1000;

describe.each(testDatabases())('the public data version on $name', (target) => {
  const ctx = useTestDatabase(target);
  let collectionId = '';
  beforeAll(async () => {
    collectionId = await insertCollection(ctx.db);
  });

  it('is a time in microseconds, not a count from zero', async () => {
    const version = await readPublicDataVersion(ctx.db);
    expect(version).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z') * 1000);
    expect(version).toBeLessThan(microsecondsNow() + 60_000_000);
    expect(Number.isSafeInteger(version)).toBe(true);
  });

  it('moves to at least the time of a public change', async () => {
    const before = await readPublicDataVersion(ctx.db);
    const startedAt = microsecondsNow() - 1_000_000; // the database's clock may lag this process's a little
    await insertPerson(ctx.db, { collectionId, nameLatin: 'Version Example' });
    const after = await readPublicDataVersion(ctx.db);
    expect(after).toBeGreaterThan(before);
    expect(after).toBeGreaterThanOrEqual(startedAt);
  });

  it('never goes back, even when the stored value is ahead of the clock (a backup from a faster clock)', async () => {
    const ahead = microsecondsNow() + 3_600_000_000;
    await ctx.db.execute(sql`update public_data_version set version = ${ahead} where id = 1`);
    await insertPerson(ctx.db, { collectionId, nameLatin: 'Version Example Two' });
    expect(await readPublicDataVersion(ctx.db)).toBe(ahead + 1);
  });
});
