// Limits on the public reads that cost the database (issue 16 §6): searches, browse pages after
// the first, and the open-data API, counted per hashed client address per minute (lib/abuse/limits.ts,
// buckets `search` and `open-data`; allowances LIMIT_SEARCH_ADDRESS, LIMIT_OPEN_DATA_ADDRESS). Pages
// a cache serves never reach this: it runs in proxy.ts, on the uncached path only.
//
// A flood costs the flooder, not the readers:
// - once an address is over its allowance, this process remembers until when (the database's own
//   answer, so it can only be as strict as the shared count), and refuses without a database write;
// - each refusal is held for a second before it is sent (up to `maxHeld` at once), so a client that
//   keeps N connections busy gets at most N refusals a second, and the server's time goes to readers.
import { sql } from 'drizzle-orm';
import { publicReadsOf } from '@/db/public-reads';
import type { Db, DbOrTx } from '@/db/types';
import { AppError } from '@/lib/errors';
import { consumeLimit, storedKey } from './limits';

export type PublicRead = 'search' | 'open-data';

const searchPage = /^\/(?:fa|en)\/search\/?$/;

/** Which limited read a request is: a search, a browse page after the first, the API; else null. */
export function limitedRead(method: string, url: URL): PublicRead | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  // The API's description is one fixed document, not a read of the data.
  if (url.pathname.startsWith('/api/v1/') && url.pathname !== '/api/v1/openapi.json') return 'open-data';
  if (searchPage.test(url.pathname) && (url.searchParams.get('q')?.trim() || url.searchParams.has('cursor'))) return 'search';
  return null;
}

// Stored key → when its window ends (ms). Bounded: forgotten entries only cost one database check.
const blockedUntil = new Map<string, number>();
const maxRemembered = 10_000;

/**
 * Counts a request from `addressKey` (lib/abuse/address.ts) and answers how many seconds it must
 * wait (0: go on). A request without a usable address counts under one shared key, never under none.
 */
export async function publicReadWait(db: Db, read: PublicRead, addressKey: string | null, now = Date.now()): Promise<number> {
  const address = addressKey ?? 'unknown';
  const key = storedKey(read, 'address', address);
  const until = blockedUntil.get(key) ?? 0;
  if (until > now) return Math.ceil((until - now) / 1000);
  blockedUntil.delete(key);
  // The count is written without waiting for the write-ahead log to reach the disk: a crash could
  // forget the last instant's counts, which costs nothing, while the flush cost every search ~3 ms
  // at the median and more behind other writers (issue 16: search over HTTP within 1.5 × the query;
  // docs/benchmarks.md). On PostgreSQL the public reads' connections start with that setting
  // (db/public-reads.ts): one statement; elsewhere a transaction sets it for itself.
  const count = async (on: DbOrTx) => {
    try {
      await consumeLimit(on, read, { address });
      return 0;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'rate_limited') throw error;
      return error.retryAfterSeconds ?? 1;
    }
  };
  const reads = publicReadsOf(db);
  const wait = reads
    ? await count(reads)
    : await db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('synchronous_commit', 'off', true)`);
        return count(tx);
      });
  if (wait > 0) {
    if (blockedUntil.size >= maxRemembered) blockedUntil.clear();
    blockedUntil.set(key, now + wait * 1000);
  }
  return wait;
}

const holdMs = 1000;
const maxHeld = 2000;
let held = 0;

/** Waits before a refusal is sent (at once when many are already waiting). */
export async function holdRefusal(): Promise<void> {
  if (held >= maxHeld) return;
  held++;
  try {
    await new Promise((resolve) => setTimeout(resolve, holdMs));
  } finally {
    held--;
  }
}

/** Forgets the remembered refusals (tests). */
export function forgetRefusals(): void {
  blockedUntil.clear();
}
