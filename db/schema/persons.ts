import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { provinceCodes } from '../province-codes';
import { ftsNormalizedText, nameWords } from '../expressions/fts';
import { publicDateKey, publicNameEnKey, publicRecentKey } from '../expressions/person-order';
import { attachments } from './attachments';
import { collections } from './collections';
import { createdAt, datePrecision, tstz, updatedAt } from './columns';
import { users } from './users';

export const gender = pgEnum('gender', ['female', 'male', 'other', 'unknown']);
export const outcome = pgEnum('outcome', ['killed', 'injured', 'detained', 'disappeared', 'executed', 'other']);
export const perpetrator = pgEnum('perpetrator', ['irgc', 'basij', 'police', 'plainclothes', 'unknown', 'other']);
export const verificationLevel = pgEnum('verification_level', ['unverified', 'corroborated', 'verified']);
export const personStatus = pgEnum('person_status', ['draft', 'published', 'hidden']);

/** Known aftermath tags; the column is text[] so new tags need no migration (validated in lib/). */
export const aftermathTags = [
  'body_withheld',
  'family_threatened',
  'burial_restricted',
  'forced_statement',
  'fee_demanded',
  'family_detained',
] as const;

// sql.raw on constants only (the 31 ISO codes above): CHECK constraints cannot take bound parameters.
const provinceListSql = provinceCodes.map((c) => `'${c}'`).join(', ');
const provinceList = sql.raw(provinceListSql);

/** The victim: the memorial's unit. Public only when status = 'published'. */
export const persons = pgTable(
  'persons',
  {
    id: uuid().primaryKey().defaultRandom(),
    collectionId: uuid()
      .notNull()
      .references(() => collections.id),
    slug: text().notNull().unique(),
    nameFa: text().notNull(),
    nameLatin: text(),
    fatherNameFa: text(),
    fatherNameLatin: text(),
    gender: gender().notNull().default('unknown'),
    age: integer(),
    birthYear: integer(),
    occupation: text(),
    incidentDate: date({ mode: 'string' }),
    incidentDatePrecision: datePrecision(),
    province: text(),
    city: text(),
    place: text(),
    outcome: outcome().notNull(),
    cause: text(),
    perpetrator: perpetrator().notNull().default('unknown'),
    aftermath: text().array().notNull().default(sql`'{}'::text[]`),
    // Set by moderators when the cause or the person's public files are graphic: the public page
    // shows a note and keeps images blurred until the reader chooses to see them.
    sensitiveContent: boolean().notNull().default(false),
    portraitAttachmentId: uuid().references((): AnyPgColumn => attachments.id, { onDelete: 'set null' }),
    verification: verificationLevel().notNull().default('unverified'),
    verificationNote: text(),
    status: personStatus().notNull().default('draft'),
    // Under 18 at the incident (age, or birth year against the incident's year): the full name and
    // portrait need two moderators' approval before they are public (person_identity_approvals).
    minor: boolean()
      .notNull()
      .generatedAlwaysAs(
        sql`coalesce(age < 18, false) or coalesce(extract(year from incident_date) - birth_year < 18, false)`,
      ),
    // Normalized names (Persian letter variants unified, Latin lower-cased) for trigram search;
    // written by the application with lib/search/normalize.ts.
    nameSearch: text().notNull().default(''),
    mergedIntoId: uuid().references((): AnyPgColumn => persons.id, { onDelete: 'set null' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: tstz(),
    // Bumped by every edit of the record from the staff editor; an edit must name the version it
    // was made on (lib/concurrency/version.ts), so an edit of a stale record is refused.
    version: integer().notNull().default(0),
  },
  (t) => [
    index().on(t.collectionId),
    index('persons_status_published_at_idx').on(t.status, t.publishedAt),
    index().on(t.province),
    // The staff list's keyset order (newest first).
    index('persons_created_at_id_idx').on(t.createdAt, t.id),
    // The queue's "concerns a person under 18" mark and filter read the few minors, not every person.
    index('persons_minor_idx').on(t.id).where(sql`${t.minor}`),
    index('persons_name_search_trgm_idx').using('gin', t.nameSearch.op('gin_trgm_ops')),
    // Search's "spaces ignored" match (ZWNJ vs space vs nothing) uses this expression, so every
    // branch of the name condition is indexed and the planner can combine them (BitmapOr).
    index('persons_name_search_compact_trgm_idx').using('gin', sql`replace(${t.nameSearch}, ' ', '') gin_trgm_ops`),
    // Search's word lookup (lib/memorial/search-hits.ts): one posting list per name word.
    index('persons_name_words_idx').using('gin', nameWords(sql`${t.nameSearch}`)),
    // Search's "the query names their city" match (lib/memorial/search.ts), the same expression.
    index('persons_city_normalized_idx').on(ftsNormalizedText(sql`coalesce(${t.city}, '')`)),
    // Browsing public persons in each order of the search page (lib/memorial/search.ts), a keyset
    // page at a time without sorting them all. The keys are never null (coalesce to the end of the
    // order), so the page after a cursor is one index range (`key >= cursor`), which a nullable
    // key's "or key is null" would turn into a walk from the start.
    index('persons_public_recent_idx')
      .on(sql`${publicRecentKey(t.publishedAt)} desc`, t.id)
      .where(sql`${t.status} = 'published' and ${t.mergedIntoId} is null`),
    index('persons_public_date_idx')
      .on(publicDateKey(t.incidentDate), t.id)
      .where(sql`${t.status} = 'published' and ${t.mergedIntoId} is null`),
    index('persons_public_name_en_idx')
      .on(publicNameEnKey(t.nameLatin, t.nameFa), t.id)
      .where(sql`${t.status} = 'published' and ${t.mergedIntoId} is null`),
    index('persons_public_name_fa_idx')
      .on(t.nameFa, t.id)
      .where(sql`${t.status} = 'published' and ${t.mergedIntoId} is null`),
    check('persons_province_check', sql`province IS NULL OR province IN (${provinceList})`),
    check('persons_age_check', sql`age IS NULL OR (age >= 0 AND age <= 130)`),
  ],
);

/** Other spellings of a person's name (transliterations, nicknames), searchable like the name. */
export const personAliases = pgTable(
  'person_aliases',
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid()
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    script: text().notNull(), // 'fa' | 'latin' | other ISO 15924-ish tag
    normalized: text().notNull(),
  },
  (t) => [
    index().on(t.personId),
    index('person_aliases_normalized_trgm_idx').using('gin', t.normalized.op('gin_trgm_ops')),
    index('person_aliases_normalized_compact_trgm_idx').using('gin', sql`replace(${t.normalized}, ' ', '') gin_trgm_ops`),
    index('person_aliases_normalized_words_idx').using('gin', nameWords(sql`${t.normalized}`)),
  ],
);

/** Public sources (news articles, reports) about a person. */
export const personSources = pgTable(
  'person_sources',
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid()
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    title: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.personId)],
);
