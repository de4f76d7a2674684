// Backups of the database and the media folder (`npm run db:backup` / `npm run db:restore`,
// README "Backups"). A backup is a folder:
//   manifest.json   what was saved: driver, server version, latest migration, row counts per table
//   database.dump   PostgreSQL: `pg_dump --format=custom` (restored with pg_restore)
//   pglite.tar.gz   PGlite: the data folder as PGlite's own `dumpDataDir` tarball
//   media.tar       the uploaded files as `media/originals/…` and `media/public/…`: the folder
//                   YADMAN_DATA_DIR/media, or every object of the S3 bucket under those prefixes
//                   (the same layout either way: a backup restores into either store)
// Never in it: AUTH_SECRET (or YADMAN_DATA_DIR/secrets). Sealed fields (e-mail addresses, TOTP
// secrets, kept originals) can only be read with the AUTH_SECRET they were written with: keep it
// apart from the backup, in the secret store.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { acquireDataDirLock } from '../../db/lock';
import { assertKey, type MediaStore } from '../../lib/media/storage';

export type BackupSource = { driver: 'postgres'; url: string } | { driver: 'pglite'; dataDir: string };

export type Manifest = {
  format: 1;
  createdAt: string;
  driver: 'postgres' | 'pglite';
  serverVersion: string;
  /** PostgreSQL: major version of the pg_dump that wrote database.dump (pg_restore must be as new). */
  dumpToolMajor?: number;
  /** Rows per table of the public schema, as counted when the backup was made. */
  rowCounts: Record<string, number>;
  /** Whether media.tar holds the uploaded files (false: no files yet). */
  media: boolean;
  /** Where the files were read from (absent in backups made before S3 buckets were backed up). */
  mediaFrom?: 'folder' | 's3';
};

/**
 * Where the uploaded files are: the data folder (its media/ subfolder), or a store that lists (S3).
 * A restore into a store unpacks media.tar first into `stagingDir` (default: the system's temporary
 * folder; the restore script gives YADMAN_DATA_DIR/tmp, on disk).
 */
export type MediaSource = { dataDir?: string; store?: MediaStore; stagingDir?: string };

type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** Rows per table of the public schema (used to check a restore). */
export async function rowCounts(query: Query): Promise<Record<string, number>> {
  const tables = await query(
    "select tablename from pg_tables where schemaname = 'public' order by tablename",
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const name = String(tablename);
    const [row] = await query(`select count(*)::int as n from "public"."${name.replace(/"/g, '""')}"`);
    counts[name] = Number(row!.n);
  }
  return counts;
}

/** The major version of a PostgreSQL client tool (`pg_dump (PostgreSQL) 15.20` → 15). */
export function toolMajor(binary: string): number {
  const out = execFileSync(binary, ['--version'], { encoding: 'utf8' });
  const match = out.match(/(\d+)(?:\.\d+)?/);
  if (!match) throw new Error(`cannot read the version of ${binary}: ${out}`);
  return Number(match[1]);
}

/** pg_dump/pg_restore: from PG_BIN when set (e.g. /usr/lib/postgresql/16/bin), else from PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  return process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name;
}

/**
 * pg_dump refuses a server newer than itself, and a newer pg_dump writes archives an older
 * pg_restore cannot read: the tools must be the server's major version (or, for pg_dump, newer).
 */
export function checkToolVersion(tool: string, required: number, why: string): void {
  const major = toolMajor(tool);
  if (major < required) {
    throw new Error(
      `${path.basename(tool)} is version ${major} but ${why} is ${required}: ` +
        `install the PostgreSQL ${required} client tools and point PG_BIN at them (e.g. PG_BIN=/usr/lib/postgresql/${required}/bin).`,
    );
  }
}

function tarFolder(parent: string, name: string, archive: string): boolean {
  if (!fs.existsSync(path.join(parent, name))) return false;
  execFileSync('tar', ['-cf', archive, '-C', parent, name]);
  return true;
}

/**
 * Copies every file of `store` into media.tar, laid out as the data folder's media/ would be.
 * Objects are fetched one at a time into a private staging folder inside `out`, removed after.
 */
