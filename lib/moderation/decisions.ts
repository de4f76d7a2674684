import 'server-only';
// The three decisions of a review (PRODUCT.md §4): request changes, reject, approve and publish.
// Each is one transaction: the decider check, the lifecycle move (with its audit entry), the note
// to the submitter, the redacted text. Only the moderator holding the claim may decide, except on
// an item waiting for its second approval (four-eyes), which nobody holds; the lifecycle refuses
// anyone's own testimony and the loser of a race (`conflict`). A published testimony's newer
// revision is decided the same way, while the published revision stays public.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { messages, persons, testimonies, testimonyApprovals, testimonyPersons, testimonyRevisions } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { sealText } from '@/lib/crypto/sealed-text';
import { AppError } from '@/lib/errors';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { publishedVisibility, type PublishedVisibility } from '@/lib/memorial/visibility';
import { readSetting } from '@/lib/settings';
import { transitionTestimony } from '@/lib/testimonies/lifecycle';
import { sealNarrative, writableKey } from '@/lib/testimonies/sealed';
import { requirePermission } from '@/lib/authz/guard';
import { restoredSpans } from './carry-redactions';
import { hasRevisionInReview, unsafeLockRow, requireHolder } from './claims';
import { requireCurrentVersion, requirePublishChecks, requireSavedText, unsafeLockRedaction, type LockedRedaction } from './redaction-save';
import { decidePublication } from './publication';
import { publicCityOf } from './public-place';

/** What moderators choose from (the older enum values are legacy; see db/schema/testimonies.ts). */
export const rejectReasons = ['duplicate', 'out_of_scope', 'not_credible', 'spam', 'unsafe'] as const;
export type RejectReason = (typeof rejectReasons)[number];

const released = { claimedBy: null, claimedAt: null };

/** The note goes into the thread whatever `may_contact` says: a decision is always told. */
async function tellSubmitter(tx: Tx, testimonyId: string, authorId: string, body: string) {
  const text = body.trim();
  if (text) await tx.insert(messages).values({ testimonyId, authorId, ...sealText('message', text) });
}

/** Approvals already given to a revision, oldest first. */
async function approvalsOf(tx: Tx | Db, revisionId: string) {
  return tx
    .select({ moderatorId: testimonyApprovals.moderatorId, createdAt: testimonyApprovals.createdAt })
    .from(testimonyApprovals)
    .where(eq(testimonyApprovals.revisionId, revisionId))
    .orderBy(asc(testimonyApprovals.createdAt));
}

/**
 * Who may decide now: on an item waiting for a second approval, any moderator who did not write
 * it (nobody holds it); otherwise only the holder of the claim. Returns the locked row, whether it
 * is a published testimony's newer revision, and the approvals its current revision has.
 */
async function requireDecider(tx: Tx, actor: Viewer, testimonyId: string) {
  const row = await unsafeLockRow(tx, testimonyId);
  if (row.submitterId === actor.userId) throw new AppError('own_testimony');
  const revision = hasRevisionInReview(row);
  const approvals = row.currentRevisionId && (row.status === 'awaiting_approval' || revision) ? await approvalsOf(tx, row.currentRevisionId) : [];
  if (approvals.length === 0) await requireHolder(tx, actor, testimonyId);
  return { row, revision, approvals };
}

export async function requestChanges(db: Db, viewer: Viewer | null, input: { testimonyId: string; message: string }): Promise<void> {
  const actor = requirePermission(viewer, 'moderation.decide');
  if (!input.message.trim()) throw new AppError('invalid_input', { fieldErrors: { message: 'required' } });
  await db.transaction(async (tx) => {
    const { revision } = await requireDecider(tx, actor, input.testimonyId);
    // An edit of a published testimony is approved or declined (with a note); the public revision
    // never goes back to the submitter.
    if (revision) throw new AppError('conflict');
    await transitionTestimony(tx, { testimonyId: input.testimonyId, event: 'requestChanges', actorId: actor.userId, set: released });
    await tellSubmitter(tx, input.testimonyId, actor.userId, input.message);
  });
}

/** Rejecting an edit of a published testimony keeps the published revision, public as before. */
export async function rejectTestimony(db: Db, viewer: Viewer | null, input: { testimonyId: string; reason: RejectReason; note: string }): Promise<void> {
  const actor = requirePermission(viewer, 'moderation.decide');
  if (!rejectReasons.includes(input.reason)) throw new AppError('invalid_input', { fieldErrors: { reason: 'invalid' } });
  await db.transaction(async (tx) => {
    const { row, revision } = await requireDecider(tx, actor, input.testimonyId);
    await transitionTestimony(tx, {
      testimonyId: input.testimonyId,
      event: revision ? 'rejectRevision' : 'reject',
      actorId: actor.userId,
      set: revision ? { ...released, currentRevisionId: row.publishedRevisionId } : { ...released, rejectReason: input.reason },
      details: { reason: input.reason, revisionId: row.currentRevisionId },
    });
    await tellSubmitter(tx, input.testimonyId, actor.userId, input.note);
  });
}

export type ApprovalOutcome = 'published' | 'awaiting_second_approval' | 'already_approved';

/**
 * The submitter's edit is written from their own text, in which every word removed from the
 * published one is still there: refused while one of those words is back in the text to publish
 * (lib/moderation/carry-redactions.ts; the review screen starts from the text with them removed).
 */
function requireRedactionsKept(locked: LockedRedaction, text: string) {
  const published = locked.published;
  if (published?.redacted && restoredSpans(published.original, published.redacted, text).length > 0) throw new AppError('redaction_restored');
}

