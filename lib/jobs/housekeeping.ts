// The periodic sweeps the job worker runs (hourly; each idempotent): retention of PRODUCT.md §2.10.
import type { Db } from '@/db/types';
import { pruneUsedChallenges } from '@/lib/abuse/challenge';
import { checkpointIfDue } from '@/lib/audit/checkpoint';
import { pruneExpiredLimits } from '@/lib/abuse/limits';
import { sweepOrphanMedia } from '@/lib/media/orphans';
import { mediaStore } from '@/lib/media/storage';
import { expireIdempotencyKeys, purgeClosedTestimonies, purgeStaleDrafts } from '@/lib/testimonies/purge';

export type RetentionConfig = { DRAFT_RETENTION_DAYS: number; CLOSED_RETENTION_DAYS: number; MEDIA_ORPHAN_MINUTES: number };

export function housekeepingSweeps(config: RetentionConfig): ReadonlyArray<(db: Db) => Promise<unknown>> {
  // Named by their keys (a function's name): the worker's log says which one failed.
  const sweeps: Record<string, (db: Db) => Promise<unknown>> = {
    staleDrafts: (db) => purgeStaleDrafts(db, config.DRAFT_RETENTION_DAYS),
    closedTestimonies: (db) => purgeClosedTestimonies(db, config.CLOSED_RETENTION_DAYS),
    idempotencyKeys: (db) => expireIdempotencyKeys(db),
    expiredLimits: (db) => pruneExpiredLimits(db),
    usedChallenges: (db) => pruneUsedChallenges(db),
    // Files a crash left without their row (stored, row never committed).
    orphanMedia: async (db) => sweepOrphanMedia(db, await mediaStore(), config.MEDIA_ORPHAN_MINUTES),
    // A signed checkpoint of the audit chain at least daily (issue 23 §2); checked hourly, so a
    // restarted or second instance adds none before the day is over.
    auditCheckpoint: (db) => checkpointIfDue(db),
  };
  return Object.values(sweeps);
}
