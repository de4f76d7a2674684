import 'server-only';
// Claims: one moderator holds a testimony under review at a time (PRODUCT.md §1). A claim expires
// after CLAIM_MINUTES; an expired or explicitly taken-over claim moves to the new moderator and
// the takeover is audited, so nobody can quietly act on an item someone else was reading.
// A published testimony whose submitter edited it is claimed the same way; it stays published
// (and public) while its newer revision is under review.
import { and, asc, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { testimonies, testimonyApprovals } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { env } from '@/lib/env.mjs';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/uuid';
import { transitionTestimony } from '@/lib/testimonies/lifecycle';
import { requirePermission } from '@/lib/authz/guard';

/** A claim this old (or older) no longer holds. */
export function claimExpiry(now = new Date()): Date {
  return new Date(now.getTime() - env().CLAIM_MINUTES * 60_000);
}

export type ClaimResult = { testimonyId: string; takenOverFrom: string | null };

type Held = {
  status: string;
  submitterId: string;
  claimedBy: string | null;
  claimedAt: Date | null;
  currentRevisionId: string | null;
  publishedRevisionId: string | null;
  /** The testimony's wrapped data key (lib/testimonies/sealed.ts), for decisions that write text. */
  dataKey: string | null;
};

/** Published, with a newer revision from its submitter waiting for review. */
export function hasRevisionInReview(row: Pick<Held, 'status' | 'currentRevisionId' | 'publishedRevisionId'>): boolean {
  return row.status === 'published' && !!row.currentRevisionId && row.currentRevisionId !== row.publishedRevisionId;
}

/** The same rule in SQL, for the queue and "claim next". */
export const revisionInReviewSql = sql`(${testimonies.status} = 'published' and ${testimonies.currentRevisionId} <> ${testimonies.publishedRevisionId})`;

/** Held by someone: in review, or a published testimony's newer revision under review. */
function isHeldState(row: Held): boolean {
  return row.status === 'in_review' || hasRevisionInReview(row);
}

/** The testimony's row, locked for the caller's transaction; drafts are `not_found`. Checks nothing about who asks (`unsafe`): the caller has, with lib/authz/guard.ts. */
export async function unsafeLockRow(tx: Tx, testimonyId: string): Promise<Held> {
  if (!isUuid(testimonyId)) throw new AppError('not_found');
  const [row] = await tx
    .select({
      status: testimonies.status,
      submitterId: testimonies.submitterId,
      claimedBy: testimonies.claimedBy,
      claimedAt: testimonies.claimedAt,
      currentRevisionId: testimonies.currentRevisionId,
      publishedRevisionId: testimonies.publishedRevisionId,
      dataKey: testimonies.dataKey,
    })
    .from(testimonies)
    .where(eq(testimonies.id, testimonyId))
    .for('update');
  if (!row || row.status === 'draft') throw new AppError('not_found');
  return row;
}

/**
 * Claims a testimony: a submitted one moves to in_review (lifecycle), the holder's own claim is
 * renewed, and someone else's is taken over only when it expired or `takeover` is asked for.
 * A live claim of another moderator without `takeover` is a `conflict`.
 */
export async function claimTestimony(db: Db, viewer: Viewer | null, input: { testimonyId: string; takeover?: boolean }): Promise<ClaimResult> {
  const actor = requirePermission(viewer, 'moderation.claim');
  return db.transaction(async (tx) => {
    const row = await unsafeLockRow(tx, input.testimonyId);
    if (row.submitterId === actor.userId) throw new AppError('own_testimony');
    const now = new Date();
    const unheldRevision = hasRevisionInReview(row) && !row.claimedBy;
    if (row.status === 'submitted' || unheldRevision) {
      const event = unheldRevision ? 'claimRevision' : 'claim';
      await transitionTestimony(tx, { testimonyId: input.testimonyId, event, actorId: actor.userId, set: { claimedBy: actor.userId, claimedAt: now } });
      return { testimonyId: input.testimonyId, takenOverFrom: null };
    }
    if (!isHeldState(row)) throw new AppError('conflict');
    if (row.claimedBy === actor.userId) {
      await tx.update(testimonies).set({ claimedAt: now }).where(eq(testimonies.id, input.testimonyId));
      return { testimonyId: input.testimonyId, takenOverFrom: null };
    }
    const expired = !row.claimedBy || !row.claimedAt || row.claimedAt <= claimExpiry(now);
    if (!expired && !input.takeover) throw new AppError('conflict');
    await tx.update(testimonies).set({ claimedBy: actor.userId, claimedAt: now }).where(eq(testimonies.id, input.testimonyId));
    await appendAudit(tx, {
      actorId: actor.userId,
      action: 'testimony.takeover',
      targetType: 'testimony',
      targetId: input.testimonyId,
      details: { previousHolder: row.claimedBy, expired },
    });
    return { testimonyId: input.testimonyId, takenOverFrom: row.claimedBy };
  });
}

/**
 * Claims the oldest submitted testimony nobody holds (or whose claim expired) that the viewer did
 * not write. `FOR UPDATE SKIP LOCKED`: two moderators pressing "claim next" at the same moment
 * get two different testimonies, never the same one, and neither waits for the other.
 */
export async function claimNext(db: Db, viewer: Viewer | null): Promise<ClaimResult | null> {
  const actor = requirePermission(viewer, 'moderation.claim');
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: testimonies.id, status: testimonies.status, claimedBy: testimonies.claimedBy })
      .from(testimonies)
      .where(
        and(
          or(
            eq(testimonies.status, 'submitted'),
            and(eq(testimonies.status, 'in_review'), lt(testimonies.claimedAt, claimExpiry())),
            // An edited published testimony nobody holds, not already waiting for a second approval.
            and(
              revisionInReviewSql,
              or(isNull(testimonies.claimedBy), lt(testimonies.claimedAt, claimExpiry())),
              sql`not exists (select 1 from ${testimonyApprovals} a where a.revision_id = ${testimonies.currentRevisionId})`,
            ),
          ),
          ne(testimonies.submitterId, actor.userId),
          sql`${testimonies.submittedAt} is not null`,
        ),
      )
      .orderBy(asc(testimonies.submittedAt), asc(testimonies.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return null;
    const now = new Date();
    if (next.status === 'submitted' || (next.status === 'published' && !next.claimedBy)) {
      const event = next.status === 'submitted' ? 'claim' : 'claimRevision';
      await transitionTestimony(tx, { testimonyId: next.id, event, actorId: actor.userId, set: { claimedBy: actor.userId, claimedAt: now } });
      return { testimonyId: next.id, takenOverFrom: null };
    }
    await tx.update(testimonies).set({ claimedBy: actor.userId, claimedAt: now }).where(eq(testimonies.id, next.id));
    await appendAudit(tx, { actorId: actor.userId, action: 'testimony.takeover', targetType: 'testimony', targetId: next.id, details: { previousHolder: next.claimedBy, expired: true } });
    return { testimonyId: next.id, takenOverFrom: next.claimedBy };
  });
}

/** Gives a testimony back to the queue. Only its holder may (others take it over instead). */
export async function releaseClaim(db: Db, viewer: Viewer | null, input: { testimonyId: string }): Promise<void> {
  const actor = requirePermission(viewer, 'moderation.claim');
  await db.transaction(async (tx) => {
    const row = await requireHolder(tx, actor, input.testimonyId);
    const event = row.status === 'published' ? 'releaseRevision' : 'release';
    await transitionTestimony(tx, { testimonyId: input.testimonyId, event, actorId: actor.userId, set: { claimedBy: null, claimedAt: null } });
  });
}

/**
 * Inside a decision's transaction: the testimony (or its newer revision) is under review and the
 * viewer holds it. An expired claim still counts while nobody else took it (the holder was only slow).
 */
export async function requireHolder(tx: Tx, actor: Viewer, testimonyId: string): Promise<Held> {
  const row = await unsafeLockRow(tx, testimonyId);
  if (row.submitterId === actor.userId) throw new AppError('own_testimony');
  if (!isHeldState(row) || row.claimedBy !== actor.userId) throw new AppError('conflict');
  return row;
}
