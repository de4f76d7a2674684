import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns';
import { testimonies } from './testimonies';
import { users } from './users';

/** The follow-up channel between moderators and a submitter about one testimony. */
export const messages = pgTable(
  'messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    testimonyId: uuid()
      .notNull()
      .references(() => testimonies.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Sealed under `data_key` (lib/crypto/sealed-text.ts); plaintext only while `data_key` is null (before migration 0018). */
    body: text().notNull(),
    /** The message's own data key, wrapped; null only on rows written before migration 0018, until converted at start. */
    dataKey: text(),
    createdAt: createdAt(),
    readAt: tstz(),
  },
  (t) => [index('messages_testimony_created_at_idx').on(t.testimonyId, t.createdAt)],
);
