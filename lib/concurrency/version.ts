// Optimistic concurrency for staff edits (issue 15): an edit form carries the version of the
// record it was opened on; the write is `UPDATE … SET version = version + 1 WHERE id = $1 AND
// version = $2` (./update.ts), and zero rows means someone saved in between. Then nothing is
// written and the form says "changed since you opened it" next to the field, showing the current
// value while keeping what was typed. One rule for every edited record (redaction drafts, person
// records). This half is client-safe: the forms' schemas and components use it.
import { z } from 'zod';

/** The `Validation` key shown next to a field whose record changed since the form was opened. */
export const staleKey = 'changedSinceOpened';

/**
 * The `Validation` key shown next to a text to publish that brings back words removed in the saved
 * one (lib/moderation/decisions.ts): saved only once the moderator confirms it.
 */
export const restoredKey = 'redactionRestored';

/**
 * The `Validation` key shown next to a text to publish that differs from the saved one when the
 * moderator pressed "Approve and publish": only the saved, previewed text is ever published.
 */
export const unsavedKey = 'unsavedChanges';

/** Whether an action's answer is the refusal of a text bringing back removed words in `field`. */
export function isRestored(state: { status: string; fieldErrors?: Record<string, string> }, field: string): boolean {
  return state.status === 'error' && state.fieldErrors?.[field] === restoredKey;
}

/** The hidden form field holding the version (a non-negative integer, posted as a string). */
export const versionField = z.coerce.number().int('invalid').min(0, 'invalid');

/** Whether an action's answer is the refusal of a stale edit of `field`. */
export function isStale(state: { status: string; fieldErrors?: Record<string, string> }, field: string): boolean {
  return state.status === 'error' && state.fieldErrors?.[field] === staleKey;
}
