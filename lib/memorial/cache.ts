// Caching of the public projection, and its invalidation.
//
// Approach: the data functions are wrapped in `unstable_cache` with tags, and the pages stay
// dynamic (`await connection()`), so nothing is read at build time and staff/account pages are
// unaffected (enabling `cacheComponents` for `'use cache'` would change rendering for the whole app).
// Every public read goes through these wrappers; the tags let moderation invalidate them.
//
// Moderation MUST call `revalidatePublicData()` after any change that can alter public data —
// publish, edit of a published testimony or person, withdraw, unpublish, hide, merge, verification
// change — from the server action or route handler that made the change. It expires the entries
// immediately (not stale-while-revalidate), so a withdrawn testimony is gone on the next request.
// Limit: Next's default cache is per process; several app instances need a shared cache handler.
import 'server-only';
import { revalidateTag, unstable_cache } from 'next/cache';
import { getDb } from '@/db/client';
import { listPublicCollections } from './collections';
import { getMemorialOverview } from './overview';
import { getPublishedPerson } from './persons';
import { listPublishedPersons, type PersonQuery } from './search';
import { getPublicTestimoniesForPerson, listPublicTestimonies } from './testimonies';

export const publicDataTag = {
  /** Everything public: any moderation change revalidates it. */
  all: 'public-data',
  persons: 'public-persons',
  testimonies: 'public-testimonies',
  person: (id: string) => `public-person:${id}`,
} as const;

// A safety net only; invalidation is on demand.
const revalidate = 3600;

/**
 * Expires every cached public read at once. Call after publish/edit/withdraw/unpublish/hide/merge.
 * Invalidating everything is deliberate: one change can move counts, lists, feeds and statistics,
 * and moderation changes are rare compared with reads. Outside a Next.js request (scripts, tests)
 * there is no cache to invalidate, and it does nothing.
 */
export function revalidatePublicData(): void {
  try {
    revalidateTag(publicDataTag.all, { expire: 0 });
  } catch (error) {
    if (error instanceof Error && error.message.includes('static generation store missing')) return;
    throw error;
  }
}

export const cachedPublishedPerson = unstable_cache(
  async (id: string) => getPublishedPerson(await getDb(), id),
  ['memorial:person'],
  { tags: [publicDataTag.all, publicDataTag.persons], revalidate },
);

export const cachedPublicTestimoniesForPerson = unstable_cache(
  async (personId: string) => getPublicTestimoniesForPerson(await getDb(), personId),
  ['memorial:person-testimonies'],
  { tags: [publicDataTag.all, publicDataTag.testimonies], revalidate },
);

export const cachedMemorialOverview = unstable_cache(
  async () => getMemorialOverview(await getDb()),
  ['memorial:overview'],
  { tags: [publicDataTag.all], revalidate },
);

export const cachedPublishedPersons = unstable_cache(
  async (query: PersonQuery) => listPublishedPersons(await getDb(), query),
  ['memorial:persons'],
  { tags: [publicDataTag.all, publicDataTag.persons], revalidate },
);

export const cachedPublicTestimonies = unstable_cache(
  async (page: number, limit: number) => listPublicTestimonies(await getDb(), { page, limit }),
  ['memorial:testimonies'],
  { tags: [publicDataTag.all, publicDataTag.testimonies], revalidate },
);

export const cachedPublicCollections = unstable_cache(async () => listPublicCollections(await getDb()), ['memorial:collections'], {
  tags: [publicDataTag.all],
  revalidate,
});
