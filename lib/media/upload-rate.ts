// Upload rate per account (PRODUCT.md §2: floods of fake material): at most 60 new uploads an
// hour, counted when an upload starts (tus creation, multipart post). Keyed by the account, never
// by address. Resuming an upload does not count again.
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimits } from '@/db/schema';
import type { Db } from '@/db/types';
import { AppError } from '@/lib/errors';

export const uploadsPerHour = 60;
const limiters = new WeakMap<Db, RateLimiterDrizzle>();

function limiterFor(db: Db): RateLimiterDrizzle {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: 'upload',
      points: uploadsPerHour,
      duration: 60 * 60,
      clearExpiredByTimeout: false,
    });
    limiters.set(db, limiter);
  }
  return limiter;
}

/** Counts one upload for the account; throws `rate_limited` (with the wait) when over the limit. */
export async function consumeUploadPoint(db: Db, userId: string): Promise<void> {
  try {
    await limiterFor(db).consume(userId);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw new AppError('rate_limited', { retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) });
  }
}
