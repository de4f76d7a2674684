// Statistics for the current request, from the pre-aggregated public totals (summary.ts): current
// as of the public data version, so an unpublished person leaves every count at once, with no cache
// tag to forget.
import 'server-only';
import { getDb } from '@/db/client';
import { computeStatistics, type Statistics } from './aggregates';
import { coreDaysOf } from './groups';
import { getPublicSummary } from './summary';

/** Across all collections, or one collection's own. */
export async function getStatistics(collection?: { id: string; startsOn: string | null; endsOn: string | null }): Promise<Statistics> {
  const db = await getDb();
  const summary = await getPublicSummary(db);
  if (!collection) return summary.statistics;
  // A collection the summary does not list yet (made since its last refresh) has nothing public:
  // counted directly, which is as cheap as reading it.
  return summary.byCollection[collection.id]?.statistics ?? computeStatistics(db, { collectionId: collection.id, coreDays: coreDaysOf(collection) });
}
