// Views of protected material (PRODUCT.md §2.7): a staff member opening an unpublished narrative or
// a review, downloading an original, opening a message thread. One entry per view, naming who,
// which record and what kind of view — never the content seen (no narrative, no message, no name).
// (Contact e-mail addresses are shown to no staff member: lib/auth/account-email.ts opens them for
// their owner and the mail job only, so there is no such view to record.)
// The entries form the `view` action family, so the audit-log page filters them with `action=view`.
// No `server-only`: the export (a job) records its own reads through the same function.
import type { Db } from '../../db/types';
import { appendAuditAlone } from './append';

/** The action family of every view entry (`view.review`, `view.original`, ...). */
export const viewActionFamily = 'view';

export const viewActions = {
  /** The review screen of a testimony: its narrative, revisions, consent, notes. */
  review: 'view.review',
  /** A testimony's original file as received, opened for staff. */
  original: 'view.original',
  /** A moderators-only file (its metadata-free copy), opened for staff. */
  file: 'view.file',
  /** A testimony's message thread, on the staff side. */
  thread: 'view.thread',
} as const;
export type ViewKind = keyof typeof viewActions;

/** Only ids, enum values and counts: nothing a reader of the log could learn the content from. */
export type ViewDetails = Record<string, string | number | boolean | null>;

export type ViewInput = {
  actorId: string;
  kind: ViewKind;
  targetType: 'testimony' | 'attachment';
  targetId: string;
  details?: ViewDetails;
};

const safeValue = /^[\w.:-]{0,64}$/;

/** Appends the view's entry in a statement of its own (a read has no other change to commit with). */
export async function recordView(db: Db, input: ViewInput): Promise<void> {
  for (const [key, value] of Object.entries(input.details ?? {})) {
    // A guard against a caller passing content by mistake: details are short tokens only.
    if (typeof value === 'string' && !safeValue.test(value)) throw new Error(`view detail ${key} is not a short token`);
  }
  await appendAuditAlone(db, { actorId: input.actorId, action: viewActions[input.kind], targetType: input.targetType, targetId: input.targetId, details: input.details ?? {} });
}
