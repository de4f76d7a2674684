// Resumable uploads (tus protocol, @tus/server) for submitters with JavaScript: a dropped
// connection continues where it stopped instead of starting a 100 MB video again. The route
// (app/api/uploads/tus/[[...id]]/route.ts) hands every request here with the viewer it loaded.
// - Creating an upload: the viewer may submit, the testimony is their own and editable, the
//   declared kind is known and the declared length within that kind's limit, and the account is
//   under its upload rate; the owner is recorded in the upload's server-side metadata.
// - Every later request (PATCH, HEAD, DELETE) names an upload the viewer owns, or gets 404.
// - tus refuses bytes beyond the declared length while they stream in; when the last byte
//   arrives the file goes through receiveUpload, exactly like the multipart path (type by bytes,
//   that kind's limit, SHA-256, sealed original, processing job), and the partial copy is removed.
// Partial uploads live in YADMAN_DATA_DIR/uploads (or the S3 bucket, named by upload id) and expire
// after a day (`cleanUpExpiredUploads` in the worker's hourly housekeeping), finished or not.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import type { S3Store } from '@tus/s3-store';
import { Server, type Upload } from '@tus/server';
import { getDb } from '@/db/client';
import type { Viewer } from '@/lib/auth/viewer';
import { requirePermission } from '@/lib/authz/guard';
import { env } from '@/lib/env.mjs';
import { AppError, type ErrorCode } from '@/lib/errors';
import { captionMaxLength } from '@/lib/validation/attachment';
import { largestUploadBytes, sizeLimitBytes } from './limits';
import type { MediaKind } from './sniff';
import { requestAddressKey } from '@/lib/abuse/address';
import { consumeLimit } from '@/lib/abuse/limits';
import { assertOwnEditableTestimony, receiveUpload } from './upload';
import { s3ClientConfig, s3ConfigOf, type S3Config } from './s3-config';
import { withTempDir } from './temp';
import { uuidSource } from '@/lib/validation/uuid';

export const tusPath = '/api/uploads/tus';
const kinds: readonly MediaKind[] = ['image', 'video', 'audio', 'document'];
const dayMs = 24 * 60 * 60 * 1000;

/** The viewer of each request being handled (the hooks receive only the request). */
const viewers = new WeakMap<Request, Viewer | null>();

/** A refusal the client shows: the body is a catalogue key (`Media.errors.*` or `Errors.*`). */
const refusal = (status_code: number, body: string) => ({ status_code, body });

function refusalOf(error: unknown) {
  if (typeof error === 'object' && error !== null && 'status_code' in error) return error;
  if (!(error instanceof AppError)) {
    // Never the message: it may name files or internals.
    console.error(`tus upload failed: ${error instanceof Error ? error.name : 'unknown error'}`);
    return refusal(500, 'unexpected');
  }
  const status: Partial<Record<ErrorCode, number>> = { unauthenticated: 401, invalid_input: 422, rate_limited: 429 };
  return refusal(status[error.code] ?? 404, error.fieldErrors?.file ?? error.code);
}

function viewerOf(req: Request): Viewer {
  const viewer = viewers.get(req) ?? null;
  requirePermission(viewer, 'testimony.submit');
  return viewer!;
}

async function onUploadCreate(req: Request, upload: Upload) {
  try {
    const viewer = viewerOf(req);
    const m = upload.metadata ?? {};
    const kind = kinds.find((k) => k === m.kind);
    const caption = (m.caption ?? '').trim();
    if (!kind || caption.length > captionMaxLength || upload.sizeIsDeferred) throw refusal(400, 'invalid_input');
    if (!upload.size) throw refusal(422, 'fileMissing');
    if (upload.size > sizeLimitBytes(kind)) throw refusal(413, `fileTooLarge.${kind}`);
    await assertOwnEditableTestimony(await getDb(), viewer, m.testimonyId ?? '');
    await consumeLimit(await getDb(), 'upload', { account: viewer.userId, address: requestAddressKey(req.headers) });
    // Only these keys are kept; the owner is set here, never taken from the client.
    return { metadata: { testimonyId: m.testimonyId!, kind, caption, keepOriginal: m.keepOriginal === 'yes' ? 'yes' : 'no', owner: viewer.userId } };
  } catch (error) {
    throw refusalOf(error);
  }
}

