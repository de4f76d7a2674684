// The staff person editor's fixed choices and its script check, apart from the schema: the form
// renders them on first paint without bringing zod into the page's first script.
export const personStatusOptions = ['draft', 'published', 'hidden'] as const;
export const verificationOptions = ['unverified', 'corroborated', 'verified'] as const;
/** The stored precisions, and `unknown`: no date at all. */
export const personDatePrecisionOptions = ['exact', 'approximate', 'early', 'mid', 'late', 'month', 'year', 'unknown'] as const;

/** A name in the wrong script: the field for the Persian name holds Latin letters, or the reverse. */
export function wrongScript(field: 'nameFa' | 'nameLatin' | 'fatherNameFa' | 'fatherNameLatin', value: string): boolean {
  const latin = /[A-Za-z]/.test(value);
  const persian = /[\u0600-\u06FF]/.test(value);
  return field.endsWith('Fa') ? latin : persian;
}
