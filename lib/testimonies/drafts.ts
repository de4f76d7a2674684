import 'server-only';
// Drafts live on the server under the account (PRODUCT.md §2.9): created once per start token,
// saved step by step, read back only by their owner.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import { collections, persons, testimonies } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { auditAppendStatement } from '@/lib/audit/append';
import { chooseOpenCollection } from '@/lib/collections/open';
import { AppError } from '@/lib/errors';
import { isPublicPerson } from '@/lib/memorial/visibility';
import { isUuid } from '@/lib/validation/uuid';
import type { DataStep } from '@/lib/validation/testimony';
import { requirePermission } from '@/lib/authz/guard';
import { editableSteps, unsafeOwnTestimony } from './access';
import { pickStepValues } from './draft-data';
import { newTestimonyKey, openDraft, sealDraft, testimonyKey, writableKey } from './sealed';

/**
 * Creates the viewer's draft for a start token, or returns the one that token already created: a
 * double click, a retry after a timeout or back-and-resubmit all land on one draft. The unique
 * (submitter, key) constraint decides a race; the loser reads the winner's row.
 */
export async function createDraft(
  db: Db,
  viewer: Viewer | null,
  input: { token: string; language: string; /** The collection's slug, from the start form or the address. */ collection?: string },
): Promise<{ id: string; created: boolean }> {
  const ownerId = requirePermission(viewer, 'testimony.submit').userId;
  // No collection yet (a new installation) or every one closed: `no_open_collection`; several open
  // and none chosen: a field error the start form shows. (A collection closed between this read and
  // the insert still takes the draft, as it did when both ran in one transaction: nothing locks it.)
  const collectionId = await chooseOpenCollection(db, input.collection);
  // The row and its audit entry in ONE statement (issue 21: a transaction of four round trips, two
  // of them under the audit chain's lock): atomic as a statement is, the entry appended only when
  // the row was inserted (not for a replayed token), after it. The id is chosen here, for the entry.
  const id = randomUUID();
  const insert = db
    .insert(testimonies)
    .values({ id, collectionId, submitterId: ownerId, idempotencyKey: input.token, language: input.language, dataKey: newTestimonyKey().wrapped })
    .onConflictDoNothing({ target: [testimonies.submitterId, testimonies.idempotencyKey] })
    .returning({ id: testimonies.id });
  const audit = auditAppendStatement([{ actorId: ownerId, action: 'testimony.create', targetType: 'testimony', targetId: id, details: {} }], new Date(), sql`exists (select 1 from created)`);
  const [row] = await queryRows<{ id: string | null }>(db, sql`with recursive created as (${insert.getSQL()}), ${audit} select (select id from created) as id, (select count(*) from audited) as audited`);
  if (row?.id) return { id: row.id, created: true };
  const [existing] = await db
    .select({ id: testimonies.id, language: testimonies.language, collectionId: testimonies.collectionId })
    .from(testimonies)
    .where(and(eq(testimonies.submitterId, ownerId), eq(testimonies.idempotencyKey, input.token)));
  // A key replayed with another body is not a retry of the same request: refused.
  if (!existing || existing.language !== input.language || existing.collectionId !== collectionId) throw new AppError('conflict');
  return { id: existing.id, created: false };
}

/** The viewer's testimony as the step pages need it, with which steps may still change. */
export async function getOwnDraft(db: Db, viewer: Viewer | null, testimonyId: string) {
  const ownerId = requirePermission(viewer, 'testimony.edit.own').userId;
  const row = await unsafeOwnTestimony(db, ownerId, testimonyId);
  return { id: row.id, status: row.status, draft: openDraft(testimonyKey(row), row.draft), editable: editableSteps(row.status), updatedAt: row.updatedAt };
}

