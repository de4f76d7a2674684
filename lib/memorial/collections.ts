// Collections that have at least one public person (the search filter lists them).
import 'server-only';
import { and, asc, eq, exists } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { collections, persons } from '@/db/schema';
import type { PublicCollection } from './dto';
import { isPublicPerson } from './visibility';

export async function listPublicCollections(db: DbOrTx): Promise<PublicCollection[]> {
  const rows = await db
    .select({ slug: collections.slug, nameFa: collections.nameFa, nameEn: collections.nameEn })
    .from(collections)
    .where(exists(db.select({ one: persons.id }).from(persons).where(and(eq(persons.collectionId, collections.id), isPublicPerson))))
    .orderBy(asc(collections.slug));
  return rows.map((c) => ({ slug: c.slug, nameFa: c.nameFa, nameEn: c.nameEn }));
}
