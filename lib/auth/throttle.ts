// Sign-in throttling per account (PRODUCT.md §2): 5 attempts in 15 minutes, then the account
// waits out the window. Keyed by the normalized username (whether or not it exists) and never by
// address, so an attacker can slow down one account but cannot lock the whole site.
import { lt } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimits } from '@/db/schema';
import type { Db } from '@/db/types';

export const signInFailureLimit = 5;
export const signInWindowSeconds = 15 * 60;

// The same rule guards TOTP/recovery codes per account: a stolen passphrase must not let anyone
// try all 10^6 codes. Separate counters, so failed codes do not lock the passphrase step.
type LimiterName = 'sign-in' | 'second-factor';
const limiters = new WeakMap<Db, Map<LimiterName, RateLimiterDrizzle>>();

function limiterFor(db: Db, name: LimiterName = 'sign-in'): RateLimiterDrizzle {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  let limiter = byName.get(name);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: name,
      points: signInFailureLimit,
      duration: signInWindowSeconds,
      // Expired rows are removed by the retention job, not by a timer in every process.
      clearExpiredByTimeout: false,
    });
    byName.set(name, limiter);
  }
  return limiter;
}

/**
 * Takes one attempt from the account's allowance *before* the attempt is checked, so guesses sent
 * in parallel cannot all pass a read-only check (they did: 20 at once were 20 passphrases tried).
 * Returns 0 when the attempt may go ahead, else the seconds to wait. A success clears the count.
 */
export async function takeAttempt(db: Db, usernameKey: string, name?: LimiterName): Promise<number> {
  try {
    await limiterFor(db, name).consume(usernameKey);
    return 0;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  }
}

export async function clearAttempts(db: Db, usernameKey: string, name?: LimiterName): Promise<void> {
  await limiterFor(db, name).delete(usernameKey);
}

/** Retention: counters whose window has ended hold nothing any limit still needs. */
export async function pruneExpiredAttempts(db: Db, now = new Date()): Promise<number> {
  const gone = await db.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ key: rateLimits.key });
  return gone.length;
}
