// The public projection's shapes: what readers, the open-data API and downloads may ever see.
// Each list of keys is the contract: projection.integration.test.ts and the open-data integration
// test (nested objects included) fail if a DTO or API object carries any other key.
// Values are plain JSON (strings, numbers, booleans, arrays): results are cached as JSON, and
// the API serializes them as they are.

export const publicPersonSummaryKeys = [
  'id',
  'slug',
  'collectionSlug',
  'nameFa',
  'nameLatin',
  'gender',
  'age',
  'incidentDate',
  'incidentDatePrecision',
  'province',
  'city',
  'outcome',
  'perpetrator',
  'verification',
  'publishedAt',
] as const;

export const publicPersonKeys = [
  ...publicPersonSummaryKeys,
  'collection',
  'fatherNameFa',
  'fatherNameLatin',
  'otherNames',
  'birthYear',
  'occupation',
  'place',
  'cause',
  'aftermath',
  'sensitiveContent',
  'portrait',
  'sources',
  'testimonyCount',
  'updatedAt',
] as const;

export const publicTestimonyKeys = [
  'id',
  'personIds',
  'language',
  'hand',
  'credit',
  'narrative',
  'eventDate',
  'eventDatePrecision',
  'place',
  'attachments',
  'publishedAt',
] as const;

export type Gender = 'female' | 'male' | 'other' | 'unknown';
export type Outcome = 'killed' | 'injured' | 'detained' | 'disappeared' | 'executed' | 'other';
export type Perpetrator = 'irgc' | 'basij' | 'police' | 'plainclothes' | 'unknown' | 'other';
export type Verification = 'unverified' | 'corroborated' | 'verified';
/** `early` / `mid` / `late`: a part of a month («اوایل آبان»), stored as the month's first day. */
export type DatePrecision = 'exact' | 'month' | 'year' | 'approximate' | 'early' | 'mid' | 'late';
export type Relationship =
  | 'mother'
  | 'father'
  | 'sibling'
  | 'spouse'
  | 'child'
  | 'relative'
  | 'friend'
  | 'eyewitness'
  | 'medic'
  | 'journalist'
  | 'other';

/** A person in lists (search results, home page, API list). */
export type PublicPersonSummary = {
  id: string;
  slug: string;
  collectionSlug: string;
  nameFa: string;
  nameLatin: string | null;
  gender: Gender;
  age: number | null;
  /** ISO date (yyyy-mm-dd); read with incidentDatePrecision. */
  incidentDate: string | null;
  incidentDatePrecision: DatePrecision | null;
  /** ISO 3166-2:IR code (lib/geo/provinces.ts). */
  province: string | null;
  city: string | null;
  outcome: Outcome;
  perpetrator: Perpetrator;
  verification: Verification;
  /** ISO instant. */
  publishedAt: string | null;
};

export type PublicCollection = { slug: string; nameFa: string; nameEn: string };
/** A collection as its public pages show it (the overview lists these). */
export type CollectionPage = PublicCollection & {
  id: string;
  descriptionFa: string | null;
  descriptionEn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  openForSubmissions: boolean;
};
export type PublicSource = { url: string; title: string | null };
/** A public, metadata-stripped image; `src` is served by the media route (publicMediaPath). */
export type PublicImage = { id: string; src: string; caption: string | null };
export type PublicAttachment = PublicImage & { kind: 'image' | 'video' | 'audio' | 'document'; mime: string };

/** A person's page (and the API's single-person object). */
export type PublicPerson = PublicPersonSummary & {
  collection: PublicCollection;
  fatherNameFa: string | null;
  fatherNameLatin: string | null;
  /** Other spellings (aliases), in any script. */
  otherNames: string[];
  birthYear: number | null;
  occupation: string | null;
  place: string | null;
  cause: string | null;
  aftermath: string[];
  sensitiveContent: boolean;
  /** Only when the portrait is public and, if it came with a testimony, its submitter consented. */
  portrait: PublicImage | null;
  sources: PublicSource[];
  testimonyCount: number;
  updatedAt: string;
};

/** How a testimony is credited, exactly as its submitter consented. */
export type PublicCredit =
  | { kind: 'anonymous' }
  | { kind: 'relationship'; relationship: Relationship; year: number | null; yearSolarHijri: number | null }
  | { kind: 'name'; name: string; year: number | null; yearSolarHijri: number | null };

export type PublicTestimony = {
  id: string;
  /** The published persons it is about (never an unpublished one). */
  personIds: string[];
  language: string;
  hand: 'first' | 'second';
  credit: PublicCredit;
  /** The moderator-approved, redacted text. */
  narrative: string;
  eventDate: string | null;
  eventDatePrecision: DatePrecision | null;
  /** The exact place only with the submitter's consent; otherwise the person's city, as it was when the testimony was published. */
  place: string | null;
  attachments: PublicAttachment[];
  publishedAt: string | null;
};

export type MemorialOverview = {
  /** The collection these numbers are about; null for the site across all collections. */
  collectionId: string | null;
  personsDocumented: number;
  testimoniesPublished: number;
  byOutcome: Record<Outcome, number>;
  latest: PublicPersonSummary[];
};

/** Where public, stripped media files are served. One place, so the media route can change it. */
export function publicMediaPath(attachmentId: string): string {
  return `/api/media/${attachmentId}`;
}
