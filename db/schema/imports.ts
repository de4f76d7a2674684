import { index, integer, jsonb, pgEnum, pgTable, uuid } from 'drizzle-orm/pg-core';
import { collections } from './collections';
import { createdAt, tstz } from './columns';
import { users } from './users';

/**
 * What the mapping step stores (lib/imports/fields.ts `ImportMapping`, whose field names narrow the
 * keys): person field → index of the CSV column it is read from, and the outcome for rows whose
 * outcome cell is empty.
 */
export type StoredImportMapping<Field extends string = string> = { columns: Partial<Record<Field, number>>; defaultOutcome: string | null };

export const importStatus = pgEnum('import_status', ['uploaded', 'imported', 'discarded']);

/**
 * A CSV import in progress (lib/imports): the parsed cells are kept here between the upload, the
 * column mapping, the dry run and the import, so every step works as a plain form post. The cells
 * are personal data of the kind the memorial holds; they are emptied once the batch is imported or
 * discarded, and only the counts remain.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid().primaryKey().defaultRandom(),
    collectionId: uuid()
      .notNull()
      .references(() => collections.id),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    status: importStatus().notNull().default('uploaded'),
    headers: jsonb().$type<string[]>().notNull(),
    rows: jsonb().$type<string[][]>().notNull(),
    rowCount: integer().notNull(),
    /** Person field → index of the CSV column it comes from; null until the mapping step. */
    mapping: jsonb().$type<StoredImportMapping>(),
    /** Counts of the import, kept after the cells are emptied. */
    summary: jsonb().$type<Record<string, number>>(),
    createdAt: createdAt(),
    finishedAt: tstz(),
  },
  (t) => [index().on(t.createdAt)],
);
