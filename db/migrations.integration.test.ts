import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows, testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema';

const tableNames = Object.values(schema)
  .filter((v) => is(v, PgTable))
  .map((t) => getTableName(t as PgTable))
  .sort();

describe.each(testDatabases())('migrations on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('enable pg_trgm', async () => {
    const rows = await queryRows<{ extname: string }>(ctx.db, sql`select extname from pg_extension where extname = 'pg_trgm'`);
    expect(rows).toHaveLength(1);
    const [similarity] = await queryRows<{ s: number }>(ctx.db, sql`select similarity('mohammad', 'mohamad') as s`);
    expect(Number(similarity!.s)).toBeGreaterThan(0.5);
  });

  it('create every table of the schema, snake_case', async () => {
    const rows = await queryRows<{ table_name: string }>(
      ctx.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(tableNames);
    expect(tableNames).toEqual(expect.arrayContaining(['persons', 'testimonies', 'audit_entries', 'users']));
  });

  it('create trigram indexes on the normalized names', async () => {
    const rows = await queryRows<{ indexname: string }>(
      ctx.db,
      sql`select indexname from pg_indexes where indexdef like '%gin_trgm_ops%' order by indexname`,
    );
    expect(rows.map((r) => r.indexname)).toEqual(['person_aliases_normalized_compact_trgm_idx', 'person_aliases_normalized_trgm_idx', 'persons_name_search_compact_trgm_idx', 'persons_name_search_trgm_idx']);
  });

  it('store no plain e-mail or IP address column anywhere', async () => {
    const rows = await queryRows<{ column_name: string }>(
      ctx.db,
      sql`select column_name from information_schema.columns where table_schema = 'public'
          and (column_name in ('email', 'ip', 'ip_address') or column_name like '%!_ip' escape '!')`,
    );
    expect(rows).toEqual([]);
  });
});
