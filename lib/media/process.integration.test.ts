// Upload → job → derivative on both databases: the served copy of a phone photo has no GPS, EXIF,
// XMP or IPTC; the SHA-256 recorded is that of the bytes received; the original is deleted unless
// the submitter asked to keep it, and then it is stored sealed. Refusals and the no-ffmpeg path too.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attachments, testimonies } from '@/db/schema';
import { fieldPurposes, openFileBuffer, unwrapDataKey } from '@/lib/crypto/envelope';
import { jobHandlers } from '@/lib/jobs/handlers';
import { runOneJob } from '@/lib/jobs/worker';
import { createActors, type Actors } from '@/lib/testing/actors';
import { useTestDatabase } from '@/lib/testing/databases';
import { insertDraft, leakyJpeg, receivedFile, testDatabasesAndStores, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { ffmpegAvailable, setFfmpegAvailableForTests } from './ffmpeg';
import { heicDecodable } from './image';
import { receiveUpload } from './upload';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const hasFfmpeg = await ffmpegAvailable();

/** A one-second clip tagged the way a phone would: location, title, device, per-stream handler. */
async function leakyClip(extension: 'mp4' | 'mp3'): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yadman-clip-'));
  const out = path.join(dir, `clip.${extension}`);
  const inputs = ['-f', 'lavfi', '-i', 'sine=duration=1', ...(extension === 'mp4' ? ['-f', 'lavfi', '-i', 'testsrc=duration=1:size=32x32:rate=5'] : [])];
  const tags = ['-metadata', 'location=+35.6892+051.3890/', '-metadata', 'title=SecretTitle', '-metadata', 'artist=PhoneOwner'];
  await promisify(execFile)('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...inputs, ...tags, '-metadata:s:a', 'handler_name=PhoneMic', '-shortest', out]);
  try {
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.each(testDatabasesAndStores())('media processing on $name, files in $store', (target) => {
  const ctx = useTestDatabase(target);
  const media = useTemporaryMediaStore(target.store);
  let actors: Actors;
  let draftId: string;
  let jpeg: Buffer;

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    draftId = await insertDraft(ctx.db, actors.submitterA.userId!);
    jpeg = await leakyJpeg();
  });
  afterEach(() => setFfmpegAvailableForTests(undefined));

  // Each upload on its own draft: the same bytes sent again for one testimony are taken as a re-sent
  // request and answered with the file already received (lib/media/upload.ts).
  const upload = async (bytes: Buffer, keepOriginal = false) =>
    receiveUpload(ctx.db, actors.submitterA.viewer!, { testimonyId: await insertDraft(ctx.db, actors.submitterA.userId!), path: await receivedFile(bytes), keepOriginal });
  const rowOf = async (id: string) => (await ctx.db.select().from(attachments).where(eq(attachments.id, id)))[0]!;

  it('the derivative of a phone photo carries no GPS, camera, EXIF, XMP or IPTC data, and is turned upright', async () => {
    expect((await exifr.gps(jpeg))?.latitude).toBeCloseTo(35.6892); // the fixture really leaks
    const { id } = await upload(jpeg);
    expect((await rowOf(id)).status).toBe('processing');
    expect(await runOneJob(ctx.db, jobHandlers)).toBe('done');

    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'ready', metadataRemoved: true, publicMime: 'image/jpeg', kind: 'image', mime: 'image/jpeg' });
    expect(row.sha256).toBe(sha256(jpeg));
    expect(row.sizeBytes).toBe(jpeg.length);
    const derivative = await media.store.getBuffer(row.publicKey!);
    expect(await exifr.parse(derivative, { tiff: true, exif: true, gps: true, xmp: true, iptc: true, icc: true })).toBeUndefined();
    expect(await exifr.gps(derivative)).toBeUndefined();
    const meta = await sharp(derivative).metadata();
    expect([meta.exif, meta.xmp, meta.iptc, meta.icc]).toEqual([undefined, undefined, undefined, undefined]);
    expect([meta.width, meta.height]).toEqual([20, 40]);
    for (const leak of ['iPhone', 'Apple', 'SecretCam', 'Tehran', 'IMG_0001']) expect(derivative.includes(leak)).toBe(false);
  });

  it('deletes the original once the derivative exists, unless asked to keep it', async () => {
    const { id } = await upload(jpeg);
    const before = await media.files('originals');
    expect((await rowOf(id)).dataKey).toMatch(/^k1\./);
    await runOneJob(ctx.db, jobHandlers);
    // The original's own key goes with it: a copy left behind in storage can no longer be opened.
    expect(await rowOf(id)).toMatchObject({ originalKey: null, dataKey: null });
    expect((await media.files('originals')).length).toBe(before.length - 1);
  });

  it('keeps the original sealed under its own key when asked: the stored bytes differ, and open back to the upload', async () => {
    const { id } = await upload(jpeg, true);
    await runOneJob(ctx.db, jobHandlers);
    const row = await rowOf(id);
    expect(row).toMatchObject({ keepOriginal: true, status: 'ready', metadataRemoved: true });
    const stored = await media.store.getBuffer(row.originalKey!);
    expect(stored.equals(jpeg)).toBe(false);
    expect(stored.includes(Buffer.from('iPhone'))).toBe(false);
    expect(openFileBuffer(unwrapDataKey(row.dataKey!, 'attachment'), stored, fieldPurposes.original).equals(jpeg)).toBe(true);
  });

  it('refuses an HTML page renamed .jpg and an SVG, storing nothing', async () => {
    const before = await media.files('originals');
    for (const bytes of [
      Buffer.from('<!doctype html><script>alert(1)</script>'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    ]) {
      await expect(upload(bytes, false)).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { file: 'fileTypeRefused' } });
    }
    expect(await media.files('originals')).toEqual(before);
  });

  // sharp's prebuilt binaries decode AVIF but not HEVC; a build that can accepts HEIC instead.
  it.skipIf(heicDecodable())('refuses HEIC at upload when this sharp cannot decode it, with advice', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
    await expect(upload(heic, false)).rejects.toMatchObject({ fieldErrors: { file: 'heicUnsupported' } });
  });

  it('marks undecodable image bytes refused', async () => {
    const { id } = await upload(Buffer.concat([jpeg.subarray(0, 4), Buffer.alloc(200, 7)]));
    await runOneJob(ctx.db, jobHandlers);
    expect(await rowOf(id)).toMatchObject({ status: 'refused', publicKey: null, originalKey: null });
  });

  it('without ffmpeg, a video stays moderators-only, flagged, and can never be made public', async () => {
    setFfmpegAvailableForTests(false);
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(100)]);
    const { id } = await upload(mp4, false);
    await runOneJob(ctx.db, jobHandlers);
    const row = await rowOf(id);
    expect(row).toMatchObject({ kind: 'video', status: 'ready', metadataRemoved: false, publicKey: null, visibility: 'moderators' });
    expect(row.originalKey).not.toBeNull(); // the sealed original is the only copy, for moderators
    await expect(ctx.db.update(attachments).set({ visibility: 'public' }).where(eq(attachments.id, id))).rejects.toThrow();
  });

  it('refuses uploads to another submitter’s draft or to a testimony no longer editable', async () => {
    const asB = receiveUpload(ctx.db, actors.submitterB.viewer!, { testimonyId: draftId, path: await receivedFile(jpeg), keepOriginal: false });
    await expect(asB).rejects.toMatchObject({ code: 'not_found' });
    const submitted = await insertDraft(ctx.db, actors.submitterA.userId!);
    await ctx.db.update(testimonies).set({ status: 'submitted' }).where(eq(testimonies.id, submitted));
    const late = receiveUpload(ctx.db, actors.submitterA.viewer!, { testimonyId: submitted, path: await receivedFile(jpeg), keepOriginal: false });
    await expect(late).rejects.toMatchObject({ code: 'not_found' });
  });

  it.skipIf(!hasFfmpeg).each(['mp4', 'mp3'] as const)('strips container metadata from %s with ffmpeg, keeping the streams', async (extension) => {
    const clip = await leakyClip(extension);
    expect(clip.includes('SecretTitle')).toBe(true);
    const { id } = await upload(clip, false);
    expect(await runOneJob(ctx.db, jobHandlers)).toBe('done');
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'ready', metadataRemoved: true, sha256: sha256(clip) });
    const derivative = await media.store.getBuffer(row.publicKey!);
    expect(derivative.length).toBeGreaterThan(100);
    for (const leak of ['35.6892', 'SecretTitle', 'PhoneOwner', 'PhoneMic']) expect(derivative.includes(leak)).toBe(false);
  });
});
