// The home page's numbers: what is documented here (not an estimate of all victims).
import 'server-only';
import { and, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { collections, outcome, persons, testimonies } from '@/db/schema';
import type { MemorialOverview, Outcome } from './dto';
import { summaryColumns, toSummary } from './summary';
import { isPublicPerson, isPublicTestimony, testimonyHasPublicPerson } from './visibility';

export async function getMemorialOverview(db: DbOrTx, { latest = 6 }: { latest?: number } = {}): Promise<MemorialOverview> {
  const [outcomeRows, testimonyRows, latestRows] = await Promise.all([
    db.select({ outcome: persons.outcome, n: count() }).from(persons).where(isPublicPerson).groupBy(persons.outcome),
    db.select({ n: count() }).from(testimonies).where(and(isPublicTestimony, testimonyHasPublicPerson)),
    db
      .select(summaryColumns)
      .from(persons)
      .innerJoin(collections, eq(collections.id, persons.collectionId))
      .where(isPublicPerson)
      .orderBy(desc(persons.publishedAt), desc(persons.id))
      .limit(latest),
  ]);
  const byOutcome = Object.fromEntries(outcome.enumValues.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const r of outcomeRows) byOutcome[r.outcome] = Number(r.n);
  return {
    personsDocumented: Object.values(byOutcome).reduce((a, b) => a + b, 0),
    testimoniesPublished: Number(testimonyRows[0]?.n ?? 0),
    byOutcome,
    latest: latestRows.map(toSummary),
  };
}
