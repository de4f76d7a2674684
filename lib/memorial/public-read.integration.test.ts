// Public reads run under the public statement timeout (issue 16 §6) whichever way they run: on
// PostgreSQL on connections of their own that carry it from their start (one statement, no
// transaction; db/public-reads.ts), in a transaction there when asked, and on PGlite in a
// transaction that sets it. The app's other reads (exports, moderation) are not bounded by it.
// Searches without filters are prepared there, each execution still planned for its values.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DbOrTx } from '@/db/types';
import { env } from '@/lib/env.mjs';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { publicRead } from './public-read';
import { listPublishedPersons } from './search';

const timeout = async (db: DbOrTx) => {
  const result = (await db.execute(sql`select setting from pg_settings where name = 'statement_timeout'`)) as unknown;
  // postgres.js answers the rows, PGlite an object holding them.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ setting: string }>;
  return rows[0]?.setting;
};

/** The search statements prepared on this connection, and how it plans them. */
const preparedSearches = async (db: DbOrTx) => {
  const rows = (await db.execute(sql`select count(*)::int as n, current_setting('plan_cache_mode') as mode from pg_prepared_statements where statement like '%"scored"%'`)) as unknown as Array<{ n: number; mode: string }>;
  return rows[0];
};

describe.each(testDatabases())('public reads on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('run with the public statement timeout, alone or in a transaction; other reads without it', async () => {
    const bound = String(env().PUBLIC_STATEMENT_TIMEOUT_MS);
    expect(await publicRead(ctx.db, timeout)).toBe(bound);
    expect(await publicRead(ctx.db, timeout, { transaction: true })).toBe(bound);
    expect(await timeout(ctx.db)).toBe('0');
    // Inside a transaction of the caller's, the read is bounded within it, and the bound ends with it.
    await ctx.db.transaction(async (tx) => {
      expect(await publicRead(tx, timeout)).toBe(bound);
    });
    expect(await timeout(ctx.db)).toBe('0');
  });
});

describe.each(testDatabases().filter((d) => d.name === 'postgres'))('public searches on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('are prepared without filters (a few statement texts), planned for their values, and not prepared with filters', async () => {
    // One connection of the public reads for the whole check: prepared statements are per connection.
    await publicRead(
      ctx.db,
      async (tx) => {
        await listPublishedPersons(tx, { q: 'gholipour' });
        const after = await preparedSearches(tx);
        expect(after).toEqual({ n: expect.any(Number), mode: 'force_custom_plan' });
        expect(after!.n).toBeGreaterThan(0);
        await listPublishedPersons(tx, { q: 'gholipour', gender: 'female', ageMin: 3 });
        await listPublishedPersons(tx, { q: 'gholipour' });
        expect(await preparedSearches(tx)).toEqual(after);
      },
      { transaction: true },
    );
  });
});
