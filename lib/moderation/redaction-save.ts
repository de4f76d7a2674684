import 'server-only';
// The text to publish before publication: the moderator's saved draft (encrypted, like the text it
// was made from) and the rules every save and every "Approve and publish" share — one rule in one
// place. A redaction is never lost without the moderator seeing it: a form opened on an older
// version is refused with its text re-based on the saved one, a text that brings back a removed run
// is refused unless the moderator says it is on purpose, and only the saved text — the one whose
// preview the page showed — can be published (lib/moderation/decisions.ts).
import { and, eq } from 'drizzle-orm';
import { testimonies, testimonyApprovals, testimonyRevisions } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import { requireFresh, versioned } from '@/lib/concurrency/update';
import { restoredKey, staleKey, unsavedKey } from '@/lib/concurrency/version';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { openField, openNarrative, sealNarrative, writableKey } from '@/lib/testimonies/sealed';
import { requirePermission } from '@/lib/authz/guard';
import { applyTicked, carryRedactions, restoredSpans, shownRedaction } from './carry-redactions';
import { requireHolder } from './claims';
import { creditCheckKey, looksLikeFullName } from './credit-check';
import { suggestionKey, suggestRedactions } from './redaction';

type Key = Awaited<ReturnType<typeof writableKey>>;

/** A revision's text to publish, read under a row lock: it stays what it is until the caller commits. */
export type LockedRedaction = {
  /** The text as sent. */
  original: string;
  /** The moderator's saved draft, or null before the first save. */
  saved: string | null;
  version: number;
  /** What the review page shows in the box and the preview (lib/moderation/review.ts). */
  shown: string;
  /** For an edit of a published testimony: the published revision's text and its redaction. */
  published: { original: string; redacted: string | null } | null;
};

/** Checks nothing about who asks (`unsafe`): for saveRedactionDraft and publishTestimony. */
export async function unsafeLockRedaction(tx: Tx, key: Key, revisionId: string, publishedRevisionId: string | null): Promise<LockedRedaction> {
  const [revision] = await tx
    .select({ narrative: testimonyRevisions.narrative, draft: testimonyRevisions.redactionDraft, redacted: testimonyRevisions.redactedNarrative, version: testimonyRevisions.redactionVersion })
    .from(testimonyRevisions)
    .where(eq(testimonyRevisions.id, revisionId))
    .for('update');
  const [published] = publishedRevisionId
    ? await tx.select({ narrative: testimonyRevisions.narrative, redacted: testimonyRevisions.redactedNarrative }).from(testimonyRevisions).where(eq(testimonyRevisions.id, publishedRevisionId))
    : [];
  const original = openNarrative(key, revision!.narrative);
  const saved = revision!.draft ? openNarrative(key, revision!.draft) : null;
  const before = published ? { original: openNarrative(key, published.narrative), redacted: published.redacted } : null;
  return { original, saved, version: revision!.version, shown: shownRedaction({ original, draft: saved, redacted: revision!.redacted }, before) ?? original, published: before };
}

/** Line breaks as the browser posts them (CRLF) or stores them: one text is the same text. */
const normalized = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/**
 * A form opened on `version` while the saved text is at another one (another tab, another moderator
 * saved meanwhile) is refused (`conflict`), and given back `typed` re-based on the saved text —
 * everything that save removed removed again — to check and send again.
 */
export function requireCurrentVersion(locked: LockedRedaction, version: number, typed: string): void {
  if (locked.version === version) return;
  const rebased = locked.saved === null ? typed : carryRedactions(locked.original, locked.saved, typed);
  throw new AppError('conflict', { fieldErrors: { redactedNarrative: staleKey }, values: { redactedNarrative: rebased } });
}

/**
 * "Approve and publish" publishes the saved text the preview was rendered from, never a text typed
 * since: a box that differs from it is refused (`unsaved_changes`), the typed text given back to
 * the box, to save and check in the preview first. Returns the text to publish.
 */
export function requireSavedText(locked: LockedRedaction, typed: string): string {
  if (normalized(typed) !== normalized(locked.shown)) {
    throw new AppError('unsaved_changes', { fieldErrors: { redactedNarrative: unsavedKey }, values: { redactedNarrative: typed } });
  }
  return locked.shown.trim();
}

/**
 * What the automatic checks still find in a text to publish (a phone number, an address…) may be
 * published only when the moderator confirmed each item (`confirmed`: the items' `start:end` in
 * the text) is not identifying; otherwise `identifying_details`. Returns how many were confirmed.
 */
export function requireIdentifyingConfirmed(text: string, confirmed: readonly string[], refuse = false): number {
  const remaining = suggestRedactions(text);
  if (refuse || remaining.some((s) => !confirmed.includes(suggestionKey(s)))) {
    throw new AppError('identifying_details', { fieldErrors: { notIdentifying: 'confirmNotIdentifying' } });
  }
  return remaining.length;
}

/**
 * The checks a text passes before readers get it — the one rule for "Approve and publish" and for a
 * correction of a published text (lib/moderation/correction.ts): when the testimony is to be public,
 * every item the automatic checks find in `text` is refused (`identifying_details`) unless the
 * moderator ticked it "not identifying" (`notIdentifying`: `start:end` in `text`). Returns how many
 * were ticked, for the audit entry of the change that makes it public.
 */
