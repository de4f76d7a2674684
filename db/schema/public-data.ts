import { sql } from 'drizzle-orm';
import { bigint, check, jsonb, pgTable, smallint } from 'drizzle-orm/pg-core';

/**
 * One row: a counter that grows whenever anything the public can see changes (publish, edit,
 * withdraw, unpublish, hide, merge, verification, aliases, sources, public files). Database
 * triggers bump it in the same transaction as the change (migration `public-data-version`), so
 * every app instance sharing the database sees the new value at the commit, and uses it as part
 * of its cache keys (lib/memorial/cache.ts): a change made on one instance is visible on all.
 */
export const publicDataVersion = pgTable(
  'public_data_version',
  {
    id: smallint().primaryKey().default(1),
    version: bigint({ mode: 'number' }).notNull().default(0),
  },
  (t) => [check('public_data_version_single_row', sql`${t.id} = 1`)],
);

/**
 * One row: the public totals (home page, statistics page and its CSV files) as of a public data
 * version, so readers read a few kilobytes instead of aggregating every public row
 * (lib/statistics/summary.ts). It is current when `version` equals public_data_version's; the
 * first reader that finds it behind recomputes it (one at a time), and the bulk loader refreshes it.
 */
export const publicSummary = pgTable(
  'public_summary',
  {
    id: smallint().primaryKey().default(1),
    version: bigint({ mode: 'number' }).notNull(),
    data: jsonb().notNull(),
  },
  (t) => [check('public_summary_single_row', sql`${t.id} = 1`)],
);
