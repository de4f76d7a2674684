import 'server-only';
// Likely duplicates for many names at once: the review screen's spelling-tolerant matching
// (lib/search/name-match) run as one query over all the names of a file, instead of one query per
// row, so a 10,000-row dry run stays a single round trip.
import { and, isNull, sql } from 'drizzle-orm';
import { persons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { similarName } from '@/lib/search/name-match';
import { foldLatin, normalizeName } from '@/lib/search/normalize';

export type DuplicateCandidate = { id: string; nameFa: string; nameLatin: string | null; status: 'draft' | 'published' | 'hidden' };

/** At most this many candidates are reported per row. */
const perRow = 3;

/** Row index → existing (unmerged) persons whose name is likely the same as one of the row's names. */
export async function likelyDuplicatesByRow(db: DbOrTx, rows: ReadonlyArray<{ index: number; names: ReadonlyArray<string | null> }>): Promise<Map<number, DuplicateCandidate[]>> {
  const probes = rows.flatMap(({ index, names }) =>
    names.flatMap((name) => {
      const n = name ? normalizeName(name) : '';
      return n ? [{ i: index, n, f: foldLatin(n) }] : [];
    }),
  );
  const found = new Map<number, DuplicateCandidate[]>();
  if (probes.length === 0) return found;
  const matches = await db.transaction(async (tx) => {
    // Most rows of a list match nobody, so each probe must use the trigram index: the planner
    // cannot estimate `<%` and would otherwise scan every person once per row. Local to this
    // transaction (or savepoint's enclosing transaction), and switched back right after.
    await tx.execute(sql`set local enable_seqscan = off`);
    const candidates = tx
      .select({ id: persons.id, nameFa: persons.nameFa, nameLatin: persons.nameLatin, status: persons.status, createdAt: persons.createdAt })
      .from(persons)
      .where(and(isNull(persons.mergedIntoId), similarName(persons.nameSearch, { normalized: sql`q.n`, folded: sql`q.f` })))
      .orderBy(persons.createdAt)
      .limit(perRow)
      .as('candidates');
    const rows = await tx
      .select({ index: sql<number>`q.i`, id: candidates.id, nameFa: candidates.nameFa, nameLatin: candidates.nameLatin, status: candidates.status })
      .from(sql`jsonb_to_recordset(${JSON.stringify(probes)}::jsonb) as q(i int, n text, f text)`)
      .crossJoinLateral(candidates)
      .orderBy(sql`q.i`);
    await tx.execute(sql`set local enable_seqscan = on`);
    return rows;
  });
  for (const { index, ...candidate } of matches) {
    const list = found.get(Number(index)) ?? [];
    if (list.length < perRow && !list.some((c) => c.id === candidate.id)) list.push(candidate);
    found.set(Number(index), list);
  }
  return found;
}
