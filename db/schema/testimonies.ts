import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { ftsVector } from '../expressions/fts';
import { collections } from './collections';
import { createdAt, datePrecision, tstz, updatedAt } from './columns';
import { persons } from './persons';
import { users } from './users';

/** PRODUCT.md §4. Transitions live in one state machine in lib/testimonies, never ad hoc. */
export const testimonyStatus = pgEnum('testimony_status', [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'published',
  'rejected',
  'withdrawn',
  'unpublished',
  // Four-eyes: approved by one moderator, waiting for a second, different one.
  'awaiting_approval',
]);
// The first seven values predate the moderation screens and stay only because PostgreSQL cannot
// drop an enum value without rewriting the column; moderators choose from `rejectReasons`
// (lib/moderation/decisions.ts): duplicate, out_of_scope, not_credible, spam, unsafe.
export const rejectReason = pgEnum('reject_reason', [
  'insufficient_detail',
  'unverifiable',
  'duplicate',
  'off_topic',
  'unsafe',
  'fabricated',
  'other',
  'out_of_scope',
  'not_credible',
  'spam',
]);
export const consentPublish = pgEnum('consent_publish', ['public', 'documentation_only']);
export const consentCredit = pgEnum('consent_credit', ['anonymous', 'relationship', 'chosen_name']);
export const relationship = pgEnum('relationship', [
  'mother',
  'father',
  'sibling',
  'spouse',
  'child',
  'relative',
  'friend',
  'eyewitness',
  'medic',
  'journalist',
  'other',
]);
export const hand = pgEnum('hand', ['first', 'second']);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A submitter's account about one or more persons. The public only ever sees
 * `published_revision_id` (redacted), while `current_revision_id` may be a newer revision in review.
 * Consent defaults are the most protective choices.
 */
export const testimonies = pgTable(
  'testimonies',
  {
    id: uuid().primaryKey().defaultRandom(),
    collectionId: uuid()
      .notNull()
      .references(() => collections.id),
    submitterId: uuid()
      .notNull()
      .references(() => users.id),
    status: testimonyStatus().notNull().default('draft'),
    language: text().notNull().default('fa'),
    currentRevisionId: uuid().references((): AnyPgColumn => testimonyRevisions.id, { onDelete: 'set null' }),
    publishedRevisionId: uuid().references((): AnyPgColumn => testimonyRevisions.id, { onDelete: 'set null' }),
    claimedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    claimedAt: tstz(),
    rejectReason: rejectReason(),
    consentPublish: consentPublish().notNull().default('documentation_only'),
    consentCredit: consentCredit().notNull().default('anonymous'),
    // Before migration 0021 in the clear; now always null, the name is in credit_name_encrypted
    // (the testimony's data key, lib/testimonies/sealed.ts): it may be the submitter's own name.
    creditName: text(),
    creditNameEncrypted: text(),
    portraitPublic: boolean().notNull().default(false),
    exactPlacePublic: boolean().notNull().default(false),
    mayContact: boolean().notNull().default(false),
    // This testimony's data key, wrapped by the master key (lib/crypto/envelope.ts): it encrypts the
    // draft and every revision's narrative. Deleting the row deletes the key (crypto-shredding).
    // Null only on rows written before migration 0017, until lib/testimonies/encrypt-legacy.ts runs.
    dataKey: text(),
    // The submitter's working copy (lib/testimonies/draft-data.ts): who it is about and the account
    // being written, saved step by step on the server (never in browser storage). Submitting turns
    // it into a revision; it is the submitter's own text and never shown publicly. JSON, encrypted
    // with `data_key` (lib/testimonies/sealed.ts); null while nothing was saved.
    draft: text(),
    // A random token rendered into the "start" form: a double click, a retry or back-and-resubmit
    // finds the draft the first request created instead of creating another (unique per submitter).
    idempotencyKey: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: tstz(),
    publishedAt: tstz(),
    // MinHash of the submitted narrative's keyed word-shingle hashes (lib/abuse/coordinated.ts):
    // compares near-identical testimonies without reading the text, and reveals nothing of it.
    fingerprint: integer().array(),
    // The fingerprint's 32 bands of two values, one key each (SQL function coordinated_bands,
    // migration 0026): two fingerprints that agree in ≥ 60 % of positions share a band, so the
    // near-duplicate check reads the testimonies sharing a key (GIN index) instead of the whole window.
    fingerprintBands: bigint({ mode: 'bigint' }).array(),
  },
  (t) => [
    // The moderation queue: oldest submitted first, filtered by status.
    index('testimonies_status_submitted_at_idx').on(t.status, t.submittedAt),
    index('testimonies_status_created_at_idx').on(t.status, t.createdAt),
    // Coordinated-flood candidates: testimonies submitted within the window that have a fingerprint.
    index('testimonies_fingerprint_submitted_at_idx').on(t.submittedAt).where(sql`${t.fingerprint} is not null`),
    // fastupdate off: every submission searches it, and a pending list of fresh entries is read in
    // full by each search (47 ms with 5,000 entries pending, 0.4 ms without).
    index('testimonies_fingerprint_bands_idx').using('gin', t.fingerprintBands).with({ fastupdate: false }).where(sql`${t.fingerprintBands} is not null`),
    // Published testimonies with a newer revision in review (the queue's "edited"): few among many.
    index('testimonies_revision_in_review_idx')
      .on(t.submittedAt, t.id)
      .where(sql`status = 'published' and current_revision_id <> published_revision_id`),
    // The queue's whole work set (lib/moderation/queue.ts, claims.ts) oldest first: the first page and
    // "claim next" read the first matching entries instead of walking every testimony. Written as
    // "not a settled status" because drizzle applies pending migrations in one transaction and the
    // 'awaiting_approval' value (0008) cannot be named before that transaction commits.
    index('testimonies_queue_idx')
      .on(t.submittedAt, t.id)
      .where(
        sql`(${t.status} not in ('draft', 'published', 'rejected', 'withdrawn', 'unpublished') or (${t.status} = 'published' and ${t.currentRevisionId} <> ${t.publishedRevisionId})) and ${t.submittedAt} is not null`,
      ),
    index('testimonies_submitter_updated_at_idx').on(t.submitterId, t.updatedAt),
    index().on(t.collectionId),
    index().on(t.claimedBy),
    // From a matching published revision to its testimony (full-text search), and the public-data
    // triggers' "is this revision published?" check on every revision insert.
    index('testimonies_published_revision_idx').on(t.publishedRevisionId).where(sql`${t.publishedRevisionId} is not null`),
    // The foreign key's ON DELETE SET NULL looks testimonies up by current revision for every
    // deleted revision: without this, purging one testimony scanned all of them (minutes a batch at 1,000,000).
    index('testimonies_current_revision_idx').on(t.currentRevisionId),
    // Public testimonies newest first (open data, feeds) without sorting them all.
    index('testimonies_public_recent_idx')
      .on(sql`${t.publishedAt} desc`, t.id)
      .where(sql`${t.status} = 'published' and ${t.consentPublish} = 'public' and ${t.publishedRevisionId} is not null`),
    unique('testimonies_submitter_idempotency_key').on(t.submitterId, t.idempotencyKey),
  ],
);

