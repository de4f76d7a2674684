// The submission steps' fixed choices and limits, apart from the schemas: the step forms render
// them on first paint, and importing them must not bring zod into the page's first script (the
// schemas load when the form is first used; components/forms/use-action-form.ts).
export const submitSteps = ['about', 'account', 'files', 'consent', 'review'] as const;
export type SubmitStep = (typeof submitSteps)[number];

export const relationshipOptions = ['mother', 'father', 'sibling', 'spouse', 'child', 'relative', 'friend', 'eyewitness', 'medic', 'journalist', 'other'] as const;
export const genderOptions = ['female', 'male', 'other', 'unknown'] as const;
export const outcomeOptions = ['killed', 'injured', 'detained', 'disappeared', 'executed', 'other'] as const;
export const perpetratorOptions = ['irgc', 'basij', 'police', 'plainclothes', 'unknown', 'other'] as const;
export const aftermathOptions = ['body_withheld', 'family_threatened', 'burial_restricted', 'forced_statement', 'fee_demanded', 'family_detained'] as const;
export const precisionOptions = ['exact', 'approximate', 'early', 'mid', 'late', 'month', 'unknown'] as const;
export const narrativeMaxLength = 100_000;
/** The longest each short text field may be (characters); the refusal names the number. */
export const textMax = { name: 200, fatherName: 200, city: 200, cause: 500, eventPlace: 300, creditName: 100 } as const;
