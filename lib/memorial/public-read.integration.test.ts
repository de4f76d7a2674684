// Public reads run under the public statement timeout (issue 16 §6) whichever way they run: on
// PostgreSQL on connections of their own that carry it from their start (one statement, no
// transaction; db/public-reads.ts), in a transaction there when asked, and on PGlite in a
// transaction that sets it. The app's other reads (exports, moderation) are not bounded by it.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DbOrTx } from '@/db/types';
import { env } from '@/lib/env.mjs';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { publicRead } from './public-read';

const timeout = async (db: DbOrTx) => {
  const result = (await db.execute(sql`select setting from pg_settings where name = 'statement_timeout'`)) as unknown;
  // postgres.js answers the rows, PGlite an object holding them.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ setting: string }>;
  return rows[0]?.setting;
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
