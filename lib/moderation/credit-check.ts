// The public credit among what the checks examine (walk finding: a testimony went public credited
// with the submitter's own full name, on its page and in the open-data CSV). Pure, client-safe: the
// review page lists the credit beside the other items found, and lib/moderation/redaction-save.ts
// refuses to publish it until the moderator ticks it "not identifying" (its `start:end`-free key).

/** The key of the credit's tick among the "not identifying" ticks (the others are `start:end`). */
export const creditCheckKey = 'credit';

/**
 * Whether a chosen credit name reads like a person's full name: two or more words of letters
 * ("Farhad Karimi-Tabrizi", «فرهاد کریمی تبریزی»). A single given name, initials or a pen name of one
 * word pass without a tick; the moderator decides about the rest.
 */
export function looksLikeFullName(name: string | null | undefined): boolean {
  if (!name) return false;
  const words = name.match(/[\p{L}\p{M}]{2,}(?:[\u200c\-'’][\p{L}\p{M}]+)*/gu) ?? [];
  return words.length >= 2;
}
