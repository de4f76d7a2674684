// Sign-in throttling per account (PRODUCT.md §2): 5 failures in 15 minutes, then the account
// waits out the window. Keyed by the normalized username (whether or not it exists) and never by
// address, so an attacker can slow down one account but cannot lock the whole site.
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

/** Seconds to wait before the next attempt is accepted, or 0 when one may be made now. */
export async function signInWaitSeconds(db: Db, usernameKey: string, name?: LimiterName): Promise<number> {
  const state = await limiterFor(db, name).get(usernameKey);
  if (!state || state.consumedPoints < signInFailureLimit) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

export async function recordSignInFailure(db: Db, usernameKey: string, name?: LimiterName): Promise<void> {
  try {
    await limiterFor(db, name).consume(usernameKey);
  } catch (rejection) {
    // Over the limit: the counter is already recorded, nothing more to do.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
  }
}

export async function clearSignInFailures(db: Db, usernameKey: string, name?: LimiterName): Promise<void> {
  await limiterFor(db, name).delete(usernameKey);
}
