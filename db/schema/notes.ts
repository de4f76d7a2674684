import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { persons } from './persons';
import { testimonies } from './testimonies';
import { users } from './users';

/** Internal staff notes; never shown to submitters or the public. */
export const notes = pgTable(
  'notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    testimonyId: uuid().references(() => testimonies.id, { onDelete: 'cascade' }),
    personId: uuid().references(() => persons.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Sealed under `data_key` (lib/crypto/sealed-text.ts); plaintext only while `data_key` is null (before migration 0018). */
    body: text().notNull(),
    /** The note's own data key, wrapped; null only on rows written before migration 0018, until converted at start. */
    dataKey: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.testimonyId),
    index().on(t.personId),
    check('notes_target_check', sql`testimony_id IS NOT NULL OR person_id IS NOT NULL`),
  ],
);
