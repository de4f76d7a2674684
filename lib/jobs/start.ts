// Starts this process's job worker (called from instrumentation.ts once the database is ready).
// One worker per process; it stops gracefully on SIGTERM/SIGINT so a job in hand is finished.
import { getDb } from '@/db/client';
import { env } from '@/lib/env.mjs';
import { purgeStaleDrafts } from '@/lib/testimonies/purge';
import { jobHandlers } from './handlers';
import { startWorker, type Worker } from './worker';

let worker: Worker | undefined;

export function startJobWorker(): void {
  if (worker) return;
  worker = startWorker(getDb, jobHandlers, {
    // Retention (PRODUCT.md §2.10): drafts untouched for DRAFT_RETENTION_DAYS are deleted.
    housekeeping: [(db) => purgeStaleDrafts(db, env().DRAFT_RETENTION_DAYS)],
  });
  const stop = () => {
    void worker?.stop();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
