// Where media bytes live, behind one small interface: a local folder (YADMAN_DATA_DIR/media) by
// default, S3-compatible object storage when S3_BUCKET is set. Keys are generated here (random
// UUIDs under a prefix): a submitter's file name never reaches the disk, the bucket or a URL.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { env } from '@/lib/env.mjs';
import { uuidSource } from '@/lib/validation/uuid';

export interface MediaStore {
  put(key: string, body: Readable | Buffer): Promise<void>;
  getBuffer(key: string): Promise<Buffer>;
  getStream(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  /** Every stored file, for the orphan sweep (lib/media/orphans.ts). */
  list?(): AsyncIterable<{ key: string; modifiedAt: Date }>;
}

/** `exports`: encrypted evidence packages (lib/evidence); never listed for the orphan sweep. */
export type KeyPrefix = 'originals' | 'public' | 'exports';

/** A fresh storage name; the extension (from the sniffed type) only helps people browsing a backup. */
export function newKey(prefix: KeyPrefix, extension?: string): string {
  return `${prefix}/${randomUUID()}${extension ? `.${extension}` : ''}`;
}

const keyPattern = new RegExp(`^(originals|public|exports)/${uuidSource}(\\.[a-z0-9]{2,5})?$`);

/** Keys come from the database, but a path outside the media folder must be impossible regardless. */
export function assertKey(key: string): void {
  if (!keyPattern.test(key)) throw new Error('invalid media key');
}

export function localStore(root: string): MediaStore {
  const file = (key: string) => {
    assertKey(key);
    return path.join(root, key);
  };
  return {
    async put(key, body) {
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
      await pipeline(source, createWriteStream(target, { mode: 0o600, flags: 'wx' }));
    },
    getBuffer: (key) => readFile(file(key)),
    async getStream(key) {
      return createReadStream(file(key));
    },
    async delete(key) {
      await rm(file(key), { force: true });
    },
    async *list() {
      for (const prefix of ['originals', 'public'] satisfies KeyPrefix[]) {
        // The media folder is data, not code: keep it out of Next's output file tracing.
        const names = await readdir(path.join(/*turbopackIgnore: true*/ root, prefix)).catch(() => [] as string[]);
        for (const name of names) {
          const key = `${prefix}/${name}`;
          if (!keyPattern.test(key)) continue;
          const info = await stat(/*turbopackIgnore: true*/ path.join(root, key)).catch(() => null);
          if (info?.isFile()) yield { key, modifiedAt: info.mtime };
        }
      }
    },
  };
}

/** All of a stream's bytes (Node 20 has no Array.fromAsync). */
export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

let store: MediaStore | undefined;

/** This process's store, chosen once from the environment. */
export async function mediaStore(): Promise<MediaStore> {
  if (store) return store;
  const e = env();
  if (e.S3_BUCKET) {
    const [{ s3ConfigOf }, { s3Store }] = await Promise.all([import('./s3-config'), import('./s3-store')]);
    store = s3Store(s3ConfigOf(e)!);
  } else {
    store = localStore(path.join(e.dataDir, 'media'));
  }
  return store;
}

/** Tests point the store at a temporary folder. */
export function setMediaStoreForTests(next: MediaStore | undefined): void {
  store = next;
}
