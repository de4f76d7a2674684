// One CSV row → the values of a new person record, or the reasons it cannot be imported. Pure:
// unit-tested without a database, and run again inside the import's transaction.
import { nameSearchText, normalizeName } from '../search/normalize';
import { asciiDigits } from '../validation/testimony';
import type { ImportField, ImportMapping } from './fields';
import { parseListDate } from '../i18n/typed-dates';
import { parseListProvince } from './list-values';

type Gender = 'female' | 'male' | 'other' | 'unknown';
type Perpetrator = 'irgc' | 'basij' | 'police' | 'plainclothes' | 'unknown' | 'other';
const outcomes = ['killed', 'injured', 'detained', 'disappeared', 'executed', 'other'] as const;
export type ImportOutcome = (typeof outcomes)[number];
export const importOutcomes = outcomes;

export type ImportedPerson = {
  nameFa: string;
  nameLatin: string | null;
  fatherNameFa: string | null;
  fatherNameLatin: string | null;
  gender: Gender;
  age: number | null;
  birthYear: number | null;
  occupation: string | null;
  incidentDate: string | null;
  incidentDatePrecision: 'exact' | 'month' | 'year' | null;
  province: string | null;
  city: string | null;
  place: string | null;
  outcome: ImportOutcome;
  cause: string | null;
  perpetrator: Perpetrator;
  nameSearch: string;
  sourceUrl: string | null;
};

/** Field → catalogue key under `Import.rowErrors`. */
export type RowErrors = Partial<Record<ImportField | 'name', string>>;

// Words used for these values in lists, in English and Persian (normalized, lower case).
const genderWords: Record<string, Gender> = {
  f: 'female', female: 'female', woman: 'female', girl: 'female', زن: 'female', دختر: 'female', مونث: 'female',
  m: 'male', male: 'male', man: 'male', boy: 'male', مرد: 'male', پسر: 'male', مذکر: 'male',
  other: 'other', دیگر: 'other', unknown: 'unknown', نامعلوم: 'unknown', نامشخص: 'unknown',
};
const outcomeWords: Record<string, ImportOutcome> = {
  killed: 'killed', dead: 'killed', died: 'killed', کشته: 'killed', 'کشته شده': 'killed', 'جان باخته': 'killed', جانباخته: 'killed',
  injured: 'injured', wounded: 'injured', زخمی: 'injured', مجروح: 'injured',
  detained: 'detained', arrested: 'detained', بازداشت: 'detained', 'بازداشت شده': 'detained',
  disappeared: 'disappeared', missing: 'disappeared', ناپدید: 'disappeared', 'ناپدید شده': 'disappeared', مفقود: 'disappeared',
  executed: 'executed', اعدام: 'executed', 'اعدام شده': 'executed',
  other: 'other', دیگر: 'other',
};
const perpetratorWords: Record<string, Perpetrator> = {
  irgc: 'irgc', 'سپاه': 'irgc', basij: 'basij', بسیج: 'basij', police: 'police', پلیس: 'police', ناجا: 'police', 'نیروی انتظامی': 'police',
  plainclothes: 'plainclothes', 'لباس شخصی': 'plainclothes', unknown: 'unknown', نامعلوم: 'unknown', other: 'other',
};
const word = (v: string) => normalizeName(v);

/** Birth years before 1700 are Solar Hijri (1375 → 1996; the year spans two Gregorian ones). */
const gregorianYear = (year: number | null) => (year !== null && year < 1700 ? year + 621 : year);

/** The person a row describes, or the errors that keep it out. */
export function readRow(cells: readonly string[], mapping: ImportMapping): { person: ImportedPerson | null; errors: RowErrors } {
  const errors: RowErrors = {};
  const cell = (field: ImportField) => {
    const index = mapping.columns[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const text = (field: ImportField, max = 200) => {
    const v = cell(field);
    if (v.length > max) errors[field] = 'tooLong';
    return v || null;
  };
  const int = (field: ImportField, min: number, max: number) => {
    const v = asciiDigits(cell(field));
    if (!v) return null;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      errors[field] = 'invalid';
      return null;
    }
    return Number(v);
  };
  const choice = <T extends string>(field: ImportField, words: Record<string, T>) => {
    const v = cell(field);
    if (!v) return null;
    const found = words[word(v)];
    if (!found) errors[field] = 'unknownValue';
    return found ?? null;
  };

  const nameFa = text('nameFa');
  const nameLatin = text('nameLatin');
  if (!nameFa && !nameLatin) errors.name = 'nameMissing';
  const dateRaw = cell('incidentDate');
  const parsedDate = dateRaw ? parseListDate(dateRaw) : null;
  const date = typeof parsedDate === 'object' ? parsedDate : null;
  if (parsedDate === 'invalid') errors.incidentDate = 'invalidDate';
  if (parsedDate === 'ambiguous') errors.incidentDate = 'ambiguousDate';
  const provinceRaw = cell('province');
  const province = provinceRaw ? parseListProvince(provinceRaw) : null;
  if (provinceRaw && !province) errors.province = 'unknownValue';
  const outcome = choice('outcome', outcomeWords) ?? (cell('outcome') ? null : (mapping.defaultOutcome as ImportOutcome | null));
  if (!outcome && !errors.outcome) errors.outcome = 'outcomeMissing';
  // Public links only: a source can never be a javascript: or data: URL.
  const sourceUrl = text('sourceUrl', 2000);
  if (sourceUrl && !/^https?:\/\/\S+$/i.test(sourceUrl)) errors.sourceUrl = 'invalidUrl';

  const person: ImportedPerson = {
    nameFa: (nameFa ?? nameLatin) as string,
    nameLatin,
    fatherNameFa: text('fatherNameFa'),
    fatherNameLatin: text('fatherNameLatin'),
    gender: choice('gender', genderWords) ?? 'unknown',
    age: int('age', 0, 130),
    birthYear: gregorianYear(int('birthYear', 1250, new Date().getUTCFullYear())),
    occupation: text('occupation'),
    incidentDate: date?.iso ?? null,
    incidentDatePrecision: date?.precision ?? null,
    province,
    city: text('city'),
    place: text('place'),
    outcome: outcome as ImportOutcome,
    cause: text('cause', 500),
    perpetrator: choice('perpetrator', perpetratorWords) ?? 'unknown',
    nameSearch: nameSearchText([nameFa, nameLatin]),
    sourceUrl,
  };
  return Object.keys(errors).length ? { person: null, errors } : { person, errors };
}
