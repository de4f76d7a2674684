// Testimonies in the open-data API and downloads: the public projection's DTO as it is
// (published, consented, the approved redacted revision, credited as consented), paged by keyset.
import 'server-only';
import type { Db, DbOrTx } from '@/db/types';
import { countPublicTestimonies, listPublicTestimonies, type PublicTestimony } from '@/lib/memorial';
import { publicRead } from '@/lib/memorial/public-read';
import type { TestimonyCursor } from '@/lib/memorial/testimonies';
import { encodeCursor } from '@/lib/pagination/cursor';

export type CursorPagination = { limit: number; total: number; next: string | null };

export async function listApiTestimonies(
  db: Db,
  query: { limit: number; cursor?: TestimonyCursor; person?: string },
  requestUrl: string,
): Promise<{ data: PublicTestimony[]; pagination: CursorPagination }> {
  const [result, total] = await Promise.all([
    publicRead(db, (tx) => listPublicTestimonies(tx, { after: query.cursor, limit: query.limit, personId: query.person })),
    countPublicTestimonies(db, query.person),
  ]);
  let next: string | null = null;
  if (result.next) {
    const url = new URL(requestUrl);
    url.searchParams.set('cursor', encodeCursor([result.next.at, result.next.id]));
    next = url.pathname + url.search;
  }
  return { data: result.items, pagination: { limit: result.limit, total, next } };
}

/** Every public testimony, newest first, a batch at a time by keyset, for the bulk downloads. */
export async function* iteratePublicTestimonies(db: DbOrTx, batchSize = 500): AsyncGenerator<PublicTestimony[]> {
  let after: TestimonyCursor | null = null;
  do {
    const page: Awaited<ReturnType<typeof listPublicTestimonies>> = await listPublicTestimonies(db, { after, limit: batchSize });
    if (page.items.length) yield page.items;
    after = page.next;
  } while (after);
}
