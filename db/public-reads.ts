// The connections public reads run on (lib/memorial/public-read.ts), when the driver has a pool:
// their own few, each started with the public statement timeout (PUBLIC_STATEMENT_TIMEOUT_MS), so
// a public read needs no transaction to set it: a search is one statement and one round trip
// instead of four (begin, the setting, the read, commit), each of which cost this 2-core machine a
// socket write and a wake-up of both processes (issue 16: search over HTTP within 1.5 × the query;
// docs/benchmarks.md). They also start with `synchronous_commit = off`: their only writes are the
// public reads' limit counts (lib/abuse/public-reads.ts), which a crash may forget for the last
// instant at no cost, so a count is one statement that does not wait for the WAL flush.
// And `plan_cache_mode = force_custom_plan`: a statement with parameters that postgres.js has not
// prepared costs two round trips (it asks the server for the parameters' types first) and a parse
// every time, so the search and the count are prepared (named, kept per connection: one round trip,
// no parse); PostgreSQL would switch a prepared statement to a generic plan after five runs, which
// for the search is many times slower (it cannot see the words' selectivity), so each execution is
// still planned for its values. Only statements of a few fixed texts are prepared (a search without
// filters, the count): each one prepared is kept on every connection until it closes.
// No `server-only`: db/client.ts, which scripts load, registers them.
import type { Db, DbOrTx } from './types';

// On globalThis: Next bundles the proxy and the pages apart, each with its own copy of this module,
// and both must find the connections of the one database that getDb() keeps there too.
const holder = globalThis as typeof globalThis & { [key: symbol]: WeakMap<object, Db> | undefined };
const key = Symbol.for('yadman.publicReads');
const pools = (holder[key] ??= new WeakMap<object, Db>());

/** Records `reads` as the public-read connections of `db` (db/client.ts, on opening PostgreSQL). */
export function registerPublicReads(db: Db, reads: Db): void {
  pools.set(db, reads);
}

/** The public-read connections of `db`, or undefined (PGlite, a transaction, a database without them). */
export function publicReadsOf(db: DbOrTx): Db | undefined {
  return pools.get(db);
}
