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

export type Bucket = 'sign-up' | 'sign-in' | 'second-factor' | 'submission' | 'upload' | 'message' | 'recovery';

type Rule = { windowSeconds: number; account: () => number | null; address: () => number | null };

const hour = 60 * 60;
/** Window and allowance per bucket; `null`: that key is not counted for this bucket. */
export const rules: Record<Bucket, Rule> = {
  // No account exists yet: by address only.
  'sign-up': { windowSeconds: hour, account: () => null, address: () => env().LIMIT_SIGN_UP_ADDRESS },
  // Per account: attempts before the check, cleared by a success (the account is delayed, never
  // locked, and guessing one account's passphrase cannot slow down another's). Per address: every attempt.
  'sign-in': { windowSeconds: 15 * 60, account: () => env().LIMIT_SIGN_IN_ACCOUNT, address: () => env().LIMIT_SIGN_IN_ADDRESS },
  // TOTP and recovery codes: separate counters, so failed codes do not lock the passphrase step.
  'second-factor': { windowSeconds: 15 * 60, account: () => env().LIMIT_SIGN_IN_ACCOUNT, address: () => null },
  submission: { windowSeconds: 24 * hour, account: () => env().LIMIT_SUBMISSION_ACCOUNT, address: () => env().LIMIT_SUBMISSION_ADDRESS },
  upload: { windowSeconds: hour, account: () => env().LIMIT_UPLOAD_ACCOUNT, address: () => env().LIMIT_UPLOAD_ADDRESS },
  message: { windowSeconds: hour, account: () => env().LIMIT_MESSAGE_ACCOUNT, address: () => env().LIMIT_MESSAGE_ADDRESS },
  // "I lost my passphrase" (lib/auth/recovery.ts): like sign-in, a delay per account (cleared by a
  // success) and per address, in its own counters so failed codes never hold back a sign-in.
  recovery: { windowSeconds: 15 * 60, account: () => env().LIMIT_SIGN_IN_ACCOUNT, address: () => env().LIMIT_SIGN_IN_ADDRESS },
};

/** Who is counted: the account (user id, or the normalized username for sign-in) and the hashed address. */
export type LimitKeys = { account?: string | null; address?: string | null };

/** The `rate_limits` key rate-limiter-flexible stores for a counted key. */
export function storedKey(bucket: Bucket, scope: 'account' | 'address', key: string): string {
  return `${keyPrefix(bucket, scope)}:${key}`;
}

// The account scope keeps the names the counters had before addresses were counted.
const keyPrefix = (bucket: Bucket, scope: 'account' | 'address') => (scope === 'account' ? bucket : `${bucket}:address`);

function limiter(db: DbOrTx, bucket: Bucket, scope: 'account' | 'address'): RateLimiterDrizzle | null {
  const points = rules[bucket][scope]();
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
    const key = keys[scope];
    const counter = key ? limiter(db, bucket, scope) : null;
    if (!counter) continue;
    try {
      await counter.consume(key!);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      wait = Math.max(wait, Math.ceil(rejection.msBeforeNext / 1000), 1);
    }
  }
  if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
}

/** Forgets the account's count (a successful sign-in or code). */
export async function clearLimit(db: DbOrTx, bucket: Bucket, account: string): Promise<void> {
  await limiter(db, bucket, 'account')?.delete(account);
}

/** Retention: counters whose window has ended hold nothing any limit still needs. */
export async function pruneExpiredLimits(db: Db, now = new Date()): Promise<number> {
  const gone = await db.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ key: rateLimits.key });
  return gone.length;
}
