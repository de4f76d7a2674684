import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { persons } from './persons';
import { testimonies } from './testimonies';
import { users } from './users';

export const attachmentKind = pgEnum('attachment_kind', ['image', 'video', 'audio', 'document']);
export const attachmentVisibility = pgEnum('attachment_visibility', ['public', 'moderators']);
/** processing: received, job queued; ready: derivative made (or flagged); refused: could not be processed. */
export const attachmentStatus = pgEnum('attachment_status', ['processing', 'ready', 'refused']);

/**
 * An uploaded file. `original_key` points at the bytes as received (moderators only, chain of
 * custody via `sha256`); only `public_key`, a derivative stripped of EXIF/XMP/IPTC/GPS and
 * container metadata, may ever be served publicly.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    testimonyId: uuid().references(() => testimonies.id, { onDelete: 'cascade' }),
    personId: uuid().references(() => persons.id, { onDelete: 'set null' }),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    kind: attachmentKind().notNull(),
    mime: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    /** The received bytes, always sealed (AES-256-GCM); null once deleted (kept only if asked). */
    originalKey: text(),
    /**
     * The original's own data key, wrapped by the master key (lib/crypto/envelope.ts); cleared with
     * the original, so a copy left in storage can no longer be opened. Null on rows from before
     * migration 0017, whose originals are sealed with the global key (lib/crypto/secret-box.ts).
     */
    dataKey: text(),
    /** The submitter asked to keep the original for verification. */
    keepOriginal: boolean().notNull().default(false),
    publicKey: text(),
    /** Verified type of the derivative at `public_key` (e.g. HEIC becomes JPEG). */
    publicMime: text(),
    status: attachmentStatus().notNull().default('processing'),
    /** True only when the derivative provably carries no metadata (sharp re-encode, ffmpeg strip). */
    metadataRemoved: boolean().notNull().default(false),
    /** The submitter's caption as sent: moderators only (it may name or locate someone). */
    caption: text(),
    /**
     * The caption readers see: written only by a moderator (lib/media/captions.ts), from the
     * submitter's with anything identifying taken out. Null: the file is public without a caption.
     * The public projection reads this column and never `caption`.
     */
    publicCaption: text(),
    visibility: attachmentVisibility().notNull().default('moderators'),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.testimonyId),
    index().on(t.personId),
    // PRODUCT.md principle 4, enforced by the database: nothing with metadata can be made public.
    check(
      'attachments_public_requires_clean_derivative',
      sql`${t.visibility} <> 'public' or (${t.metadataRemoved} and ${t.publicKey} is not null)`,
    ),
  ],
);
