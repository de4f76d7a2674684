'use server';
// Moderation actions. Each parses, then calls one checked function in lib/moderation (which checks
// the permission and the claim again itself) and, on success, redirects back to a page that
// re-renders from the database: the same flow with and without JavaScript.
import { refresh } from 'next/cache';
import { redirect, RedirectType, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { versionField } from '@/lib/concurrency/version';
import { claimNext, claimTestimony, releaseClaim } from '@/lib/moderation/claims';
import { publishTestimony, rejectReasons, rejectTestimony, requestChanges, type ApprovalOutcome } from '@/lib/moderation/decisions';
import { saveRedactionDraft } from '@/lib/moderation/redaction-save';
import { addTestimonyNote } from '@/lib/moderation/review';
import { currentAddressKey } from '@/lib/abuse/request';
import { sendStaffMessage } from '@/lib/messages';
import { messageBodySchema } from '@/lib/validation/message';

const locale = z.enum(['fa', 'en']).default('fa');
const target = z.object({ testimonyId: z.uuid(), locale });
const reviewPath = (l: string, id: string, suffix = '') => `/${l}/staff/testimonies/${id}${suffix}`;
/**
 * Where a decision or a post leads: the page with what was done in its query (shown there as a
 * status message, with or without JavaScript). Never only a new `#hash` on the same page: the
 * client takes that for a scroll and keeps the page it has, without the new message or note.
 */
const decided = (l: string, id: string, outcome: string) => reviewPath(l, id, `?decided=${outcome}#decided`);
const text = z.string().trim().min(1, 'required').max(100_000, 'invalid');
/** Ticked boxes: one value, several, or none (absent from the post). */
const ticks = z.union([z.string(), z.array(z.string())]).default([]).transform((v) => [v].flat());
/** What the moderator confirmed the checks found is not identifying (`start:end` in the text to publish). */
const notIdentifying = ticks;

/** After "Approve and publish" (lib/moderation/decisions.ts revalidates the public pages after its commit). */
function afterApproval(l: string, id: string, { outcome, visibility }: { outcome: ApprovalOutcome; visibility?: string }): never {
  // A first approval under four-eyes leaves the item to someone else: back to the queue of those awaiting a second one.
  if (outcome === 'awaiting_second_approval') redirect(`/${l}/staff?status=awaiting_approval&decided=approved#decided`);
  // Published says whether readers can now find it (or why not: documentation only, no public person).
  redirect(decided(l, id, visibility ?? outcome));
}

export const claimNextAction = defineAction({
  name: 'moderation.claimNext',
  schema: z.object({ locale }),
  access: { permission: 'moderation.claim' },
  handler: async (input, { viewer, db }) => {
    const claimed = await claimNext(db, viewer);
    if (!claimed) return { empty: true };
    redirect(reviewPath(input.locale, claimed.testimonyId));
  },
});

export const claimAction = defineAction({
  name: 'moderation.claim',
  schema: target.extend({ takeover: z.enum(['yes']).optional() }),
  access: { permission: 'moderation.claim' },
  handler: async (input, { viewer, db }) => {
    await claimTestimony(db, viewer, { testimonyId: input.testimonyId, takeover: input.takeover === 'yes' });
    redirect(reviewPath(input.locale, input.testimonyId));
  },
});

export const releaseAction = defineAction({
  name: 'moderation.release',
  schema: target,
  access: { permission: 'moderation.claim' },
  handler: async (input, { viewer, db }) => {
    await releaseClaim(db, viewer, { testimonyId: input.testimonyId });
    redirect(`/${input.locale}/staff`);
  },
});

export const requestChangesAction = defineAction({
  name: 'moderation.requestChanges',
  schema: target.extend({ message: messageBodySchema }),
  access: { permission: 'moderation.decide' },
  keep: ['message'],
  handler: async (input, { viewer, db }) => {
    await requestChanges(db, viewer, input);
    redirect(decided(input.locale, input.testimonyId, 'changes_requested'));
  },
});

export const rejectAction = defineAction({
  name: 'moderation.reject',
  // A final decision: the moderator ticks that they mean it (works without JavaScript).
  schema: target.extend({ reason: z.enum(rejectReasons, 'required'), note: z.string().trim().max(5000, 'invalid').default(''), confirm: z.enum(['yes'], 'confirmReject') }),
  access: { permission: 'moderation.decide' },
  keep: ['note', 'reason'],
  handler: async (input, { viewer, db }) => {
    await rejectTestimony(db, viewer, input);
    redirect(decided(input.locale, input.testimonyId, 'rejected'));
  },
});

/**
 * The redaction form (components/moderation/redaction-form.tsx), one form for its three buttons, so
 * that each sends the text in the box as it is on screen: "Redact the ticked items" (`apply`)
 * applies the ticked suggestions to that text, "Save and update the preview" (`edit`) saves it, and
 * "Approve and publish" (`publish`) publishes the saved text only if the box still holds it — else
 * nothing is done and the typed text stays in the box (lib/moderation/redaction-save.ts). No redirect
 * after a save: the answer carries the page re-rendered from the database (`refresh`), so the text
 * box and the preview show the saved text at once; a redirect to the same page and `#preview` is a
 * hash-only navigation on the client, which kept the old text on screen (issue 15). A refused save
 * on a stale text refreshes too: the current saved text is shown beside the typed one, re-based on
 * it; `restore=yes` confirms bringing back words the saved text removed.
 */
export const saveRedactionAction = defineAction({
  name: 'moderation.saveRedaction',
  schema: target.extend({
    revisionId: z.uuid(),
    version: versionField,
    mode: z.enum(['apply', 'edit', 'publish']),
    span: ticks,
    redactedNarrative: z.string().max(100_000, 'invalid').default(''),
    restore: z.enum(['yes']).optional(),
    notIdentifying,
  }),
  // Publishing checks `moderation.decide` too, in lib/moderation/decisions.ts.
  access: { permission: 'moderation.redact' },
  keep: ['redactedNarrative', 'mode'],
  handler: async (input, { viewer, db }) => {
    const common = { testimonyId: input.testimonyId, revisionId: input.revisionId, version: input.version, redactedNarrative: input.redactedNarrative };
    try {
      if (input.mode === 'publish') afterApproval(input.locale, input.testimonyId, await publishTestimony(db, viewer, { ...common, notIdentifying: input.notIdentifying }));
      const spans = input.span.map((s) => s.split(':').map(Number)).filter(([a, b]) => Number.isInteger(a) && Number.isInteger(b)).map(([start, end]) => ({ start: start!, end: end! }));
      await saveRedactionDraft(db, viewer, { ...common, mode: input.mode, spans, restore: input.restore === 'yes' });
    } catch (error) {
      // Refused: the page shows the saved text (and the box what was typed) as the database has them now.
      unstable_rethrow(error);
      refresh();
      throw error;
    }
    refresh();
    return { saved: true };
  },
});

/** The second approval under four-eyes: the text approved first, as its preview showed it. */
export const publishAction = defineAction({
  name: 'moderation.publish',
  schema: target.extend({ revisionId: z.uuid(), version: versionField, redactedNarrative: text, notIdentifying }),
  access: { permission: 'moderation.decide' },
  handler: async (input, { viewer, db }) => afterApproval(input.locale, input.testimonyId, await publishTestimony(db, viewer, input)),
});

export const addNoteAction = defineAction({
  name: 'moderation.addNote',
  schema: target.extend({ body: messageBodySchema }),
  access: { permission: 'note.write' },
  keep: ['body'],
  handler: async (input, { viewer, db }) => {
    const noteId = await addTestimonyNote(db, viewer, input);
    redirect(reviewPath(input.locale, input.testimonyId, `?noted=${noteId}#notes`), RedirectType.replace);
  },
});

export const sendMessageAction = defineAction({
  name: 'moderation.sendMessage',
  schema: target.extend({ body: messageBodySchema }),
  access: { permission: 'message.send' },
  keep: ['body'],
  handler: async (input, { viewer, db }) => {
    const result = await sendStaffMessage(db, viewer, input, await currentAddressKey());
    if (result.status === 'refused') return { refused: result.reason };
    // The message's id makes each answer a page of its own (see `decided`), the thread read anew.
    redirect(reviewPath(input.locale, input.testimonyId, `?sent=${result.messageId}#messages`), RedirectType.replace);
  },
});
