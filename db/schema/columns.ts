import { pgEnum, timestamp } from 'drizzle-orm/pg-core';

// Every instant is stored with its time zone; dates that are only days use `date` columns.
export const tstz = () => timestamp({ withTimezone: true, mode: 'date' });
export const createdAt = () => tstz().notNull().defaultNow();
export const updatedAt = () =>
  tstz()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** How precise a date is: family memory often gives "around Aban" rather than a day. */
export const datePrecision = pgEnum('date_precision', ['exact', 'month', 'year', 'approximate', 'early', 'mid', 'late']);
