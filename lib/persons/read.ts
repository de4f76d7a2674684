import 'server-only';
// Persons as staff see them (drafts and hidden ones included). DTOs only; every read checks
// `person.edit` itself (PRODUCT.md §2.5).
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { notes, personAliases, personSources, persons, publicationApprovals, testimonies, testimonyPersons, users } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { openRows } from '@/lib/crypto/sealed-text';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/uuid';
import { isLinkedPersonOf } from '@/lib/testimonies/linked-persons';
import { decodeCursor, encodeCursor, timeIdCursor } from '@/lib/pagination/cursor';
import { nameSearchCondition } from '@/lib/search/name-match';
import { requirePermission } from '@/lib/authz/guard';
import type { PersonPatch } from '@/lib/validation/person';

export type PersonStatus = 'draft' | 'published' | 'hidden';
export type StaffPersonSummary = { id: string; nameFa: string; nameLatin: string | null; status: PersonStatus; verification: string; age: number | null; city: string | null; merged: boolean };

export type StaffPersonQuery = {
  q?: string;
  status?: PersonStatus;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  limit?: number;
};

export const personPageSize = 50;

/**
 * Search by any spelling (lib/search/name-match), newest first, keyset-paginated on
 * (created_at, id) — the persons_created_at_id_idx order — so page N costs what page 1 costs.
 */
