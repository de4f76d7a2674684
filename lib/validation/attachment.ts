// The upload form's fields other than the file itself (checked by its bytes in lib/media/upload.ts).
import { z } from 'zod';

export const captionMaxLength = 500;

export const attachmentUploadSchema = z.object({
  testimonyId: z.string().min(1, 'required'),
  caption: z.string().max(captionMaxLength, 'tooLong').optional(),
  // An unticked checkbox sends nothing.
  keepOriginal: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
});
