// One public person: getPublishedPerson is the only way a person's page or the API reads a person.
import 'server-only';
import { and, asc, count, eq, gt, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { attachments, collections, personAliases, persons, personSources, testimonies, testimonyPersons } from '@/db/schema';
import { publicMediaPath, type PublicImage, type PublicPerson } from './dto';
import { iso, summaryColumns, toSummary } from './summary';
import { isPublicPerson, isPublicTestimony } from './visibility';
import { isUuid } from '@/lib/validation/uuid';
import { isLinkedPersonOf } from '@/lib/testimonies/linked-persons';

/**
 * The public view of a person, or null when the id is unknown, malformed, draft, hidden or merged —
 * all identical, so the existence of unpublished records is never revealed.
 */
export async function getPublishedPerson(db: DbOrTx, id: string): Promise<PublicPerson | null> {
  return projectPerson(db, id, isPublicPerson);
}

/**
 * The same projection for persons not (yet) public: those testimony `testimonyId` concerns, as each
 * would be once published with it (its portrait counted as if it were published), all in one batch,
 * read by the testimony's id alone (no person ids first: the review page starts this beside the
 * review, issue 21). Skips the published check: only for staff previews, called by a function that
 * checked the viewer (lib/moderation/publication-preview.ts). Merged persons are absent; a draft
 * testimony or an unknown id has none.
 */
export async function unsafePreviewPersons(db: DbOrTx, testimonyId: string): Promise<Map<string, PublicPerson>> {
  if (!isUuid(testimonyId)) return new Map();
  const found = await projectPersons(db, and(isLinkedPersonOf(persons.id, testimonyId), isNull(persons.mergedIntoId))!, { withTestimony: testimonyId });
  return new Map(found.map((person) => [person.id, person]));
}

async function projectPerson(db: DbOrTx, id: string, visible: SQL): Promise<PublicPerson | null> {
  if (!isUuid(id)) return null;
  const [person] = await projectPersons(db, and(eq(persons.id, id), visible)!, {});
  return person ?? null;
}

/**
 * Every public person after `after` in id order, `limit` at a time, each exactly as
 * getPublishedPerson shows it (the same projection, read for a batch at once: five queries per
 * batch, not per person), for the bulk downloads.
 */
export async function listPublishedPersonsById(db: DbOrTx, { after, limit }: { after: string | null; limit: number }): Promise<PublicPerson[]> {
  return projectPersons(db, and(isPublicPerson, after === null ? undefined : gt(persons.id, after))!, { limit });
}

/**
 * The public view of many persons at once (the static mirror reads hundreds per batch): the same
 * projection as getPublishedPerson, in five statements for the whole batch instead of five per
 * person. Ids that are unknown, malformed or not public are simply absent from the map.
 */
export async function getPublishedPersons(db: DbOrTx, ids: readonly string[]): Promise<Map<string, PublicPerson>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return new Map();
  const found = await projectPersons(db, and(inArray(persons.id, wanted), isPublicPerson)!, {});
  return new Map(found.map((person) => [person.id, person]));
}

