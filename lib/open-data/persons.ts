// Persons in the open-data API and downloads: exactly the public projection's DTOs (lib/memorial),
// plus the permanent page URLs. Nothing here selects person columns itself except the summary
// iterator (the mirror's list), which reuses the projection's column list, row mapping and rule.
import 'server-only';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { collections, persons } from '@/db/schema';
import { getPublishedPerson, listPublishedPersons, type PersonQuery, type PublicPerson, type PublicPersonSummary } from '@/lib/memorial';
import { listPublicCollections } from '@/lib/memorial/collections';
import { personPath } from '@/lib/memorial/paths';
import { encodeCursor } from '@/lib/pagination/cursor';
import { listPublishedPersonsById } from '@/lib/memorial/persons';
import { summaryColumns, toSummary } from '@/lib/memorial/summary';
import { isPublicPerson } from '@/lib/memorial/visibility';

export type PageUrls = { fa: string; en: string };
export type ApiPersonSummary = PublicPersonSummary & { urls: PageUrls };
export type ApiPerson = PublicPerson & { urls: PageUrls };

export function personUrls(origin: string, person: { id: string; slug: string }): PageUrls {
  return { fa: origin + personPath('fa', person), en: origin + personPath('en', person) };
}

export type PersonsPagination = { limit: number; total: number; more: boolean; next: string | null };

/**
 * Problems with a query's references that the parameter schema cannot see: a `collection` that is
 * not one of the public collections answers 400 like any other bad filter, not an empty list.
 */
export async function personsQueryIssues(db: DbOrTx, query: PersonQuery): Promise<string[]> {
  if (!query.collection) return [];
  const known = await listPublicCollections(db);
  return known.some((c) => c.slug === query.collection) ? [] : ['collection: not a public collection (see /api/v1/openapi.json)'];
}

/** One page of persons (keyset); `next` is the request's URL continued after its last person. */
export async function listApiPersons(db: DbOrTx, query: PersonQuery & { limit: number }, origin: string, requestUrl: string) {
  const result = await listPublishedPersons(db, query);
  let next: string | null = null;
  if (result.next) {
    const url = new URL(requestUrl);
    url.searchParams.set('cursor', encodeCursor(result.next));
    next = url.pathname + url.search;
  }
  return {
    data: result.items.map((p): ApiPersonSummary => ({ ...p, urls: personUrls(origin, p) })),
    pagination: { limit: result.limit, total: result.total, more: result.more, next } satisfies PersonsPagination,
  };
}

export async function getApiPerson(db: DbOrTx, id: string, origin: string): Promise<ApiPerson | null> {
  const person = await getPublishedPerson(db, id);
  return person && { ...person, urls: personUrls(origin, person) };
}

/**
 * Every public person summary, in id order, a batch at a time (keyset pagination: constant cost per
 * batch at any size), for the bulk downloads.
 */
export async function* iteratePublicPersons(db: DbOrTx, batchSize = 1000): AsyncGenerator<PublicPersonSummary[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select(summaryColumns)
      .from(persons)
      .innerJoin(collections, eq(collections.id, persons.collectionId))
      .where(and(isPublicPerson, after === null ? undefined : gt(persons.id, after)))
      .orderBy(asc(persons.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map(toSummary);
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id;
  }
}

/**
 * Every public person's full record, exactly as GET /api/v1/persons/{id} shows it (the projection's
 * own batch read), in id order a batch at a time, for the bulk downloads.
 */
export async function* iteratePublicPersonRecords(db: DbOrTx, batchSize = 500): AsyncGenerator<PublicPerson[]> {
  let after: string | null = null;
  for (;;) {
    const batch = await listPublishedPersonsById(db, { after, limit: batchSize });
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    after = batch.at(-1)!.id;
  }
}
