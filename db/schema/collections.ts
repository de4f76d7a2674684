import { boolean, date, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/** An event context (e.g. the November 2019 uprising). Every person and testimony belongs to one. */
export const collections = pgTable('collections', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  nameFa: text().notNull(),
  nameEn: text().notNull(),
  descriptionFa: text(),
  descriptionEn: text(),
  startsOn: date({ mode: 'string' }),
  endsOn: date({ mode: 'string' }),
  // New testimonies go to an open collection; closing one keeps its records but takes no more.
  // Default true so collections that existed before this column keep accepting submissions.
  openForSubmissions: boolean().notNull().default(true),
  createdAt: createdAt(),
});
