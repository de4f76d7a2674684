// Abuse limits (PRODUCT.md §2, issue 7), stored in the database (`rate_limits`, through
// rate-limiter-flexible's RateLimiterDrizzle) so they hold across processes and restarts. Each
// bucket counts per account and per hashed client address (lib/abuse/address.ts), never per
// plain address. Limits come from the environment (README "Configuration"); the defaults are
// for production. Over a limit the request is refused with `rate_limited` and the wait in seconds,
// which every form shows as "wait N minutes".
import { lt } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
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

function limiter(db: DbOrTx, bucket: Bucket, scope: Scope): RateLimiterDrizzle | null {
  const points = rules[bucket][scope]?.() ?? null;
  if (points === null) return null;
  // Cheap to make: inside a transaction the count commits or rolls back with the work it guards.
  return new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix: keyPrefix(bucket, scope),
    points,
    duration: rules[bucket].windowSeconds,
    // Expired rows are removed by the retention job, not by a timer in every process.
    clearExpiredByTimeout: false,
  });
}

/**
 * Takes one point from each counted key *before* the guarded work, so requests sent in parallel
 * cannot all pass a read-only check. Throws `rate_limited` with the longer wait when any key is over.
 */
export async function consumeLimit(db: DbOrTx, bucket: Bucket, keys: LimitKeys): Promise<void> {
  let wait = 0;
  for (const scope of ['account', 'address'] as const) {
    const key = scope === 'address' ? keys.address || unknownAddressKey : keys.account;
    if (key) wait = Math.max(wait, await takePoint(db, bucket, scope, key));
  }
  if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
}

/**
 * Takes one point from `key`'s count in `scope` of `bucket` (nothing when the bucket does not count
 * that scope). 0 while within the allowance, this point included; else the seconds until a point frees.
 */
export async function takePoint(db: DbOrTx, bucket: Bucket, scope: Scope, key: string): Promise<number> {
  const counter = limiter(db, bucket, scope);
  if (!counter) return 0;
  try {
    await counter.consume(key);
    return 0;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return Math.max(Math.ceil(rejection.msBeforeNext / 1000), 1);
  }
}

/** Forgets the count of `key` (the account's, by default: a successful sign-in or code). */
export async function clearLimit(db: DbOrTx, bucket: Bucket, key: string, scope: Scope = 'account'): Promise<void> {
  await limiter(db, bucket, scope)?.delete(key);
}

/** Retention: counters whose window has ended hold nothing any limit still needs. */
export async function pruneExpiredLimits(db: Db, now = new Date()): Promise<number> {
  const gone = await db.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ key: rateLimits.key });
  return gone.length;
}
