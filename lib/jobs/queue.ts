// A database-backed job queue that runs the same on PGlite and PostgreSQL (issue 4): a `jobs`
// table claimed with `SELECT … FOR UPDATE SKIP LOCKED`, so two workers never take the same job;
// failures retry with exponential backoff, and a job out of attempts goes to the dead letter
// state ('dead') where a person can look at it. No `server-only`: scripts may enqueue too.
import { and, asc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { jobs } from '@/db/schema';
import type { DbOrTx } from '@/db/types';

export type Job = typeof jobs.$inferSelect;

export type EnqueueOptions = { runAt?: Date; maxAttempts?: number };

/** Adds a job. Pass the transaction that writes the row the job is about, so both land or neither. */
export async function enqueue(db: DbOrTx, kind: string, payload: Record<string, unknown>, options: EnqueueOptions = {}) {
  const [row] = await db
    .insert(jobs)
    .values({ kind, payload, runAt: options.runAt, maxAttempts: options.maxAttempts })
    .returning({ id: jobs.id });
  return row!.id;
}

/** How long a claim lasts; a worker that dies mid-job loses it after this and the job is retried. */
export const defaultLockSeconds = 300;

/**
 * Takes the oldest due job, or null. A job is due when queued with `run_at` passed, or running
 * with an expired claim (its worker crashed). `SKIP LOCKED` makes concurrent claims pick different
 * rows instead of waiting or colliding.
 */
export async function claimJob(db: DbOrTx, kinds?: readonly string[], lockSeconds = defaultLockSeconds): Promise<Job | null> {
  const now = sql`now()`;
  // A crashed worker's job that has used every attempt is dead, not retried forever.
  await db
    .update(jobs)
    .set({ status: 'dead', lastError: 'claim expired', finishedAt: now, lockedUntil: null })
    .where(and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now), gte(jobs.attempts, jobs.maxAttempts)));

  const due = or(
    and(eq(jobs.status, 'queued'), lte(jobs.runAt, now)),
    and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)),
  );
  const candidate = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(kinds ? and(due, inArray(jobs.kind, [...kinds])) : due)
    .orderBy(asc(jobs.runAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [job] = await db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: sql`now() + make_interval(secs => ${lockSeconds})`,
    })
    .where(inArray(jobs.id, candidate))
    .returning();
  return job ?? null;
}

export async function completeJob(db: DbOrTx, id: string) {
  await db
    .update(jobs)
    .set({ status: 'done', lockedUntil: null, finishedAt: sql`now()`, lastError: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

/** Seconds before retry `attempt` (1-based): 10 s, 20 s, 40 s, … capped at one hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 10 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Records a failure: requeued with backoff, or dead when out of attempts. `error` is reduced to
 * its name and code: messages may quote file names or user input, which must not reach the table.
 */
export async function failJob(db: DbOrTx, job: Pick<Job, 'id' | 'attempts' | 'maxAttempts'>, error: unknown) {
  const lastError = describeError(error);
  if (job.attempts >= job.maxAttempts) {
    await db
      .update(jobs)
      .set({ status: 'dead', lockedUntil: null, finishedAt: sql`now()`, lastError })
      .where(eq(jobs.id, job.id));
    return 'dead' as const;
  }
  await db
    .update(jobs)
    .set({
      status: 'queued',
      lockedUntil: null,
      lastError,
      runAt: sql`now() + make_interval(secs => ${backoffSeconds(job.attempts)})`,
    })
    .where(eq(jobs.id, job.id));
  return 'retry' as const;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name}:${code}`.slice(0, 100) : error.name.slice(0, 100);
  }
  return 'unknown';
}

/**
 * Removes finished jobs so the table stays small: done after `doneDays`, dead (kept longer for a
 * person to look at) after `deadDays`. Returns how many rows went.
 */
export async function pruneJobs(db: DbOrTx, doneDays = 7, deadDays = 30): Promise<number> {
  const gone = await db
    .delete(jobs)
    .where(
      or(
        and(eq(jobs.status, 'done'), lt(jobs.finishedAt, sql`now() - make_interval(days => ${doneDays})`)),
        and(eq(jobs.status, 'dead'), lt(jobs.finishedAt, sql`now() - make_interval(days => ${deadDays})`)),
      ),
    )
    .returning({ id: jobs.id });
  return gone.length;
}
