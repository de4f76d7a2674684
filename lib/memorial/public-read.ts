// The bounds every public read runs within (issue 16 §6): statements that may each run at most
// PUBLIC_STATEMENT_TIMEOUT_MS, so a search nobody foresaw costs the database a
// bounded time, then fails (the page says so) instead of holding a connection that readers need.
import 'server-only';
import { sql } from 'drizzle-orm';
import { publicReadsOf } from '@/db/public-reads';
import type { DbOrTx } from '@/db/types';
import { env } from '@/lib/env.mjs';

/**
 * Runs `read` with the public statement timeout: on the public-read connections, which carry it from
 * their start (db/public-reads.ts), one statement at a time, or in a transaction there when
 * `transaction` (a read that sets planner options for itself, preferIndexes); else (PGlite, or `db`
 * is already a transaction) in a transaction that sets it (SET LOCAL: it ends with it).
 */
export function publicRead<T>(db: DbOrTx, read: (tx: DbOrTx) => Promise<T>, { transaction = false } = {}): Promise<T> {
  const reads = publicReadsOf(db);
  if (reads) return transaction ? reads.transaction(read) : read(reads);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('statement_timeout', ${String(env().PUBLIC_STATEMENT_TIMEOUT_MS)}, true)`);
    return read(tx);
  });
}

/**
 * For the rest of the transaction, plan as on a large table: the spelling search's trigram
 * conditions look cheap to the planner (each test costs it one operator), so on a small table of
 * other spellings it would test every row rather than read the trigram index.
 */
export async function preferIndexes(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
}

