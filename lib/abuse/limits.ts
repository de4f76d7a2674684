// Abuse limits (PRODUCT.md §2, issue 7), stored in the database (`rate_limits`, in the
// row format of rate-limiter-flexible's Drizzle store, written directly) so they hold across processes and restarts. Each
// bucket counts per account and per hashed client address (lib/abuse/address.ts), never per
// plain address. Limits come from the environment (README "Configuration"); the defaults are
// for production. Over a limit the request is refused with `rate_limited` and the wait in seconds,
// which every form shows as "wait N minutes".
import { eq, lt, sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { rateLimits } from '@/db/schema';
import type { Db, DbOrTx } from '@/db/types';
import { env } from '@/lib/env.mjs';
import { AppError } from '@/lib/errors';
import { unknownAddressKey } from './address';

export type Bucket = 'sign-up' | 'sign-in' | 'second-factor' | 'submission' | 'upload' | 'message' | 'search' | 'open-data' | 'recovery';

type Rule = {
  windowSeconds: number;
  account: () => number | null;
  address: () => number | null;
  /** Guesses at one account's secret (lib/abuse/guesses.ts): free guesses per account over all addresses. */
  accountTotal?: () => number;
};
export type Scope = 'account' | 'address' | 'accountTotal';

const hour = 60 * 60;
/** Window and allowance per bucket; `null`: that key is not counted for this bucket. */
export const rules: Record<Bucket, Rule> = {
  // No account exists yet: by address only.
  'sign-up': { windowSeconds: hour, account: () => null, address: () => env().LIMIT_SIGN_UP_ADDRESS },
  // Guesses (lib/abuse/guesses.ts): free per (account, address) and per account over all addresses;
  // past either a guess costs a proof of work, never a refusal, so no one can lock the owner out.
  // Per address: every attempt, over all accounts.
  'sign-in': {
    windowSeconds: 15 * 60,
    account: () => env().LIMIT_SIGN_IN_ACCOUNT,
    address: () => env().LIMIT_SIGN_IN_ADDRESS,
    accountTotal: () => env().LIMIT_SIGN_IN_ACCOUNT_TOTAL,
  },
  // TOTP and recovery codes: separate counters, so failed codes do not lock the passphrase step.
  'second-factor': { windowSeconds: 15 * 60, account: () => env().LIMIT_SIGN_IN_ACCOUNT, address: () => null },
  submission: { windowSeconds: 24 * hour, account: () => env().LIMIT_SUBMISSION_ACCOUNT, address: () => env().LIMIT_SUBMISSION_ADDRESS },
  upload: { windowSeconds: hour, account: () => env().LIMIT_UPLOAD_ACCOUNT, address: () => env().LIMIT_UPLOAD_ADDRESS },
  message: { windowSeconds: hour, account: () => env().LIMIT_MESSAGE_ACCOUNT, address: () => env().LIMIT_MESSAGE_ADDRESS },
  // Public reads (lib/abuse/public-reads.ts): nobody is signed in, so by address only, per minute.
  search: { windowSeconds: 60, account: () => null, address: () => env().LIMIT_SEARCH_ADDRESS },
  'open-data': { windowSeconds: 60, account: () => null, address: () => env().LIMIT_OPEN_DATA_ADDRESS },
  // "I lost my passphrase" (lib/auth/recovery.ts): like sign-in, a delay per account (cleared by a
  // success) and per address, in its own counters so failed codes never hold back a sign-in.
  recovery: { windowSeconds: 15 * 60, account: () => env().LIMIT_SIGN_IN_ACCOUNT, address: () => env().LIMIT_SIGN_IN_ADDRESS },
};

/**
 * Who is counted: the account (user id, or the normalized username for sign-in) and the hashed
 * address. A bucket that counts addresses always counts one: a request without one (or a caller
 * that passed none) is counted under the shared `unknownAddressKey`, never skipped.
 */
export type LimitKeys = { account?: string | null; address?: string | null };

/** The `rate_limits` key rate-limiter-flexible stores for a counted key. */
export function storedKey(bucket: Bucket, scope: Scope, key: string): string {
  return `${keyPrefix(bucket, scope)}:${key}`;
}

// The account scope keeps the names the counters had before addresses were counted.
const keyPrefix = (bucket: Bucket, scope: Scope) => (scope === 'account' ? bucket : scope === 'address' ? `${bucket}:address` : `${bucket}:total`);

/** A counted key as stored, with its allowance. */
type Counted = { key: string; allowance: number };
/** A counter row after a point was taken. */
export type TakenRow = { key: string; points: number; expire: Date | string | null };

/**
 * One point taken from each of `counted` in one statement, as rate-limiter-flexible's Drizzle store
 * took it (issue 21: its one upsert per key was one round trip per key under the address row's
 * lock): a key without a row, or whose window has ended, starts a window of `windowSeconds` at 1;
 * otherwise its count grows by 1 and its window's end stays. The statement returns the counts after;
 * `wait` reads them: 0 while every key is within its allowance (this point included), else the
 * seconds until a point frees. `onlyIf`: taken only when this SQL condition holds (lib/abuse/gate.ts).
 */
export function pointsToTake(counted: readonly Counted[], windowSeconds: number, now: Date, onlyIf?: SQL) {
  const expire = new Date(now.getTime() + windowSeconds * 1000).toISOString();
  const at = now.toISOString();
  const rows = sql.join(counted.map((c) => sql`(${c.key}, 1, ${expire}::timestamptz)`), sql`, `);
  const statement = sql`insert into rate_limits (key, points, expire)
    select v.key, v.points, v.expire from (values ${rows}) as v(key, points, expire)${onlyIf ? sql` where ${onlyIf}` : sql``}
    on conflict (key) do update set
      points = case when rate_limits.expire <= ${at}::timestamptz then excluded.points else rate_limits.points + excluded.points end,
      expire = case when rate_limits.expire <= ${at}::timestamptz then excluded.expire else rate_limits.expire end
    returning key, points, expire`;
  const wait = (taken: readonly TakenRow[]) => {
    let longest = 0;
    for (const row of taken) {
      const allowance = counted.find((c) => c.key === row.key)?.allowance;
      if (allowance === undefined || row.points <= allowance) continue;
      const msBeforeNext = row.expire === null ? -1 : Math.max(new Date(row.expire).getTime() - now.getTime(), 0);
      longest = Math.max(longest, Math.ceil(msBeforeNext / 1000), 1);
    }
    return longest;
  };
  return { statement, wait };
}

/** The points `consumeLimit` takes for `keys` in `bucket` (account first, then address); null when it counts none. */
export function limitPoints(bucket: Bucket, keys: LimitKeys, now: Date, onlyIf?: SQL) {
  const counted: Counted[] = [];
  for (const scope of ['account', 'address'] as const) {
    const key = scope === 'address' ? keys.address || unknownAddressKey : keys.account;
    const allowance = rules[bucket][scope]?.() ?? null;
    if (key && allowance !== null) counted.push({ key: storedKey(bucket, scope, key), allowance });
  }
  return counted.length ? pointsToTake(counted, rules[bucket].windowSeconds, now, onlyIf) : null;
}

/**
 * Takes one point from each counted key *before* the guarded work, so requests sent in parallel
 * cannot all pass a read-only check. Throws `rate_limited` with the longer wait when any key is over.
 */
export async function consumeLimit(db: DbOrTx, bucket: Bucket, keys: LimitKeys): Promise<void> {
  const points = limitPoints(bucket, keys, new Date());
  const wait = points ? points.wait(await queryRows<TakenRow>(db, points.statement)) : 0;
  if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
}

/**
 * Takes one point from `key`'s count in `scope` of `bucket` (nothing when the bucket does not count
 * that scope). 0 while within the allowance, this point included; else the seconds until a point frees.
 */
export async function takePoint(db: DbOrTx, bucket: Bucket, scope: Scope, key: string): Promise<number> {
  const allowance = rules[bucket][scope]?.() ?? null;
  if (allowance === null) return 0;
  const points = pointsToTake([{ key: storedKey(bucket, scope, key), allowance }], rules[bucket].windowSeconds, new Date());
  return points.wait(await queryRows<TakenRow>(db, points.statement));
}

/** Forgets the count of `key` (the account's, by default: a successful sign-in or code). */
export async function clearLimit(db: DbOrTx, bucket: Bucket, key: string, scope: Scope = 'account'): Promise<void> {
  if ((rules[bucket][scope]?.() ?? null) === null) return;
  await db.delete(rateLimits).where(eq(rateLimits.key, storedKey(bucket, scope, key)));
}

/** Retention: counters whose window has ended hold nothing any limit still needs. */
export async function pruneExpiredLimits(db: Db, now = new Date()): Promise<number> {
  const gone = await db.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ key: rateLimits.key });
  return gone.length;
}
