import 'server-only';
// Likely duplicates for many rows at once. The database finds candidates with the review screen's
// spelling-tolerant matching (lib/search/name-match, served by the trigram index) as one query over
// all the names of a file; each candidate is then ranked here by how alike the whole names are
// (either script, any word order) and by the facts that tell people apart in Iranian lists —
// father's name, age or birth year, province and city — so the real match comes first and a shared
// surname alone ("Reza Ahmadi", "Negar Ahmadinejad") is not offered.
import { and, desc, isNull, sql } from 'drizzle-orm';
import { persons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { similarName } from '@/lib/search/name-match';
import { foldLatin, normalizeName } from '@/lib/search/normalize';
import { nameLikeness } from '@/lib/search/trigram';

/** What a row says about the person, to compare with a candidate (all optional). */
export type RowFacts = {
  fatherNames?: ReadonlyArray<string | null>;
  age?: number | null;
  birthYear?: number | null;
  province?: string | null;
  city?: string | null;
};

/** Why a candidate was offered: the whole-name likeness (0–100) and the facts that agree. */
export type MatchReasons = { name: number; fatherName: boolean; age: boolean; province: boolean; city: boolean };
export type DuplicateCandidate = { id: string; nameFa: string; nameLatin: string | null; status: 'draft' | 'published' | 'hidden'; reasons: MatchReasons };

/** At most this many candidates are reported per row; more are fetched to rank. */
const perRow = 3;
const fetchedPerName = 20;
/** Whole names this alike are offered; a little less when the father's name agrees too. */
const nameThreshold = 0.5;
const nameThresholdWithFather = 0.4;

type Row = { index: number; names: ReadonlyArray<string | null>; facts?: RowFacts };
type Candidate = {
  id: string;
  nameFa: string;
  nameLatin: string | null;
  status: DuplicateCandidate['status'];
  fatherNameFa: string | null;
  fatherNameLatin: string | null;
  age: number | null;
  birthYear: number | null;
  province: string | null;
  city: string | null;
};

const keys = (names: ReadonlyArray<string | null | undefined>) =>
  names.flatMap((name) => {
    const n = name ? normalizeName(name) : '';
    return n ? [n, foldLatin(n)] : [];
  });

/** The best likeness of any of one side's names to any of the other's (normalized and folded). */
function likeness(a: ReadonlyArray<string | null | undefined>, b: ReadonlyArray<string | null | undefined>): number {
  let best = 0;
  for (const x of keys(a)) for (const y of keys(b)) best = Math.max(best, nameLikeness(x, y));
  return best;
}

/** Ranking score and reasons; null when the candidate should not be offered. */
function rank(row: Row, c: Candidate): { score: number; reasons: MatchReasons } | null {
  const name = likeness(row.names, [c.nameFa, c.nameLatin]);
  const facts = row.facts ?? {};
  const fatherGiven = keys(facts.fatherNames ?? []).length > 0 && (c.fatherNameFa || c.fatherNameLatin);
  const father = fatherGiven ? likeness(facts.fatherNames!, [c.fatherNameFa, c.fatherNameLatin]) : null;
  // Within a year: lists round ages, and a birth year spans two Solar Hijri ones.
  const near = (a: number | null | undefined, b: number | null) => (a == null || b === null ? null : Math.abs(a - b) <= 1);
  const ages = [near(facts.age, c.age), near(facts.birthYear, c.birthYear)].filter((v) => v !== null);
  const sameAge = ages.includes(true);
  const differentAge = ages.length > 0 && !sameAge;
  const province = !!facts.province && facts.province === c.province;
  const city = !!facts.city && !!c.city && likeness([facts.city], [c.city]) >= 0.8;
  const reasons: MatchReasons = { name: Math.round(name * 100), fatherName: father !== null && father >= 0.6, age: sameAge, province, city };
  if (name < (reasons.fatherName ? nameThresholdWithFather : nameThreshold)) return null;
  const score =
    name +
    (father === null ? 0 : father >= 0.6 ? 0.25 : father < 0.3 ? -0.25 : 0) +
    (sameAge ? 0.1 : differentAge ? -0.1 : 0) +
    (province ? 0.1 : 0) +
    (city ? 0.05 : 0);
  return { score, reasons };
}

/** Row index → existing (unmerged) persons most likely the same as the row's person, best first. */
export async function likelyDuplicatesByRow(db: DbOrTx, rows: ReadonlyArray<Row>): Promise<Map<number, DuplicateCandidate[]>> {
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
    const closeness = sql<number>`greatest(word_similarity(q.n, ${persons.nameSearch}), word_similarity(q.f, ${persons.nameSearch}))`;
    const candidates = tx
      .select({
        id: persons.id,
        nameFa: persons.nameFa,
        nameLatin: persons.nameLatin,
        status: persons.status,
        fatherNameFa: persons.fatherNameFa,
        fatherNameLatin: persons.fatherNameLatin,
        age: persons.age,
        birthYear: persons.birthYear,
        province: persons.province,
        city: persons.city,
      })
      .from(persons)
      .where(and(isNull(persons.mergedIntoId), similarName(persons.nameSearch, { normalized: sql`q.n`, folded: sql`q.f` })))
      .orderBy(desc(closeness))
      .limit(fetchedPerName)
      .as('candidates');
    const rows = await tx
      .select({
        index: sql<number>`q.i`,
        id: candidates.id,
        nameFa: candidates.nameFa,
        nameLatin: candidates.nameLatin,
        status: candidates.status,
        fatherNameFa: candidates.fatherNameFa,
        fatherNameLatin: candidates.fatherNameLatin,
        age: candidates.age,
        birthYear: candidates.birthYear,
        province: candidates.province,
        city: candidates.city,
      })
      .from(sql`jsonb_to_recordset(${JSON.stringify(probes)}::jsonb) as q(i int, n text, f text)`)
      .crossJoinLateral(candidates)
      .orderBy(sql`q.i`);
    await tx.execute(sql`set local enable_seqscan = on`);
    return rows;
  });
  const byIndex = new Map(rows.map((r) => [r.index, r]));
  const ranked = new Map<number, Map<string, { score: number; candidate: DuplicateCandidate }>>();
  for (const { index, ...c } of matches) {
    const row = byIndex.get(Number(index))!;
    const result = rank(row, c);
    if (!result) continue;
    const list = ranked.get(row.index) ?? new Map();
    if (!list.has(c.id)) list.set(c.id, { score: result.score, candidate: { id: c.id, nameFa: c.nameFa, nameLatin: c.nameLatin, status: c.status, reasons: result.reasons } });
    ranked.set(row.index, list);
  }
  for (const [index, list] of ranked) {
    found.set(index, [...list.values()].sort((a, b) => b.score - a.score).slice(0, perRow).map((r) => r.candidate));
  }
  return found;
}
