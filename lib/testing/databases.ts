// Databases for integration tests: every DB-backed test runs on in-memory PGlite and, when
// TEST_DATABASE_URL is set (e.g. postgres://postgres@127.0.0.1:5432/postgres), on a fresh
// PostgreSQL database created for the test file and dropped afterwards. TEST_DATABASE_TARGETS
// (e.g. `postgres`) narrows that to some of them: CI runs the README's plain `npm test` (PGlite
// only, as a newcomer does) and then the integration tests once more on PostgreSQL alone.
import fs from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDb, type DbHandle } from '@/db/client';
import type { Db, DbDriver } from '@/db/types';
import { createPostgresDatabase } from './scratch-database';

export { createPostgresDatabase };

export type TestDatabase = { name: DbDriver };

/** For `describe.each(testDatabases())('$name', (target) => …)`. */
export function testDatabases(): TestDatabase[] {
  const available: TestDatabase[] = process.env.TEST_DATABASE_URL ? [{ name: 'pglite' }, { name: 'postgres' }] : [{ name: 'pglite' }];
  const wanted = process.env.TEST_DATABASE_TARGETS?.split(',').map((t) => t.trim()).filter(Boolean);
  return wanted?.length ? available.filter((d) => wanted.includes(d.name)) : available;
}

/** Whether this run includes the PostgreSQL server (for tests that only make sense there). */
export function testsPostgres(): boolean {
  return testDatabases().some((d) => d.name === 'postgres');
}

export type TestDbContext = {
  /** The migrated database (valid inside tests, after beforeAll). */
  readonly db: Db;
  readonly handle: DbHandle;
  /**
   * A second connection pool to the same database, as another app instance would open (closed
   * after the file). In-memory PGlite cannot be opened twice: there it is the same handle.
   */
  openAnother(): Promise<Db>;
};

/** Registers beforeAll/afterAll hooks that create, migrate and finally drop a database. */
export function useTestDatabase(target: TestDatabase): TestDbContext {
  let handle: DbHandle | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  const others: DbHandle[] = [];

  beforeAll(async () => {
    if (target.name === 'pglite') {
      handle = await createDb({ driver: 'pglite', memory: true, snapshot: pgliteSnapshot() });
      return;
    }
    const { url, drop } = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
    dropDatabase = drop;
    databaseUrl = url;
    handle = await createDb({ driver: 'postgres', url, max: 4 });
  });

  afterAll(async () => {
    for (const other of others) await other.close();
    await handle?.close();
    await dropDatabase?.();
  });

  return {
    get db() {
      if (!handle) throw new Error('test database not ready (use it inside tests, not at collection time)');
      return handle.db;
    },
    get handle() {
      if (!handle) throw new Error('test database not ready');
      return handle;
    },
    async openAnother() {
      if (!databaseUrl) return this.db;
      const other = await createDb({ driver: 'postgres', url: databaseUrl, max: 2, migrate: false });
      others.push(other);
      return other.db;
    },
  };
}

let snapshot: Blob | undefined;
/** The migrated PGlite data folder made once per run (lib/testing/pglite-snapshot.global-setup.ts). */
function pgliteSnapshot(): Blob {
  snapshot ??= new Blob([fs.readFileSync(inject('pgliteSnapshot'))]);
  return snapshot;
}

export { queryRows } from './query-rows';
