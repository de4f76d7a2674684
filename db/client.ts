// The database connection. No `server-only` import: the migrate and seed scripts run in plain Node.
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../lib/env.mjs';
import { acquireDataDirLock } from './lock';
import { registerPublicReads } from './public-reads';
import * as schema from './schema';
import type { Db, DbDriver } from './types';

export type { Db, DbDriver, DbOrTx, Schema, Tx } from './types';

export type DbOptions = { migrate?: boolean; migrationsFolder?: string } & (
  | { driver: 'pglite'; dataDir: string }
  // `snapshot`: a migrated data folder from `dumpDataDir` (tests), skipping initdb and migrations.
  | { driver: 'pglite'; memory: true; snapshot?: Blob }
  | { driver: 'postgres'; url: string; max?: number }
);

export type DbHandle = { db: Db; driver: DbDriver; close: () => Promise<void> };

/** Migrations live in db/migrations of the project; commands and the server run from its root. */
export function defaultMigrationsFolder(): string {
  return path.resolve(process.cwd(), 'db/migrations');
}

// Serializes concurrent migrators on a shared PostgreSQL server (several app instances starting).
const migrationLockKey = 7_391_004_211;

/** Opens a database (and, unless `migrate: false`, applies pending migrations). */
export async function createDb(options: DbOptions): Promise<DbHandle> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const shouldMigrate = options.migrate ?? true;
  if (options.driver === 'postgres') return openPostgres(options.url, options.max ?? 10, shouldMigrate, migrationsFolder);

  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const extensions = { pg_trgm };
  let releaseLock = () => {};
  let client;
  if ('memory' in options) {
    client = await PGlite.create({ extensions, ...(options.snapshot ? { loadDataDir: options.snapshot } : {}) });
  } else {
    const dataDir = path.resolve(options.dataDir);
    // PGlite creates only the last folder of its path; the lock must exist before it opens.
    releaseLock = acquireDataDirLock(dataDir);
    try {
      client = await PGlite.create(path.join(dataDir, 'pglite'), { extensions });
    } catch (error) {
      releaseLock();
      throw error;
    }
  }
  const db = drizzle({ client, schema, casing: 'snake_case' });
  const close = async () => {
    await client.close();
    releaseLock();
  };
  if (shouldMigrate) {
    try {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(db, { migrationsFolder });
    } catch (error) {
      await close();
      throw error;
    }
  }
  return { db: db as unknown as Db, driver: 'pglite', close };
}

async function openPostgres(url: string, max: number, shouldMigrate: boolean, migrationsFolder: string) {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  // NOTICEs ("extension already exists, skipping") are noise in server logs.
  const quiet = { onnotice: () => {} };
  if (shouldMigrate) {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    // One connection, so the session advisory lock and the migration run on the same session.
    const migrator = postgres(url, { ...quiet, max: 1 });
    try {
      await migrator`select pg_advisory_lock(${migrationLockKey})`;
      await migrate(drizzle({ client: migrator, casing: 'snake_case' }), { migrationsFolder });
      await migrator`select pg_advisory_unlock(${migrationLockKey})`;
    } finally {
      await migrator.end();
    }
  }
  const client = postgres(url, { ...quiet, max });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  // Public reads' own connections, with the statement timeout from their start (db/public-reads.ts),
  // their limit counts written without waiting for the WAL flush, and their prepared statements
  // planned for each execution's values.
  const readsClient = postgres(url, {
    ...quiet,
    max: Math.max(2, Math.ceil(max / 2)),
    connection: { statement_timeout: env().PUBLIC_STATEMENT_TIMEOUT_MS, synchronous_commit: 'off', plan_cache_mode: 'force_custom_plan' },
  });
  registerPublicReads(db, drizzle({ client: readsClient, schema, casing: 'snake_case' }) as unknown as Db);
  return { db, driver: 'postgres' as const, close: () => Promise.all([client.end(), readsClient.end()]).then(() => undefined) };
}

// Kept on globalThis so Next's dev-mode module reloads reuse the one instance (and its lock).
const memo = globalThis as typeof globalThis & { __yadmanDb?: Promise<DbHandle> };

/** Options for this process's database, from the validated environment. */
export function optionsFromEnv(): DbOptions {
  const e = env();
  if (e.DATABASE_URL) return { driver: 'postgres', url: e.DATABASE_URL };
  fs.mkdirSync(path.dirname(e.dataDir), { recursive: true });
  return { driver: 'pglite', dataDir: e.dataDir };
}

/** This process's database, opened (and migrated) on first use. */
export function getDb(): Promise<Db> {
  return getDbHandle().then((h) => h.db);
}

export function getDbHandle(): Promise<DbHandle> {
  // Pages must not bake build-time data into HTML, and a build must not lock the data folder.
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    throw new Error('the database is not available during `next build`; make this page dynamic');
  }
  if (!memo.__yadmanDb) {
    memo.__yadmanDb = createDb(optionsFromEnv());
    // A failed open is not cached: the next request (e.g. the health check) tries again.
    memo.__yadmanDb.catch(() => {
      memo.__yadmanDb = undefined;
    });
  }
  return memo.__yadmanDb;
}

/** Closes this process's database (scripts call it before exiting). */
export async function closeDb(): Promise<void> {
  const pending = memo.__yadmanDb;
  memo.__yadmanDb = undefined;
  if (pending) await (await pending).close();
}
