// The submission steps' schemas, shared by react-hook-form in the browser and the server actions
// (ENGINEERING.md pattern 5). Every value arrives as a FormData string; messages are catalogue keys
// under `Submit.validation`. Pure: importable by client code.
import { z } from './zod';
import { latinDigits } from '@/lib/i18n/digits';
import { provinceCodes } from '@/lib/geo/provinces';
import { typedDateToIso } from '@/lib/i18n/solar-hijri';

import { relationshipOptions, genderOptions, outcomeOptions, perpetratorOptions, aftermathOptions, precisionOptions, narrativeMaxLength, textMax } from './testimony-options';
export { submitSteps, relationshipOptions, genderOptions, outcomeOptions, perpetratorOptions, aftermathOptions, precisionOptions, narrativeMaxLength, textMax } from './testimony-options';
export type { SubmitStep } from './testimony-options';

/** Persian and Arabic-Indic digits count as ASCII digits. */
export const asciiDigits = latinDigits;

const text = (max: number) => z.string().trim().max(max, 'tooLong').default('');
/** An optional whole number typed in any digits (Persian, Arabic-Indic or ASCII), or null. */
export const optionalInt = (min: number, max: number) =>
  z
    .string()
    .default('')
    .transform((v) => asciiDigits(v.trim()))
    // An age written in words («هفده») is told to use digits, not only that it is wrong (issue 18).
    .refine((v) => v === '' || /^\d+$/.test(v), 'notANumber')
    .refine((v) => v === '' || !/^\d+$/.test(v) || (Number(v) >= min && Number(v) <= max), 'invalid')
    .transform((v) => (v === '' ? null : Number(v)));
const list = <T extends readonly [string, ...string[]]>(options: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : [v]).filter(Boolean))
    .pipe(z.array(z.enum(options)));
const choice = <T extends readonly [string, ...string[]]>(options: T) =>
  z.enum(options, { error: 'required' });
const yesNo = z.enum(['yes', 'no']).default('no');

/**
 * Hidden fields of every step form. `intent`: next step, save and leave, a JavaScript autosave, or
 * (first step) save and search the memorial for `q`, coming back to the step with the results.
 */
export const stepEnvelope = z.object({
  draftId: z.uuid(),
  locale: z.enum(['fa', 'en']),
  intent: z.enum(['next', 'later', 'autosave', 'search']).default('next'),
  q: z.string().max(200).optional(),
});

/**
 * A date as typed: calendar of the selects, year/month/day, and how precise it is. With precision
 * "month", "early", "mid" or "late" the day is ignored; "unknown" with nothing typed stores no date.
 */
function datePart<P extends string>(prefix: P) {
  const part = {
    Calendar: z.enum(['persian', 'gregorian']).default('persian'),
    Precision: z.enum(precisionOptions).default('unknown'),
    Year: optionalInt(1, 9999),
    Month: optionalInt(1, 12),
    Day: optionalInt(1, 31),
  };
  // The prefixed names, typed: TypeScript cannot name computed keys itself.
  return Object.fromEntries(Object.entries(part).map(([name, schema]) => [`${prefix}${name}`, schema])) as {
    [K in keyof typeof part as `${P}${K}`]: (typeof part)[K];
  };
}

export type TypedDate = { iso: string | null; precision: Exclude<(typeof precisionOptions)[number], 'unknown'> | null };

const earliestEventDate = '1900-01-01';

/** The ISO date and precision of a parsed date part, or an error key for the year field. */
export function resolveDate(v: Record<string, unknown>, prefix: string): TypedDate | { error: string } {
  const year = v[`${prefix}Year`] as number | null;
  const month = v[`${prefix}Month`] as number | null;
  const typedDay = v[`${prefix}Day`] as number | null;
  // "I don't know" is the choice already made when the page opens: a date typed without changing
  // it was silently dropped (walk finding C). Kept at what was typed — a day is an exact date, a
  // month a month — and a year alone (or a day without its month) is asked to be completed.
  let precision = v[`${prefix}Precision`] as (typeof precisionOptions)[number];
  if (precision === 'unknown') {
    if (!year && !month && !typedDay) return { iso: null, precision: null };
    if (!year || !month) return { error: 'datePartial' };
    precision = typedDay ? 'exact' : 'month';
  }
  // A month, or a part of one («اوایل آبان»), is stored as the month's first day in the calendar it
  // was typed in (lib/i18n/dates.ts reads the calendar back from that day); a day is needed for an
  // exact date and for an approximate one («حدود ۲۵ آبان»).
  const withDay = precision === 'exact' || precision === 'approximate';
  const day = withDay ? typedDay : null;
  if (!year || !month || (withDay && !day)) return { error: 'dateIncomplete' };
  const iso = typedDateToIso(v[`${prefix}Calendar`] as 'persian' | 'gregorian', year, month, day);
  if (!iso) return { error: 'dateInvalid' };
  if (iso > new Date().toISOString().slice(0, 10)) return { error: 'dateFuture' };
  // "98" for 1398 (as Aban 98 is said) would be the year 98: no testimony here is of an event
  // before 1900, so such a year is asked for in full instead of being kept 1,300 years early.
  if (iso < earliestEventDate) return { error: 'dateYearShort' };
  return { iso, precision };
}

