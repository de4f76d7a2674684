import 'server-only';
// After publication (walk finding B): a moderator who finds something identifying in a published
// testimony can take it down at once (PRODUCT.md §4, "unpublish (safety takedown)"), or correct its
// redaction. Any moderator who did not submit it may, without a claim: a takedown cannot wait for a
// holder. Both are one transaction with their audit entry; the public data version moves with the
// commit (database triggers), so every public page, the API, the feed and the mirror follow at once.
//
// A correction is a new revision: the published one's fields with the corrected text, which
// replaces it as the published revision (and as the current one unless the submitter's edit is
// waiting, which is then checked against the corrected text when it is published). The replaced
// revision's public text, which held what the correction removes, is sealed like a draft (and so
// leaves the search index). The rules of the redaction box apply: the form names the published
// revision it was opened on, and a correction made on one replaced meanwhile is refused with the
// typed text re-based on the newer one (stale tab); bringing back removed words is refused unless
// confirmed (`redaction_restored`); taking words out applies at once, new words go through the
// publication rule (four-eyes).
import { eq, max } from 'drizzle-orm';
import { testimonies, testimonyRevisions } from '@/db/schema';
import type { Db } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { requirePermission } from '@/lib/authz/guard';
import { restoredKey, staleKey } from '@/lib/concurrency/version';
import { AppError } from '@/lib/errors';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { transitionTestimony } from '@/lib/testimonies/lifecycle';
import { openNarrative, sealNarrative, writableKey } from '@/lib/testimonies/sealed';
import { carryRedactions, restoredSpans } from './carry-redactions';
import { hasRevisionInReview, unsafeLockRow } from './claims';
import { approvePublication, type PublicationOutcome } from './publication';
import { isUuid } from '@/lib/validation/uuid';
import { onlyRemovesWords } from './redaction';
import { requirePublishChecks } from './redaction-save';

/** Takes a published testimony off every public page at once; the submitter is told (lifecycle). */
export async function unpublishTestimony(db: Db, viewer: Viewer | null, input: { testimonyId: string }): Promise<void> {
  const actor = requirePermission(viewer, 'moderation.decide');
  if (!isUuid(input.testimonyId)) throw new AppError('not_found');
  // The lifecycle refuses the submitter and anything not published. A pending edit's claim goes
  // with it: nothing is reviewed on a testimony taken down.
  const move = await db.transaction((tx) => transitionTestimony(tx, { testimonyId: input.testimonyId, event: 'unpublish', actorId: actor.userId, set: { claimedBy: null, claimedAt: null } }));
  if (move.publicChanged) revalidatePublicData();
}

export type Correction = {
  testimonyId: string;
  /** The published revision the moderator's form showed (the stale-tab check). */
  publishedRevisionId: string;
  redactedNarrative: string;
  /** The moderator ticked "this replaces the public text now". */
  confirmed: boolean;
  /** The moderator confirmed bringing back words the published text had removed. */
  restore?: boolean;
  /** What the checks find in the corrected text that the moderator ticked "not identifying" (`start:end`). */
  notIdentifying?: readonly string[];
};