async function ownedUpload(server: Server, req: Request, id: string): Promise<Upload> {
  const viewer = viewers.get(req) ?? null;
  const upload = await server.datastore.getUpload(id).catch(() => null);
  if (!viewer || !upload || upload.metadata?.owner !== viewer.userId) throw refusal(404, 'not_found');
  return upload;
}

async function onUploadFinish(server: Server, req: Request, upload: Upload) {
  const m = upload.metadata ?? {};
  try {
    const viewer = viewerOf(req);
    if (m.owner !== viewer.userId) throw refusal(404, 'not_found');
    const { id } = await withTempDir(async (dir) => {
      // The file store already holds the bytes on this disk; from object storage they are fetched first.
      const file = server.datastore instanceof FileStore ? path.join(server.datastore.directory, upload.id) : path.join(dir, 'upload');
      if (!(server.datastore instanceof FileStore)) await pipeline(await (server.datastore as S3Store).read(upload.id), createWriteStream(file, { mode: 0o600 }));
      return receiveUpload(await getDb(), viewer, { testimonyId: m.testimonyId ?? '', path: file, caption: m.caption ?? '', keepOriginal: m.keepOriginal === 'yes' });
    });
    return { status_code: 204, headers: { 'Upload-Attachment-Id': id } };
  } catch (error) {
    throw refusalOf(error);
  } finally {
    await removePartial(server, upload.id);
  }
}

/**
 * Deletes every copy of a finished (received or refused) upload: these bytes are the submitter's
 * file before sealing, with all its metadata. @tus/s3-store's remove() first aborts the multipart
 * upload, which S3 answers with NoSuchUpload once it was completed, and then throws before deleting
 * anything: on S3 the whole plaintext file (`<id>`) and its metadata (`<id>.info`) stayed in the
 * bucket for good, past the day's expiry too (that sweep only sees unfinished multipart uploads).
 */
async function removePartial(server: Server, id: string): Promise<void> {
  await server.datastore.remove(id).catch(() => {});
  const storage = uploadStorage();
  if ('directory' in storage) {
    // remove() stops at a missing data file, leaving its metadata.
    for (const name of [id, `${id}.json`]) await rm(path.join(storage.directory, name), { force: true });
    return;
  }
  const { DeleteObjectsCommand, S3Client } = await import('@aws-sdk/client-s3');
  s3Client ??= new S3Client(s3ClientConfig(storage.s3));
  // Never the key or message in the log: a failure is logged by kind only.
  const failed = await s3Client
    .send(new DeleteObjectsCommand({ Bucket: storage.s3.bucket, Delete: { Objects: [id, `${id}.info`, `${id}.part`].map((Key) => ({ Key })), Quiet: true } }))
    .then((result) => result.Errors?.[0]?.Code, (error: unknown) => (error instanceof Error ? error.name : 'unknown error'));
  if (failed) console.error(`tus upload: a finished upload's partial copy could not be deleted (${failed})`);
}

let s3Client: import('@aws-sdk/client-s3').S3Client | undefined;

/** Where partial uploads live: a folder of this server's disk, or the S3 bucket (several servers). */
export type UploadStorage = { directory: string } | { s3: S3Config };

let storageForTests: UploadStorage | undefined;

function uploadStorage(): UploadStorage {
  if (storageForTests) return storageForTests;
  const e = env();
  const s3 = s3ConfigOf(e);
  return s3 ? { s3 } : { directory: path.join(e.dataDir, 'uploads') };
}

