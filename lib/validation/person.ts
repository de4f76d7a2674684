// The staff person editor (issue 15): one schema for react-hook-form in the browser and the server
// action, on the staff person page and on the review page alike. Every public field of a person
// (lib/memorial/dto.ts `publicPersonKeys`) that is stored on the record is here; other names and
// sources have their own small forms. Messages are catalogue keys under `Validation`. Pure.
import { versionField } from '@/lib/concurrency/version';
import { provinceCodes } from '@/lib/geo/provinces';
import { optionalText } from './collection';
import { aftermathOptions, genderOptions, optionalInt, outcomeOptions, perpetratorOptions } from './testimony';
import { z } from './zod';

import { personDatePrecisionOptions, personStatusOptions, verificationOptions } from './person-options';
export { personDatePrecisionOptions, personStatusOptions, verificationOptions, wrongScript } from './person-options';

const checkbox = z
  .literal('on')
  .optional()
  .transform((v) => v === 'on');

export const personFields = z.object({
  nameFa: z.string().trim().min(1, 'required').max(200, 'invalid'),
  nameLatin: optionalText(200),
  fatherNameFa: optionalText(200),
  fatherNameLatin: optionalText(200),
  gender: z.enum(genderOptions).default('unknown'),
  age: optionalInt(0, 130),
  birthYear: optionalInt(1800, 2100),
  occupation: optionalText(200),
  incidentDate: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), 'invalid')
    .transform((v) => v || null),
  incidentDatePrecision: z.enum(personDatePrecisionOptions).default('unknown'),
  province: z.union([z.literal(''), z.enum(provinceCodes as [string, ...string[]])]).default('').transform((v) => v || null),
  city: optionalText(200),
  place: optionalText(500),
  outcome: z.enum(outcomeOptions, { error: 'required' }),
  cause: optionalText(500),
  perpetrator: z.enum(perpetratorOptions).default('unknown'),
  aftermath: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : [v]).filter(Boolean))
    .pipe(z.array(z.enum(aftermathOptions))),
  sensitiveContent: checkbox,
  status: z.enum(personStatusOptions),
  verification: z.enum(verificationOptions),
  verificationNote: optionalText(2000),
});

/** Both or neither: a date needs its precision, a precision other than "unknown" needs a date. */
const withDate = <T extends z.ZodType<{ incidentDate: string | null; incidentDatePrecision: string }>>(schema: T) =>
  schema.superRefine((v, ctx) => {
    if (v.incidentDatePrecision !== 'unknown' && !v.incidentDate) ctx.addIssue({ code: 'custom', path: ['incidentDate'], message: 'required' });
  });

/** What lib/persons/edit.ts `updatePerson` stores (an unknown precision stores no date). */
export type PersonPatch = Omit<z.output<typeof personFields>, 'incidentDatePrecision'> & { incidentDatePrecision: Exclude<(typeof personDatePrecisionOptions)[number], 'unknown'> | null };

export function toPersonPatch(v: z.output<typeof personFields>): PersonPatch {
  const dated = v.incidentDatePrecision !== 'unknown';
  return { ...v, incidentDate: dated ? v.incidentDate : null, incidentDatePrecision: dated ? (v.incidentDatePrecision as PersonPatch['incidentDatePrecision']) : null };
}

/** The form as posted: the fields, the page's locale, the person, and where to come back to. */
export const personFormSchema = withDate(
  personFields.extend({
    personId: z.uuid(),
    locale: z.enum(['fa', 'en']).default('fa'),
    // The review page embeds the same form; after saving, the moderator returns there.
    returnTo: z.union([z.literal(''), z.uuid()]).default(''),
    version: versionField,
  }),
);

/** The fields a person form keeps when the server sends it back with an error. */
export const personFormFields = [...Object.keys(personFields.shape)] as const;


/** The stored person as the form's string values. */
export function personFormValues(p: Record<string, unknown>): Record<string, string> {
  const names = ['nameFa', 'nameLatin', 'fatherNameFa', 'fatherNameLatin', 'gender', 'age', 'birthYear', 'occupation', 'incidentDate', 'province', 'city', 'place', 'outcome', 'cause', 'perpetrator', 'status', 'verification', 'verificationNote', 'version'];
  const values = Object.fromEntries(names.map((n) => [n, p[n] === null || p[n] === undefined ? '' : String(p[n])]));
  return { ...values, incidentDatePrecision: (p.incidentDatePrecision as string | null) ?? 'unknown' };
}