/** `revision`: the number of the corrected revision readers now see (none when nothing changed). */
export async function correctPublishedRedaction(db: Db, viewer: Viewer | null, input: Correction): Promise<{ publication: PublicationOutcome; revision?: number }> {
  const actor = requirePermission(viewer, 'moderation.redact');
  requirePermission(viewer, 'moderation.decide');
  const redacted = input.redactedNarrative.trim();
  if (!redacted) throw new AppError('invalid_input', { fieldErrors: { redactedNarrative: 'required' } });
  const result = await db.transaction(async (tx) => {
    const row = await unsafeLockRow(tx, input.testimonyId);
    if (row.submitterId === actor.userId) throw new AppError('own_testimony');
    if (row.status !== 'published' || !row.publishedRevisionId) throw new AppError('conflict');
    const key = await writableKey(tx, { id: input.testimonyId, dataKey: row.dataKey });
    const [shown] = await tx.select().from(testimonyRevisions).where(eq(testimonyRevisions.id, row.publishedRevisionId));
    const original = openNarrative(key, shown!.narrative);
    const published = shown!.redactedNarrative ?? '';
    if (row.publishedRevisionId !== input.publishedRevisionId) {
      throw new AppError('conflict', { fieldErrors: { redactedNarrative: staleKey }, values: { redactedNarrative: carryRedactions(original, published, redacted) } });
    }
    const restored = restoredSpans(original, published, redacted);
    if (restored.length > 0 && !input.restore) {
      throw new AppError('redaction_restored', { fieldErrors: { redactedNarrative: restoredKey }, values: { redactedNarrative: redacted, restored: JSON.stringify(restored) } });
    }
    if (redacted === published) {
      if (!input.confirmed) throw new AppError('invalid_input', { fieldErrors: { confirmed: 'confirmCorrection' }, values: { redactedNarrative: redacted } });
      return { publication: 'published' as const, changed: false, revision: undefined };
    }
    // Exactly the checks "Approve and publish" passes, before anything is public (walk finding: a
    // phone number added in a correction went public, and "still contains" showed only after).
    const checked = await requirePublishChecks(tx, { testimonyId: input.testimonyId, key }, redacted, input.notIdentifying ?? []).catch((error: unknown) => {
      throw error instanceof AppError ? new AppError(error.code, { fieldErrors: error.fieldErrors, values: { redactedNarrative: redacted } }) : error;
    });
    if (!input.confirmed) throw new AppError('invalid_input', { fieldErrors: { confirmed: 'confirmCorrection' }, values: { redactedNarrative: redacted } });
    // New words (or words brought back) are a publication of their own: four-eyes decides.
    if (!onlyRemovesWords(published, redacted)) {
      const publication = await approvePublication(tx, actor.userId, { kind: 'correction', id: input.testimonyId, content: { revisionId: row.publishedRevisionId, text: redacted } });
      if (publication !== 'published') return { publication, changed: false, revision: undefined };
    }
    const [{ last }] = (await tx.select({ last: max(testimonyRevisions.number) }).from(testimonyRevisions).where(eq(testimonyRevisions.testimonyId, input.testimonyId))) as [{ last: number | null }];
    const { id: _id, number: _number, redactedNarrative: _text, redactionDraft: _draft, redactionVersion: _version, createdBy: _by, idempotencyKey: _key, createdAt: _at, publicSearch: _search, ...fields } = shown!;
    const [corrected] = await tx
      .insert(testimonyRevisions)
      .values({ ...fields, number: (last ?? 0) + 1, redactedNarrative: redacted, createdBy: actor.userId })
      .returning({ id: testimonyRevisions.id, number: testimonyRevisions.number });
    // Readers switch to the corrected text in this statement; the replaced text is sealed after it.
    await tx
      .update(testimonies)
      .set({ publishedRevisionId: corrected!.id, ...(hasRevisionInReview(row) ? {} : { currentRevisionId: corrected!.id }) })
      .where(eq(testimonies.id, input.testimonyId));
    await tx.update(testimonyRevisions).set({ redactedNarrative: null, redactionDraft: sealNarrative(key, published) }).where(eq(testimonyRevisions.id, row.publishedRevisionId));
    // Lengths and revision numbers, never the words: the log must not keep what was taken out.
    await appendAudit(tx, {
      actorId: actor.userId,
      action: 'testimony.redaction.correct',
      targetType: 'testimony',
      targetId: input.testimonyId,
      details: { replacedRevision: shown!.number, revision: corrected!.number, redactedLength: redacted.length, ...(restored.length ? { restoredRuns: restored.length } : {}), ...(checked ? { confirmedNotIdentifying: checked } : {}) },
    });
    return { publication: 'published' as const, changed: true, revision: corrected!.number };
  });
  if (result.changed) revalidatePublicData();
  return { publication: result.publication, revision: result.revision };
}
