import { date, pgTable, text, uuid } from 'drizzle-orm/pg-core';
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
  createdAt: createdAt(),
});
