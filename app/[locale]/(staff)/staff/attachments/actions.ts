'use server';
// Files on the review screen: public or moderators-only, and the caption readers see. lib/media/review-files.ts checks the
// claim, the flags and the submitter's consent again; success re-renders the review page.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { setPublicCaption } from '@/lib/media/captions';
import { setAttachmentVisibility } from '@/lib/media/review-files';
import { attachmentCaptionSchema, attachmentVisibilitySchema } from '@/lib/validation/attachment';

export const setAttachmentVisibilityAction = defineAction({
  name: 'moderation.setFileVisibility',
  schema: attachmentVisibilitySchema.extend({ testimonyId: z.uuid(), locale: z.enum(['fa', 'en']).default('fa') }),
  access: { permission: 'moderation.redact' },
  handler: async (input, { viewer, db }) => {
    const { publication } = await setAttachmentVisibility(db, viewer, input);
    // Waiting for a second moderator (four-eyes): the page says so beside the files.
    const query = publication && publication !== 'published' ? `?publication=${publication}` : '';
    redirect(`/${input.locale}/staff/testimonies/${input.testimonyId}${query}#files`);
  },
});

export const setPublicCaptionAction = defineAction({
  name: 'moderation.setFileCaption',
  schema: attachmentCaptionSchema.extend({ testimonyId: z.uuid(), locale: z.enum(['fa', 'en']).default('fa') }),
  access: { permission: 'moderation.redact' },
  keep: ['publicCaption'],
  handler: async (input, { viewer, db }) => {
    const { publication } = await setPublicCaption(db, viewer, input);
    const query = publication && publication !== 'published' ? `?publication=${publication}` : '';
    redirect(`/${input.locale}/staff/testimonies/${input.testimonyId}${query}#file-${input.attachmentId}`);
  },
});
