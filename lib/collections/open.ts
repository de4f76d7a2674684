// Which collection a new testimony joins (issue 19): each open collection has its own way in —
// chosen at the start of a testimony when more than one is open, or named by its address
// (`/submit?collection=slug`); with a single open collection nothing is asked. No permission
// check: it reveals only what the public collection pages show, to the submission code that runs
// inside the caller's transaction.
import { and, asc, eq } from 'drizzle-orm';
import { collections } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import { AppError } from '../errors';

export type OpenCollection = { id: string; slug: string; nameFa: string; nameEn: string; descriptionFa: string | null; descriptionEn: string | null };

/** The collections open for submissions, oldest first (the order the start form lists them in). */
export async function listOpenCollections(db: DbOrTx): Promise<OpenCollection[]> {
  return db
    .select({ id: collections.id, slug: collections.slug, nameFa: collections.nameFa, nameEn: collections.nameEn, descriptionFa: collections.descriptionFa, descriptionEn: collections.descriptionEn })
    .from(collections)
    .where(eq(collections.openForSubmissions, true))
    .orderBy(asc(collections.createdAt), asc(collections.id));
}

/**
 * The collection a new testimony joins: the one named by `slug` when it is open; the only open one
 * when none is named. Several open and none named, or a named one that is closed or unknown, is a
 * field error on `collection` (the start form asks); none open at all is `no_open_collection`.
 */
export async function chooseOpenCollection(db: DbOrTx, slug: string | undefined): Promise<string> {
  if (slug) {
    const [named] = await db
      .select({ id: collections.id })
      .from(collections)
      .where(and(eq(collections.slug, slug), eq(collections.openForSubmissions, true)));
    if (named) return named.id;
  }
  const open = await db.select({ id: collections.id }).from(collections).where(eq(collections.openForSubmissions, true)).limit(2);
  if (open.length === 0) throw new AppError('no_open_collection');
  if (open.length === 1 && !slug) return open[0]!.id;
  throw new AppError('invalid_input', { fieldErrors: { collection: slug ? 'collectionClosed' : 'collectionRequired' } });
}
