// Which collection a new testimony joins. No permission check: it reveals only an id, to the
// submission code that runs inside the caller's transaction.
import { asc, eq } from 'drizzle-orm';
import { collections } from '../../db/schema';
import type { DbOrTx } from '../../db/types';

/** The oldest collection open for submissions, or null when none is (a new installation). */
export async function openCollectionId(db: DbOrTx): Promise<string | null> {
  const [row] = await db
    .select({ id: collections.id })
    .from(collections)
    .where(eq(collections.openForSubmissions, true))
    .orderBy(asc(collections.createdAt), asc(collections.id))
    .limit(1);
  return row?.id ?? null;
}
