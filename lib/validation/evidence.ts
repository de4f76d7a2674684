// The investigators' export form (issue 23 §1), shared by the page and the server.
import { z } from '@/lib/validation/zod';
import { isUuid } from './uuid';

/** Ids typed or pasted by hand: one per line, or separated by spaces or commas. */
const idList = z
  .string()
  .max(400_000)
  .default('')
  .transform((v) => [...new Set(v.split(/[\s,]+/).filter(Boolean).map((id) => id.toLowerCase()))])
  .refine((ids) => ids.every(isUuid), 'invalid')
  .refine((ids) => ids.length <= 10_000, 'too_many');

export const exportRequestSchema = z
  .object({
    recipientName: z.string().trim().min(1, 'required').max(200, 'invalid'),
    // An age X25519 recipient (Bech32, `age1` + 58 characters).
    recipientKey: z.string().trim().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'invalid'),
    testimonyIds: idList,
    personIds: idList,
    /** By filter: every submitted testimony of this status (empty: none by filter). */
    filterStatus: z.enum(['', 'submitted', 'in_review', 'awaiting_approval', 'published', 'unpublished', 'rejected', 'changes_requested']).default(''),
    /** With persons chosen: also every testimony about them. */
    withPersonTestimonies: z.coerce.boolean().default(false),
    includeMessages: z.coerce.boolean().default(false),
  })
  .refine((v) => v.testimonyIds.length + v.personIds.length > 0 || v.filterStatus !== '', { message: 'required', path: ['testimonyIds'] });

export type ExportRequestInput = z.input<typeof exportRequestSchema>;
