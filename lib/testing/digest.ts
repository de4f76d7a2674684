// Every table's content hashed: any insert, update or delete anywhere changes a table's digest.
// Used to prove that a request changed nothing (cross-site posts, GET handlers, page loads).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/types';
import { queryRows } from './query-rows';

/**
 * `only`: for a table, the rows to hash (e.g. the audit log without its entries that record a
 * read) — the caller states, per table, what a read may legitimately write.
 */
export async function databaseDigest(db: Db, only: Record<string, SQL> = {}): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    const where = only[name] ?? sql`true`;
    const [row] = await queryRows<{ digest: string | null }>(
      db,
      sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t where ${where}`,
    );
    digest[name] = row!.digest ?? '';
  }
  return digest;
}

/** The tables whose digest differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
