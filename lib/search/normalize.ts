// Name normalization for search: the same name is typed many ways (Arabic vs Persian letters,
// zero-width non-joiners, diacritics, case). Stored in persons.name_search and person_aliases.normalized,
// and applied to queries, so trigram matching compares like with like.
const letterMap: Record<string, string> = {
  'ي': 'ی', // Arabic yeh → Persian yeh
  'ى': 'ی', // alef maksura
  'ك': 'ک', // Arabic kaf → Persian keheh
  'ة': 'ه', // teh marbuta
  'ە': 'ه', // what heh-with-yeh (ۀ) becomes after NFKD
  'ٱ': 'ا', // alef wasla
};

export function normalizeName(input: string): string {
  return input
    // Apostrophes and ayn signs inside transliterations ("Sa'id") are not word breaks.
    .replace(/['\u2018\u2019\u02BB\u02BC\u02BE\u02BF`]/g, '')
    // NFKD splits آ/أ/إ/ؤ/ئ/ۀ into a base letter and a mark; the marks are then dropped.
    .normalize('NFKD')
    // Arabic harakat, Latin combining marks and tatweel (a stretch inside a word, not a break).
    .replace(/[\u064B-\u065F\u0670\u0300-\u036F\u0640]/g, '')
    .replace(/[\u200B-\u200F\u202A-\u202E]/g, ' ') // ZWNJ/ZWJ, direction marks
    .replace(/[يىكةەٱ]/g, (c) => letterMap[c] ?? c)
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A transliteration key for normalized Latin text: spellings of one Persian name in Latin letters
 * vary by vowel and doubling (Mohammad/Mohamad/Muhammad/Mohammed, Gholipour/Gholipur,
 * Hossein/Hussein/Husain, Saeed/Said, Qasem/Ghasem, Vahid/Wahid), so vowels are folded to a few
 * classes and doubled letters collapsed. "kh", "gh", "sh", "ch", "zh" stay distinct. Persian
 * script is untouched. A key, never displayed; applied to stored names and to queries alike.
 */
export function foldLatin(normalized: string): string {
  return normalized.replace(/[a-z]+/g, (word) =>
    word
      .replace(/ph/g, 'f')
      .replace(/w/g, 'v')
      .replace(/q/g, 'gh')
      .replace(/ou|oo/g, 'u')
      .replace(/ee/g, 'i')
      .replace(/o/g, 'u')
      .replace(/e/g, 'a')
      .replace(/([a-z])\1+/g, '$1'),
  );
}

/** Query forms of a search string: normalized, and the Latin transliteration key of it. */
export function searchKeys(input: string): { normalized: string; folded: string } {
  const normalized = normalizeName(input);
  return { normalized, folded: foldLatin(normalized) };
}

/**
 * The single searchable string of a person (persons.name_search, person_aliases.normalized): all
 * their names, normalized, plus the transliteration key of each Latin name that differs.
 */
export function nameSearchText(names: Array<string | null | undefined>): string {
  const normalized = names.filter((n): n is string => !!n).map(normalizeName).filter(Boolean);
  return [...new Set(normalized.flatMap((n) => [n, foldLatin(n)]))].join(' ');
}
