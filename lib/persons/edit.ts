import 'server-only';
// Changes to person records. Each is one transaction with its audit entry (field names, never
// free text), then the public pages are revalidated: a hidden person leaves public view at once.
import { and, asc, eq } from 'drizzle-orm';
import { collections, personAliases, personSources, persons, testimonies, testimonyPersons } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import { requireFresh, versioned } from '@/lib/concurrency/update';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/uuid';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { newPersonSlug } from '@/lib/memorial/paths';
import { nameSearchText, normalizeName } from '@/lib/search/normalize';
import { requirePermission } from '@/lib/authz/guard';
import type { PersonPatch } from '@/lib/validation/person';
import { approvePublication, type PublicationOutcome } from '@/lib/moderation/publication';
import { unsafePublishPerson } from './publish';

export type { PersonPatch };

async function lockPerson(tx: Tx, personId: string) {
  if (!isUuid(personId)) throw new AppError('not_found');
  const [p] = await tx.select().from(persons).where(eq(persons.id, personId)).for('update');
  if (!p) throw new AppError('not_found');
  return p;
}

/** The search text covers the name, the Latin name and every alias. */
async function refreshNameSearch(tx: Tx, personId: string) {
  const [p] = await tx.select({ nameFa: persons.nameFa, nameLatin: persons.nameLatin }).from(persons).where(eq(persons.id, personId));
  const aliases = await tx.select({ name: personAliases.name }).from(personAliases).where(eq(personAliases.personId, personId));
  await tx.update(persons).set({ nameSearch: nameSearchText([p!.nameFa, p!.nameLatin, ...aliases.map((a) => a.name)]) }).where(eq(persons.id, personId));
}

async function audited(db: Db, actorId: string, personId: string, action: string, change: (tx: Tx) => Promise<Record<string, unknown> | void>) {
  await db.transaction(async (tx) => {
    const details = (await change(tx)) ?? {};
    await appendAudit(tx, { actorId, action, targetType: 'person', targetId: personId, details });
  });
  revalidatePublicData();
}

export async function createPerson(db: Db, viewer: Viewer | null, input: { nameFa: string; nameLatin?: string | null; testimonyId?: string }): Promise<string> {
  const actor = requirePermission(viewer, 'person.create');
  const nameFa = input.nameFa.trim();
  if (!nameFa) throw new AppError('invalid_input', { fieldErrors: { nameFa: 'required' } });
  return db.transaction(async (tx) => {
    const [collection] = input.testimonyId
      ? await tx.select({ id: testimonies.collectionId }).from(testimonies).where(eq(testimonies.id, input.testimonyId))
      : await tx.select({ id: collections.id }).from(collections).orderBy(asc(collections.createdAt)).limit(1);
    if (!collection) throw new AppError('not_found');
    const nameLatin = input.nameLatin?.trim() || null;
    const [row] = await tx
      .insert(persons)
      .values({ collectionId: collection.id, slug: newPersonSlug(nameLatin), nameFa, nameLatin, outcome: 'other', status: 'draft', nameSearch: nameSearchText([nameFa, nameLatin]), createdBy: actor.userId })
      .returning({ id: persons.id });
    if (input.testimonyId) await tx.insert(testimonyPersons).values({ testimonyId: input.testimonyId, personId: row!.id }).onConflictDoNothing();
    await appendAudit(tx, { actorId: actor.userId, action: 'person.create', targetType: 'person', targetId: row!.id, details: { testimonyId: input.testimonyId ?? null } });
    return row!.id;
  });
}

/**
 * Saves every field; a status becoming `published` goes through the publication rule after the
 * other fields are stored (so what is approved is what would be public). With four-eyes on, the
 * first moderator's save records an approval and the record stays as it was (`awaiting_second_approval`).
 * `version` is the record's version the editor was opened on: an edit of a stale record is refused.
 */
