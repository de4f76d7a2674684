// The public totals pre-aggregated (PRODUCT.md §6): the statistics page, its CSV files and the home
// page's numbers read one small row (public_summary) instead of aggregating every public person
// and testimony per request. The row is stamped with the public data version it was computed at;
// the triggers bump that version in the same transaction as any public change (publish, withdraw,
// unpublish, hide, merge…), so a summary whose version differs is behind. The first reader that
// finds it behind recomputes it in one snapshot, under a transaction advisory lock: one refresh at a
// time, while the other readers keep the previous totals until it commits.
import 'server-only';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/types';
import { collections, publicDataVersion, publicSummary, testimonies } from '@/db/schema';
import { isPublicTestimony, testimonyHasPublicPerson } from '@/lib/memorial/visibility';
import { computeStatistics, type Statistics } from './aggregates';
import { coreDaysOf } from './groups';

export type Totals = {
  statistics: Statistics;
  /** Public testimonies about at least one public person. */
  testimoniesPublished: number;
};

/** The totals across every collection, and each collection's own (by collection id). */
export type PublicSummary = Totals & { byCollection: Record<string, Totals> };

async function computeTotals(db: Db, scope: { collectionId?: string; coreDays: readonly string[] }): Promise<Totals> {
  const inScope = scope.collectionId ? and(isPublicTestimony, testimonyHasPublicPerson, eq(testimonies.collectionId, scope.collectionId)) : and(isPublicTestimony, testimonyHasPublicPerson);
  const [statistics, testimonyRows] = await Promise.all([
    computeStatistics(db, scope),
    db.select({ n: count() }).from(testimonies).where(inScope),
  ]);
  return { statistics, testimoniesPublished: Number(testimonyRows[0]?.n ?? 0) };
}

const refreshLockKey = 7_391_004_214;

/** Computes the totals; stores them with the version they were computed at when `store`. */
async function computeSummary(db: Db, version: number, store: boolean): Promise<PublicSummary> {
  const all = await db.select({ id: collections.id, startsOn: collections.startsOn, endsOn: collections.endsOn }).from(collections);
  // One collection: its totals are the site's, computed once. Several: the site's timeline has no
  // core days of its own (one collection's first days would stand beside another's records).
  const overall = await computeTotals(db, { coreDays: all.length === 1 ? coreDaysOf(all[0]!) : [] });
  const byCollection: Record<string, Totals> = {};
  for (const c of all) byCollection[c.id] = all.length === 1 ? overall : await computeTotals(db, { collectionId: c.id, coreDays: coreDaysOf(c) });
  const summary: PublicSummary = { ...overall, byCollection };
  if (!store) return summary;
  await db
    .insert(publicSummary)
    .values({ id: 1, version, data: summary })
    .onConflictDoUpdate({
      target: publicSummary.id,
      set: { version, data: summary },
      // A slower refresh of an older snapshot never overwrites a newer one.
      // …except a row in the format before per-collection totals, which is replaced at its own version.
      setWhere: sql`${publicSummary.version} < ${version} or (${publicSummary.data} -> 'byCollection') is null`,
    });
  return summary;
}

/** The current totals: the stored row when it is current, else a refresh (or, while another runs, the previous totals). */
export async function getPublicSummary(db: Db): Promise<PublicSummary> {
  const [row] = await db
    .select({ current: publicDataVersion.version, version: publicSummary.version, data: publicSummary.data })
    .from(publicDataVersion)
    .leftJoin(publicSummary, eq(publicSummary.id, 1))
    .where(eq(publicDataVersion.id, 1));
  const stored = row?.data as PublicSummary | null | undefined;
  // A summary stored before per-collection totals existed (no byCollection) is behind too.
  const usable = stored?.byCollection ? stored : null;
  if (usable && Number(row!.version) === Number(row!.current)) return usable;
  return db.transaction(
    async (tx) => {
      const [state] = (await tx
        .select({ version: publicDataVersion.version, locked: sql<boolean>`pg_try_advisory_xact_lock(${refreshLockKey})` })
        .from(publicDataVersion)
        .where(eq(publicDataVersion.id, 1))) as [{ version: number; locked: boolean }];
      if (!state.locked && usable) return usable;
      // Not locked and nothing stored yet (a new database): computed here too, left to the other to store.
      return computeSummary(tx as unknown as Db, Number(state.version), state.locked);
    },
    { isolationLevel: 'repeatable read' },
  );
}