export async function listStaffPersons(db: Db, viewer: Viewer | null, query: StaffPersonQuery = {}): Promise<{ items: StaffPersonSummary[]; nextCursor: string | null }> {
  requirePermission(viewer, 'person.edit');
  const limit = Math.min(Math.max(query.limit ?? personPageSize, 1), 200);
  const conditions = [
    query.status ? eq(persons.status, query.status) : undefined,
    query.q ? nameSearchCondition(persons.nameSearch, query.q) ?? undefined : undefined,
  ];
  if (query.cursor) {
    const after = decodeCursor(timeIdCursor, query.cursor);
    if (!after) throw new AppError('invalid_input');
    conditions.push(sql`(${persons.createdAt}, ${persons.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  }
  const rows = await db
    .select({ id: persons.id, nameFa: persons.nameFa, nameLatin: persons.nameLatin, status: persons.status, verification: persons.verification, age: persons.age, city: persons.city, mergedIntoId: persons.mergedIntoId, cursorAt: sql<string>`${persons.createdAt}::text` })
    .from(persons)
    .where(and(...conditions))
    .orderBy(desc(persons.createdAt), desc(persons.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map(({ mergedIntoId, cursorAt: _, ...r }) => ({ ...r, merged: mergedIntoId !== null })),
    nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.cursorAt, page.at(-1)!.id]) : null,
  };
}

/** Everything the editor shows: every stored public field (lib/validation/person.ts), and more. */
export type StaffPerson = StaffPersonSummary &
  Omit<PersonPatch, 'status' | 'verification'> & {
    slug: string;
    aliases: { id: string; name: string; script: string }[];
    sources: { id: string; url: string; title: string | null }[];
    testimonies: { id: string; status: string }[];
    notes: { id: string; body: string; author: string | null; createdAt: Date }[];
    /** Four-eyes: moderators who approved publishing it (or a merge into a published person), waiting for a second. */
    pendingPublication: { moderator: string | null; byViewer: boolean; at: Date }[];
    /** The record's version, sent back with the editor (lib/concurrency/version.ts). */
    version: number;
  };

export async function getStaffPerson(db: Db, viewer: Viewer | null, personId: string): Promise<StaffPerson> {
  const actor = requirePermission(viewer, 'person.edit');
  if (!isUuid(personId)) throw new AppError('not_found');
  // Every read needs only the id: side by side (issue 21: three round trips in sequence).
  const [[p], aliases, sources, linked, noteRows, pending] = await Promise.all([
    db.select().from(persons).where(eq(persons.id, personId)),
    db.select({ id: personAliases.id, name: personAliases.name, script: personAliases.script }).from(personAliases).where(eq(personAliases.personId, personId)).orderBy(asc(personAliases.name)),
    db.select({ id: personSources.id, url: personSources.url, title: personSources.title }).from(personSources).where(eq(personSources.personId, personId)).orderBy(asc(personSources.createdAt)),
    db
      .select({ id: testimonies.id, status: testimonies.status })
      .from(testimonyPersons)
      .innerJoin(testimonies, eq(testimonies.id, testimonyPersons.testimonyId))
      // Drafts are the submitter's alone, even for staff.
      .where(and(eq(testimonyPersons.personId, personId), sql`${testimonies.status} <> 'draft'`)),
    db.select({ id: notes.id, body: notes.body, dataKey: notes.dataKey, author: users.username, createdAt: notes.createdAt }).from(notes).leftJoin(users, eq(users.id, notes.authorId)).where(eq(notes.personId, personId)).orderBy(asc(notes.createdAt)),
    pendingApprovals(db, [personId]),
  ]);
  if (!p) throw new AppError('not_found');
  return { ...editorFields(p, pending, actor.userId), aliases, sources, testimonies: linked, notes: openRows('note', noteRows) };
}

/** What the one person editor (components/moderation/person-form.tsx) shows and sends back. */
export type PersonEditorRecord = Omit<StaffPerson, 'aliases' | 'sources' | 'testimonies' | 'notes'>;

/**
 * The editor's record of every person testimony `testimonyId` concerns, for the review page's
 * editors (one per person): two statements for all of them (getStaffPerson reads six per person,
 * four of them things the review page does not show), read by the testimony's id alone, so the page
 * starts them beside the review (issue 21). None for a draft or an unknown id.
 */
export async function getPersonEditors(db: Db, viewer: Viewer | null, testimonyId: string): Promise<Map<string, PersonEditorRecord>> {
  const actor = requirePermission(viewer, 'person.edit');
  if (!isUuid(testimonyId)) return new Map();
  const [rows, pending] = await Promise.all([
    db.select().from(persons).where(isLinkedPersonOf(persons.id, testimonyId)),
    pendingApprovals(db, isLinkedPersonOf(publicationApprovals.targetId, testimonyId)),
  ]);
  return new Map(rows.map((p) => [p.id, editorFields(p, pending.filter((a) => a.targetId === p.id), actor.userId)]));
}

/** Four-eyes approvals of publishing these persons (ids, or a condition on the approval's target), or a merge into them, oldest first. */
function pendingApprovals(db: Db, personIds: string[] | SQL) {
  return db
    .select({ targetId: publicationApprovals.targetId, moderatorId: publicationApprovals.moderatorId, moderator: users.username, at: publicationApprovals.createdAt })
    .from(publicationApprovals)
    .leftJoin(users, eq(users.id, publicationApprovals.moderatorId))
    .where(and(inArray(publicationApprovals.kind, ['person', 'merge']), Array.isArray(personIds) ? inArray(publicationApprovals.targetId, personIds) : personIds))
    .orderBy(asc(publicationApprovals.createdAt));
}

function editorFields(p: typeof persons.$inferSelect, pending: { moderatorId: string | null; moderator: string | null; at: Date }[], viewerId: string): PersonEditorRecord {
  return {
    id: p.id, slug: p.slug, nameFa: p.nameFa, nameLatin: p.nameLatin, status: p.status, verification: p.verification, age: p.age, city: p.city, merged: p.mergedIntoId !== null,
    fatherNameFa: p.fatherNameFa, fatherNameLatin: p.fatherNameLatin, gender: p.gender, birthYear: p.birthYear, occupation: p.occupation,
    incidentDate: p.incidentDate, incidentDatePrecision: p.incidentDatePrecision, province: p.province, place: p.place, outcome: p.outcome, cause: p.cause,
    perpetrator: p.perpetrator, aftermath: p.aftermath as PersonPatch['aftermath'], verificationNote: p.verificationNote, sensitiveContent: p.sensitiveContent,
    version: p.version,
    pendingPublication: pending.map((a) => ({ moderator: a.moderator, byViewer: a.moderatorId === viewerId, at: a.at })),
  };
}
