import 'server-only';
// Retention (PRODUCT.md §2.10): drafts untouched for `days` are deleted with everything hanging
// off them (revisions, links, attachment rows cascade). Run by the job queue or an admin command;
// it needs no viewer because it decides by age alone, never by who asks.
import { and, eq, lt } from 'drizzle-orm';
import { testimonies } from '@/db/schema';
import type { Db } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';

export async function purgeStaleDrafts(db: Db, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(testimonies)
      .where(and(eq(testimonies.status, 'draft'), lt(testimonies.updatedAt, cutoff)))
      .returning({ id: testimonies.id });
    // One entry for the sweep, without ids: the drafts' existence leaves no trace to read later.
    if (gone.length) await appendAudit(tx, { actorId: null, action: 'testimony.purge_drafts', targetType: 'testimony', targetId: null, details: { count: gone.length, days } });
    return gone.length;
  });
}
