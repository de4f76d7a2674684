import 'server-only';
// Merging duplicate person records, and undoing a merge. The merge entry in the audit log records
// exactly what moved (testimony links, aliases, the names added as aliases), so the undo restores
// both records from the tamper-evident log rather than from a guess.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { auditEntries, personAliases, persons, testimonyPersons } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/uuid';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { nameSearchText, normalizeName } from '@/lib/search/normalize';
import { approvePublication, type PublicationOutcome } from '@/lib/moderation/publication';
import { requirePermission } from '@/lib/authz/guard';
import { unsafePersonPublicContent } from './publish';

type MergeRecord = { sourceId: string; targetId: string; movedTestimonies: string[]; droppedLinks: string[]; movedAliases: string[]; addedAliases: string[] };

async function lockBoth(tx: Tx, a: string, b: string) {
  if (![a, b].every(isUuid) || a === b) throw new AppError('not_found');
  // Always in id order, so two opposite merges at once wait instead of deadlocking.
  const rows = await tx.select().from(persons).where(inArray(persons.id, [a, b])).orderBy(persons.id).for('update');
  const source = rows.find((r) => r.id === a);
  const target = rows.find((r) => r.id === b);
  if (!source || !target) throw new AppError('not_found');
  return { source, target };
}

async function refreshNameSearch(tx: Tx, personId: string) {
  const [p] = await tx.select({ nameFa: persons.nameFa, nameLatin: persons.nameLatin }).from(persons).where(eq(persons.id, personId));
  const aliases = await tx.select({ name: personAliases.name }).from(personAliases).where(eq(personAliases.personId, personId));
  await tx.update(persons).set({ nameSearch: nameSearchText([p!.nameFa, p!.nameLatin, ...aliases.map((a) => a.name)]) }).where(eq(persons.id, personId));
}

/** Merges `sourceId` into `targetId`: its testimonies and aliases move, its names become aliases. */
/**
 * Into a published person, a merge shows the duplicate's names and testimonies on a public page:
 * it goes through the publication rule (four-eyes), and waits for a second moderator when needed.
 */
export async function mergePersons(db: Db, viewer: Viewer | null, input: { sourceId: string; targetId: string }): Promise<{ outcome: PublicationOutcome }> {
  const actor = requirePermission(viewer, 'person.merge');
  const outcome = await db.transaction(async (tx): Promise<PublicationOutcome> => {
    const { source, target } = await lockBoth(tx, input.sourceId, input.targetId);
    if (source.mergedIntoId || target.mergedIntoId) throw new AppError('conflict');
    if (target.status === 'published') {
      const content = { targetId: target.id, source: await unsafePersonPublicContent(tx, source.id) };
      const decided = await approvePublication(tx, actor.userId, { kind: 'merge', id: source.id, content });
      if (decided !== 'published') return decided;
    }
    const links = await tx.select({ testimonyId: testimonyPersons.testimonyId }).from(testimonyPersons).where(eq(testimonyPersons.personId, source.id));
    const onTarget = new Set((await tx.select({ testimonyId: testimonyPersons.testimonyId }).from(testimonyPersons).where(eq(testimonyPersons.personId, target.id))).map((l) => l.testimonyId));
    const movedTestimonies = links.map((l) => l.testimonyId).filter((id) => !onTarget.has(id));
    const droppedLinks = links.map((l) => l.testimonyId).filter((id) => onTarget.has(id));
    if (movedTestimonies.length) await tx.update(testimonyPersons).set({ personId: target.id }).where(and(eq(testimonyPersons.personId, source.id), inArray(testimonyPersons.testimonyId, movedTestimonies)));
    await tx.delete(testimonyPersons).where(eq(testimonyPersons.personId, source.id));
    const movedAliases = (await tx.update(personAliases).set({ personId: target.id }).where(eq(personAliases.personId, source.id)).returning({ id: personAliases.id })).map((a) => a.id);
    const names = [source.nameFa, source.nameLatin].filter((n): n is string => !!n && n !== target.nameFa && n !== target.nameLatin);
    const addedAliases = names.length
      ? (await tx.insert(personAliases).values(names.map((name) => ({ personId: target.id, name, script: /[\u0600-\u06FF]/.test(name) ? 'fa' : 'latin', normalized: normalizeName(name) }))).returning({ id: personAliases.id })).map((a) => a.id)
      : [];
    await tx.update(persons).set({ mergedIntoId: target.id }).where(eq(persons.id, source.id));
    await refreshNameSearch(tx, target.id);
    await refreshNameSearch(tx, source.id);
    const record: MergeRecord = { sourceId: source.id, targetId: target.id, movedTestimonies, droppedLinks, movedAliases, addedAliases };
    await appendAudit(tx, { actorId: actor.userId, action: 'person.merge', targetType: 'person', targetId: source.id, details: record });
    return 'published';
  });
  if (outcome === 'published') revalidatePublicData();
  return { outcome };
}

/** Restores both persons as they were before the last merge of `sourceId`. */
export async function undoMerge(db: Db, viewer: Viewer | null, input: { sourceId: string }): Promise<void> {
  const actor = requirePermission(viewer, 'person.merge');
  await db.transaction(async (tx) => {
    const [entry] = await tx
      .select({ details: auditEntries.details })
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'person.merge'), eq(auditEntries.targetId, input.sourceId), sql`${auditEntries.details}->>'sourceId' = ${input.sourceId}`))
      .orderBy(desc(auditEntries.id))
      .limit(1);
    if (!entry) throw new AppError('not_found');
    const record = entry.details as MergeRecord;
    const { source } = await lockBoth(tx, record.sourceId, record.targetId);
    if (source.mergedIntoId !== record.targetId) throw new AppError('conflict');
    if (record.movedTestimonies.length) await tx.update(testimonyPersons).set({ personId: source.id }).where(and(eq(testimonyPersons.personId, record.targetId), inArray(testimonyPersons.testimonyId, record.movedTestimonies)));
    if (record.droppedLinks.length) await tx.insert(testimonyPersons).values(record.droppedLinks.map((testimonyId) => ({ testimonyId, personId: source.id }))).onConflictDoNothing();
    if (record.movedAliases.length) await tx.update(personAliases).set({ personId: source.id }).where(inArray(personAliases.id, record.movedAliases));
    if (record.addedAliases.length) await tx.delete(personAliases).where(inArray(personAliases.id, record.addedAliases));
    await tx.update(persons).set({ mergedIntoId: null }).where(eq(persons.id, source.id));
    await refreshNameSearch(tx, record.targetId);
    await refreshNameSearch(tx, source.id);
    await appendAudit(tx, { actorId: actor.userId, action: 'person.unmerge', targetType: 'person', targetId: source.id, details: { targetId: record.targetId } });
  });
  revalidatePublicData();
}
