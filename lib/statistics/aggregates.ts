// Aggregates for the statistics page and its CSV files. Counts only what readers can see: public
// persons (`isPublicPerson`, lib/memorial/visibility.ts: published, not merged into another). Only counts
// leave this module, never rows, so no private field can reach a chart.
import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { persons } from '@/db/schema';
import { provinceCodes, type ProvinceCode } from '@/lib/geo/provinces';
import { isPublicPerson } from '@/lib/memorial/visibility';
import {
  ageGroupOf,
  ageGroups,
  genders,
  outcomes,
  perpetrators,
  type AgeGroup,
} from './groups';

export type Counted<K extends string> = { key: K; count: number };

export type Statistics = {
  /** Published persons documented here (in one collection, or across all). */
  total: number;
  byProvince: Counted<ProvinceCode | 'unknown'>[];
  /** Exact dates only; `dateNotExact` counts records whose date is unknown or known only to the month/year. */
  byDay: Counted<string>[];
  dateNotExact: number;
  byAgeGroup: Counted<AgeGroup>[];
  byOutcome: Counted<(typeof outcomes)[number]>[];
  byPerpetrator: Counted<(typeof perpetrators)[number]>[];
  byGender: Counted<(typeof genders)[number]>[];
};

const count = sql<number>`count(*)::int`;

/** Every key of `keys` in order, with 0 where nothing was counted (a chart shows the empty bars too). */
function complete<K extends string>(keys: readonly K[], rows: { key: string | null; count: number }[]): Counted<K>[] {
  const counts = new Map(rows.map((r) => [r.key ?? 'unknown', Number(r.count)]));
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

export type StatisticsScope = {
  /** Only this collection's persons; all collections when absent. */
  collectionId?: string;
  /** Days the timeline shows even when nothing is documented on them (coreDaysOf, groups.ts). */
  coreDays?: readonly string[];
};

export async function computeStatistics(db: Db, { collectionId, coreDays = [] }: StatisticsScope = {}): Promise<Statistics> {
  const inScope: SQL = collectionId ? and(isPublicPerson, eq(persons.collectionId, collectionId))! : isPublicPerson;
  const grouped = (column: SQL | typeof persons.province) =>
    db.select({ key: sql<string | null>`${column}`, count }).from(persons).where(inScope).groupBy(column);

  // Age at the incident; falls back to incident year − birth year when only the birth year is known.
  const ageExpr = sql`coalesce(${persons.age}, extract(year from ${persons.incidentDate})::int - ${persons.birthYear})`;
  const exact = sql`${persons.incidentDatePrecision} = 'exact' and ${persons.incidentDate} is not null`;

  const [totalRows, provinceRows, dayRows, notExactRows, ageRows, outcomeRows, perpetratorRows, genderRows] =
    await Promise.all([
      db.select({ count }).from(persons).where(inScope),
      grouped(persons.province),
      db
        .select({ key: sql<string>`${persons.incidentDate}::text`, count })
        .from(persons)
        .where(and(inScope, exact))
        .groupBy(persons.incidentDate),
      db.select({ count }).from(persons).where(and(inScope, sql`not (${exact})`)),
      db.select({ age: sql<number | null>`${ageExpr}`, count }).from(persons).where(inScope).groupBy(ageExpr),
      grouped(sql`${persons.outcome}::text`),
      grouped(sql`${persons.perpetrator}::text`),
      grouped(sql`${persons.gender}::text`),
    ]);

  const ageCounts = new Map<AgeGroup, number>();
  for (const row of ageRows) {
    const group = ageGroupOf(row.age === null ? null : Number(row.age));
    ageCounts.set(group, (ageCounts.get(group) ?? 0) + Number(row.count));
  }

  const days = new Map(dayRows.map((r) => [r.key, Number(r.count)]));
  const dayKeys = [...new Set([...coreDays, ...days.keys()])].sort();

  return {
    total: Number(totalRows[0]?.count ?? 0),
    byProvince: complete([...provinceCodes, 'unknown'] as const, provinceRows),
    byDay: dayKeys.map((key) => ({ key, count: days.get(key) ?? 0 })),
    dateNotExact: Number(notExactRows[0]?.count ?? 0),
    byAgeGroup: ageGroups.map((key) => ({ key, count: ageCounts.get(key) ?? 0 })),
    byOutcome: complete(outcomes, outcomeRows),
    byPerpetrator: complete(perpetrators, perpetratorRows),
    byGender: complete(genders, genderRows),
  };
}