export async function updatePerson(
  db: Db,
  viewer: Viewer | null,
  personId: string,
  patch: PersonPatch,
  version: number,
): Promise<{ publication: PublicationOutcome | null }> {
  const actor = requirePermission(viewer, 'person.edit');
  let publication: PublicationOutcome | null = null;
  await audited(db, actor.userId, personId, 'person.edit', async (tx) => {
    const before = await lockPerson(tx, personId);
    const changed = (Object.keys(patch) as (keyof PersonPatch)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(patch[k]));
    // Verification is its own permission: it is what readers trust.
    if (changed.some((k) => k === 'verification' || k === 'verificationNote')) requirePermission(viewer, 'person.verify');
    const publishing = patch.status === 'published' && before.status !== 'published';
    const fresh = versioned(persons.version, version);
    const updated = await tx
      .update(persons)
      .set({ ...patch, status: publishing ? before.status : patch.status, version: fresh.bump })
      .where(and(eq(persons.id, personId), fresh.current))
      .returning({ id: persons.id });
    requireFresh(updated, 'form');
    await refreshNameSearch(tx, personId);
    if (publishing) publication = await unsafePublishPerson(tx, actor.userId, personId);
    const statusChanged = changed.includes('status') && (!publishing || publication === 'published');
    return { fields: statusChanged ? changed : changed.filter((k) => k !== 'status'), ...(statusChanged ? { from: before.status, to: patch.status } : {}), ...(publication ? { publication } : {}) };
  });
  return { publication };
}

export async function addAlias(db: Db, viewer: Viewer | null, input: { personId: string; name: string }): Promise<void> {
  const actor = requirePermission(viewer, 'person.edit');
  const name = input.name.trim();
  if (!name) throw new AppError('invalid_input', { fieldErrors: { name: 'required' } });
  await audited(db, actor.userId, input.personId, 'person.alias.add', async (tx) => {
    await lockPerson(tx, input.personId);
    const script = /[\u0600-\u06FF]/.test(name) ? 'fa' : 'latin';
    await tx.insert(personAliases).values({ personId: input.personId, name, script, normalized: normalizeName(name) });
    await refreshNameSearch(tx, input.personId);
  });
}

export async function removeAlias(db: Db, viewer: Viewer | null, input: { personId: string; aliasId: string }): Promise<void> {
  const actor = requirePermission(viewer, 'person.edit');
  await audited(db, actor.userId, input.personId, 'person.alias.remove', async (tx) => {
    await lockPerson(tx, input.personId);
    await tx.delete(personAliases).where(and(eq(personAliases.id, input.aliasId), eq(personAliases.personId, input.personId)));
    await refreshNameSearch(tx, input.personId);
    return { aliasId: input.aliasId };
  });
}

export async function addSource(db: Db, viewer: Viewer | null, input: { personId: string; url: string; title?: string | null }): Promise<void> {
  const actor = requirePermission(viewer, 'person.edit');
  // Public links only: http(s), so a source can never be a javascript: or data: URL.
  if (!/^https?:\/\/[^\s]+$/i.test(input.url.trim())) throw new AppError('invalid_input', { fieldErrors: { url: 'invalid' } });
  await audited(db, actor.userId, input.personId, 'person.source.add', async (tx) => {
    await lockPerson(tx, input.personId);
    await tx.insert(personSources).values({ personId: input.personId, url: input.url.trim(), title: input.title?.trim() || null });
  });
}

/**
 * Links or unlinks a testimony (never a draft: staff do not see drafts). Linking a public testimony
 * to a published person shows it on that person's page: the publication rule decides (four-eyes).
 */
export async function setTestimonyLink(db: Db, viewer: Viewer | null, input: { personId: string; testimonyId: string; linked: boolean }): Promise<{ publication: PublicationOutcome | null }> {
  const actor = requirePermission(viewer, 'person.edit');
  let publication: PublicationOutcome | null = null;
  await audited(db, actor.userId, input.personId, input.linked ? 'person.testimony.link' : 'person.testimony.unlink', async (tx) => {
    const person = await lockPerson(tx, input.personId);
    const [t] = await tx.select({ status: testimonies.status, consentPublish: testimonies.consentPublish, publishedRevisionId: testimonies.publishedRevisionId }).from(testimonies).where(eq(testimonies.id, input.testimonyId));
    if (!t || t.status === 'draft') throw new AppError('not_found');
    const showsPublicly = person.status === 'published' && !person.mergedIntoId && t.status === 'published' && t.consentPublish === 'public' && t.publishedRevisionId !== null;
    if (input.linked && showsPublicly) {
      publication = await approvePublication(tx, actor.userId, { kind: 'link', id: input.testimonyId, content: { personId: input.personId, revisionId: t.publishedRevisionId } });
      if (publication !== 'published') return { testimonyId: input.testimonyId, publication };
    }
    if (input.linked) await tx.insert(testimonyPersons).values({ testimonyId: input.testimonyId, personId: input.personId }).onConflictDoNothing();
    else await tx.delete(testimonyPersons).where(and(eq(testimonyPersons.testimonyId, input.testimonyId), eq(testimonyPersons.personId, input.personId)));
    return { testimonyId: input.testimonyId };
  });
  return { publication };
}
