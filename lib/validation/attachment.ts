// The files step's forms. The upload itself is checked by its bytes in lib/media (intake, upload,
// tus); its caption's length is shared here.
import { captionMaxLength } from './attachment-options';
import { z } from './zod';

export { captionMaxLength } from './attachment-options';

/** Taking a file out of one's own draft (the button beside each file). */
export const attachmentRemoveSchema = z.object({ attachmentId: z.uuid() });

/** A moderator's choice for one file on the review screen. */
export const attachmentVisibilitySchema = z.object({
  attachmentId: z.uuid(),
  visibility: z.enum(['public', 'moderators'], 'required'),
});

/** A moderator's caption for readers (empty: none); the submitter's caption is never public. */
export const attachmentCaptionSchema = z.object({
  attachmentId: z.uuid(),
  publicCaption: z.string().max(captionMaxLength, 'invalid').default(''),
  /** The moderator ticked that what the checks find in the caption is not identifying. */
  notIdentifying: z.enum(['yes']).optional(),
});
