// The sort keys of the public person list, shared by its indexes (db/schema/persons.ts) and its
// queries (lib/memorial/search.ts): the planner uses an expression index only when the query
// repeats the expression exactly. Each key is never null — a missing value is coalesced to the end
// of its order (as "nulls last") — so the keyset page after a cursor is one index range. No
// `server-only`: the schema (read by drizzle-kit and the migrator) imports it.
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

type Expression = AnyPgColumn | SQL;

/** Newest publication first (descending); never published last. */
export const publicRecentKey = (publishedAt: Expression): SQL => sql`coalesce(${publishedAt}, '-infinity'::timestamptz)`;

/** Earliest incident first (ascending); unknown dates last. */
export const publicDateKey = (incidentDate: Expression): SQL => sql`coalesce(${incidentDate}, 'infinity'::date)`;

/** The English list's alphabetical order: the Latin name, else the Persian one, case-folded. */
export const publicNameEnKey = (nameLatin: Expression, nameFa: Expression): SQL => sql`lower(coalesce(${nameLatin}, ${nameFa}))`;
