// Testimonies in the open-data API and downloads: the public projection's DTO as it is
// (published, consented, the approved redacted revision, credited as consented).
import 'server-only';
import type { DbOrTx } from '@/db/types';
import { getPublicTestimoniesForPerson, listPublicTestimonies, type PublicTestimony } from '@/lib/memorial';
import { pagination } from './persons';

export async function listApiTestimonies(
  db: DbOrTx,
  query: { page: number; limit: number; person?: string },
  requestUrl: string,
) {
  if (query.person) {
    // One person's testimonies are few; they come as one page.
    const all = await getPublicTestimoniesForPerson(db, query.person);
    const items = all.slice((query.page - 1) * query.limit, query.page * query.limit);
    return { data: items, pagination: pagination(requestUrl, query.page, query.limit, all.length) };
  }
  const result = await listPublicTestimonies(db, { page: query.page, limit: query.limit });
  return { data: result.items, pagination: pagination(requestUrl, query.page, result.limit, result.total) };
}

/** Every public testimony, newest first, a page at a time, for the bulk downloads. */
export async function* iteratePublicTestimonies(db: DbOrTx, batchSize = 500): AsyncGenerator<PublicTestimony[]> {
  for (let page = 1; ; page++) {
    const result = await listPublicTestimonies(db, { page, limit: batchSize });
    if (result.items.length === 0) return;
    yield result.items;
    if (page * batchSize >= result.total) return;
  }
}
