// The person fields a CSV column can be mapped to, and a first guess of the mapping from the
// header row. Pure data and functions: the mapping form (browser) and lib/imports share them.
import type { StoredImportMapping } from '@/db/schema/imports';
import { normalizeName } from '../search/normalize';

export const importFields = [
  'nameFa',
  'nameLatin',
  'fatherNameFa',
  'fatherNameLatin',
  'gender',
  'age',
  'birthYear',
  'occupation',
  'incidentDate',
  'province',
  'city',
  'place',
  'outcome',
  'cause',
  'perpetrator',
  'sourceUrl',
] as const;
export type ImportField = (typeof importFields)[number];

/** Field → index of the CSV column it is read from; unmapped fields are absent. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** What the mapping step stores: the columns, and the outcome for rows whose outcome cell is empty. */
export type ImportMapping = StoredImportMapping<ImportField>;

// Header names seen in lists kept by human-rights groups, in English and Persian (normalized).
const synonyms: Record<ImportField, string[]> = {
  nameFa: ['name fa', 'name persian', 'persian name', 'full name fa', 'نام', 'نام و نام خانوادگی', 'نام کامل'],
  nameLatin: ['name', 'name en', 'name latin', 'full name', 'english name', 'latin name', 'نام لاتین', 'نام انگلیسی'],
  fatherNameFa: ['father', 'father name', 'fathers name', 'father name fa', 'نام پدر'],
  fatherNameLatin: ['father name en', 'father name latin', 'fathers name latin'],
  gender: ['gender', 'sex', 'جنسیت', 'جنس'],
  age: ['age', 'سن'],
  birthYear: ['birth year', 'year of birth', 'born', 'سال تولد'],
  occupation: ['occupation', 'job', 'profession', 'شغل'],
  incidentDate: ['date', 'date of death', 'date of incident', 'incident date', 'تاریخ', 'تاریخ کشته شدن', 'تاریخ حادثه', 'تاریخ جان باختن'],
  province: ['province', 'استان'],
  city: ['city', 'town', 'شهر'],
  place: ['place', 'location', 'محل', 'مکان'],
  outcome: ['outcome', 'status', 'fate', 'وضعیت', 'سرنوشت'],
  cause: ['cause', 'cause of death', 'علت', 'علت مرگ', 'علت فوت'],
  perpetrator: ['perpetrator', 'alleged perpetrator', 'عامل', 'ضارب'],
  sourceUrl: ['source', 'source url', 'url', 'link', 'منبع', 'لینک', 'پیوند'],
};

const key = (header: string) => normalizeName(header).replace(/[\s_-]+/g, ' ');

/** Each field mapped to the first header that is one of its known names; the admin corrects the rest. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(key);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const field of importFields) {
    const index = keys.findIndex((k, i) => !used.has(i) && (k === key(field) || synonyms[field].some((s) => key(s) === k)));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}
