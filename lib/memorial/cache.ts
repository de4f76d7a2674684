// Caching of the public projection, coherent across app instances.
//
// Pages stay dynamic (`await connection()`) and read through these wrappers of Next's data cache
// (`unstable_cache`; enabling `cacheComponents` for `'use cache'` would change rendering for the
// whole app). Each read's key includes the public data version (readers.ts, version.ts), which
// database triggers bump in the same transaction as any public change — publish, edit, withdraw,
// unpublish, hide, merge, verification — so a change committed through one `next start` process is
// visible through every other one on its next request, with no shared cache server. Open-data
// routes and statistics read the database directly and need no invalidation at all.
import 'server-only';
import { cache } from 'react';
import { revalidateTag, unstable_cache } from 'next/cache';
import { getDb } from '@/db/client';
import { createPublicReaders } from './readers';
import { readPublicDataVersion } from './version';

export const publicDataTag = {
  /** Everything public: any moderation change revalidates it. */
  all: 'public-data',
} as const;

// Entries stay correct as long as the version does; this only bounds how long unused ones live.
const revalidate = 3600;

/**
 * Drops this process's cached public reads at once. Not needed for correctness (the version does
 * that, on every instance); it frees the entries of the old version early, and in a server action
 * it also refreshes the acting moderator's client-side router cache. Outside a Next.js request
 * (scripts, tests) there is nothing to drop, and it does nothing.
 */
export function revalidatePublicData(): void {
  try {
    revalidateTag(publicDataTag.all, { expire: 0 });
  } catch (error) {
    if (error instanceof Error && error.message.includes('static generation store missing')) return;
    throw error;
  }
}

const readers = createPublicReaders({
  db: getDb,
  // Once per request (React's per-request cache): a page and its metadata see one version.
  version: cache(async () => readPublicDataVersion(await getDb())),
  memoize: (fn, key) => unstable_cache(fn, key, { tags: [publicDataTag.all], revalidate }),
});

export const cachedPublishedPerson = readers.publishedPerson;
export const cachedPublicTestimoniesForPerson = readers.publicTestimoniesForPerson;
export const cachedMemorialOverview = readers.memorialOverview;
export const cachedPublishedPersons = readers.publishedPersons;
export const cachedPublicCollections = readers.publicCollections;
export const cachedCollectionPages = readers.collectionPages;
