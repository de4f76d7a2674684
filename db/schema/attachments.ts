import { bigint, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { persons } from './persons';
import { testimonies } from './testimonies';
import { users } from './users';

export const attachmentKind = pgEnum('attachment_kind', ['image', 'video', 'audio', 'document']);
export const attachmentVisibility = pgEnum('attachment_visibility', ['public', 'moderators']);

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
    originalKey: text().notNull(),
    publicKey: text(),
    caption: text(),
    visibility: attachmentVisibility().notNull().default('moderators'),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.testimonyId), index().on(t.personId)],
);
