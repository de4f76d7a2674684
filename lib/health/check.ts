import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { desc } from 'drizzle-orm';
import { bigint, pgSchema, serial, text } from 'drizzle-orm/pg-core';
import { defaultMigrationsFolder, getDbHandle, type DbHandle } from '@/db/client';
import type { DbDriver } from '@/db/types';

// drizzle's own bookkeeping table (written by its migrator), read here to report the schema version.
const drizzleMeta = pgSchema('drizzle');
const appliedMigrations = drizzleMeta.table('__drizzle_migrations', {
  id: serial().primaryKey(),
  hash: text().notNull(),
  createdAt: bigint({ mode: 'number' }),
});

export type Health = {
  status: 'ok' | 'error';
  database: 'reachable' | 'unreachable';
  driver: DbDriver;
  /** Tag of the latest applied migration (e.g. "0001_initial-schema"), or its hash if unknown. */
  migration: string | null;
};

const timeoutMs = 5_000;

/** Journal tags by migration timestamp; drizzle stores only the timestamp and hash. */
function migrationTags(folder: string): Map<number, string> {
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as {
      entries: Array<{ when: number; tag: string }>;
    };
    return new Map(journal.entries.map((e) => [e.when, e.tag]));
  } catch {
    return new Map();
  }
}

/**
 * Reports whether the database answers. Deliberately says nothing else about the deployment:
 * no URL, host, data folder, version or error text (the endpoint is public).
 */
export async function checkHealth(open: () => Promise<DbHandle> = getDbHandle): Promise<Health> {
  const driver: DbDriver = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  try {
    const result = await withTimeout(async () => {
      const handle = await open();
      const [latest] = await handle.db
        .select({ hash: appliedMigrations.hash, createdAt: appliedMigrations.createdAt })
        .from(appliedMigrations)
        .orderBy(desc(appliedMigrations.createdAt))
        .limit(1);
      const tag = latest?.createdAt != null ? migrationTags(defaultMigrationsFolder()).get(latest.createdAt) : undefined;
      return { driver: handle.driver, migration: tag ?? latest?.hash ?? null };
    });
    return { status: 'ok', database: 'reachable', ...result };
  } catch {
    return { status: 'error', database: 'unreachable', driver, migration: null };
  }
}

function withTimeout<T>(run: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('health check timed out')), timeoutMs);
  });
  return Promise.race([run(), timeout]).finally(() => clearTimeout(timer));
}
