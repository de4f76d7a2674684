// pg_trgm's `similarity()` computed in JavaScript, for ranking a handful of candidates that the
// database already found through its trigram index (lib/imports/duplicates.ts). Same definition as
// the extension: each word padded with two spaces before and one after, its 3-grams as a set, and
// |A ∩ B| / |A ∪ B|. Written here (a few lines) because it must match pg_trgm exactly, which the
// general string-similarity packages (Dice, Levenshtein) do not. Inputs are already normalized.

function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** 0 (nothing shared) to 1 (the same trigrams), as pg_trgm's `similarity(a, b)`. */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return shared / (x.size + y.size - shared);
}

const words = (name: string) => name.split(' ').filter(Boolean);

/**
 * How alike two normalized names are, as a person reading a list would judge it: every word of the
 * shorter name must have a close word in the other (any order, extra middle names allowed), so a
 * shared family name alone is not enough ("mahsa karimi" / "mehdi karimi" ≈ 0.33, while
 * "arash ahmady" / "ahmadi arash" ≈ 0.56). A one-word name, or names split into words differently
 * ("محمدرضا" / "محمد رضا"), fall back to the similarity of the whole strings.
 */
export function nameLikeness(a: string, b: string): number {
  const [short, long] = [words(a), words(b)].sort((x, y) => x.length - y.length) as [string[], string[]];
  if (short.length === 0) return 0;
  const whole = trigramSimilarity(a.replace(/ /g, ''), b.replace(/ /g, ''));
  if (short.length < 2) return trigramSimilarity(a, b);
  const wordwise = Math.min(...short.map((w) => Math.max(...long.map((v) => trigramSimilarity(w, v)))));
  return short.length === long.length ? wordwise : Math.max(wordwise, whole);
}
