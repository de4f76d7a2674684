import 'server-only';
// The ownership rule of the submitter's side, in one place (ENGINEERING.md pattern 4): every read
// or write of a testimony by its submitter goes through `unsafeOwnTestimony`, which filters by the
// owner inside the query (`unsafe`: the owner id is the caller's to check, with `requirePermission`
// of lib/authz/guard.ts). Someone else's testimony and an id that never existed are the same `not_found`.
import { and, eq } from 'drizzle-orm';
import { testimonies } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { AppError } from '@/lib/errors';
import { submitSteps, type SubmitStep } from '@/lib/validation/testimony-options';
import { isUuid } from '@/lib/validation/uuid';

/** The owner's testimony row (locked when `lock`), or `not_found`; `ownerId` is trusted as given. */
export async function unsafeOwnTestimony(db: DbOrTx, ownerId: string, testimonyId: string, options: { lock?: boolean } = {}) {
  if (!isUuid(testimonyId)) throw new AppError('not_found');
  const query = db
    .select()
    .from(testimonies)
    .where(and(eq(testimonies.id, testimonyId), eq(testimonies.submitterId, ownerId)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found');
  return row;
}

export type OwnTestimonyRow = Awaited<ReturnType<typeof unsafeOwnTestimony>>;

/**
 * Which steps the submitter may change, by status: everything while a draft or when moderators
 * asked for changes; only the account itself once published (a new revision that goes to review
 * while the published one stays). Consent and persons of a published testimony change through
 * moderators, so nothing public can change without review. Otherwise (in review, decided,
 * withdrawn) nothing.
 */
export function editableSteps(status: OwnTestimonyRow['status']): readonly string[] {
  if (status === 'draft' || status === 'changes_requested') return ['about', 'account', 'files', 'consent', 'review'];
  if (status === 'published') return ['account', 'review'];
  return [];
}

/**
 * Where "Save and continue" leads from `step`: the next step the submitter may change, in the
 * form's order, else the review. Not simply the next step: an edit of a published testimony may
 * change only its account, and the step after it (files) would send the page back to the first
 * editable step — the account again, as if nothing had been saved.
 */
export function nextEditableStep(editable: readonly string[], step: SubmitStep): SubmitStep {
  return submitSteps.slice(submitSteps.indexOf(step) + 1).find((s) => editable.includes(s)) ?? 'review';
}
