// Starts this process's job worker (called from instrumentation.ts once the database is ready).
// One worker per process; it stops gracefully on SIGTERM/SIGINT so a job in hand is finished.
import { getDb } from '@/db/client';
import { env } from '@/lib/env.mjs';
import { cleanUpExpiredUploads } from '@/lib/media/tus';
import { jobHandlers } from './handlers';
import { housekeepingSweeps } from './housekeeping';
import { startWorker, type Worker } from './worker';

let worker: Worker | undefined;

export function startJobWorker(): void {
  if (worker) return;
  worker = startWorker(getDb, jobHandlers, {
    // Retention (PRODUCT.md §2.10): drafts, rejected and withdrawn material, old keys, counters;
    // and partial resumable uploads abandoned for a day.
    housekeeping: [...housekeepingSweeps(env()), function resumableUploads() {
      return cleanUpExpiredUploads();
    }],
  });
  const stop = () => {
    void worker?.stop();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
