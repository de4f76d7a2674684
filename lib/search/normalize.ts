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
    // NFKD splits آ/أ/إ/ؤ/ئ/ۀ into a base letter and a mark; the marks are then dropped.
    .normalize('NFKD')
    .replace(/[\u064B-\u065F\u0670\u0300-\u036F]/g, '') // Arabic harakat and Latin combining marks
    .replace(/[\u200B-\u200F\u202A-\u202E\u0640]/g, ' ') // ZWNJ/ZWJ, direction marks, tatweel
    .replace(/[يىكةەٱ]/g, (c) => letterMap[c] ?? c)
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The single searchable string of a person: all their names, normalized and joined. */
export function nameSearchText(names: Array<string | null | undefined>): string {
  return [...new Set(names.filter((n): n is string => !!n).map(normalizeName).filter(Boolean))].join(' ');
}
