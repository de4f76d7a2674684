// Backups round trip (issue 7, "Reliability"): a seeded database and its media folder are backed up
// (`npm run db:backup`'s function), the database is dropped, restored into a new one, and every
// table's row count and a checksum of the key tables' contents must match. On PGlite (dumpDataDir
// / loadDataDir) and, with TEST_DATABASE_URL, PostgreSQL (pg_dump custom format / pg_restore).
// Heavy (`npm run test:security` only): a file-backed PGlite with demo data takes a minute on the
// 2-core machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { seedDemo } from '@/lib/seed/demo';
import { createPostgresDatabase, testDatabases } from '@/lib/testing/databases';
import { recordFigure } from '@/lib/testing/security-figures';
import { backup, restore, rowCounts, type BackupSource } from './backup';

const keyTables = ['users', 'persons', 'testimonies', 'testimony_revisions', 'attachments', 'audit_entries', 'collections'];
type Query = (text: string) => Promise<Record<string, unknown>[]>;

async function checksums(query: Query): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of keyTables) {
    const [row] = await query(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${table}" t`);
    sums[table] = String(row!.h);
  }
  return sums;
}

async function onPglite<T>(dataDir: string, run: (query: Query) => Promise<T>): Promise<T> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const pg = await PGlite.create(path.join(dataDir, 'pglite'), { extensions: { pg_trgm } });
  try {
    return await run(async (text) => (await pg.query<Record<string, unknown>>(text)).rows);
  } finally {
    await pg.close();
  }
}

async function onPostgres<T>(url: string, run: (query: Query) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await run((text) => sql.unsafe(text));
  } finally {
    await sql.end();
  }
}

const folders: string[] = [];
const tempFolder = (name: string) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `yadman-backup-${name}-`));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

describe.each(testDatabases())('$name', ({ name }) => {
  it('backup, drop, restore into a new database: same rows, same contents, same files', { timeout: 300_000 }, async () => {
    const dataDir = tempFolder('data');
    const mediaFile = path.join(dataDir, 'media', 'originals', 'ab', 'file.bin');
    fs.mkdirSync(path.dirname(mediaFile), { recursive: true });
    fs.writeFileSync(mediaFile, Buffer.from('not really a photo, but bytes to keep'));

    let source: BackupSource;
    let dropSource = async () => {};
    if (name === 'postgres') {
      const created = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
      source = { driver: 'postgres', url: created.url };
      dropSource = created.drop;
      const handle = await createDb({ driver: 'postgres', url: created.url, max: 2 });
      await seedDemo(handle.db);
      await handle.close();
    } else {
      source = { driver: 'pglite', dataDir };
      const handle = await createDb({ driver: 'pglite', dataDir });
      await seedDemo(handle.db);
      await handle.close();
    }
    const on = (target: BackupSource, run: (query: Query) => Promise<Record<string, string>>) =>
      target.driver === 'postgres' ? onPostgres(target.url, run) : onPglite(target.dataDir, run);
    const before = await on(source, checksums);
    const countsBefore = await on(source, rowCounts as never);

    const out = path.join(tempFolder('out'), 'backup');
    const manifest = await backup(source, out, { dataDir });
    expect(manifest.media).toBe(true);
    expect(manifest.rowCounts.persons).toBeGreaterThan(0);
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'media.tar', name === 'postgres' ? 'database.dump' : 'pglite.tar.gz'].sort());

    // Drop: the database and the data folder are gone.
    await dropSource();
    fs.rmSync(dataDir, { recursive: true, force: true });

    const restoredDir = tempFolder('restored');
    let target: BackupSource;
    let dropTarget = async () => {};
    if (name === 'postgres') {
      const created = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
      target = { driver: 'postgres', url: created.url };
      dropTarget = created.drop;
    } else {
      target = { driver: 'pglite', dataDir: restoredDir };
    }
    try {
      const counts = await restore(out, target, { dataDir: restoredDir });
      const after = await on(target, checksums);
      const differing = keyTables.filter((table) => before[table] !== after[table]).length;
      recordFigure({ figure: `backup round trip (${name}): tables differing after restore`, measured: differing, target: '0', ok: differing === 0 });
      expect(counts).toEqual(countsBefore);
      expect(after).toEqual(before);
      expect(fs.readFileSync(path.join(restoredDir, 'media', 'originals', 'ab', 'file.bin'), 'utf8')).toBe('not really a photo, but bytes to keep');
      // The restored database is one the app opens (migrations already applied, nothing pending).
      const reopened = await createDb(target.driver === 'postgres' ? { driver: 'postgres', url: target.url, max: 1 } : { driver: 'pglite', dataDir: restoredDir });
      await reopened.close();
      // A second restore into the now non-empty target is refused, not merged.
      await expect(restore(out, target, {})).rejects.toThrow(/not empty|already exists/);
    } finally {
      await dropTarget();
    }
  });
});
