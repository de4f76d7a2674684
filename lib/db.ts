// The database for routes, components, proxy.ts and instrumentation.ts: they call a data function
// through `withDb` and never hold a connection themselves (only lib/, db/ and scripts/ import `@/db`:
// eslint.config.mjs). Data functions keep taking the database or a transaction as their first
// argument, so they compose inside one transaction and tests hand them a scratch database. No
// `server-only`: proxy.ts and instrumentation.ts import it.
import { getDb } from '@/db/client';
import type { Db } from '@/db/types';

export { isDatabaseUnavailable } from '@/db/unavailable';

/** Runs a data function on the application's database: `withDb(listUsers, viewer, options)`. */
export async function withDb<A extends unknown[], R>(fn: (db: Db, ...args: A) => Promise<R> | R, ...args: A): Promise<R> {
  return fn(await getDb(), ...args);
}
