'use server';
// Files on the review screen: public or moderators-only, and the caption readers see. lib/media/review-files.ts checks the
// claim, the flags and the submitter's consent again; success re-renders the review page.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { setPublicCaption } from '@/lib/media/captions';
import { setAttachmentVisibility } from '@/lib/media/review-files';
import type { PublicationOutcome } from '@/lib/moderation/publication';
import { attachmentCaptionSchema, attachmentVisibilitySchema } from '@/lib/validation/attachment';

/**
 * Waiting for a second moderator (four-eyes): the page says so beside the files (a new query, so
 * a page of its own). Otherwise the answer carries the page re-rendered from the database
 * (`refresh`): a redirect to the same page and a `#hash` is a scroll on the client, which kept the
 * old file list on screen.
 */
function answer(input: { locale: string; testimonyId: string }, publication: PublicationOutcome | null) {
  if (publication && publication !== 'published') redirect(`/${input.locale}/staff/testimonies/${input.testimonyId}?publication=${publication}#files`);
  refresh();
  return null;
}

export const setAttachmentVisibilityAction = defineAction({
  name: 'moderation.setFileVisibility',
  schema: attachmentVisibilitySchema.extend({ testimonyId: z.uuid(), locale: z.enum(['fa', 'en']).default('fa') }),
  access: { permission: 'moderation.redact' },
  handler: async (input, { viewer, db }) => {
    const { publication } = await setAttachmentVisibility(db, viewer, input);
    return answer(input, publication);
  },
});

export const setPublicCaptionAction = defineAction({
  name: 'moderation.setFileCaption',
  schema: attachmentCaptionSchema.extend({ testimonyId: z.uuid(), locale: z.enum(['fa', 'en']).default('fa') }),
  access: { permission: 'moderation.redact' },
  keep: ['publicCaption'],
  handler: async (input, { viewer, db }) => {
    const { publication } = await setPublicCaption(db, viewer, input);
    return answer(input, publication);
  },
});
