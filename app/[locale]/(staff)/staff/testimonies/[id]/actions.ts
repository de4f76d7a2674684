'use server';
// A published testimony's emergency steps (lib/moderation/correction.ts): take it down at once, or
// correct its published redaction. Apart from the review's decision actions (../actions.ts). Each
// parses, calls one checked function, and redirects back to the review page, which re-renders from
// the database with what was done in its query (the same with and without JavaScript).
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { correctPublishedRedaction, unpublishTestimony } from '@/lib/moderation/correction';
import { creditChoices, setPublicCredit } from '@/lib/moderation/credit';

const target = z.object({ testimonyId: z.uuid(), locale: z.enum(['fa', 'en']).default('fa') });
// The outcome (and the corrected revision) in the query: each answer is a page of its own, never only a
// new #hash, which the client would take for a scroll and keep the old page (../actions.ts `decided`).
const done = (locale: string, id: string, outcome: string, revision?: number) => `/${locale}/staff/testimonies/${id}?decided=${outcome}${revision ? `&revision=${revision}` : ''}#decided`;

export const unpublishAction = defineAction({
  name: 'moderation.unpublish',
  schema: target,
  access: { permission: 'moderation.decide' },
  handler: async (input, { viewer, db }) => {
    await unpublishTestimony(db, viewer, input);
    redirect(done(input.locale, input.testimonyId, 'unpublished'));
  },
});

export const correctRedactionAction = defineAction({
  name: 'moderation.correctRedaction',
  schema: target.extend({
    publishedRevisionId: z.uuid(),
    redactedNarrative: z.string().trim().min(1, 'required').max(100_000, 'invalid'),
    confirmed: z.enum(['yes']).optional(),
    restore: z.enum(['yes']).optional(),
    // Ticked boxes "not identifying": one value, several, or none (`start:end` in the corrected text).
    notIdentifying: z.union([z.string(), z.array(z.string())]).default([]).transform((v) => [v].flat()),
  }),
  access: { permission: 'moderation.redact' },
  keep: ['redactedNarrative'],
  handler: async (input, { viewer, db }) => {
    const { publication, revision } = await correctPublishedRedaction(db, viewer, { ...input, confirmed: input.confirmed === 'yes', restore: input.restore === 'yes' }).catch((error: unknown) => {
      // A refusal re-renders the page from the database too: a stale tab gets the text readers see now.
      refresh();
      throw error;
    });
    redirect(done(input.locale, input.testimonyId, publication === 'published' ? 'corrected' : 'correction_awaiting_approval', revision));
  },
});

/** The public credit as the moderator sets it (lib/moderation/credit.ts), before or after publishing. */
export const setCreditAction = defineAction({
  name: 'moderation.setCredit',
  schema: target.extend({ credit: z.enum(creditChoices, { error: 'required' }), creditName: z.string().max(200, 'invalid').default('') }),
  access: { permission: 'moderation.redact' },
  keep: ['creditName'],
  handler: async (input, { viewer, db }) => {
    const { publication } = await setPublicCredit(db, viewer, { testimonyId: input.testimonyId, credit: input.credit, name: input.creditName });
    redirect(done(input.locale, input.testimonyId, publication === 'published' ? 'credit_set' : 'credit_awaiting_approval'));
  },
});
