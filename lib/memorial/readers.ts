// The cached readers of the public projection, built over any memoizer, so the versioning that
// keeps several app instances coherent can be tested with two caches on one database
// (readers.integration.test.ts) as well as run with Next's data cache (cache.ts).
//
// Every read first takes the current public data version from the database and passes it to the
// memoized function as its first argument, so it is part of the cache key: after a change commits
// on any instance, every instance computes a new key on its next request and reads fresh data.
// The version is read before the data, so a cached entry never holds data older than its version.
import 'server-only';
import type { DbOrTx } from '@/db/types';
import { listCollectionPages, listPublicCollections } from './collections';
import { getMemorialOverview } from './overview';
import { getPublishedPerson } from './persons';
import { listPublishedPersons, type PersonPage, type PersonQuery } from './search';
import { getPublicTestimoniesForPerson, type TestimonyCursor } from './testimonies';

/** Caches `fn` under `key` plus its JSON-serializable arguments (unstable_cache's contract). */
export type Memoize = <A extends unknown[], R>(fn: (...args: A) => Promise<R>, key: string[]) => (...args: A) => Promise<R>;

type ReaderDeps = {
  db: () => Promise<DbOrTx>;
  /** The current public data version; may be deduplicated per request, never kept longer. */
  version: () => Promise<number>;
  memoize: Memoize;
};

/**
 * A search (a text query) is read afresh: its key is free text that is rarely asked twice, so the
 * data cache would only spend a disk write and a read per search (issue 16: the search page's cost
 * over the query itself). Repeats of one address are answered by the public cache's bytes anyway.
 * Browse pages (no text) stay memoized.
 */
function searchesUncached(cached: (query: PersonQuery) => Promise<PersonPage>, db: () => Promise<DbOrTx>) {
  return async (query: PersonQuery): Promise<PersonPage> => (query.q?.trim() ? listPublishedPersons(await db(), query) : cached(query));
}

export function createPublicReaders({ db, version, memoize }: ReaderDeps) {
  const versioned = <A extends unknown[], R>(key: string, read: (db: DbOrTx, ...args: A) => Promise<R>) => {
    const cached = memoize(async (_version: number, ...args: A) => read(await db(), ...args), [key]);
    return async (...args: A): Promise<R> => cached(await version(), ...args);
  };
  return {
    publishedPerson: versioned('memorial:person', (d, id: string) => getPublishedPerson(d, id)),
    publicTestimoniesForPerson: versioned('memorial:person-testimonies', (d, personId: string, after: TestimonyCursor | null = null) =>
      getPublicTestimoniesForPerson(d, personId, { after }),
    ),
    memorialOverview: versioned('memorial:overview', (d, collectionId: string | null = null) => getMemorialOverview(d, { collectionId })),
    publishedPersons: searchesUncached(versioned('memorial:persons', (d, query: PersonQuery) => listPublishedPersons(d, query)), db),
    publicCollections: versioned('memorial:collections', (d) => listPublicCollections(d)),
    collectionPages: versioned('memorial:collection-pages', (d) => listCollectionPages(d)),
  };
}
