// Every table's content hashed: any insert, update or delete anywhere changes a table's digest.
// Used to prove that a request changed nothing (cross-site posts, GET handlers, page loads).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/types';
import { queryRows } from './query-rows';

/** What a table's digest leaves out: rows (`where` keeps the others) or columns. */
export type DigestScope = Record<string, { where?: SQL; ignoreColumns?: string[] }>;

/**
 * What serving a read may write, table by table, and why. Everything else must stay as it was.
 * - audit_entries: an admin's views of the audit log are themselves audited (the point of auditing reads);
 * - public_summary: a derived cache of the public totals, recomputed by the first reader after a change;
 * - user_sessions.last_seen_at: the idle timeout's activity mark (at most once a minute per session).
 */
export const readSideEffects: DigestScope = {
  audit_entries: { where: sql`action <> 'audit.view'` },
  public_summary: { where: sql`false` },
  user_sessions: { ignoreColumns: ['last_seen_at'] },
};

export async function databaseDigest(db: Db, scope: DigestScope = {}): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    const { where = sql`true`, ignoreColumns = [] } = scope[name] ?? {};
    const rowText = sql`(to_jsonb(t) - ${`{${ignoreColumns.join(',')}}`}::text[])::text`;
    const [row] = await queryRows<{ digest: string | null }>(
      db,
      sql`select md5(coalesce(string_agg(${rowText}, '|' order by ${rowText}), '')) as digest from ${sql.identifier(name)} t where ${where}`,
    );
    digest[name] = row!.digest ?? '';
  }
  return digest;
}

/** The tables whose digest differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
