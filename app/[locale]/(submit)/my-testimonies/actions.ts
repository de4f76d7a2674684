'use server';
// "My testimonies": withdrawal (confirmed in a <details> that works without JavaScript).
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { revalidatePublicData } from '@/lib/memorial/cache';
import { withdrawTestimony } from '@/lib/testimonies';

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
