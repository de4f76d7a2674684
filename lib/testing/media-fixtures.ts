// Fixtures for media tests: a JPEG that carries everything a phone would leak (GPS position,
// camera make and model, software, XMP with a city, an orientation), a temporary media folder,
// and a submitter's draft testimony to attach files to.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '@/db/types';
import { localStore, setMediaStoreForTests, type MediaStore } from '@/lib/media/storage';
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

/** A temporary media folder for this test file; `files()` lists what is stored under a prefix. */
export function useTemporaryMediaStore() {
  let dir = '';
  let store: MediaStore | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'yadman-media-test-'));
    uploadsDir = await mkdtemp(path.join(os.tmpdir(), 'yadman-uploads-test-'));
    store = localStore(dir);
    setMediaStoreForTests(store);
  });
  afterAll(async () => {
    setMediaStoreForTests(undefined);
    await rm(dir, { recursive: true, force: true });
    await rm(uploadsDir, { recursive: true, force: true });
  });
  return {
    get store() {
      return store!;
    },
    /** The folder everything is stored under. */
    get dir() {
      return dir;
    },
    files: async (prefix: 'originals' | 'public') => readdir(path.join(dir, prefix)).catch(() => [] as string[]),
  };
}

/** A draft testimony of `submitterId` about one published person (so publishing it makes it public). */
export async function insertDraft(db: Db, submitterId: string) {
  const collectionId = await insertCollection(db);
  const person = await insertPerson(db, { collectionId });
  return insertTestimony(db, { collectionId, submitterId, personIds: [person.id], status: 'draft', withPublishedRevision: false });
}
