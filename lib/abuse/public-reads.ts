// Limits on the public reads that cost the database (issue 16 §6): searches, browse pages after
// the first, and the open-data API, counted per hashed client address per minute (lib/abuse/limits.ts,
// buckets `search` and `open-data`; allowances LIMIT_SEARCH_ADDRESS, LIMIT_OPEN_DATA_ADDRESS). Pages
// a cache serves never reach this: it runs in proxy.ts, on the uncached path only, and for searches
// the public cache splices (lib/memorial/search-answer.ts).
//
// A flood costs the flooder, not the readers:
// - once an address is over its allowance, this process remembers until when (the database's own
//   answer, so it can only be as strict as the shared count), and refuses without a database write;
// - each refusal is held for a second before it is sent (up to `maxHeld` at once), so a client that
//   keeps N connections busy gets at most N refusals a second, and the server's time goes to readers.
import { sql } from 'drizzle-orm';
import { publicReadsOf } from '@/db/public-reads';
import { publicDataVersion, rateLimits } from '@/db/schema';
import type { Db, DbOrTx } from '@/db/types';
import { rules, storedKey } from './limits';

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
  return (await countPublicRead(db, read, addressKey, now)).wait;
}

/**
 * `publicReadWait`, also giving the public data version, read by the count's own statement (null
 * when the refusal came from memory, without one): the public cache needs it for the page of that
 * request (lib/public-cache/search-fast.mjs), and reading it there costs no statement of its own.
 */
export async function countPublicRead(db: Db, read: PublicRead, addressKey: string | null, now = Date.now()): Promise<{ wait: number; version: number | null }> {
  const key = storedKey(read, 'address', addressKey ?? 'unknown');
  const until = blockedUntil.get(key) ?? 0;
  if (until > now) return { wait: Math.ceil((until - now) / 1000), version: null };
  blockedUntil.delete(key);
  // The count is written without waiting for the write-ahead log to reach the disk: a crash could
  // forget the last instant's counts, which costs nothing, while the flush cost every search ~3 ms
  // at the median and more behind other writers (issue 16: search over HTTP within 1.5 × the query;
  // docs/benchmarks.md). On PostgreSQL the public reads' connections start with that setting
  // (db/public-reads.ts): one statement; elsewhere a transaction sets it for itself.
  const reads = publicReadsOf(db);
  const counted = reads
    ? await countStatement(reads, key, rules[read].windowSeconds, now)
    : await db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('synchronous_commit', 'off', true)`);
        return countStatement(tx, key, rules[read].windowSeconds, now);
      });
  const allowance = rules[read].address() ?? Infinity;
  const endsInMs = Math.max(counted.expire.getTime() - now, 0);
  if (counted.points > allowance) {
    const wait = Math.max(Math.ceil(endsInMs / 1000), 1);
    if (blockedUntil.size >= maxRemembered) blockedUntil.clear();
    blockedUntil.set(key, now + wait * 1000);
    return { wait, version: counted.version };
  }
  return { wait: 0, version: counted.version };
}

/**
 * One point taken from `key`'s count, in the row and with the arithmetic of rate-limiter-flexible's
 * Drizzle store (lib/abuse/limits.ts), so both count one allowance: a new window starts at 1 when
 * the last one has ended. The same statement reads the public data version.
 */
async function countStatement(on: DbOrTx, key: string, windowSeconds: number, now: number) {
  const at = new Date(now);
  const ends = new Date(now + windowSeconds * 1000);
  const ended = sql`${rateLimits.expire} <= ${sql.param(at, rateLimits.expire)}`;
  const counted = on.$with('counted').as(
    on
      .insert(rateLimits)
      .values({ key, points: 1, expire: ends })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          points: sql`case when ${ended} then 1 else ${rateLimits.points} + 1 end`,
          expire: sql`case when ${ended} then ${sql.param(ends, rateLimits.expire)} else ${rateLimits.expire} end`,
        },
      })
      .returning({ points: rateLimits.points, expire: rateLimits.expire }),
  );
  const version = sql<string>`(select ${publicDataVersion.version} from ${publicDataVersion} where ${publicDataVersion.id} = 1)`;
  // Prepared: one statement text, sent in one round trip once the connection knows it (db/public-reads.ts).
  const [row] = await on.with(counted).select({ points: counted.points, expire: counted.expire, version }).from(counted).prepare('public_read_count').execute();
  if (!row?.expire) throw new Error('the count was not written');
  return { points: row.points, expire: new Date(row.expire), version: Number(row.version ?? 0) };
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
