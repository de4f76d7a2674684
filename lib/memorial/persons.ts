// One public person: getPublishedPerson is the only way a person's page or the API reads a person.
import 'server-only';
import { and, asc, count, eq, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { attachments, collections, personAliases, persons, personSources, testimonies, testimonyPersons } from '@/db/schema';
import { publicMediaPath, type PublicImage, type PublicPerson } from './dto';
import { iso, summaryColumns, toSummary } from './summary';
import { isPublicPerson, isPublicTestimony, isUuid } from './visibility';

/**
 * The public view of a person, or null when the id is unknown, malformed, draft, hidden or merged —
 * all identical, so the existence of unpublished records is never revealed.
 */
export async function getPublishedPerson(db: DbOrTx, id: string): Promise<PublicPerson | null> {
  return projectPerson(db, id, isPublicPerson);
}

/**
 * The same projection for a person not (yet) public, as it would be once published with the
 * testimony `withTestimony` (its portrait counted as if that testimony were published). Skips the
 * published check: only for staff previews, called by a function that checked the viewer
 * (lib/moderation/publication-preview.ts).
 */
export async function unsafePreviewPerson(db: DbOrTx, id: string, withTestimony: string): Promise<PublicPerson | null> {
  return projectPerson(db, id, isNull(persons.mergedIntoId), withTestimony);
}

async function projectPerson(db: DbOrTx, id: string, visible: SQL, withTestimony?: string): Promise<PublicPerson | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      ...summaryColumns,
      collectionNameFa: collections.nameFa,
      collectionNameEn: collections.nameEn,
      fatherNameFa: persons.fatherNameFa,
      fatherNameLatin: persons.fatherNameLatin,
      birthYear: persons.birthYear,
      occupation: persons.occupation,
      place: persons.place,
      cause: persons.cause,
      aftermath: persons.aftermath,
      sensitiveContent: persons.sensitiveContent,
      portraitAttachmentId: persons.portraitAttachmentId,
      updatedAt: persons.updatedAt,
    })
    .from(persons)
    .innerJoin(collections, eq(collections.id, persons.collectionId))
    .where(and(eq(persons.id, id), visible));
  if (!row) return null;

  const [aliases, sources, portrait, testimonyCount] = await Promise.all([
    db
      .select({ name: personAliases.name })
      .from(personAliases)
      .where(eq(personAliases.personId, id))
      .orderBy(asc(personAliases.name)),
    db
      .select({ url: personSources.url, title: personSources.title })
      .from(personSources)
      .where(eq(personSources.personId, id))
      .orderBy(asc(personSources.createdAt)),
    row.portraitAttachmentId && !row.identityWithheld ? publicPortrait(db, row.portraitAttachmentId, withTestimony) : Promise.resolve(null),
    db
      .select({ n: count() })
      .from(testimonyPersons)
      .innerJoin(testimonies, eq(testimonies.id, testimonyPersons.testimonyId))
      .where(and(eq(testimonyPersons.personId, id), isPublicTestimony))
      .then((r) => Number(r[0]?.n ?? 0)),
  ]);

  const names = new Set([row.nameFa, row.nameLatin]);
  // A minor awaiting the second approval: nothing that names them (father's name, other spellings).
  const withheld = row.identityWithheld;
  return {
    ...toSummary(row),
    collection: { slug: row.collectionSlug, nameFa: row.collectionNameFa, nameEn: row.collectionNameEn },
    fatherNameFa: withheld ? null : row.fatherNameFa,
    fatherNameLatin: withheld ? null : row.fatherNameLatin,
    otherNames: withheld ? [] : [...new Set(aliases.map((a) => a.name))].filter((n) => !names.has(n)),
    birthYear: row.birthYear,
    occupation: row.occupation,
    place: row.place,
    cause: row.cause,
    aftermath: [...row.aftermath],
    sensitiveContent: row.sensitiveContent,
    portrait,
    sources: sources.map((s) => ({ url: s.url, title: s.title })),
    testimonyCount,
    updatedAt: iso(row.updatedAt)!,
  };
}

/**
 * The portrait only if its file is public and stripped, and — when it came with a testimony — that
 * testimony is public and its submitter consented to the portrait being shown.
 */
async function publicPortrait(db: DbOrTx, attachmentId: string, withTestimony?: string): Promise<PublicImage | null> {
  const [a] = await db
    .select({
      id: attachments.id,
      kind: attachments.kind,
      publicKey: attachments.publicKey,
      visibility: attachments.visibility,
      caption: attachments.caption,
      testimonyId: attachments.testimonyId,
      testimonyStatus: testimonies.status,
      consentPublish: testimonies.consentPublish,
      portraitPublic: testimonies.portraitPublic,
    })
    .from(attachments)
    .leftJoin(testimonies, eq(testimonies.id, attachments.testimonyId))
    .where(eq(attachments.id, attachmentId));
  if (!a || a.kind !== 'image' || a.visibility !== 'public' || !a.publicKey) return null;
  if (a.testimonyId !== null) {
    const consented = (a.testimonyStatus === 'published' || a.testimonyId === withTestimony) && a.consentPublish === 'public' && a.portraitPublic;
    if (!consented) return null;
  }
  return { id: a.id, src: publicMediaPath(a.id), caption: a.caption };
}
