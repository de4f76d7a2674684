'use server';
// "My testimonies": withdrawal (confirmed in a <details> that works without JavaScript) and the
// submitter's replies in the message thread with moderators.
import { redirect, RedirectType } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { currentAddressKey } from '@/lib/abuse/request';
import { replyAsSubmitter } from '@/lib/messages';
import { withdrawTestimony } from '@/lib/testimonies';
import { messageFormSchema } from '@/lib/validation/message';

export const withdrawTestimonyAction = defineAction({
  name: 'testimony.withdraw',
  schema: z.object({ testimonyId: z.uuid(), locale: z.enum(['fa', 'en']), confirm: z.literal('yes', { error: 'required' }) }),
  access: { permission: 'testimony.withdraw.own' },
  handler: async (input, { db, viewer }) => {
    const moved = await withdrawTestimony(db, viewer, input.testimonyId);
    // A published testimony leaves public view on the next request.
    if (moved.publicChanged) revalidatePublicData();
    redirect(`/${input.locale}/my-testimonies/${input.testimonyId}?done=withdrawn`);
  },
});

/** The submitter's answer to moderators (lib/messages decides whose thread it is and if it is open). */
export const replyToModeratorsAction = defineAction({
  name: 'testimony.reply',
  schema: messageFormSchema.extend({ locale: z.enum(['fa', 'en']) }),
  access: { permission: 'message.reply.own' },
  keep: ['body'],
  handler: async (input, { db, viewer }) => {
    const result = await replyAsSubmitter(db, viewer, { testimonyId: input.testimonyId, body: input.body }, await currentAddressKey());
    if (result.status === 'refused') return { refused: result.reason };
    // A page of its own per answer (its id in the query), never only a new `#hash` on the same
    // page: the client takes that for a scroll and keeps the thread it has, without the answer.
    redirect(`/${input.locale}/my-testimonies/${input.testimonyId}?replied=${result.messageId}#messages-heading`, RedirectType.replace);
  },
});
