// Upload throughput for `npm run bench` (scripts/bench.ts runs this as a child, like the mirror's;
// `BENCH_ONLY=uploads npm run bench` runs it alone). The same video-sized files are received
// through the two paths a submitter's bytes take, on both stores:
//   - resumable (tus) through handleTusRequest with the browser's 1 MB chunks, until the
//     attachment row exists (S3: the chunks go to the bucket, are read back, sealed and stored);
//   - the data layer (receiveUpload from the received temporary file, what the no-JavaScript
//     form does after streaming): SHA-256, sealing, store put, row, job.
// Baselines in the same run, on the same bytes: the S3 server's own speed (one SDK PutObject of the
// whole file, and a bare streamed multipart upload as s3Store.put makes; no sealing, no database)
// and the local disk's (one write of the file). The S3 server
// is the loopback one the tests use (lib/testing/s3-server.ts): what it measures is the app's S3
// path, not a cloud's network. The database is a scratch one on the bench's PostgreSQL server,
// dropped at the end. Prints JSON rows on its last line; its log goes to stderr.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';

const benchUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/yadman_bench';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yadman-bench-uploads-'));
const fileMb = Number(process.env.BENCH_UPLOAD_MB ?? 20);
const files = Number(process.env.BENCH_UPLOAD_FILES ?? 3);
const chunk = 1024 * 1024; // components/forms/attachment-upload-form.tsx
const log = (m: string) => console.error(`[uploads] ${m}`);

// Before any module reads the environment (lib/env.mjs reads it once).
const adminUrl = new URL(benchUrl);
adminUrl.pathname = '/postgres';
const { createPostgresDatabase } = await import('../lib/testing/scratch-database');
const scratch = await createPostgresDatabase(adminUrl.toString(), 'yadman_bench_uploads');
Object.assign(process.env, {
  DATABASE_URL: scratch.url,
  YADMAN_DATA_DIR: path.join(tmp, 'data'),
  LIMIT_UPLOAD_ACCOUNT: '1000000',
  LIMIT_UPLOAD_ADDRESS: '1000000',
  MEDIA_MAX_VIDEO_MB: String(Math.max(200, fileMb + 1)),
});

const { closeDb, getDb } = await import('../db/client');
const { createSession, resolveSession } = await import('../lib/auth/sessions');
const { s3ClientConfig } = await import('../lib/media/s3-config');
const { s3Store } = await import('../lib/media/s3-store');
const { localStore, setMediaStoreForTests } = await import('../lib/media/storage');
const { handleTusRequest, setUploadStorageForTests } = await import('../lib/media/tus');
const { receiveUpload } = await import('../lib/media/upload');
const { insertUser } = await import('../lib/testing/actors');
const { insertCollection, insertPerson, insertTestimony } = await import('../lib/testing/public-fixtures');
const { startS3Server } = await import('../lib/testing/s3-server');

