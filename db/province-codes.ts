// The ISO 3166-2:IR codes of Iran's 31 provinces: what the database stores in persons.province and
// what its CHECK constraint lists (db/schema/persons.ts), in this order. Their names for display are
// in lib/geo/provinces.ts. Pure data: safe to import from client code.
const codes = [
  'IR-00',
  'IR-01',
  'IR-02',
  'IR-03',
  'IR-04',
  'IR-05',
  'IR-06',
  'IR-07',
  'IR-08',
  'IR-09',
  'IR-10',
  'IR-11',
  'IR-12',
  'IR-13',
  'IR-14',
  'IR-15',
  'IR-16',
  'IR-17',
  'IR-18',
  'IR-19',
  'IR-20',
  'IR-21',
  'IR-22',
  'IR-23',
  'IR-24',
  'IR-25',
  'IR-26',
  'IR-27',
  'IR-28',
  'IR-29',
  'IR-30',
] as const;

export type ProvinceCode = (typeof codes)[number];
export const provinceCodes: ProvinceCode[] = [...codes];
