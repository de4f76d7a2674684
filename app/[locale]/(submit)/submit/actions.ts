'use server';
// The submission flow's actions. Each step form posts here without JavaScript; with JavaScript the
// same actions are called by the form and by the 30-second autosave. Ownership is checked in
// lib/testimonies (someone else's draft is `not_found`), not here. The work and the addresses are
// lib/submission/journey.ts's, which the server in front of Next also runs for the same posts
// without JavaScript (lib/submission/post-answer.ts): change them there, for both.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { formGateOf } from '@/lib/abuse/challenge';
import { currentAddressKey } from '@/lib/abuse/request';
import { defineAction } from '@/lib/actions/define-action';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { allStepFields, journeyAccess, saveStepSchema, saveSubmissionStep, sendSubmission, startSchema, startSubmission, submitSchema } from '@/lib/submission/journey';

export const startTestimonyAction = defineAction({
  name: 'testimony.start',
  schema: startSchema,
  access: journeyAccess.start,
  handler: async (input, { db, viewer }) => {
    redirect(await startSubmission(db, viewer, input));
  },
});

export const saveStepAction = defineAction({
  name: 'testimony.saveStep',
  schema: saveStepSchema,
  access: journeyAccess.saveStep,
  keep: allStepFields,
  handler: async (input, { db, viewer, raw, check }) => {
    // The browser's router keeps each step as it was first rendered, for Back and Forward: a step
    // saved since would come back as it was before she typed (an empty first step after
    // "continue", a narrative missing after an autosave). refresh() drops those copies, so the
    // next Back or Forward asks the server for the step as saved.
    const done = await saveSubmissionStep(db, viewer, input, raw, check, refresh);
    if ('savedAt' in done) return done;
    redirect(done.location);
  },
});

export const submitTestimonyAction = defineAction({
  name: 'testimony.submit',
  schema: submitSchema,
  access: journeyAccess.submit,
  // A refusal brings back a challenge dated from the page's, not a fresh one from the page that
  // re-renders without JavaScript (which would be "too soon" again at once).
  gate: true,
  handler: async (input, { db, viewer, formData }) => {
    const { location, publicChanged } = await sendSubmission(db, viewer, input, formGateOf(formData), await currentAddressKey());
    if (publicChanged) revalidatePublicData();
    redirect(location);
  },
});
