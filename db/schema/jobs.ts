import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

export const jobStatus = pgEnum('job_status', ['queued', 'running', 'done', 'dead']);

/**
 * Background work (lib/jobs), claimed with `FOR UPDATE SKIP LOCKED` so it works the same on
 * PGlite and PostgreSQL. `payload` holds ids only and `last_error` an error name, never personal data.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: jobStatus().notNull().default('queued'),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    /** While running: when the claim expires and another worker may take the job over. */
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: createdAt(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('jobs_ready_idx').on(t.runAt).where(sql`${t.status} in ('queued', 'running')`)],
);
