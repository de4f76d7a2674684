// The home page's numbers: what is documented here (not an estimate of all victims).
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/types';
import { collections, persons } from '@/db/schema';
import { getPublicSummary } from '@/lib/statistics/summary';
import type { MemorialOverview, Outcome } from './dto';
import { summaryColumns, toSummary } from './summary';
import { isPublicPerson } from './visibility';

/** The totals are pre-aggregated (lib/statistics/summary.ts); the latest persons come by index. */
export async function getMemorialOverview(db: Db, { latest = 6, collectionId = null }: { latest?: number; collectionId?: string | null } = {}): Promise<MemorialOverview> {
  const [summary, latestRows] = await Promise.all([
    getPublicSummary(db),
    db
      .select(summaryColumns)
      .from(persons)
      .innerJoin(collections, eq(collections.id, persons.collectionId))
      .where(collectionId ? and(isPublicPerson, eq(persons.collectionId, collectionId)) : isPublicPerson)
      .orderBy(desc(persons.publishedAt), desc(persons.id))
      .limit(latest),
  ]);
  // A collection the summary does not list has had no public change since it was made: nothing yet.
  const totals = collectionId ? summary.byCollection[collectionId] : summary;
  const byOutcome = Object.fromEntries((totals?.statistics.byOutcome ?? []).map((o) => [o.key, o.count])) as Record<Outcome, number>;
  return {
    collectionId,
    personsDocumented: totals?.statistics.total ?? 0,
    testimoniesPublished: totals?.testimoniesPublished ?? 0,
    byOutcome,
    latest: latestRows.map(toSummary),
  };
}
