// The collection form (admin): one schema for react-hook-form in the browser and the server action.
import { z } from '@/lib/validation/zod';

/** Optional text: trimmed, at most `max` characters, empty as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'invalid')
    .default('')
    .transform((v) => v || null);
const optionalDate = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), 'invalid')
  .transform((v) => v || null);

const collectionFields = z.object({
  // It appears in public URLs and filters: lower-case Latin words joined by dashes.
  slug: z.string().trim().min(1, 'required').max(64, 'invalid').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slugInvalid'),
  nameFa: z.string().trim().min(1, 'required').max(200, 'invalid'),
  nameEn: z.string().trim().min(1, 'required').max(200, 'invalid'),
  descriptionFa: optionalText(2000),
  descriptionEn: optionalText(2000),
  startsOn: optionalDate,
  endsOn: optionalDate,
  // A checkbox: present ("on") when ticked, absent otherwise.
  openForSubmissions: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
});

export type CollectionInput = z.output<typeof collectionFields>;

/** The form as posted: the fields, the page's locale, and the collection being edited (if any). */
export const collectionFormSchema = collectionFields
  .extend({ locale: z.enum(['fa', 'en']), collectionId: z.union([z.literal(''), z.uuid()]).default('') })
  .refine((c) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn, { path: ['endsOn'], message: 'dateOrder' });

/** The fields a collection form keeps when the server sends it back with an error. */
export const collectionFormFields = Object.keys(collectionFields.shape);
