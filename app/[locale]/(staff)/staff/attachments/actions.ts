'use server';
// Files on the review screen: public or moderators-only, and the caption readers see.
// lib/media/review-files.ts and lib/media/captions.ts check the claim, the flags and the submitter's
// consent again.
import { refresh } from 'next/cache';
import { redirect, RedirectType } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { setPublicCaption } from '@/lib/media/captions';
import { setAttachmentVisibility } from '@/lib/media/review-files';
import type { PublicationOutcome } from '@/lib/moderation/publication';
import { attachmentCaptionSchema, attachmentVisibilitySchema } from '@/lib/validation/attachment';

type Target = { locale: string; testimonyId: string };

/**
 * Waiting for a second moderator (four-eyes): the page says so beside the files (a new query, so a
 * page of its own). Never only #files on the page the form was on: the client router takes that for
 * a scroll and kept the old file list on screen.
 */
function waitingForSecondModerator(input: Target, publication: PublicationOutcome | null) {
  if (publication && publication !== 'published') redirect(`/${input.locale}/staff/testimonies/${input.testimonyId}?publication=${publication}#files`, RedirectType.replace);
}

export const setAttachmentVisibilityAction = defineAction({
  name: 'moderation.setFileVisibility',
  schema: attachmentVisibilitySchema.extend({ testimonyId: z.uuid(), locale: z.enum(['fa', 'en']).default('fa') }),
  access: { permission: 'moderation.redact' },
  handler: async (input, { viewer, db }) => {
    const { publication } = await setAttachmentVisibility(db, viewer, input);
    waitingForSecondModerator(input, publication);
    // The page says what was saved (`?file=&shown=`, announced in the files section).
    redirect(`/${input.locale}/staff/testimonies/${input.testimonyId}?file=${input.attachmentId}&shown=${input.visibility}#files`, RedirectType.replace);
  },
});

export const setPublicCaptionAction = defineAction({
  name: 'moderation.setFileCaption',
  schema: attachmentCaptionSchema.extend({ testimonyId: z.uuid(), locale: z.enum(['fa', 'en']).default('fa') }),
  access: { permission: 'moderation.redact' },
  keep: ['publicCaption'],
  handler: async (input, { viewer, db }) => {
    const { publication } = await setPublicCaption(db, viewer, input);
    waitingForSecondModerator(input, publication);
    // The answer carries the page re-rendered from the database, the caption form its saved value.
    refresh();
    return null;
  },
});
