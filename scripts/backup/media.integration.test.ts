// The uploaded files in a backup (`npm run db:backup` / `db:restore`), from and into both stores:
// the local folder (YADMAN_DATA_DIR/media) and an S3 bucket (a loopback S3-protocol server started
// here). A backup holds every stored file under the same layout whichever store it came from, so it
// restores into either (moving from one server to several is a backup and a restore); a restore
// refuses a store that already holds files. Through backup()/restore() (the scripts' functions) with
// S3 as well, on an empty PGlite folder; the round trip of a seeded database with the folder store
// is backup.security.heavy.integration.test.ts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { s3Store } from '@/lib/media/s3-store';
import { collect, localStore, newKey, type MediaStore } from '@/lib/media/storage';
import { testMediaStores, type MediaStoreKind } from '@/lib/testing/media-fixtures';
import { startS3Server, type S3TestServer } from '@/lib/testing/s3-server';
import { backup, backupMedia, restore, restoreMedia, type MediaSource } from './backup';

const folders: string[] = [];
const servers: S3TestServer[] = [];
const tempFolder = (name: string) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `yadman-backup-media-${name}-`));
  folders.push(folder);
  return folder;
};
afterAll(async () => {
  for (const server of servers) await server.close();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

/** A new, empty store of `kind` and what backup/restore are given for it (as the scripts do). */
async function emptyStore(kind: MediaStoreKind): Promise<{ store: MediaStore; dataDir: string; media: MediaSource }> {
  const dataDir = tempFolder('data');
  if (kind === 'folder') return { store: localStore(path.join(dataDir, 'media')), dataDir, media: { dataDir } };
  const server = await startS3Server();
  servers.push(server);
  const store = s3Store(server.config);
  return { store, dataDir, media: { store, stagingDir: tempFolder('staging') } };
}

async function contents(store: MediaStore): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for await (const { key } of store.list!()) files[key] = (await collect(await store.getStream(key))).toString('base64');
  return files;
}

async function fill(store: MediaStore): Promise<Record<string, string>> {
  const written: Record<string, string> = {};
  for (const key of [newKey('originals'), newKey('originals', 'pdf'), newKey('public', 'jpg')]) {
    const bytes = randomBytes(64 * 1024 + Math.floor(Math.random() * 1024));
    await store.put(key, bytes);
    written[key] = bytes.toString('base64');
  }
  expect(await contents(store)).toEqual(written);
  return written;
}

describe.each(testMediaStores())('backup of the files in $store', ({ store: kind }) => {
  it('holds every stored file and restores it, byte for byte, into an empty folder or an empty bucket; never into one with files', async () => {
    const source = await emptyStore(kind);
    const written = await fill(source.store);
    const out = tempFolder('out');
    expect(await backupMedia(out, source.media)).toBe(true);
    // Nothing but the archive (the staging folder is gone).
    expect(fs.readdirSync(out)).toEqual(['media.tar']);

    for (const into of testMediaStores().map((s) => s.store)) {
      const target = await emptyStore(into);
      await restoreMedia(out, target.media);
      expect(await contents(target.store), `restored into ${into}`).toEqual(written);
      await expect(restoreMedia(out, target.media)).rejects.toThrow(/already (holds files|exists)/);
      expect(await contents(target.store), `nothing added in ${into}`).toEqual(written);
    }
  });
});

describe.runIf(testMediaStores().some((s) => s.store === 's3'))('npm run db:backup / db:restore with S3_BUCKET set', () => {
  it('backs up the bucket with the database and restores it into an empty bucket, refusing one with files before touching the database', { timeout: 120_000 }, async () => {
    const source = await emptyStore('s3');
    const written = await fill(source.store);
    const out = path.join(tempFolder('out'), 'backup');
    const manifest = await backup({ driver: 'pglite', dataDir: source.dataDir }, out, source.media);
    expect(manifest).toMatchObject({ media: true, mediaFrom: 's3' });
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'media.tar', 'pglite.tar.gz']);

    const target = await emptyStore('s3');
    await target.store.put(newKey('public', 'jpg'), Buffer.from('already here'));
    await expect(restore(out, { driver: 'pglite', dataDir: target.dataDir }, target.media)).rejects.toThrow(/already holds files/);
    expect(fs.existsSync(path.join(target.dataDir, 'pglite'))).toBe(false);

    const empty = await emptyStore('s3');
    await restore(out, { driver: 'pglite', dataDir: empty.dataDir }, empty.media);
    expect(await contents(empty.store)).toEqual(written);
  });
});
