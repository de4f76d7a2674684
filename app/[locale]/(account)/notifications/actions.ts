'use server';
// Reading notifications: opening one (marked read, then its testimony), or marking all read. A
// POST, never a page view: loading a page writes nothing (e2e/security/get-pages.heavy.e2e.ts).
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { markAllNotificationsRead, openNotification } from '@/lib/notifications';

export const markNotificationsReadAction = defineAction({
  name: 'notifications.markRead',
  schema: z.object({ locale: z.enum(['fa', 'en']), notificationId: z.uuid().optional() }),
  access: { permission: 'testimony.read.own' },
  handler: async (input, { db, viewer }) => {
    // With JavaScript the header (in the root layout, kept across client navigation) must be drawn
    // again, or its unread count stays as it was.
    refresh();
    if (input.notificationId) {
      const { testimonyId } = await openNotification(db, viewer, input.notificationId);
      redirect(`/${input.locale}/my-testimonies/${testimonyId}`);
    }
    await markAllNotificationsRead(db, viewer);
    redirect(`/${input.locale}/notifications`);
  },
});
