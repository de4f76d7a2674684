import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: unknown[][] = [];
let failure: Error | null = null;
vi.mock('next/cache', () => ({
  revalidateTag: (...args: unknown[]) => {
    if (failure) throw failure;
    calls.push(args);
  },
  unstable_cache: (fn: unknown) => fn,
}));

const { publicDataTag, revalidatePublicData } = await import('./cache');

describe('revalidatePublicData', () => {
  beforeEach(() => {
    calls.length = 0;
    failure = null;
  });

  it('expires the tag every public read carries, immediately (not stale-while-revalidate)', () => {
    revalidatePublicData();
    expect(calls).toEqual([[publicDataTag.all, { expire: 0 }]]);
  });

  it('does nothing outside a Next.js request (scripts, tests), but never hides other errors', () => {
    failure = new Error('Invariant: static generation store missing in revalidateTag("public-data")');
    expect(() => revalidatePublicData()).not.toThrow();
    failure = new Error('Route /x used revalidateTag during render');
    expect(() => revalidatePublicData()).toThrow(/during render/);
  });
});
