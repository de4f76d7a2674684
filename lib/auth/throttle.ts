// Sign-in throttling per account (PRODUCT.md §2): 5 failures in 15 minutes, then the account
// waits out the window. Keyed by the normalized username (whether or not it exists) and never by
// address, so an attacker can slow down one account but cannot lock the whole site.
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimits } from '@/db/schema';
import type { Db } from '@/db/types';

export const signInFailureLimit = 5;
export const signInWindowSeconds = 15 * 60;

const limiters = new WeakMap<Db, RateLimiterDrizzle>();

function limiterFor(db: Db): RateLimiterDrizzle {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: 'sign-in',
      points: signInFailureLimit,
      duration: signInWindowSeconds,
      // Expired rows are removed by the retention job, not by a timer in every process.
      clearExpiredByTimeout: false,
    });
    limiters.set(db, limiter);
  }
  return limiter;
}

/** Seconds to wait before the next attempt is accepted, or 0 when one may be made now. */
export async function signInWaitSeconds(db: Db, usernameKey: string): Promise<number> {
  const state = await limiterFor(db).get(usernameKey);
  if (!state || state.consumedPoints < signInFailureLimit) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

export async function recordSignInFailure(db: Db, usernameKey: string): Promise<void> {
  try {
    await limiterFor(db).consume(usernameKey);
  } catch (rejection) {
    // Over the limit: the counter is already recorded, nothing more to do.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
  }
}

export async function clearSignInFailures(db: Db, usernameKey: string): Promise<void> {
  await limiterFor(db).delete(usernameKey);
}
