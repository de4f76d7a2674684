// Raw query results in one shape on both drivers. Tests only (no vitest import: e2e uses it too).
import type { Db } from '@/db/types';

/** Rows of a raw query on either driver (postgres.js returns an array, PGlite `{ rows }`). Tests only. */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: Parameters<Db['execute']>[0]) {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
