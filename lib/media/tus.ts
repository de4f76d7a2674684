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
// after a day (`cleanUpExpiredUploads` in the worker's hourly housekeeping).
import 'server-only';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import type { S3Store } from '@tus/s3-store';
import { Server, type Upload } from '@tus/server';
import { getDb } from '@/db/client';
import type { Viewer } from '@/lib/auth/viewer';
import { checkAccess } from '@/lib/authz/access';
import { env } from '@/lib/env.mjs';
import { AppError, type ErrorCode } from '@/lib/errors';
import { captionMaxLength } from '@/lib/validation/attachment';
import { largestUploadBytes, sizeLimitBytes } from './limits';
import type { MediaKind } from './sniff';
import { requestAddressKey } from '@/lib/abuse/address';
import { consumeLimit } from '@/lib/abuse/limits';
import { assertOwnEditableTestimony, receiveUpload } from './upload';
import { withTempDir } from './temp';

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
  checkAccess(viewer, { permission: 'testimony.submit' });
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
      const file = server.datastore instanceof FileStore ? path.join(fileStoreDirectory(), upload.id) : path.join(dir, 'upload');
      if (!(server.datastore instanceof FileStore)) await pipeline(await (server.datastore as S3Store).read(upload.id), createWriteStream(file, { mode: 0o600 }));
      return receiveUpload(await getDb(), viewer, { testimonyId: m.testimonyId ?? '', path: file, caption: m.caption ?? '', keepOriginal: m.keepOriginal === 'yes' });
    });
    return { status_code: 204, headers: { 'Upload-Attachment-Id': id } };
  } catch (error) {
    throw refusalOf(error);
  } finally {
    await server.datastore.remove(upload.id).catch(() => {});
  }
}

function fileStoreDirectory(): string {
  return path.join(env().dataDir, 'uploads');
}

async function createDatastore() {
  const e = env();
  if (!e.S3_BUCKET) return new FileStore({ directory: fileStoreDirectory(), expirationPeriodInMilliseconds: dayMs });
  const { S3Store } = await import('@tus/s3-store');
  return new S3Store({
    partSize: 8 * 1024 * 1024,
    expirationPeriodInMilliseconds: dayMs,
    s3ClientConfig: {
      bucket: e.S3_BUCKET,
      region: e.S3_REGION,
      endpoint: e.S3_ENDPOINT,
      forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
      credentials: { accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY! },
    },
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

/** Removes partial uploads older than a day (hourly housekeeping). */
export async function cleanUpExpiredUploads(): Promise<number> {
  return (await tusServer()).cleanUpExpiredUploads();
}
