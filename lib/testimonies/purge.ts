import 'server-only';
// Retention (PRODUCT.md §2.10), run by the job worker's housekeeping (lib/jobs/start.ts). Each
// sweep decides by age alone, never by who asks, so it needs no viewer:
// - drafts untouched for DRAFT_RETENTION_DAYS, and rejected or withdrawn testimonies unchanged for
//   CLOSED_RETENTION_DAYS, are deleted with everything hanging off them (revisions, links,
//   messages, notes and attachment rows cascade; stored files go by a media.delete job; persons
//   they proposed that nothing else points at go too);
// - form idempotency keys are forgotten after `idempotencyKeyDays`: they only guard retries.
import { and, eq, inArray, isNotNull, lt, notExists, sql } from 'drizzle-orm';
import { persons, testimonies, testimonyPersons, testimonyRevisions } from '@/db/schema';
import type { Db } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import { enqueueMediaDeletion } from '@/lib/media/delete';
import type { TestimonyStatus } from './lifecycle';

/** How long a form's idempotency key is remembered: a retry comes within minutes, not weeks. */
export const idempotencyKeyDays = 7;

const cutoffOf = (days: number, now: Date) => new Date(now.getTime() - days * 86_400_000);

export function purgeStaleDrafts(db: Db, days: number, now = new Date()): Promise<number> {
  return purgeTestimonies(db, ['draft'], cutoffOf(days, now), { action: 'testimony.purge_drafts', days });
}

/** Rejected and withdrawn material (a withdrawn published testimony left public view at once). */
export function purgeClosedTestimonies(db: Db, days: number, now = new Date()): Promise<number> {
  return purgeTestimonies(db, ['rejected', 'withdrawn'], cutoffOf(days, now), { action: 'testimony.purge_closed', days });
}

async function purgeTestimonies(db: Db, statuses: TestimonyStatus[], cutoff: Date, audit: { action: string; days: number }) {
  return db.transaction(async (tx) => {
    const stale = await tx
      .select({ id: testimonies.id })
      .from(testimonies)
      .where(and(inArray(testimonies.status, statuses), lt(testimonies.updatedAt, cutoff)))
      .for('update');
    const ids = stale.map((row) => row.id);
    if (ids.length === 0) return 0;
    const proposed = await tx
      .select({ id: persons.id })
      .from(persons)
      .innerJoin(testimonyPersons, eq(testimonyPersons.personId, persons.id))
      .where(and(inArray(testimonyPersons.testimonyId, ids), eq(persons.status, 'draft')));
    // The stored files go too (queued in this transaction, before the attachment rows cascade away).
    await enqueueMediaDeletion(tx, ids);
    const gone = await tx.delete(testimonies).where(inArray(testimonies.id, ids)).returning({ id: testimonies.id });
    if (proposed.length) {
      const orphan = notExists(tx.select().from(testimonyPersons).where(eq(testimonyPersons.personId, persons.id)));
      await tx.delete(persons).where(and(inArray(persons.id, proposed.map((p) => p.id)), eq(persons.status, 'draft'), orphan));
    }
    // One entry for the sweep, without ids: the testimonies' existence leaves no trace to read later.
    await appendAudit(tx, { actorId: null, action: audit.action, targetType: 'testimony', targetId: null, details: { count: gone.length, days: audit.days } });
    return gone.length;
  });
}

/** Forgets form tokens older than `idempotencyKeyDays` (by the row's creation time). */
export async function expireIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const cutoff = cutoffOf(idempotencyKeyDays, now);
  const drafts = await db
    .update(testimonies)
    .set({ idempotencyKey: null, updatedAt: sql`${testimonies.updatedAt}` }) // not a change: the retention clock keeps running
    .where(and(isNotNull(testimonies.idempotencyKey), lt(testimonies.createdAt, cutoff)))
    .returning({ id: testimonies.id });
  const revisions = await db
    .update(testimonyRevisions)
    .set({ idempotencyKey: null })
    .where(and(isNotNull(testimonyRevisions.idempotencyKey), lt(testimonyRevisions.createdAt, cutoff)))
    .returning({ id: testimonyRevisions.id });
  return drafts.length + revisions.length;
}
