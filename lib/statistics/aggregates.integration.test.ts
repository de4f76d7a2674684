import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson } from '@/lib/testing/public-fixtures';
import { computeStatistics, type Statistics } from './aggregates';
import { coreDaysOf } from './groups';
import { chartNames, chartRows } from './charts';

const countOf = <K extends string>(rows: { key: K; count: number }[], key: K) => rows.find((r) => r.key === key)?.count;

describe.each(testDatabases())('statistics on $name', (target) => {
  const ctx = useTestDatabase(target);
  let stats: Statistics;

  beforeAll(async () => {
    const collectionId = await insertCollection(ctx.db);
    const published = { collectionId, status: 'published' as const };
    await insertPerson(ctx.db, { ...published, province: 'IR-23', age: 15, incidentDate: '2019-11-16', incidentDatePrecision: 'exact', outcome: 'killed', perpetrator: 'irgc' });
    await insertPerson(ctx.db, { ...published, province: 'IR-23', age: 30, incidentDate: '2019-11-16', incidentDatePrecision: 'exact', outcome: 'killed', perpetrator: 'basij' });
    await insertPerson(ctx.db, { ...published, province: 'IR-06', age: null, birthYear: 1990, incidentDate: '2019-11-17', incidentDatePrecision: 'exact', outcome: 'injured' });
    await insertPerson(ctx.db, { ...published, province: null, age: 61, incidentDate: '2019-12-01', incidentDatePrecision: 'exact', outcome: 'executed' });
    await insertPerson(ctx.db, { ...published, province: 'IR-07', age: null, incidentDate: '2019-11-01', incidentDatePrecision: 'month', outcome: 'detained' });
    // Never counted: not visible to readers.
    const merged = await insertPerson(ctx.db, { ...published, province: 'IR-23', age: 20 });
    await insertPerson(ctx.db, { collectionId, status: 'draft', province: 'IR-23', age: 20, incidentDate: '2019-11-16', incidentDatePrecision: 'exact' });
    await insertPerson(ctx.db, { collectionId, status: 'hidden', province: 'IR-11', age: 50, outcome: 'disappeared' });
    await insertPerson(ctx.db, { ...published, province: 'IR-23', age: 20, mergedIntoId: merged.id }); // merged duplicate
    stats = await computeStatistics(ctx.db, { coreDays: coreDaysOf({ startsOn: '2019-11-15', endsOn: '2019-11-30' }) });
  });

  it('counts only published persons that were not merged into another record', () => {
    expect(stats.total).toBe(6);
    expect(countOf(stats.byOutcome, 'disappeared')).toBe(0);
    expect(countOf(stats.byProvince, 'IR-11')).toBe(0);
  });

  it('counts by province, with unknown provinces apart, and lists all 31 provinces', () => {
    expect(stats.byProvince).toHaveLength(32);
    expect(countOf(stats.byProvince, 'IR-23')).toBe(3);
    expect(countOf(stats.byProvince, 'IR-06')).toBe(1);
    expect(countOf(stats.byProvince, 'unknown')).toBe(1);
  });

  it('counts by exact day, always showing 15–19 November, and counts inexact dates apart', () => {
    expect(stats.byDay.map((d) => d.key)).toEqual(['2019-11-15', '2019-11-16', '2019-11-17', '2019-11-18', '2019-11-19', '2019-12-01']);
    expect(countOf(stats.byDay, '2019-11-16')).toBe(2);
    expect(countOf(stats.byDay, '2019-11-15')).toBe(0);
    expect(stats.dateNotExact).toBe(2); // the month-precision record and one with no date
  });

  it('counts by age group, deriving the age from the birth year when only that is known', () => {
    expect(Object.fromEntries(stats.byAgeGroup.map((g) => [g.key, g.count]))).toEqual({
      '0-17': 1,
      '18-29': 2, // born 1990, incident 2019 → 29; and the record the duplicate was merged into (20)
      '30-44': 1,
      '45-59': 0,
      '60+': 1,
      unknown: 1,
    });
  });

  it('counts by outcome and perpetrator with every value present', () => {
    expect(countOf(stats.byOutcome, 'killed')).toBe(3);
    expect(countOf(stats.byPerpetrator, 'irgc')).toBe(1);
    expect(countOf(stats.byPerpetrator, 'unknown')).toBe(4);
    expect(stats.byPerpetrator.reduce((n, r) => n + r.count, 0)).toBe(6);
  });

  it('gives each chart rows whose counts add up to the total', () => {
    const t = (key: string) => key;
    for (const chart of chartNames) {
      const sum = chartRows(stats, chart, 'en', t).reduce((n, r) => n + r.count, 0);
      expect(sum + (chart === 'days' ? stats.dateNotExact : 0), chart).toBe(stats.total);
    }
  });
});