async function tarStore(store: MediaStore, out: string): Promise<boolean> {
  if (!store.list) throw new Error('this media store cannot list its files, so they cannot be backed up');
  const staging = fs.mkdtempSync(path.join(out, '.media-'));
  try {
    let files = 0;
    for await (const { key } of store.list()) {
      const file = path.join(staging, 'media', key);
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      await pipeline(await store.getStream(key), fs.createWriteStream(file, { mode: 0o600, flags: 'wx' }));
      files++;
    }
    return files > 0 && tarFolder(staging, 'media', path.join(out, 'media.tar'));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Puts every file of media.tar into `store`, which must hold no files yet. */
async function untarIntoStore(from: string, store: MediaStore, stagingDir = os.tmpdir()): Promise<void> {
  fs.mkdirSync(stagingDir, { recursive: true, mode: 0o700 });
  const staging = fs.mkdtempSync(path.join(stagingDir, 'yadman-restore-'));
  try {
    execFileSync('tar', ['-xf', path.join(from, 'media.tar'), '-C', staging]);
    const keys: string[] = [];
    for (const prefix of ['originals', 'public']) {
      const folder = path.join(staging, 'media', prefix);
      if (fs.existsSync(folder)) keys.push(...fs.readdirSync(folder).map((name) => `${prefix}/${name}`));
    }
    keys.forEach(assertKey); // nothing but stored files: a stray name fails the restore before anything is put
    for (const key of keys) await store.put(key, fs.createReadStream(path.join(staging, 'media', key)));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Writes media.tar into `out` from the store or the data folder; false when there are no files. */
export async function backupMedia(out: string, options: MediaSource): Promise<boolean> {
  if (options.store) return tarStore(options.store, out);
  return options.dataDir ? tarFolder(path.resolve(options.dataDir), 'media', path.join(out, 'media.tar')) : false;
}

/** Refuses a media target that already holds files (checked before the database is restored). */
async function checkMediaTarget(options: MediaSource): Promise<void> {
  if (options.store?.list) {
    for await (const _ of options.store.list()) throw new Error('the media store already holds files: restore into an empty bucket');
  } else if (!options.store && options.dataDir && fs.existsSync(path.join(options.dataDir, 'media'))) {
    throw new Error(`${path.join(options.dataDir, 'media')} already exists: restore into an empty data folder`);
  }
}

/** Puts the files of the backup in `from` (its media.tar) into the store, or unpacks them into the data folder. */
export async function restoreMedia(from: string, options: MediaSource): Promise<void> {
  await checkMediaTarget(options);
  if (options.store) return untarIntoStore(from, options.store, options.stagingDir);
  if (!options.dataDir) throw new Error('this backup holds media files: give the data folder to unpack them into');
  fs.mkdirSync(options.dataDir, { recursive: true });
  execFileSync('tar', ['-xf', path.join(from, 'media.tar'), '-C', path.resolve(options.dataDir)]);
}

/**
 * Writes a backup of `source` into `out`, with the uploaded files of `media`: its store when given
 * (S3), else the folder `media.dataDir`/media when present.
 */
export async function backup(source: BackupSource, out: string, options: MediaSource = {}): Promise<Manifest> {
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) throw new Error(`${out} exists and is not empty`);
  fs.mkdirSync(out, { recursive: true });
  let manifest: Omit<Manifest, 'media'>;
  if (source.driver === 'postgres') {
    const { default: postgres } = await import('postgres');
    const sql = postgres(source.url, { max: 1, onnotice: () => {} });
    try {
      const [version] = await sql`select current_setting('server_version') as v, current_setting('server_version_num')::int as n`;
      checkToolVersion(pgTool('pg_dump'), Math.floor(Number(version!.n) / 10_000), 'the server');
      const dumpToolMajor = toolMajor(pgTool('pg_dump'));
      const counts = await rowCounts((text) => sql.unsafe(text));
      // Custom format: compressed, and pg_restore can restore it into a database of another name.
      const dumped = spawnSync(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${path.join(out, 'database.dump')}`, source.url], {
        encoding: 'utf8',
      });
      if (dumped.status !== 0) throw new Error(`pg_dump failed: ${dumped.stderr.trim()}`);
      manifest = { format: 1, createdAt: new Date().toISOString(), driver: 'postgres', serverVersion: String(version!.v), dumpToolMajor, rowCounts: counts };
    } finally {
      await sql.end();
    }
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    // The server must be stopped: one process per data folder (db/lock.ts says which one holds it).
    const release = acquireDataDirLock(path.resolve(source.dataDir));
    try {
      const pg = await PGlite.create(path.join(path.resolve(source.dataDir), 'pglite'), { extensions: { pg_trgm } });
      try {
        const [version] = (await pg.query<{ v: string }>("select current_setting('server_version') as v")).rows;
        const counts = await rowCounts(async (text) => (await pg.query<Record<string, unknown>>(text)).rows);
        const tarball = await pg.dumpDataDir('gzip');
        fs.writeFileSync(path.join(out, 'pglite.tar.gz'), Buffer.from(await tarball.arrayBuffer()));
        manifest = { format: 1, createdAt: new Date().toISOString(), driver: 'pglite', serverVersion: `PGlite (PostgreSQL ${version!.v})`, rowCounts: counts };
      } finally {
        await pg.close();
      }
    } finally {
      release();
    }
  }
  const media = await backupMedia(out, options);
  const full: Manifest = { ...manifest, media, ...(media ? { mediaFrom: options.store ? 's3' : 'folder' } : {}) };
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(full, null, 2)}\n`);
  return full;
}

export type RestoreTarget = BackupSource;

/**
 * Restores the backup in `from` into `target`, which must be empty: a PostgreSQL database without
 * tables (create it first), or a PGlite data folder without a database. The files go into
 * `media.store` when given (an S3 bucket holding no files yet), else are unpacked into
 * `media.dataDir` (which must not hold a media folder yet). Returns the restored row counts,
 * after checking them against the manifest.
 */
export async function restore(from: string, target: RestoreTarget, options: MediaSource = {}): Promise<Record<string, number>> {
  const manifest = JSON.parse(fs.readFileSync(path.join(from, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.driver !== target.driver) {
    throw new Error(`this backup is of a ${manifest.driver} database; restore it with the same driver (DATABASE_URL ${manifest.driver === 'postgres' ? 'set' : 'unset'})`);
  }
  if (manifest.media) await checkMediaTarget(options);
  let counts: Record<string, number>;
  if (target.driver === 'postgres') {
    const { default: postgres } = await import('postgres');
    const sql = postgres(target.url, { max: 1, onnotice: () => {} });
    try {
      const [{ n }] = (await sql`select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`) as unknown as [{ n: number }];
      if (n > 0) throw new Error('the target database is not empty: create a new, empty database and restore into it');
      // A pg_restore older than the pg_dump that wrote the archive cannot read it.
      checkToolVersion(pgTool('pg_restore'), manifest.dumpToolMajor ?? 0, 'the pg_dump that wrote this backup');
      // One transaction: a failed restore leaves the database empty, not half-filled.
      const restored = spawnSync(
        pgTool('pg_restore'),
        ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${target.url}`, path.join(from, 'database.dump')],
        { encoding: 'utf8' },
      );
      if (restored.status !== 0) throw new Error(`pg_restore failed: ${restored.stderr.trim()}`);
      counts = await rowCounts((text) => sql.unsafe(text));
    } finally {
      await sql.end();
    }
  } else {
    const dataDir = path.resolve(target.dataDir);
    if (fs.existsSync(path.join(dataDir, 'pglite'))) throw new Error(`${path.join(dataDir, 'pglite')} already exists: restore into an empty data folder`);
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const release = acquireDataDirLock(dataDir);
    try {
      const tarball = new Blob([fs.readFileSync(path.join(from, 'pglite.tar.gz'))]);
      const pg = await PGlite.create(path.join(dataDir, 'pglite'), { extensions: { pg_trgm }, loadDataDir: tarball });
      try {
        counts = await rowCounts(async (text) => (await pg.query<Record<string, unknown>>(text)).rows);
      } finally {
        await pg.close();
      }
    } finally {
      release();
    }
  }
  if (manifest.media) await restoreMedia(from, options);
  const differing = Object.keys({ ...manifest.rowCounts, ...counts }).filter((table) => manifest.rowCounts[table] !== counts[table]);
  if (differing.length > 0) throw new Error(`restored row counts differ from the backup's in: ${differing.join(', ')}`);
  return counts;
}
