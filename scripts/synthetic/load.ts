// Bulk loading for synthetic data. On PostgreSQL a batch is one COPY (text format) on one of a few
// reserved connections with synchronous_commit off; on PGlite it is one INSERT … SELECT from a JSON
// parameter. The foreign keys and secondary indexes of the loaded tables are dropped first and
// re-created from their own definitions (pg_get_constraintdef / pg_get_indexdef, i.e. what the
// migrations created) afterwards, even when the load fails: one index build and one validating join
// are far cheaper than a million per-row checks and index insertions. On PostgreSQL, batches are
// written on two connections at once: the generated full-text column is computed by the backend
// that receives the row, so two backends use both cores. Meant for a fresh, dedicated database.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { ReservedSql, Sql } from 'postgres';
import { columns, type Row, type Table } from './generate';

export type BulkSession = {
  write(table: Table, rows: Row[]): Promise<void>;
  query<T>(text: string): Promise<T[]>;
};

const loadedTables = Object.keys(columns) as Table[];

/**
 * PGlite: the rows travel as a single JSON parameter and PostgreSQL turns them into the table's row
 * type (json_populate_recordset applies each column's own input syntax); a failing row fails the
 * statement with its error.
 */
function jsonSession(run: (text: string, params?: string[]) => Promise<unknown[]>): BulkSession {
  return {
    async write(table, rows) {
      if (rows.length === 0) return;
      const cols = columns[table].join(', ');
      await run(`insert into ${table} (${cols}) select ${cols} from json_populate_recordset(null::${table}, $1::json)`, [JSON.stringify(rows)]);
    },
    query: async <T>(text: string) => (await run(text)) as T[],
  };
}

/** A value in COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
const copyText = (value: string | null) => (value === null ? '\\N' : value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!));

/**
 * Runs one COPY … FROM STDIN. postgres.js resolves the query with the stream when the COPY starts,
 * so a COPY the server refuses (a bad row) is reported only to the query's reject handler, which then
 * settles nothing and the stream never finishes; the handler is wrapped here so the error surfaces.
 */
async function copyRows(connection: ReservedSql, table: Table, rows: Row[]) {
  const query = connection.unsafe(`copy ${table} (${columns[table].join(', ')}) from stdin`);
  const failed = new Promise<never>((_, reject) => {
    const original = (query as unknown as { reject: (e: unknown) => void }).reject;
    (query as unknown as { reject: (e: unknown) => void }).reject = (error) => {
      reject(error);
      original(error);
    };
  });
  const stream = await Promise.race([query.writable(), failed]);
  const lines = function* () {
    for (let i = 0; i < rows.length; i += 500) {
      yield rows
        .slice(i, i + 500)
        .map((row) => columns[table].map((c) => copyText(row[c] ?? null)).join('\t') + '\n')
        .join('');
    }
  };
  await Promise.race([pipeline(Readable.from(lines()), stream), failed]);
}

/** PostgreSQL: `size` reserved connections, each writing one COPY at a time. */
async function copySession(client: Sql, size: number): Promise<BulkSession & { release(): void }> {
  const connections = await Promise.all(Array.from({ length: size }, () => client.reserve()));
  // A lost batch of a synthetic load costs nothing: no flush to disk per COPY.
  for (const c of connections) await c.unsafe('set synchronous_commit = off');
  const idle = [...connections];
  const waiting: Array<(c: ReservedSql) => void> = [];
  const acquire = () => new Promise<ReservedSql>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
  const release = (c: ReservedSql) => (waiting.length ? waiting.shift()!(c) : idle.push(c));
  return {
    async write(table, rows) {
      if (rows.length === 0) return;
      const connection = await acquire();
      try {
        await copyRows(connection, table, rows);
      } finally {
        release(connection);
      }
    },
    query: async <T>(text: string) => (await client.unsafe(text)) as unknown as T[],
    release: () => connections.forEach((c) => c.release()),
  };
}

