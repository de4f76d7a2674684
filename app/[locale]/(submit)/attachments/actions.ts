'use server';
import { refresh } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import { receiveUpload } from '@/lib/media/upload';
import { attachmentUploadSchema } from '@/lib/validation/attachment';

// A plain multipart form post (works without JavaScript). Ownership of the testimony, the type
// (by bytes) and the size are checked in receiveUpload; processing happens later in a job.
export const uploadAttachmentAction = defineAction({
  name: 'attachment.upload',
  schema: attachmentUploadSchema,
  access: { permission: 'testimony.submit' },
  keep: ['caption'],
  handler: async (input, { db, viewer, formData }) => {
    const file = formData.get('file');
    if (!(file instanceof Blob)) throw new AppError('invalid_input', { fieldErrors: { file: 'fileMissing' } });
    const result = await receiveUpload(db, viewer!, { ...input, file });
    refresh(); // the list of files on the page shows the new one as "processing"
    return result;
  },
});
