import 'server-only';
// Retention (PRODUCT.md §2.10): drafts untouched for `days` are deleted with everything hanging
// off them (revisions, links, attachment rows cascade, stored files by a media.delete job). Run
// hourly by the job worker's housekeeping (lib/jobs/start.ts);
// it needs no viewer because it decides by age alone, never by who asks.
import { and, eq, inArray, lt } from 'drizzle-orm';
import { testimonies } from '@/db/schema';
import type { Db } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import { enqueueMediaDeletion } from '@/lib/media/delete';

export async function purgeStaleDrafts(db: Db, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  return db.transaction(async (tx) => {
    const stale = await tx
      .select({ id: testimonies.id })
      .from(testimonies)
      .where(and(eq(testimonies.status, 'draft'), lt(testimonies.updatedAt, cutoff)))
      .for('update');
    const ids = stale.map((row) => row.id);
    if (ids.length === 0) return 0;
    // The stored files go too (queued in this transaction, before the attachment rows cascade away).
    await enqueueMediaDeletion(tx, ids);
    const gone = await tx.delete(testimonies).where(inArray(testimonies.id, ids)).returning({ id: testimonies.id });
    // One entry for the sweep, without ids: the drafts' existence leaves no trace to read later.
    if (gone.length) await appendAudit(tx, { actorId: null, action: 'testimony.purge_drafts', targetType: 'testimony', targetId: null, details: { count: gone.length, days } });
    return gone.length;
  });
}
