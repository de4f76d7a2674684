import 'server-only';
// The stale-draft sweep as a job for lib/jobs: register `purgeDraftsJob` under `purgeDraftsJobKind`
// in the worker's handlers and enqueue it once at start; each run schedules the next, daily.
import type { Db } from '@/db/types';
import { env } from '@/lib/env.mjs';
import { enqueue } from '@/lib/jobs/queue';
import { purgeStaleDrafts } from './purge';

export const purgeDraftsJobKind = 'testimonies.purge-drafts';
const dayMs = 86_400_000;

export async function purgeDraftsJob(_payload: Record<string, unknown>, { db }: { db: Db }): Promise<void> {
  await purgeStaleDrafts(db, env().DRAFT_RETENTION_DAYS);
  await enqueue(db, purgeDraftsJobKind, {}, { runAt: new Date(Date.now() + dayMs) });
}