/** The one projection of persons (rows matching `where`, in id order), batch by batch. */
async function projectPersons(db: DbOrTx, where: SQL, o: { limit?: number; withTestimony?: string }): Promise<PublicPerson[]> {
  let query = db
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
    .where(where)
    .orderBy(asc(persons.id))
    .$dynamic();
  if (o.limit !== undefined) query = query.limit(o.limit);
  const rows = await query;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const portraitIds = rows.filter((r) => r.portraitAttachmentId && !r.identityWithheld).map((r) => r.portraitAttachmentId!);

  const [aliases, sources, portraits, counts] = await Promise.all([
    db
      .select({ personId: personAliases.personId, name: personAliases.name })
      .from(personAliases)
      .where(inArray(personAliases.personId, ids))
      .orderBy(asc(personAliases.name)),
    db
      .select({ personId: personSources.personId, url: personSources.url, title: personSources.title })
      .from(personSources)
      .where(inArray(personSources.personId, ids))
      .orderBy(asc(personSources.createdAt), asc(personSources.id)),
    publicPortraits(db, portraitIds, o.withTestimony),
    db
      .select({ personId: testimonyPersons.personId, n: count() })
      .from(testimonyPersons)
      .innerJoin(testimonies, eq(testimonies.id, testimonyPersons.testimonyId))
      .where(and(inArray(testimonyPersons.personId, ids), isPublicTestimony))
      .groupBy(testimonyPersons.personId),
  ]);
  const group = <T extends { personId: string }>(list: T[]) => {
    const by = new Map<string, T[]>();
    for (const item of list) by.set(item.personId, [...(by.get(item.personId) ?? []), item]);
    return by;
  };
  const aliasesOf = group(aliases);
  const sourcesOf = group(sources);
  const countOf = new Map(counts.map((c) => [c.personId, Number(c.n)]));

  return rows.map((row): PublicPerson => {
    const names = new Set([row.nameFa, row.nameLatin]);
    // A minor awaiting the second approval: nothing that names them (father's name, other spellings).
    const withheld = row.identityWithheld;
    return {
      ...toSummary(row),
      collection: { slug: row.collectionSlug, nameFa: row.collectionNameFa, nameEn: row.collectionNameEn },
      fatherNameFa: withheld ? null : row.fatherNameFa,
      fatherNameLatin: withheld ? null : row.fatherNameLatin,
      otherNames: withheld ? [] : [...new Set((aliasesOf.get(row.id) ?? []).map((a) => a.name))].filter((n) => !names.has(n)),
      birthYear: row.birthYear,
      occupation: row.occupation,
      place: row.place,
      cause: row.cause,
      aftermath: [...row.aftermath],
      sensitiveContent: row.sensitiveContent,
      portrait: row.portraitAttachmentId && !withheld ? (portraits.get(row.portraitAttachmentId) ?? null) : null,
      sources: (sourcesOf.get(row.id) ?? []).map((s) => ({ url: s.url, title: s.title })),
      testimonyCount: countOf.get(row.id) ?? 0,
      updatedAt: iso(row.updatedAt)!,
    };
  });
}

/**
 * The portraits that may be shown: only if the file is public and stripped, and — when it came with
 * a testimony — that testimony is public and its submitter consented to the portrait being shown.
 */
async function publicPortraits(db: DbOrTx, attachmentIds: string[], withTestimony?: string): Promise<Map<string, PublicImage>> {
  const shown = new Map<string, PublicImage>();
  if (attachmentIds.length === 0) return shown;
  const rows = await db
    .select({
      id: attachments.id,
      kind: attachments.kind,
      publicKey: attachments.publicKey,
      visibility: attachments.visibility,
      // Only the caption a moderator wrote for readers, never the submitter's (lib/media/captions.ts).
      caption: sql<string | null>`nullif(${attachments.publicCaption}, '')`,
      testimonyId: attachments.testimonyId,
      testimonyStatus: testimonies.status,
      consentPublish: testimonies.consentPublish,
      portraitPublic: testimonies.portraitPublic,
    })
    .from(attachments)
    .leftJoin(testimonies, eq(testimonies.id, attachments.testimonyId))
    .where(inArray(attachments.id, [...new Set(attachmentIds)]));
  for (const a of rows) {
    if (a.kind !== 'image' || a.visibility !== 'public' || !a.publicKey) continue;
    if (a.testimonyId !== null) {
      const consented = (a.testimonyStatus === 'published' || a.testimonyId === withTestimony) && a.consentPublish === 'public' && a.portraitPublic;
      if (!consented) continue;
    }
    shown.set(a.id, { id: a.id, src: publicMediaPath(a.id), caption: a.caption });
  }
  return shown;
}