export async function requirePublishChecks(tx: Tx, target: { testimonyId: string; key: Key }, text: string, notIdentifying: readonly string[]): Promise<number> {
  const [consent] = await tx
    .select({ publish: testimonies.consentPublish, credit: testimonies.consentCredit, encrypted: testimonies.creditNameEncrypted, plain: testimonies.creditName })
    .from(testimonies)
    .where(eq(testimonies.id, target.testimonyId));
  if (consent?.publish !== 'public') return 0;
  // The credit is public text too: a chosen name that reads like a full name is published only on
  // the moderator's tick (they may shorten it or take it back to the relationship or anonymous).
  const name = consent.credit === 'chosen_name' ? openField(target.key, 'creditName', { encrypted: consent.encrypted, plain: consent.plain }) : null;
  const credit = looksLikeFullName(name) ? 1 : 0;
  const unticked = credit > 0 && !notIdentifying.includes(creditCheckKey);
  if (unticked) requireIdentifyingConfirmed(text, notIdentifying, true);
  return requireIdentifyingConfirmed(text, notIdentifying) + credit;
}

/**
 * A save of the text to publish, the text in the moderator's box (`redactedNarrative`) as it is
 * (`edit`), or with the suggestions ticked applied to it (`apply`: `spans` are the ticked
 * suggestions' places in the text as sent). `restore`: the moderator confirmed bringing back
 * words the saved text had removed.
 */
export type RedactionSave = { mode: 'edit' | 'apply'; redactedNarrative: string; spans?: readonly { start: number; end: number }[]; restore?: boolean };

/**
 * Stores the moderator's text to publish on the revision under review, so the preview is rendered
 * from exactly what will be published. Never on the published revision: that text is public, and
 * changing it is a publication of its own. A stale form is refused with its text re-based; a text
 * that brings back a run removed in the saved text is refused (`redaction_restored`, naming the
 * runs) unless `restore` — except what unticking a suggestion brings back, which is asked for.
 */
export async function saveRedactionDraft(db: Db, viewer: Viewer | null, input: { testimonyId: string; revisionId: string; version: number } & RedactionSave): Promise<void> {
  const actor = requirePermission(viewer, 'moderation.redact');
  if (!input.redactedNarrative.trim()) throw new AppError('invalid_input', { fieldErrors: { redactedNarrative: 'required' } });
  await db.transaction(async (tx) => {
    await requireHolder(tx, actor, input.testimonyId);
    const [t] = await tx.select({ current: testimonies.currentRevisionId, published: testimonies.publishedRevisionId, dataKey: testimonies.dataKey, language: testimonies.language }).from(testimonies).where(eq(testimonies.id, input.testimonyId));
    if (!t?.current || t.current !== input.revisionId || t.current === t.published) throw new AppError('conflict');
    // Once approved (four-eyes), the text waiting for the second approval is fixed.
    if (await approved(tx, t.current)) throw new AppError('conflict');
    const key = await writableKey(tx, { id: input.testimonyId, dataKey: t.dataKey });
    const locked = await unsafeLockRedaction(tx, key, t.current, null);
    const box = input.redactedNarrative.trim();
    const suggestions = suggestRedactions(locked.original);
    const ticked = suggestions.filter((s) => input.spans?.some((p) => p.start === s.start && p.end === s.end));
    const redacted = input.mode === 'apply' ? applyTicked(locked.original, box, suggestions, ticked, t.language) : box;
    requireCurrentVersion(locked, input.version, redacted);
    // Brought back by the box itself, not by unticking a suggestion (which asks for it).
    const restored = locked.saved === null ? [] : restoredSpans(locked.original, locked.saved, redacted).filter((run) => box.includes(run));
    if (restored.length > 0 && !input.restore) {
      throw new AppError('redaction_restored', { fieldErrors: { redactedNarrative: restoredKey }, values: { redactedNarrative: box, restored: JSON.stringify(restored) } });
    }
    const version = versioned(testimonyRevisions.redactionVersion, input.version);
    const updated = await tx
      .update(testimonyRevisions)
      .set({ redactionDraft: sealNarrative(key, redacted), redactionVersion: version.bump })
      .where(and(eq(testimonyRevisions.id, t.current), version.current))
      .returning({ id: testimonyRevisions.id });
    requireFresh(updated, 'redactedNarrative');
    const restoredCount = locked.saved === null ? 0 : restoredSpans(locked.original, locked.saved, redacted).length;
    await appendAudit(tx, {
      actorId: actor.userId,
      action: 'testimony.redaction.save',
      targetType: 'testimony',
      targetId: input.testimonyId,
      // How many removed runs were brought back on purpose (never which: the words stay out of the log).
      details: { revisionId: t.current, redactedLength: redacted.length, version: input.version + 1, mode: input.mode, ...(restoredCount ? { restoredRuns: restoredCount } : {}) },
    });
  });
}

/** Whether the revision has a four-eyes approval (its text to publish is then fixed). */
async function approved(tx: Tx, revisionId: string): Promise<boolean> {
  const [row] = await tx.select({ at: testimonyApprovals.createdAt }).from(testimonyApprovals).where(eq(testimonyApprovals.revisionId, revisionId)).limit(1);
  return !!row;
}
