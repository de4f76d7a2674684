// Every field of the public person and testimony DTOs as a row the review page shows (issue 15:
// nothing reaches a public page that the review did not show). The maps are typed by the DTOs, so
// a new public field does not compile until it has a row here; publication-preview.integration.test.ts
// checks the rows against the keys the projection actually returns. Pure: formatting is passed in.
import type { PublicAttachment, PublicCredit, PublicPerson, PublicTestimony } from '@/lib/memorial/dto';

export type FieldFormat = {
  /** A translated enum value: `group` is outcome, perpetrator, gender, verification, aftermath, hand, precision or language. */
  choice: (group: string, value: string) => string;
  province: (code: string) => string;
  date: (iso: string, precision: string | null) => string;
  instant: (iso: string) => string;
  yesNo: (value: boolean) => string;
  credit: (credit: PublicCredit) => string;
  number: (n: number) => string;
  list: (items: string[]) => string;
  /** In place of a publication date that publishing will set. */
  whenPublished: string;
};

export type FieldRow = { key: string; value: string | null };

type Renderers<T> = { [K in keyof Required<T>]: (value: T[K], all: T, f: FieldFormat) => string | null };

const text = (v: string | null) => v || null;
const files = (list: PublicAttachment[], f: FieldFormat) => (list.length ? f.list(list.map((a) => `${f.choice('kind', a.kind)}${a.caption ? `: ${a.caption}` : ''}`)) : null);

const personRenderers: Renderers<PublicPerson> = {
  id: (v) => v,
  slug: (v) => v,
  collectionSlug: (v) => v,
  nameFa: text,
  nameLatin: text,
  gender: (v, _, f) => f.choice('gender', v),
  age: (v, _, f) => (v === null ? null : f.number(v)),
  incidentDate: (v, p, f) => (v ? f.date(v, p.incidentDatePrecision) : null),
  incidentDatePrecision: (v, _, f) => (v ? f.choice('precision', v) : null),
  province: (v, _, f) => (v ? f.province(v) : null),
  city: text,
  outcome: (v, _, f) => f.choice('outcome', v),
  perpetrator: (v, _, f) => f.choice('perpetrator', v),
  verification: (v, _, f) => f.choice('verification', v),
  publishedAt: (v, _, f) => (v ? f.instant(v) : null),
  collection: (v) => v.slug,
  fatherNameFa: text,
  fatherNameLatin: text,
  otherNames: (v, _, f) => (v.length ? f.list(v) : null),
  birthYear: (v) => (v === null ? null : String(v)),
  occupation: text,
  place: text,
  cause: text,
  aftermath: (v, _, f) => (v.length ? f.list(v.map((a) => f.choice('aftermath', a))) : null),
  sensitiveContent: (v, _, f) => f.yesNo(v),
  portrait: (v, _, f) => (v ? `${f.choice('kind', 'image')}${v.caption ? `: ${v.caption}` : ''}` : null),
  sources: (v, _, f) => (v.length ? f.list(v.map((s) => (s.title ? `${s.title} (${s.url})` : s.url))) : null),
  testimonyCount: (v, _, f) => f.number(v),
  updatedAt: (v, _, f) => f.instant(v),
};

const testimonyRenderers: Renderers<PublicTestimony> = {
  id: (v) => v,
  personIds: (v, _, f) => f.number(v.length),
  language: (v, _, f) => f.choice('language', v),
  hand: (v, _, f) => f.choice('hand', v),
  credit: (v, _, f) => f.credit(v),
  narrative: text,
  eventDate: (v, t, f) => (v ? f.date(v, t.eventDatePrecision) : null),
  eventDatePrecision: (v, _, f) => (v ? f.choice('precision', v) : null),
  place: text,
  attachments: (v, _, f) => files(v, f),
  publishedAt: (v, _, f) => (v ? f.instant(v) : f.whenPublished),
};

function rows<T extends object>(renderers: Renderers<T>, dto: T, f: FieldFormat): FieldRow[] {
  return (Object.keys(renderers) as (keyof T)[]).map((key) => ({ key: String(key), value: (renderers[key] as (v: unknown, all: T, f: FieldFormat) => string | null)(dto[key], dto, f) }));
}

export const personFieldRows = (p: PublicPerson, f: FieldFormat) => rows(personRenderers, p, f);
export const testimonyFieldRows = (t: PublicTestimony, f: FieldFormat) => rows(testimonyRenderers, t, f);
