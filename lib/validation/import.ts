// The CSV import's forms (admin). Plain posts; the server re-reads every value.
import { z } from '@/lib/validation/zod';
import { importFields, type ImportField } from '@/lib/imports/fields';
import { importOutcomes } from '@/lib/imports/row';

const locale = z.enum(['fa', 'en']);

export const importUploadSchema = z.object({ locale, collectionId: z.string().default('') });

/** One select per person field, named `column.<field>`: a column index, or empty for "not in the file". */
export const columnFieldName = (field: ImportField) => `column.${field}`;

export const importMappingSchema = z.object({
  locale,
  batchId: z.uuid(),
  defaultOutcome: z.union([z.literal(''), z.enum(importOutcomes)]).default(''),
  ...Object.fromEntries(importFields.map((f) => [columnFieldName(f), z.string().regex(/^\d{0,3}$/).default('')])),
}) as z.ZodType<{ locale: 'fa' | 'en'; batchId: string; defaultOutcome: '' | (typeof importOutcomes)[number] } & Record<string, string>>;

export const importCommitSchema = z.object({
  locale,
  batchId: z.uuid(),
  includeDuplicates: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
});

export const importDiscardSchema = z.object({ locale, batchId: z.uuid() });
