// The home page's numbers: what is documented here (not an estimate of all victims).
import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/types';
import { collections, persons } from '@/db/schema';
import { getPublicSummary } from '@/lib/statistics/summary';
import type { MemorialOverview, Outcome } from './dto';
import { summaryColumns, toSummary } from './summary';
import { isPublicPerson } from './visibility';

/** The totals are pre-aggregated (lib/statistics/summary.ts); the latest persons come by index. */
export async function getMemorialOverview(db: Db, { latest = 6 }: { latest?: number } = {}): Promise<MemorialOverview> {
  const [summary, latestRows] = await Promise.all([
    getPublicSummary(db),
    db
      .select(summaryColumns)
      .from(persons)
      .innerJoin(collections, eq(collections.id, persons.collectionId))
      .where(isPublicPerson)
      .orderBy(desc(persons.publishedAt), desc(persons.id))
      .limit(latest),
  ]);
  const byOutcome = Object.fromEntries(summary.statistics.byOutcome.map((o) => [o.key, o.count])) as Record<Outcome, number>;
  return {
    personsDocumented: summary.statistics.total,
    testimoniesPublished: summary.testimoniesPublished,
    byOutcome,
    latest: latestRows.map(toSummary),
  };
}
