import 'server-only';
// The three decisions of a review (PRODUCT.md §4): request changes, reject, approve and publish.
// Each is one transaction: the holder check, the lifecycle move (with its audit entry), the note
// to the submitter, the redacted text. Only the moderator holding the claim may decide; the
// lifecycle refuses anyone's own testimony and the loser of a race (`conflict`).
import { and, eq, inArray } from 'drizzle-orm';
import { messages, persons, testimonies, testimonyPersons, testimonyRevisions } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { transitionTestimony } from '@/lib/testimonies/lifecycle';
import { requireStaffPermission } from '@/lib/users/guard';
import { requireHolder } from './claims';

/** What moderators choose from (the older enum values are legacy; see db/schema/testimonies.ts). */
export const rejectReasons = ['duplicate', 'out_of_scope', 'not_credible', 'spam', 'unsafe'] as const;
export type RejectReason = (typeof rejectReasons)[number];

const released = { claimedBy: null, claimedAt: null };

/** The note goes into the thread whatever `may_contact` says: a decision is always told. */
async function tellSubmitter(tx: Tx, testimonyId: string, authorId: string, body: string) {
  const text = body.trim();
  if (text) await tx.insert(messages).values({ testimonyId, authorId, body: text });
}

export async function requestChanges(db: Db, viewer: Viewer | null, input: { testimonyId: string; message: string }): Promise<void> {
  const actor = requireStaffPermission(viewer, 'moderation.decide');
  if (!input.message.trim()) throw new AppError('invalid_input', { fieldErrors: { message: 'required' } });
  await db.transaction(async (tx) => {
    await requireHolder(tx, actor, input.testimonyId);
    await transitionTestimony(tx, { testimonyId: input.testimonyId, event: 'requestChanges', actorId: actor.userId, set: released });
    await tellSubmitter(tx, input.testimonyId, actor.userId, input.message);
  });
}

export async function rejectTestimony(db: Db, viewer: Viewer | null, input: { testimonyId: string; reason: RejectReason; note: string }): Promise<void> {
  const actor = requireStaffPermission(viewer, 'moderation.decide');
  if (!rejectReasons.includes(input.reason)) throw new AppError('invalid_input', { fieldErrors: { reason: 'invalid' } });
  await db.transaction(async (tx) => {
    await requireHolder(tx, actor, input.testimonyId);
    await transitionTestimony(tx, {
      testimonyId: input.testimonyId,
      event: 'reject',
      actorId: actor.userId,
      set: { ...released, rejectReason: input.reason },
      details: { reason: input.reason },
    });
    await tellSubmitter(tx, input.testimonyId, actor.userId, input.note);
  });
}

/**
 * Approves the current revision with the moderator's redacted text and publishes it. The public
 * projection shows only `redacted_narrative` of `published_revision_id`, with the submitter's
 * consent applied there (credit, portrait, exact place, documentation-only), so nothing here can
 * publish more than the submitter allowed. Draft persons the testimony concerns are confirmed
 * with it (the moderator has reviewed them on the same screen); hidden persons stay hidden.
 */
export async function publishTestimony(
  db: Db,
  viewer: Viewer | null,
  input: { testimonyId: string; redactedNarrative: string; revisionId: string },
): Promise<void> {
  const actor = requireStaffPermission(viewer, 'moderation.decide');
  requireStaffPermission(viewer, 'moderation.redact');
  const redacted = input.redactedNarrative.trim();
  if (!redacted) throw new AppError('invalid_input', { fieldErrors: { redactedNarrative: 'required' } });
  const changed = await db.transaction(async (tx) => {
    await requireHolder(tx, actor, input.testimonyId);
    const [t] = await tx.select({ currentRevisionId: testimonies.currentRevisionId }).from(testimonies).where(eq(testimonies.id, input.testimonyId));
    // The moderator redacted the revision they were shown; a newer one arriving meanwhile must be reviewed anew.
    if (!t?.currentRevisionId || t.currentRevisionId !== input.revisionId) throw new AppError('conflict');
    await tx.update(testimonyRevisions).set({ redactedNarrative: redacted }).where(eq(testimonyRevisions.id, t.currentRevisionId));
    const now = new Date();
    const move = await transitionTestimony(tx, {
      testimonyId: input.testimonyId,
      event: 'publish',
      actorId: actor.userId,
      set: { ...released, publishedAt: now, publishedRevisionId: t.currentRevisionId },
      details: { revisionId: t.currentRevisionId, redactedLength: redacted.length },
    });
    const linked = tx.select({ id: testimonyPersons.personId }).from(testimonyPersons).where(eq(testimonyPersons.testimonyId, input.testimonyId));
    await tx
      .update(persons)
      .set({ status: 'published', publishedAt: now })
      .where(and(eq(persons.status, 'draft'), inArray(persons.id, linked)));
    return move.publicChanged;
  });
  if (changed) revalidatePublicData();
}

/**
 * Stores the moderator's redacted text on the revision under review, before publication, so the
 * preview is rendered from exactly what will be published. Never on the published revision: that
 * text is public, and changing it is a publication of its own.
 */
export async function saveRedactionDraft(db: Db, viewer: Viewer | null, input: { testimonyId: string; revisionId: string; redactedNarrative: string }): Promise<void> {
  const actor = requireStaffPermission(viewer, 'moderation.redact');
  const redacted = input.redactedNarrative.trim();
  if (!redacted) throw new AppError('invalid_input', { fieldErrors: { redactedNarrative: 'required' } });
  await db.transaction(async (tx) => {
    await requireHolder(tx, actor, input.testimonyId);
    const [t] = await tx.select({ current: testimonies.currentRevisionId, published: testimonies.publishedRevisionId }).from(testimonies).where(eq(testimonies.id, input.testimonyId));
    if (!t?.current || t.current !== input.revisionId || t.current === t.published) throw new AppError('conflict');
    await tx.update(testimonyRevisions).set({ redactedNarrative: redacted }).where(eq(testimonyRevisions.id, t.current));
    await appendAudit(tx, { actorId: actor.userId, action: 'testimony.redaction.save', targetType: 'testimony', targetId: input.testimonyId, details: { revisionId: t.current, redactedLength: redacted.length } });
  });
}