const rows: Array<Record<string, unknown>> = [];
const s3 = await startS3Server('yadman-bench');
try {
  const db = await getDb();
  const userId = await insertUser(db, `bench-uploader-${Date.now()}`, 'submitter');
  const viewer = (await resolveSession(db, await createSession(db, userId, false)))!;
  const collectionId = await insertCollection(db);
  const person = await insertPerson(db, { collectionId });
  const draft = () => insertTestimony(db, { collectionId, submitterId: userId, personIds: [person.id], status: 'draft', withPublishedRevision: false });

  // An MP4 header (sniffed as video) and random bytes: nothing compresses or deduplicates.
  const bytes = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), randomBytes(fileMb * 2 ** 20 - 24)]);
  const source = path.join(tmp, 'video.mp4');
  fs.writeFileSync(source, bytes);
  const totalMb = fileMb * files;
  const mbps = (ms: number) => totalMb / (ms / 1000);

  async function tusUpload(testimonyId: string, file: Buffer): Promise<void> {
    const headers = { 'Tus-Resumable': '1.0.0' };
    const b64 = (v: string) => Buffer.from(v).toString('base64');
    const created = await handleTusRequest(
      new Request('http://localhost/api/uploads/tus', { method: 'POST', headers: { ...headers, 'Upload-Length': String(file.length), 'Upload-Metadata': `testimonyId ${b64(testimonyId)},kind ${b64('video')},caption ${b64('')}` } }),
      viewer,
    );
    if (created.status !== 201) throw new Error(`tus create answered ${created.status}: ${await created.text()}`);
    const url = `http://localhost${created.headers.get('location')!.startsWith('/') ? '' : '/api/uploads/tus/'}${created.headers.get('location')!}`;
    for (let offset = 0; offset < file.length; offset += chunk) {
      const part = file.subarray(offset, offset + chunk);
      const response = await handleTusRequest(
        new Request(url, { method: 'PATCH', headers: { ...headers, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }, body: new Uint8Array(part) }),
        viewer,
      );
      if (response.status !== 204) throw new Error(`tus PATCH at ${offset} answered ${response.status}: ${await response.text()}`);
      if (offset + part.length === file.length && !response.headers.get('upload-attachment-id')) throw new Error('the last PATCH made no attachment');
    }
  }

  async function timedRuns(run: () => Promise<void>): Promise<number> {
    const start = performance.now();
    for (let i = 0; i < files; i++) await run();
    return performance.now() - start;
  }

  const measured: Record<string, { tus: number; form: number }> = {};
  for (const store of ['folder', 's3'] as const) {
    if (store === 's3') {
      setMediaStoreForTests(s3Store(s3.config));
      setUploadStorageForTests({ s3: s3.config });
    } else {
      setMediaStoreForTests(localStore(path.join(tmp, 'media')));
      setUploadStorageForTests({ directory: path.join(tmp, 'tus') });
    }
    // Warm-up (first tus server, first connections), not timed: one small upload each way.
    const small = bytes.subarray(0, chunk);
    await tusUpload(await draft(), small);
    fs.writeFileSync(path.join(tmp, 'warm.mp4'), small);
    await receiveUpload(db, viewer, { testimonyId: await draft(), path: path.join(tmp, 'warm.mp4'), keepOriginal: false });
    log(`${store}: ${files} × ${fileMb} MB through tus (1 MB chunks)`);
    const tus = await timedRuns(async () => tusUpload(await draft(), bytes));
    log(`${store}: ${files} × ${fileMb} MB through receiveUpload`);
    const form = await timedRuns(async () => {
      // receiveUpload reads the received file; the route removes it afterwards (here: a copy each time).
      const received = path.join(tmp, `received-${randomBytes(4).toString('hex')}`);
      fs.copyFileSync(source, received);
      await receiveUpload(db, viewer, { testimonyId: await draft(), path: received, keepOriginal: false });
      fs.rmSync(received);
    });
    measured[store] = { tus, form };
  }

  log('baselines: raw S3 PutObject and a local write of the same bytes');
  const client = new S3Client(s3ClientConfig(s3.config));
  const rawS3 = await timedRuns(async () => {
    await client.send(new PutObjectCommand({ Bucket: s3.config.bucket, Key: `raw/${randomBytes(8).toString('hex')}`, Body: bytes, ContentLength: bytes.length }));
  });
  // The same server's multipart path alone: the file streamed in 8 MB parts as s3Store.put does, no sealing, no database.
  const rawMultipart = await timedRuns(async () => {
    await new Upload({ client, params: { Bucket: s3.config.bucket, Key: `raw/${randomBytes(8).toString('hex')}`, Body: fs.createReadStream(source) }, partSize: 8 * 2 ** 20, queueSize: 2 }).done();
  });
  client.destroy();
  const rawDisk = await timedRuns(async () => fs.writeFileSync(path.join(tmp, `raw-${randomBytes(4).toString('hex')}`), bytes));

  const note = `${files} files × ${fileMb} MB, one at a time; loopback S3-protocol server (@20minutes/s3rver, objects on this disk)`;
  const baseline = `raw S3 PutObject of the same bytes ${mbps(rawS3).toFixed(0)} MB/s; local folder store, same path, `;
  rows.push({ figure: 'Upload throughput, S3 store: resumable (tus, 1 MB chunks)', value: mbps(measured.s3!.tus), unit: 'MB/s',
    baseline: `${baseline}${mbps(measured.folder!.tus).toFixed(0)} MB/s`, note: `${note}; until the attachment row exists (chunks to the bucket, read back, sealed, stored)` });
  rows.push({ figure: 'Upload throughput, S3 store: form / data layer (receiveUpload)', value: mbps(measured.s3!.form), unit: 'MB/s',
    baseline: `${baseline}${mbps(measured.folder!.form).toFixed(0)} MB/s; a bare streamed multipart upload of the file (8 MB parts) ${mbps(rawMultipart).toFixed(0)} MB/s`, note: `${note}; SHA-256, sealing, streamed multipart put, row, job` });
  rows.push({ figure: 'Upload throughput, local folder store: resumable (tus, 1 MB chunks)', value: mbps(measured.folder!.tus), unit: 'MB/s',
    baseline: `one write of the same bytes to this disk ${mbps(rawDisk).toFixed(0)} MB/s`, note });
} finally {
  setMediaStoreForTests(undefined);
  setUploadStorageForTests(undefined);
  await s3.close();
  await closeDb();
  await scratch.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.info(JSON.stringify(rows));
process.exit();
