// The worker loop: claims due jobs one at a time and runs the registered handler. Polling is
// bounded (idle waits grow from `minPollMs` to `maxPollMs`, reset whenever work was found), and
// `stop()` waits for the job in hand to finish, so a deploy never cuts a derivative in half.
import type { Db } from '@/db/types';
import { claimJob, completeJob, failJob, pruneJobs, type Job } from './queue';

export type JobHandler = (payload: Record<string, unknown>, context: { db: Db; job: Job }) => Promise<void>;
export type Handlers = Readonly<Record<string, JobHandler>>;

/** Thrown by a handler when retrying cannot help (e.g. the row is gone): the job goes dead at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/**
 * Claims and runs at most one job. Returns what happened, for tests and for the loop's pacing.
 * A job whose kind has no handler is failed (and eventually dead), never silently dropped.
 */
export async function runOneJob(db: Db, handlers: Handlers): Promise<'idle' | 'done' | 'retry' | 'dead'> {
  const job = await claimJob(db, Object.keys(handlers));
  if (!job) return 'idle';
  const handler = handlers[job.kind];
  try {
    if (!handler) throw new PermanentJobError('no handler');
    await handler(job.payload, { db, job });
    await completeJob(db, job.id);
    return 'done';
  } catch (error) {
    const permanent = error instanceof PermanentJobError;
    const outcome = await failJob(db, permanent ? { ...job, maxAttempts: job.attempts } : job, error);
    console.error(`job ${job.kind} ${job.id} failed (${outcome})`);
    return outcome;
  }
}

export type WorkerOptions = {
  minPollMs?: number;
  maxPollMs?: number;
  /**
   * Periodic housekeeping (retention sweeps), run hourly beside pruning the jobs table. Idempotent
   * by nature, so several instances each running it need no schedule row that could multiply.
   */
  housekeeping?: ReadonlyArray<(db: Db) => Promise<unknown>>;
};

export type Worker = { stop: () => Promise<void> };

export function startWorker(getDb: () => Promise<Db>, handlers: Handlers, options: WorkerOptions = {}): Worker {
  const minPollMs = options.minPollMs ?? 500;
  const maxPollMs = options.maxPollMs ?? 5_000;
  let stopping = false;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  const pruneEveryMs = 60 * 60_000;
  let prunedAt = 0;
  const loop = (async () => {
    let wait = minPollMs;
    while (!stopping) {
      let outcome: Awaited<ReturnType<typeof runOneJob>> = 'idle';
      let step = 'database';
      try {
        const db = await getDb();
        if (Date.now() - prunedAt > pruneEveryMs) {
          prunedAt = Date.now();
          step = 'pruning jobs';
          await pruneJobs(db);
          // Each sweep on its own: one that fails neither stops the others nor the jobs.
          for (const [index, sweep] of (options.housekeeping ?? []).entries()) {
            await sweep(db).catch((error: unknown) => console.error(`job worker: housekeeping ${sweep.name || `#${index + 1}`} failed: ${whatFailed(error)}`));
          }
        }
        step = 'claiming or running a job';
        outcome = await runOneJob(db, handlers);
      } catch (error) {
        // The database may be briefly unreachable; keep polling at the slow pace.
        console.error(`job worker: ${step} failed: ${whatFailed(error)}`);
      }
      if (outcome !== 'idle') {
        wait = minPollMs;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, wait);
        timer.unref?.();
      });
      wait = Math.min(maxPollMs, wait * 2);
    }
  })();

  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}

/**
 * What failed, for the log: the error's class and its code (`ENOENT`, a PostgreSQL SQLSTATE such as
 * `57P01`), never its message — a driver's may carry a query's values (testimony text, a username),
 * a file system's the data folder's path.
 */
export function whatFailed(error: unknown): string {
  if (!(error instanceof Error)) return 'a non-error value was thrown';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? `${error.name} ${code}` : error.name;
}
