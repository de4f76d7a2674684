'use server';
// The submission flow's actions. Each step form posts here without JavaScript; with JavaScript the
// same actions are called by the form and by the 30-second autosave. Ownership is checked in
// lib/testimonies (someone else's draft is `not_found`), not here.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formGateOf } from '@/lib/abuse/challenge';
import { currentAddressKey } from '@/lib/abuse/request';
import { defineAction } from '@/lib/actions/define-action';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { createDraft, nextEditableStep, ownEditableSteps, publishedPersonsByIds, saveDraftStep, submitTestimony } from '@/lib/testimonies';
import { isDataStep, startSchema, stepEnvelope, stepFields, stepSchemas, submitSteps } from '@/lib/validation/testimony';

const allFields = [...new Set(Object.values(stepFields).flat())];

export const startTestimonyAction = defineAction({
  name: 'testimony.start',
  schema: startSchema,
  access: { permission: 'testimony.submit' },
  handler: async (input, { db, viewer }) => {
    const { id, created } = await createDraft(db, viewer, { token: input.token, language: input.locale, collection: input.collection || undefined });
    // Only a published person can be named this way; anything else starts an empty draft.
    const [person] = created && input.person ? await publishedPersonsByIds(db, [input.person]) : [];
    if (person) await saveDraftStep(db, viewer, { testimonyId: id, step: 'about', values: { personId: person.id } });
    redirect(`/${input.locale}/submit/${id}/about`);
  },
});

/** Any step: the envelope is parsed here, the step's own fields by the handler (saved even when invalid). */
const saveSchema = z.looseObject({ ...stepEnvelope.shape, step: z.enum(submitSteps) });

export const saveStepAction = defineAction({
  name: 'testimony.saveStep',
  schema: saveSchema,
  access: { permission: 'testimony.edit.own' },
  keep: allFields,
  handler: async (input, { db, viewer, raw, check }) => {
    const { draftId, locale, intent, step } = input;
    let editable: readonly string[] | undefined;
    if (isDataStep(step)) {
      // A draft keeps what was typed, finished or not: nothing is lost to a validation error.
      ({ editable } = await saveDraftStep(db, viewer, { testimonyId: draftId, step, values: raw }));
      // The browser's router keeps each step as it was first rendered, for Back and Forward: a
      // step saved since would come back as it was before she typed (an empty first step after
      // "continue", a narrative missing after an autosave). refresh() drops those copies, so the
      // next Back or Forward asks the server for the step as saved.
      refresh();
      if (intent === 'next') check(stepSchemas[step], raw);
    }
    if (intent === 'autosave') return { savedAt: new Date().toISOString() };
    if (intent === 'later') redirect(`/${locale}/my-testimonies?saved=1`);
    // The person search is a button of the step's own form, so that without JavaScript it carries
    // what she typed about someone not in the memorial (issue 18: a GET search of its own wiped
    // it): saved, then the step again with the results.
    if (intent === 'search') redirect(`/${locale}/submit/${draftId}/${step}${input.q?.trim() ? `?q=${encodeURIComponent(input.q.trim())}` : ''}`);
    // The next step this testimony lets its submitter change (an edit of a published one: the review).
    const next = nextEditableStep(editable ?? (await ownEditableSteps(db, viewer, draftId)), step);
    redirect(`/${locale}/submit/${draftId}/${next}`);
  },
});

export const submitTestimonyAction = defineAction({
  name: 'testimony.submit',
  schema: z.object({ draftId: z.uuid(), locale: z.enum(['fa', 'en']), token: startSchema.shape.token }),
  access: { permission: 'testimony.submit' },
  // A refusal brings back a challenge dated from the page's, not a fresh one from the page that
  // re-renders without JavaScript (which would be "too soon" again at once).
  gate: true,
  handler: async (input, { db, viewer, formData }) => {
    const result = await submitTestimony(db, viewer, { testimonyId: input.draftId, token: input.token, ...formGateOf(formData) }, await currentAddressKey());
    if (result.publicChanged) revalidatePublicData();
    redirect(`/${input.locale}/my-testimonies/${input.draftId}?done=${result.outcome}`);
  },
});
