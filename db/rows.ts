// Rows of a raw statement, whichever driver runs it: postgres.js answers with an array of rows,
// PGlite with `{ rows }`. For the few statements drizzle's builder cannot write (an INSERT fed by a
// recursive CTE, several data-modifying CTEs in one round trip).
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './types';

export async function queryRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
