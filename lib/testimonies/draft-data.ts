// The shape of `testimonies.draft`: the raw strings of each step as last saved, so a page can show
// exactly what was typed (valid or not), plus the id of the person proposed at the first submit.
// Strict parsing happens at submit time with the same step schemas the forms use.
import { stepFields, stepSchemas, type DataStep } from '@/lib/validation/testimony';

export type StepValues = Record<string, string | string[]>;
export type DraftData = Partial<Record<DataStep, StepValues>> & { proposedPersonId?: string };

/** Only the step's own fields, with size caps: a draft is never a place to store arbitrary data. */
export function pickStepValues(step: DataStep, raw: Record<string, string | string[]>): StepValues {
  const out: StepValues = {};
  for (const name of stepFields[step]) {
    const value = raw[name];
    if (typeof value === 'string') out[name] = value.slice(0, 100_000);
    else if (Array.isArray(value)) out[name] = value.slice(0, 20).map((v) => v.slice(0, 200));
  }
  return out;
}

/** Each data step parsed strictly; `incomplete` lists the steps that would not pass. */
export function parseDraft(draft: DraftData) {
  const about = stepSchemas.about.safeParse(draft.about ?? {});
  const account = stepSchemas.account.safeParse(draft.account ?? {});
  const consent = stepSchemas.consent.safeParse(draft.consent ?? {});
  const incomplete = (['about', 'account', 'consent'] as const).filter((s) => !{ about, account, consent }[s].success);
  return { about, account, consent, incomplete };
}