async function createDatastore() {
  const storage = uploadStorage();
  if ('directory' in storage) {
    // The file store creates its folder without waiting for it: its first listing (the hourly
    // sweep, at every start) failed with ENOENT on a data folder that had none yet.
    await mkdir(storage.directory, { recursive: true });
    return new FileStore({ directory: storage.directory, expirationPeriodInMilliseconds: dayMs });
  }
  const { S3Store } = await import('@tus/s3-store');
  return new S3Store({
    partSize: 8 * 1024 * 1024,
    expirationPeriodInMilliseconds: dayMs,
    s3ClientConfig: { ...s3ClientConfig(storage.s3), bucket: storage.s3.bucket },
  });
}

let server: Promise<Server> | undefined;

function tusServer(): Promise<Server> {
  server ??= createDatastore().then((datastore) => {
    const s: Server = new Server({
      path: tusPath,
      datastore,
      relativeLocation: true,
      maxSize: largestUploadBytes(),
      // Random UUIDs: the route accepts nothing else as an upload id, so no path can be smuggled in.
      namingFunction: () => randomUUID(),
      onUploadCreate,
      // Also called for POST (with the new id, nothing stored yet): onUploadCreate checks those.
      onIncomingRequest: async (req, id) => void (req.method === 'POST' || (await ownedUpload(s, req, id))),
      onUploadFinish: (req, upload) => onUploadFinish(s, req, upload),
    });
    return s;
  });
  return server;
}

/** Handles one tus request for `viewer` (loaded by the route from the session). */
export async function handleTusRequest(request: Request, viewer: Viewer | null): Promise<Response> {
  viewers.set(request, viewer);
  return (await tusServer()).handleWeb(request);
}

/** Tests point resumable uploads at a folder or at their own S3 server (the next request builds a new tus server). */
export function setUploadStorageForTests(next: UploadStorage | undefined): void {
  storageForTests = next;
  server = undefined;
  s3Client?.destroy();
  s3Client = undefined;
}

/**
 * Removes partial uploads older than a day (hourly housekeeping), and any upload left behind older
 * than that: the stores' own expiry only sees unfinished uploads, so a server that died between an
 * upload's last byte and its removal would leave the whole file, before sealing, for good.
 * Returns how many uploads were removed.
 */
export async function cleanUpExpiredUploads(olderThanMs = dayMs): Promise<number> {
  const server = await tusServer();
  const expired = await server.cleanUpExpiredUploads();
  let abandoned = 0;
  for (const id of await uploadsOlderThan(Date.now() - olderThanMs)) {
    await removePartial(server, id);
    abandoned++;
  }
  return expired + abandoned;
}

const uploadName = new RegExp(`^(${uuidSource})(\\.info|\\.part|\\.json)?$`);

/** Ids of uploads with any file or object last written before `cutoff` (ms since the epoch). */
async function uploadsOlderThan(cutoff: number): Promise<string[]> {
  const storage = uploadStorage();
  const ids = new Set<string>();
  if ('directory' in storage) {
    const names = await readdir(storage.directory).catch(() => [] as string[]);
    for (const name of names) {
      const id = uploadName.exec(name)?.[1];
      const info = id ? await stat(path.join(storage.directory, name)).catch(() => null) : null;
      if (id && info && info.mtimeMs < cutoff) ids.add(id);
    }
    return [...ids];
  }
  // Uploads are at the bucket's top level (media is under originals/ and public/).
  const { ListObjectsV2Command, S3Client } = await import('@aws-sdk/client-s3');
  s3Client ??= new S3Client(s3ClientConfig(storage.s3));
  let ContinuationToken: string | undefined;
  do {
    const page = await s3Client.send(new ListObjectsV2Command({ Bucket: storage.s3.bucket, Delimiter: '/', ContinuationToken }));
    for (const object of page.Contents ?? []) {
      const id = uploadName.exec(object.Key ?? '')?.[1];
      if (id && object.LastModified && object.LastModified.getTime() < cutoff) ids.add(id);
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return [...ids];
}
