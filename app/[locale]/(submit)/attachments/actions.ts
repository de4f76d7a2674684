'use server';
import { refresh } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { removeOwnAttachment } from '@/lib/media/remove';
import { attachmentRemoveSchema } from '@/lib/validation/attachment';

// Whose file it is, and whether its testimony is still editable, is checked in removeOwnAttachment.
export const removeAttachmentAction = defineAction({
  name: 'attachment.remove',
  schema: attachmentRemoveSchema,
  access: { permission: 'testimony.edit.own' },
  handler: async (input, { db, viewer }) => {
    await removeOwnAttachment(db, viewer, input);
    refresh();
    return null;
  },
});