const postgresRunner = (client: Sql) => (text: string, params?: string[]) => client.unsafe(text, params) as Promise<unknown[]>;
const pgliteRunner = (client: PGlite) => async (text: string, params?: string[]) => (await client.query(text, params)).rows;

type Definition = { table: string; name: string; definition: string };

/** Drops the loaded tables' foreign keys and non-unique indexes; returns how to re-create them. */
async function dropDerived(session: BulkSession): Promise<{ foreignKeys: Definition[]; indexes: Definition[] }> {
  const tables = loadedTables.map((t) => `'${t}'`).join(', ');
  const foreignKeys = await session.query<Definition>(`select conrelid::regclass::text as table, conname as name,
      pg_get_constraintdef(oid) as definition from pg_constraint
    where contype = 'f' and conrelid::regclass::text in (${tables})`);
  const indexes = await session.query<Definition>(`select i.indrelid::regclass::text as table, c.relname as name,
      pg_get_indexdef(i.indexrelid) as definition from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid::regclass::text in (${tables}) and not i.indisunique and not i.indisprimary`);
  // Row triggers (the public data version, db/migrations/0007) would run once per row; the version
  // is bumped once after the load instead.
  for (const table of loadedTables) await session.query(`alter table ${table} disable trigger user`);
  for (const fk of foreignKeys) await session.query(`alter table ${fk.table} drop constraint "${fk.name}"`);
  for (const ix of indexes) await session.query(`drop index "${ix.name}"`);
  return { foreignKeys, indexes };
}

async function restoreDerived(session: BulkSession, derived: { foreignKeys: Definition[]; indexes: Definition[] }, log: (m: string) => void) {
  for (const ix of derived.indexes) {
    const started = Date.now();
    await session.query(ix.definition);
    log(`index ${ix.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const started = Date.now();
  for (const fk of derived.foreignKeys) await session.query(`alter table ${fk.table} add constraint "${fk.name}" ${fk.definition}`);
  log(`foreign keys checked (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const table of loadedTables) await session.query(`alter table ${table} enable trigger user`);
  // The queue's counts per status (migration 0026) are kept by a row trigger that did not run.
  await session.query(`do $$ begin if to_regprocedure('queue_counts_rebuild()') is not null then perform queue_counts_rebuild(); end if; end $$`);
  // Every cache of public data keyed by the version is now stale.
  await session.query(`do $$ begin if to_regclass('public_data_version') is not null then
    perform bump_public_data_version(); end if; end $$`);
}

/** Concurrent batches on PostgreSQL; PGlite has one connection. */
export const parallelWrites = { postgres: 2, pglite: 1 } as const;

/**
 * Runs `load` with the derived structures dropped, then rebuilds them and analyzes the tables.
 * `client` is the raw driver under drizzle (postgres.js or PGlite). `session.write` may be called
 * again before an earlier call settled, up to `parallelWrites[driver]` at once.
 */
export async function bulkLoad(client: Sql | PGlite, driver: 'postgres' | 'pglite', load: (session: BulkSession) => Promise<void>, log: (m: string) => void) {
  const session = driver === 'postgres' ? jsonSession(postgresRunner(client as Sql)) : jsonSession(pgliteRunner(client as PGlite));
  const derived = await dropDerived(session);
  try {
    if (driver === 'postgres') {
      const copying = await copySession(client as Sql, parallelWrites.postgres);
      try {
        await load(copying);
      } finally {
        copying.release();
      }
    } else {
      await load(session);
    }
  } finally {
    // One connection, so the memory setting applies to the index builds that follow it.
    const reserved = driver === 'postgres' ? await (client as Sql).reserve() : null;
    const restore = reserved ? jsonSession(postgresRunner(reserved)) : session;
    try {
      await restore.query(`set maintenance_work_mem = '256MB'`);
      await restoreDerived(restore, derived, log);
    } finally {
      reserved?.release();
    }
  }
  // VACUUM sets the visibility map, so index-only scans (queue counts) skip the heap.
  for (const table of loadedTables) await session.query(`vacuum analyze ${table}`);
}