/**
 * Saves one step's values into the working copy (as typed: a "save and continue later" keeps even
 * an unfinished step). Refused (`conflict`) once the status no longer lets that step change.
 *
 * Two round trips, no transaction (issue 21: a step was four statements): the row is read, and
 * written back only if it is still the version read (its `xmin`), so a save that raced another
 * (an autosave beside a post, a second tab) finds nothing to update and starts again from a fresh
 * read — no step's values are lost, as with the row lock. After a few lost races, or for a row
 * still in plaintext (before migration 0017), the save takes the row lock in a transaction.
 * Returns the steps the submitter may change (where "Save and continue" may lead).
 */
export async function saveDraftStep(db: Db, viewer: Viewer | null, input: { testimonyId: string; step: DataStep; values: Record<string, string | string[]> }): Promise<{ editable: readonly string[] }> {
  const ownerId = requirePermission(viewer, 'testimony.edit.own').userId;
  if (!isUuid(input.testimonyId)) throw new AppError('not_found');
  for (let attempt = 0; attempt < 3; attempt++) {
    const [row] = await db
      .select({ id: testimonies.id, status: testimonies.status, dataKey: testimonies.dataKey, draft: testimonies.draft, version: sql<string>`xmin::text` })
      .from(testimonies)
      .where(and(eq(testimonies.id, input.testimonyId), eq(testimonies.submitterId, ownerId)));
    if (!row) throw new AppError('not_found');
    if (!editableSteps(row.status).includes(input.step)) throw new AppError('conflict');
    const key = testimonyKey(row);
    if (!key) break;
    const draft = { ...openDraft(key, row.draft), [input.step]: pickStepValues(input.step, input.values) };
    const [saved] = await db
      .update(testimonies)
      .set({ draft: sealDraft(key, draft), updatedAt: new Date() })
      .where(and(eq(testimonies.id, row.id), eq(testimonies.submitterId, ownerId), sql`xmin = ${row.version}::xid`))
      .returning({ id: testimonies.id });
    if (saved) return { editable: editableSteps(row.status) };
  }
  return db.transaction(async (tx) => {
    const row = await unsafeOwnTestimony(tx, ownerId, input.testimonyId, { lock: true });
    const editable = editableSteps(row.status);
    if (!editable.includes(input.step)) throw new AppError('conflict');
    const draft = { ...openDraft(testimonyKey(row), row.draft), [input.step]: pickStepValues(input.step, input.values) };
    const key = await writableKey(tx, row);
    await tx.update(testimonies).set({ draft: sealDraft(key, draft), updatedAt: new Date() }).where(eq(testimonies.id, row.id));
    return { editable };
  });
}

/** The steps of the viewer's own testimony they may change now (someone else's is `not_found`). */
export async function ownEditableSteps(db: Db, viewer: Viewer | null, testimonyId: string): Promise<readonly string[]> {
  const ownerId = requirePermission(viewer, 'testimony.edit.own').userId;
  return editableSteps((await unsafeOwnTestimony(db, ownerId, testimonyId)).status);
}

/** Names of the published persons a draft points at (for showing the choice back). */
export async function publishedPersonsByIds(db: Db, rawIds: string[]) {
  const ids = rawIds.filter(isUuid);
  if (ids.length === 0) return [];
  return db
    .select({ id: persons.id, nameFa: persons.nameFa, nameLatin: persons.nameLatin, province: persons.province, city: persons.city, incidentDate: persons.incidentDate, incidentDatePrecision: persons.incidentDatePrecision })
    .from(persons)
    .where(and(inArray(persons.id, ids), isPublicPerson));
}

/** The collection (slug) of a published person: a testimony about them starts there when it is open. */
export async function personCollectionSlug(db: Db, personId: string): Promise<string | undefined> {
  if (!isUuid(personId)) return undefined;
  const [row] = await db
    .select({ slug: collections.slug })
    .from(persons)
    .innerJoin(collections, eq(collections.id, persons.collectionId))
    .where(and(eq(persons.id, personId), isPublicPerson));
  return row?.slug;
}
