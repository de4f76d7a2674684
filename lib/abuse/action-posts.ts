// A bound on Server Function requests per client address (issue 17 §8): every form post to a page —
// with JavaScript (`Next-Action`) or without ($ACTION_ID fields) — reaches React's reply decoder,
// which has had denial-of-service advisories (docs/security.md, "Dependency advisories"). Counted
// in this process's memory, before Next decodes anything and without a database write, so a flood
// costs the flooder a refusal and the server almost nothing. Generous: everyone behind one
// carrier-grade NAT shares an address, and a person sends a few posts a minute (autosave included).
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from '@/lib/env.mjs';

const windowSeconds = 60;
// One counter per process, shared through `globalThis` by every bundle that carries this module:
// the proxy's and the app's (the server in front of Next counts the posts it answers itself,
// lib/submission/post-answer.ts), so a post is counted once whichever answers it.
const slot = Symbol.for('yadman.abuse.actionPosts');
const holder = globalThis as { [slot]?: { points: number; limiter: RateLimiterMemory } };

/** The limiter for the configured allowance (made again if the allowance changed, e.g. in tests). */
function limiter(): RateLimiterMemory {
  const points = env().LIMIT_ACTION_ADDRESS;
  if (holder[slot]?.points !== points) holder[slot] = { points, limiter: new RateLimiterMemory({ points, duration: windowSeconds }) };
  return holder[slot].limiter;
}

/** Whether a request is a Server Function call: a POST to a page (API routes and files are not). */
export function isActionPost(method: string, pathname: string): boolean {
  return method === 'POST' && /^\/(?:fa|en)(?:\/|$)/.test(pathname);
}

/** Counts one action post from `addressKey`; 0 to go on, else the seconds until one is allowed. */
export async function actionPostWait(addressKey: string | null): Promise<number> {
  try {
    await limiter().consume(addressKey ?? 'unknown');
    return 0;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return Math.max(Math.ceil(rejection.msBeforeNext / 1000), 1);
  }
}

/**
 * Gives back one post counted by actionPostWait: for a post counted by the server in front of Next
 * and then handed on to Next after all, whose proxy counts it again.
 */
export async function refundActionPost(addressKey: string | null): Promise<void> {
  await limiter().reward(addressKey ?? 'unknown', 1);
}