/**
 * How many testimonies each queue status holds (lib/moderation/queue.ts), kept by a trigger on
 * testimonies in the transaction of every change (migration 0026): the queue page reads a few rows
 * instead of counting 140,000 entries. Several rows per status (`shard`, chosen by the writing
 * backend) so that concurrent submissions do not queue on one counter row; a status's count is the
 * sum of its rows. `edited` counts published testimonies with a newer revision in review.
 */
export const queueCounts = pgTable(
  'queue_counts',
  {
    status: text().notNull(),
    shard: smallint().notNull(),
    n: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.shard] })],
);

/** Immutable versions of a testimony's content; a new edit is a new revision. */
export const testimonyRevisions = pgTable(
  'testimony_revisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    testimonyId: uuid()
      .notNull()
      .references((): AnyPgColumn => testimonies.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    relationship: relationship().notNull(),
    hand: hand().notNull(),
    // The submitter's text as sent, encrypted with the testimony's data key (lib/testimonies/sealed.ts).
    narrative: text().notNull(),
    // The text as published (a moderator's redaction), written only when this revision is
    // published: the only narrative ever shown publicly, and the only one indexed.
    redactedNarrative: text(),
    // The moderator's redaction before publication (saved for the preview, or approved once and
    // waiting for a second approval), encrypted with the testimony's data key like the narrative:
    // until it is published it is as private as the text it was made from (lib/moderation/decisions.ts).
    redactionDraft: text(),
    // Bumped by every save of the redaction draft; a save must name the version it was made on
    // (lib/concurrency/version.ts), so a save on a text someone changed meanwhile is refused.
    redactionVersion: integer().notNull().default(0),
    eventDate: date({ mode: 'string' }),
    eventDatePrecision: datePrecision(),
    // Before migration 0021 in the clear; now always null, the place is in event_place_encrypted
    // (the testimony's data key): a street or a home can point at the family.
    eventPlace: text(),
    eventPlaceEncrypted: text(),
    // The place readers see when the submitter did not consent to the exact one: the city of the
    // person it is about, fixed when this revision was published, as the review's preview showed
    // it (lib/moderation/public-place.ts). A later edit of the person's city does not reach a
    // published testimony: its public place changes only through its own moderation.
    publicCity: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    // The token of the form that created this revision: a repeated post adds no second revision.
    idempotencyKey: text(),
    createdAt: createdAt(),
    // Full-text search over the public text (db/expressions/fts.ts), only ever queried through a
    // testimony's published_revision_id. Never over `narrative`: that is ciphertext, and its words
    // must not reach an index in the clear.
    publicSearch: tsvector().generatedAlwaysAs(() => ftsVector(sql`redacted_narrative`)),
  },
  (t) => [
    unique('testimony_revisions_testimony_number_key').on(t.testimonyId, t.number),
    unique('testimony_revisions_testimony_idempotency_key').on(t.testimonyId, t.idempotencyKey),
    index('testimony_revisions_public_search_idx').using('gin', t.publicSearch),
  ],
);

export const testimonyPersons = pgTable(
  'testimony_persons',
  {
    testimonyId: uuid()
      .notNull()
      .references(() => testimonies.id, { onDelete: 'cascade' }),
    personId: uuid()
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.testimonyId, t.personId] }), index().on(t.personId)],
);
