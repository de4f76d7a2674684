// One rule for the mark between the parts of one line of facts ("15 persons · 8 testimonies",
// "Started: … · Last changed: …"). In Persian a middle dot is read as the zero «۰»: «۱۵ نفر ثبت شده · ۸
// روایت» read as «۸۰ روایت» (issue 18), so Persian takes its own comma, which no one reads as a digit.

const separators = { fa: '، ', en: ' · ' } as const;

/** The separator between the parts of a line of facts in `locale`'s text. */
export function partSeparator(locale: string): string {
  return locale === 'fa' ? separators.fa : separators.en;
}

/** The parts that are there, joined by `partSeparator(locale)`. */
export function joinParts(parts: readonly (string | false | null | undefined)[], locale: string): string {
  return parts.filter(Boolean).join(partSeparator(locale));
}
