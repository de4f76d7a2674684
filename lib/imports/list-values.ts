// Provinces as published victim lists write them: "Khorasan Razavi", "Kohgiluyeh and Boyer-Ahmad",
// «استان تهران». Pure: used by the import's row reader (lib/imports/row.ts), unit-tested without a
// database. Dates: lib/i18n/typed-dates.ts.
import { provinces } from '../geo/provinces';
import { foldLatin, normalizeName } from '../search/normalize';

// Words that name no province by themselves: "province", the connector "and"/"va"/"و", the
// Persian ezafe written "-e" in transliterations ("Khorasan-e Razavi").
const fillers = new Set(['province', 'ostan', 'استان', 'and', 'va', 'و', 'e', 'ye']);
// Spellings the official names do not reach by folding and word order alone.
const provinceAliases: Record<string, string[]> = {
  'IR-00': ['central'],
  'IR-01': ['guilan'],
  'IR-03': ['azarbaijan sharqi', 'azarbayjan sharghi', 'east azarbaijan', 'azerbaijan east'],
  'IR-04': ['azarbaijan gharbi', 'azarbayjan gharbi', 'west azarbaijan', 'azerbaijan west'],
  'IR-05': ['kermanshahan'],
  'IR-06': ['khouzestan', 'khuzistan'],
  'IR-09': ['khorasan razavi'],
  'IR-10': ['esfahan'],
  'IR-11': ['sistan baluchistan', 'sistan balochestan', 'sistan baluchestan'],
  'IR-12': ['kordestan', 'kurdestan'],
  'IR-13': ['hamedan'],
  'IR-14': ['chaharmahal bakhtiari', 'chahar mahal bakhtiari', 'chaharmahal bakhtiyari'],
  'IR-15': ['luristan'],
  'IR-17': ['kohgiluyeh boyer ahmad', 'kohgiluyeh boyerahmad', 'kohkiluyeh buyer ahmad', 'kohgiluyeh boyer ahmadi'],
  'IR-18': ['boushehr', 'bushire'],
  'IR-23': ['teheran'],
  'IR-24': ['ardebil'],
  'IR-25': ['ghom'],
  'IR-26': ['ghazvin'],
  'IR-28': ['khorasan shomali'],
  'IR-29': ['khorasan jonubi'],
};

/** Word order, connectors, "province", ZWNJ and transliteration variants do not matter. */
function provinceKey(name: string): string {
  return normalizeName(name.replace(/&/g, ' and '))
    .split(' ')
    .filter((w) => w && !fillers.has(w))
    .map(foldLatin)
    .sort()
    .join(' ');
}

const provinceByKey = new Map<string, string>(
  provinces.flatMap((p) => [p.nameFa, p.nameEn, p.code, ...(provinceAliases[p.code] ?? [])].map((n) => [provinceKey(n), p.code] as const)),
);

/** The ISO code of the province a list names, or null. */
export function parseListProvince(raw: string): string | null {
  return provinceByKey.get(provinceKey(raw)) ?? null;
}
