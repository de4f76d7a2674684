// LIKE patterns from typed text. `%` and `_` typed into a search box are literal characters, not
// wildcards (PostgreSQL's default LIKE escape character is the backslash, which is escaped too), so
// a query can never widen itself into "everyone". No `server-only`: plain string builders.

/** The text with LIKE's wildcards and escape character escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A pattern that matches any value containing `text`. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;

/** A pattern that matches values with `before`, `text` and `after` inside, the affixes literal too. */
export const wrappedPattern = (before: string, text: string, after: string): string => `%${escapeLike(before + text + after)}%`;
