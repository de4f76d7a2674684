import 'server-only';
// The submission journey's three form posts (start, a step, submit) as the data layer's work and
// the address each leads to: one place for what app/[locale]/(submit)/submit/actions.ts runs inside
// Next (defineAction) and what lib/submission/post-answer.ts runs for the same posts without
// JavaScript outside Next's page pipeline (issue 21). Authorization, idempotency, the challenge and
// the limits are the data layer's (lib/testimonies); nothing here decides them.
import { z } from 'zod';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import type { Access } from '@/lib/authz/access';
import { createDraft, nextEditableStep, ownEditableSteps, publishedPersonsByIds, saveDraftStep, submitTestimony } from '@/lib/testimonies';
import { isDataStep, startSchema, stepEnvelope, stepFields, stepSchemas, submitSteps } from '@/lib/validation/testimony';

/** Every step's fields: echoed back when a step post is refused (defineAction's `keep`). */
export const allStepFields = [...new Set(Object.values(stepFields).flat())];

export const journeyAccess = {
  start: { permission: 'testimony.submit' },
  saveStep: { permission: 'testimony.edit.own' },
  submit: { permission: 'testimony.submit' },
} as const satisfies Record<string, Access>;

export { startSchema };

/** Any step: the envelope is parsed here, the step's own fields by the handler (saved even when invalid). */
export const saveStepSchema = z.looseObject({ ...stepEnvelope.shape, step: z.enum(submitSteps) });

export const submitSchema = z.object({ draftId: z.uuid(), locale: z.enum(['fa', 'en']), token: startSchema.shape.token });

/** Starts (or, for the same form token, finds again) a draft; the address of its first step. */
export async function startSubmission(db: Db, viewer: Viewer | null, input: z.output<typeof startSchema>): Promise<string> {
  const { id, created } = await createDraft(db, viewer, { token: input.token, language: input.locale, collection: input.collection || undefined });
  // Only a published person can be named this way; anything else starts an empty draft.
  const [person] = created && input.person ? await publishedPersonsByIds(db, [input.person]) : [];
  if (person) await saveDraftStep(db, viewer, { testimonyId: id, step: 'about', values: { personId: person.id } });
  return `/${input.locale}/submit/${id}/about`;
}

/**
 * Saves a step (what was typed, finished or not: nothing is lost to a validation error), then,
 * for "continue", checks the step with `check` (which throws the typed refusal). `saved` runs
 * between the two (the action's router refresh). The address to go to, or the autosave's time.
 */
export async function saveSubmissionStep(
  db: Db,
  viewer: Viewer | null,
  input: z.output<typeof saveStepSchema>,
  raw: Record<string, string | string[]>,
  check: <S extends z.ZodType>(schema: S, value: unknown) => z.output<S>,
  saved: () => void = () => {},
): Promise<{ location: string } | { savedAt: string }> {
  const { draftId, locale, intent, step } = input;
  let editable: readonly string[] | undefined;
  if (isDataStep(step)) {
    ({ editable } = await saveDraftStep(db, viewer, { testimonyId: draftId, step, values: raw }));
    saved();
    if (intent === 'next') check(stepSchemas[step], raw);
  }
  if (intent === 'autosave') return { savedAt: new Date().toISOString() };
  if (intent === 'later') return { location: `/${locale}/my-testimonies?saved=1` };
  // The person search is a button of the step's own form, so that without JavaScript it carries
  // what she typed about someone not in the memorial (issue 18: a GET search of its own wiped it):
  // saved, then the step again with the results.
  if (intent === 'search') {
    const q = input.q?.trim();
    return { location: `/${locale}/submit/${draftId}/${step}${q ? `?q=${encodeURIComponent(q)}` : ''}` };
  }
  // The next step this testimony lets its submitter change (an edit of a published one: the review).
  const next = nextEditableStep(editable ?? (await ownEditableSteps(db, viewer, draftId)), step);
  return { location: `/${locale}/submit/${draftId}/${next}` };
}

/** Submits the draft through the form's gate (challenge, proof of work, trap) and the limits. */
export async function sendSubmission(
  db: Db,
  viewer: Viewer | null,
  input: z.output<typeof submitSchema>,
  gate: { challenge: string; proof: string; trap: string },
  addressKey: string,
): Promise<{ location: string; publicChanged: boolean }> {
  const result = await submitTestimony(db, viewer, { testimonyId: input.draftId, token: input.token, ...gate }, addressKey);
  return { location: `/${input.locale}/my-testimonies/${input.draftId}?done=${result.outcome}`, publicChanged: result.publicChanged };
}
