'use server';
// Files on the review screen: public or moderators-only. lib/media/review-files.ts checks the
// claim, the flags and the submitter's consent again; success re-renders the review page.
import { redirect, RedirectType } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { setAttachmentVisibility } from '@/lib/media/review-files';
import { attachmentVisibilitySchema } from '@/lib/validation/attachment';

export const setAttachmentVisibilityAction = defineAction({
  name: 'moderation.setFileVisibility',
  schema: attachmentVisibilitySchema.extend({ testimonyId: z.uuid(), locale: z.enum(['fa', 'en']).default('fa') }),
  access: { permission: 'moderation.redact' },
  handler: async (input, { viewer, db }) => {
    const { publication } = await setAttachmentVisibility(db, viewer, input);
    // Waiting for a second moderator (four-eyes): the page says so beside the files. Otherwise the
    // page says what was saved (`?file=&shown=`). Never only #files on the page the form was on:
    // the client router takes that for a scroll and kept the old choice on screen.
    const query = publication && publication !== 'published' ? `publication=${publication}` : `file=${input.attachmentId}&shown=${input.visibility}`;
    redirect(`/${input.locale}/staff/testimonies/${input.testimonyId}?${query}#files`, RedirectType.replace);
  },
});
