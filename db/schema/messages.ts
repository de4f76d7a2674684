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
    body: text().notNull(),
    createdAt: createdAt(),
    readAt: tstz(),
  },
  (t) => [index('messages_testimony_created_at_idx').on(t.testimonyId, t.createdAt)],
);
