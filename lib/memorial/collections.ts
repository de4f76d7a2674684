// The collections readers see: the search filter's list, and the collection pages (each collection
// on its own pages, with an overview across them — issue 19).
import 'server-only';
import { and, asc, eq, exists, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { collections, persons } from '@/db/schema';
import type { CollectionPage, PublicCollection } from './dto';
import { isPublicPerson } from './visibility';

const hasPublicPerson = (db: DbOrTx) =>
  exists(db.select({ one: persons.id }).from(persons).where(and(eq(persons.collectionId, collections.id), isPublicPerson)));

/** Collections that have at least one public person (the search filter lists them). */
export async function listPublicCollections(db: DbOrTx): Promise<PublicCollection[]> {
  const rows = await db
    .select({ slug: collections.slug, nameFa: collections.nameFa, nameEn: collections.nameEn })
    .from(collections)
    .where(hasPublicPerson(db))
    .orderBy(asc(collections.slug));
  return rows.map((c) => ({ slug: c.slug, nameFa: c.nameFa, nameEn: c.nameEn }));
}

/**
 * Collections that have public pages: those with a public person, and those open for submissions
 * (a new collection's page is where its testimonies start). Oldest first, as admins created them.
 * Per-collection totals come from the public summary, keyed by `id`.
 */
export async function listCollectionPages(db: DbOrTx): Promise<CollectionPage[]> {
  const rows = await db
    .select({
      id: collections.id,
      slug: collections.slug,
      nameFa: collections.nameFa,
      nameEn: collections.nameEn,
      descriptionFa: collections.descriptionFa,
      descriptionEn: collections.descriptionEn,
      startsOn: collections.startsOn,
      endsOn: collections.endsOn,
      openForSubmissions: collections.openForSubmissions,
    })
    .from(collections)
    .where(or(eq(collections.openForSubmissions, true), hasPublicPerson(db)))
    .orderBy(asc(collections.createdAt), asc(collections.id));
  return rows.map((c) => ({
    id: c.id,
    slug: c.slug,
    nameFa: c.nameFa,
    nameEn: c.nameEn,
    descriptionFa: c.descriptionFa,
    descriptionEn: c.descriptionEn,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    openForSubmissions: c.openForSubmissions,
  }));
}

/** A collection's name and description in the page's language. */
export function collectionText(c: Pick<CollectionPage, 'nameFa' | 'nameEn' | 'descriptionFa' | 'descriptionEn'>, locale: 'fa' | 'en') {
  return locale === 'fa' ? { name: c.nameFa, description: c.descriptionFa } : { name: c.nameEn, description: c.descriptionEn };
}