/**
 * "Approve and publish" the current revision with the moderator's redacted text. With four-eyes
 * on, the first approval is recorded (with the text approved) and the testimony waits; a second,
 * different moderator's approval publishes exactly that text, and only if the page they approved
 * from showed it (else `conflict`). The same moderator approving twice changes nothing.
 *
 * The public projection shows only `redacted_narrative` of `published_revision_id`, with the
 * submitter's consent applied there (credit, portrait, exact place, documentation-only), so
 * nothing here can publish more than the submitter allowed. Draft persons the testimony concerns
 * are confirmed with it (the moderator has reviewed them on the same screen); hidden ones stay hidden.
 */
export async function publishTestimony(
  db: Db,
  viewer: Viewer | null,
  input: {
    testimonyId: string;
    revisionId: string;
    /** The text in the moderator's box and the version of the saved text the page was opened on. */
    redactedNarrative: string;
    version: number;
    /** What the checks still find in the text that the moderator confirmed is not identifying (`start:end`). */
    notIdentifying?: readonly string[];
  },
): Promise<{ outcome: ApprovalOutcome; /** Once published: whether readers can find it, or why not. */ visibility?: PublishedVisibility }> {
  const actor = requirePermission(viewer, 'moderation.decide');
  requirePermission(viewer, 'moderation.redact');
  if (!input.redactedNarrative.trim()) throw new AppError('invalid_input', { fieldErrors: { redactedNarrative: 'required' } });
  const result = await db.transaction(async (tx) => {
    const { row, revision, approvals } = await requireDecider(tx, actor, input.testimonyId);
    const revisionId = row.currentRevisionId;
    // The moderator decided on the revision they were shown; a newer one arriving meanwhile must be reviewed anew.
    if (!revisionId || revisionId !== input.revisionId) throw new AppError('conflict');
    const approve = () => tx.insert(testimonyApprovals).values({ testimonyId: input.testimonyId, revisionId, moderatorId: actor.userId });
    // The redaction stays encrypted until it is published (a first approval only fixes the draft).
    const key = await writableKey(tx, { id: input.testimonyId, dataKey: row.dataKey });
    const locked = await unsafeLockRedaction(tx, key, revisionId, revision ? row.publishedRevisionId : null);
    // What is published (or approved first) is exactly the saved text whose preview the page showed
    // (under four-eyes, the text approved first): never an older one (a stale tab), never a newer
    // one typed since and not saved.
    requireCurrentVersion(locked, input.version, input.redactedNarrative);
    const redacted = requireSavedText(locked, input.redactedNarrative);
    // An edit of a published testimony never brings back what was removed from the published text.
    if (revision) requireRedactionsKept(locked, redacted);
    // What the checks still find is public only item by item, on the moderator's word.
    const confirmed = await requirePublishChecks(tx, { testimonyId: input.testimonyId, key }, redacted, input.notIdentifying ?? []);
    const checked = confirmed > 0 ? { confirmedNotIdentifying: confirmed } : {};
    // The one publication rule: a revision already approved once waits for a different moderator
    // even if four-eyes was switched off meanwhile.
    const fourEyes = approvals.length > 0 || (await readSetting(tx, 'four_eyes'));
    const outcome = decidePublication({ fourEyes, approvedBy: approvals.map((a) => a.moderatorId), actorId: actor.userId });
    if (outcome === 'already_approved') return { outcome, changed: false };
    if (outcome === 'awaiting_second_approval') {
      await tx.update(testimonyRevisions).set({ redactionDraft: sealNarrative(key, redacted) }).where(eq(testimonyRevisions.id, revisionId));
      await approve();
      await transitionTestimony(tx, {
        testimonyId: input.testimonyId,
        event: revision ? 'approveRevision' : 'approve',
        actorId: actor.userId,
        set: released,
        details: { revisionId, redactedLength: redacted.length, ...checked },
      });
      return { outcome, changed: false };
    }
    if (approvals.length > 0) await approve();

    const now = new Date();
    const linked = tx.select({ id: testimonyPersons.personId }).from(testimonyPersons).where(eq(testimonyPersons.testimonyId, input.testimonyId));
    await tx
      .update(persons)
      .set({ status: 'published', publishedAt: now })
      .where(and(eq(persons.status, 'draft'), inArray(persons.id, linked)));
    // The place shown without consent to the exact one, fixed now as the preview showed it.
    const about = await tx.select({ id: persons.id, status: persons.status, city: persons.city, mergedIntoId: persons.mergedIntoId }).from(persons).where(inArray(persons.id, linked));
    // Published: the text in the clear (public, and indexed for search), the draft no longer needed.
    await tx.update(testimonyRevisions).set({ redactedNarrative: redacted, redactionDraft: null, publicCity: publicCityOf(about) }).where(eq(testimonyRevisions.id, revisionId));
    const move = await transitionTestimony(tx, {
      testimonyId: input.testimonyId,
      event: revision ? 'publishRevision' : 'publish',
      actorId: actor.userId,
      set: { ...released, publishedRevisionId: revisionId, ...(revision ? {} : { publishedAt: now }) },
      details: { revisionId, redactedLength: redacted.length, approvedBy: [...approvals.map((a) => a.moderatorId), actor.userId], ...checked },
    });
    // What the moderator is told it did: published on the memorial, or accepted without being public.
    const [shown] = await tx.select({ visibility: publishedVisibility }).from(testimonies).where(eq(testimonies.id, input.testimonyId));
    return { outcome: 'published' as const, changed: move.publicChanged, visibility: shown!.visibility };
  });
  if (result.changed) revalidatePublicData();
  return result.outcome === 'published' ? { outcome: result.outcome, visibility: result.visibility } : { outcome: result.outcome };
}
