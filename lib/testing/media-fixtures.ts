// Fixtures for media tests: a JPEG that carries everything a phone would leak (GPS position,
// camera make and model, software, XMP with a city, an orientation), a temporary media store (a
// folder, or a bucket on a loopback S3 server), and a submitter's draft testimony to attach files to.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '@/db/types';
import { ListMultipartUploadsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { s3ClientConfig } from '@/lib/media/s3-config';
import { s3Store } from '@/lib/media/s3-store';
import { localStore, setMediaStoreForTests, type MediaStore } from '@/lib/media/storage';
import { setUploadStorageForTests } from '@/lib/media/tus';
import { testDatabases, type TestDatabase } from './databases';
import { startS3Server, type S3TestServer } from './s3-server';
import { insertCollection, insertPerson, insertTestimony } from './public-fixtures';

export const fixtureGps = { latitude: 35.6892, longitude: 51.389 };

/** 40×20 pixels, EXIF orientation 6 (shown 20×40), with GPS, camera and XMP metadata. */
export function leakyJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: '#884422' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Apple', Model: 'iPhone 11 Pro', Software: 'SecretCam 1.0' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 41/1 2112/100', GPSLongitudeRef: 'E', GPSLongitude: '51/1 23/1 2040/100' },
    })
    .withMetadata({ orientation: 6 })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Tehran"/></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();
}

let uploadsDir = '';

/** Bytes as a received upload: a temporary file (what receiveUpload reads), removed after the test file. */
export async function receivedFile(bytes: Uint8Array): Promise<string> {
  const file = path.join(uploadsDir, randomUUID());
  await writeFile(file, bytes);
  return file;
}

/** The two places media can live: the local folder (one server) and an S3-protocol bucket (several). */
export type MediaStoreKind = 'folder' | 's3';

/**
 * For `describe.each(testMediaStores())('… in $store', …)`: every media test runs on both stores,
 * the S3 one against a loopback server the test starts itself (lib/testing/s3-server.ts).
 * TEST_MEDIA_STORES (e.g. `s3`) narrows that while iterating.
 */
export function testMediaStores(): { store: MediaStoreKind }[] {
  const all: MediaStoreKind[] = ['folder', 's3'];
  const wanted = process.env.TEST_MEDIA_STORES?.split(',').map((t) => t.trim()).filter(Boolean);
  return (wanted?.length ? all.filter((k) => wanted.includes(k)) : all).map((store) => ({ store }));
}

/** Every database of this run with every media store: `describe.each(testDatabasesAndStores())('… on $name, files in $store', …)`. */
export function testDatabasesAndStores(): (TestDatabase & { store: MediaStoreKind })[] {
  return testDatabases().flatMap((database) => testMediaStores().map(({ store }) => ({ ...database, store })));
}

/**
 * A temporary media store for this test file (or describe block): a folder, or a bucket on a
 * loopback S3 server started for it. Resumable uploads go to the same kind of storage (a folder
 * beside it, or the same bucket), as in production. `files()` lists what is stored under a prefix.
 */
export function useTemporaryMediaStore(kind: MediaStoreKind = 'folder') {
  let dir = '';
  let tusDir = '';
  let store: MediaStore | undefined;
  let s3: S3TestServer | undefined;
  let client: S3Client | undefined;
  beforeAll(async () => {
    uploadsDir = await mkdtemp(path.join(os.tmpdir(), 'yadman-uploads-test-'));
    if (kind === 's3') {
      s3 = await startS3Server();
      client = new S3Client(s3ClientConfig(s3.config));
      store = s3Store(s3.config);
      setUploadStorageForTests({ s3: s3.config });
    } else {
      dir = await mkdtemp(path.join(os.tmpdir(), 'yadman-media-test-'));
      tusDir = await mkdtemp(path.join(os.tmpdir(), 'yadman-tus-test-'));
      store = localStore(dir);
      setUploadStorageForTests({ directory: tusDir });
    }
    setMediaStoreForTests(store);
  });
  afterAll(async () => {
    setMediaStoreForTests(undefined);
    setUploadStorageForTests(undefined);
    client?.destroy();
    await s3?.close();
    for (const folder of [dir, tusDir, uploadsDir]) if (folder) await rm(folder, { recursive: true, force: true });
  });
  /** Every object name in the bucket starting with `prefix`. */
  const objects = async (prefix: string) => {
    const names: string[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await client!.send(new ListObjectsV2Command({ Bucket: s3!.config.bucket, Prefix: prefix, ContinuationToken }));
      names.push(...(page.Contents ?? []).map((o) => o.Key!));
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return names;
  };
  return {
    kind,
    get store() {
      return store!;
    },
    /** The folder everything is stored under (the folder store only). */
    get dir() {
      if (kind !== 'folder') throw new Error('the S3 store has no folder');
      return dir;
    },
    /** File names (no prefix) stored under `prefix`. */
    files: async (prefix: 'originals' | 'public'): Promise<string[]> =>
      kind === 's3' ? (await objects(`${prefix}/`)).map((key) => key.slice(prefix.length + 1)) : readdir(path.join(dir, prefix)).catch(() => [] as string[]),
    /**
     * The next tus request is handled by a new tus server and datastore with nothing in memory, as
     * another server process would: all it knows of an upload is what the shared storage holds.
     */
    anotherServer() {
      setUploadStorageForTests(kind === 's3' ? { s3: s3!.config } : { directory: tusDir });
    },
    /** What a server that died after an upload's last byte leaves: the whole file and its metadata. */
    async leaveFinishedUpload(id: string, bytes: Buffer) {
      const info = JSON.stringify({ id, size: bytes.length, offset: bytes.length, metadata: {}, creation_date: new Date().toISOString() });
      if (kind === 'folder') {
        await writeFile(path.join(tusDir, id), bytes);
        await writeFile(path.join(tusDir, `${id}.json`), info);
        return;
      }
      for (const [Key, Body] of [[id, bytes], [`${id}.info`, Buffer.from(info)]] as const) {
        await client!.send(new PutObjectCommand({ Bucket: s3!.config.bucket, Key, Body }));
      }
    },
    /** What is left of resumable upload `id`: its files, objects and unfinished multipart uploads. */
    async partialUpload(id: string): Promise<string[]> {
      if (kind === 'folder') return (await readdir(tusDir)).filter((f) => f.startsWith(id));
      const open = await client!.send(new ListMultipartUploadsCommand({ Bucket: s3!.config.bucket, Prefix: id }));
      return [...(await objects(id)), ...(open.Uploads ?? []).map((u) => `multipart:${u.Key}`)];
    },
  };
}

/** A draft testimony of `submitterId` about one published person (so publishing it makes it public). */
export async function insertDraft(db: Db, submitterId: string) {
  const collectionId = await insertCollection(db);
  const person = await insertPerson(db, { collectionId });
  return insertTestimony(db, { collectionId, submitterId, personIds: [person.id], status: 'draft', withPublishedRevision: false });
}