/** The date of values that passed their step's schema, which refused any date that does not resolve. */
export function checkedDate(v: Record<string, unknown>, prefix: 'event' | 'newIncident'): TypedDate {
  const date = resolveDate(v, prefix);
  if ('error' in date) throw new Error(`${prefix}: a date the schema did not check`);
  return date;
}

function checkDate(prefix: string) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const date = resolveDate(v, prefix);
    if ('error' in date) ctx.addIssue({ code: 'custom', path: [`${prefix}Year`], message: date.error });
  };
}

/** Step 1: published persons chosen (ids), and/or one new person proposed. */
export const aboutSchema = z
  .object({
    personId: z
      .union([z.string(), z.array(z.string())])
      .default([])
      .transform((v) => (Array.isArray(v) ? v : [v]).filter(Boolean))
      .pipe(z.array(z.uuid()).max(20, 'invalid')),
    newNameFa: text(textMax.name),
    newNameLatin: text(textMax.name),
    newFatherName: text(textMax.fatherName),
    newGender: z.enum(genderOptions).default('unknown'),
    newAge: optionalInt(0, 130),
    newBirthYear: optionalInt(1, 9999),
    ...datePart('newIncident'),
    newProvince: z.union([z.literal(''), z.enum(provinceCodes as [string, ...string[]])]).default(''),
    newCity: text(textMax.city),
    newOutcome: z.union([z.literal(''), z.enum(outcomeOptions)]).default(''),
    newCause: text(textMax.cause),
    newPerpetrator: z.enum(perpetratorOptions).default('unknown'),
    newAftermath: list(aftermathOptions),
  })
  .superRefine((v, ctx) => {
    const proposing = !!(v.newNameFa || v.newNameLatin);
    if (!proposing && v.personId.length === 0) ctx.addIssue({ code: 'custom', path: ['newNameFa'], message: 'personRequired' });
    if (proposing && !v.newOutcome) ctx.addIssue({ code: 'custom', path: ['newOutcome'], message: 'required' });
    if (proposing) checkDate('newIncident')(v, ctx);
  });

/** Step 2: the account itself. */
export const accountSchema = z
  .object({
    relationship: choice(relationshipOptions),
    hand: choice(['first', 'second'] as const),
    narrative: z.string({ error: 'required' }).trim().min(1, 'required').max(narrativeMaxLength, 'tooLong'),
    ...datePart('event'),
    eventPlace: text(textMax.eventPlace),
  })
  .superRefine((v, ctx) => checkDate('event')(v, ctx));

/** Step 4: consent, field by field; absent answers are the most protective ones. */
export const consentSchema = z
  .object({
    publish: z.enum(['public', 'documentation_only']).default('documentation_only'),
    credit: z.enum(['anonymous', 'relationship', 'chosen_name']).default('anonymous'),
    creditName: text(textMax.creditName),
    portraitPublic: yesNo,
    exactPlacePublic: yesNo,
    mayContact: yesNo,
  })
  .superRefine((v, ctx) => {
    if (v.credit === 'chosen_name' && !v.creditName) ctx.addIssue({ code: 'custom', path: ['creditName'], message: 'required' });
  });

export type AboutValues = z.output<typeof aboutSchema>;
export type AccountValues = z.output<typeof accountSchema>;

/**
 * The person an `about` step that passed its schema proposes, or null when it names none: with a
 * name, the schema required an outcome and an incident date that resolves.
 */
export function proposedPerson(about: AboutValues) {
  if (!about.newNameFa && !about.newNameLatin) return null;
  const { newOutcome } = about;
  if (!newOutcome) throw new Error('newOutcome: a proposal the schema did not check');
  return { ...about, newOutcome, incident: checkedDate(about, 'newIncident') };
}

export const stepSchemas = { about: aboutSchema, account: accountSchema, consent: consentSchema } as const;
export type DataStep = keyof typeof stepSchemas;
export const isDataStep = (step: string): step is DataStep => Object.hasOwn(stepSchemas, step);

/** Field names of each step, for echoing values back to a page rendered without JavaScript. */
export const stepFields: Record<DataStep, readonly string[]> = {
  about: ['personId', 'newNameFa', 'newNameLatin', 'newFatherName', 'newGender', 'newAge', 'newBirthYear', 'newIncidentCalendar', 'newIncidentPrecision', 'newIncidentYear', 'newIncidentMonth', 'newIncidentDay', 'newProvince', 'newCity', 'newOutcome', 'newCause', 'newPerpetrator', 'newAftermath'],
  account: ['relationship', 'hand', 'narrative', 'eventCalendar', 'eventPrecision', 'eventYear', 'eventMonth', 'eventDay', 'eventPlace'],
  consent: ['publish', 'credit', 'creditName', 'portraitPublic', 'exactPlacePublic', 'mayContact'],
};

/** The "start a testimony" form: only its idempotency token. */
export const startSchema = z.object({
  locale: z.enum(['fa', 'en']),
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'invalid'),
  // From a person page's "Report a correction or add a testimony": the testimony starts about them.
  person: z.union([z.literal(''), z.uuid()]).optional(),
  // The collection's slug (a choice on the form, or the address's `?collection=`); required only
  // when more than one collection is open, which the server decides (lib/collections/open.ts).
  collection: z.union([z.literal(''), z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'collectionClosed').max(64, 'collectionClosed')]).optional(),
});
