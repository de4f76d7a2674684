// Metadata (issue 7, PRODUCT.md principle 4): a corpus of files that leak location, device and
// serial data (JPEG with GPS/MakerNote/thumbnail/XMP/IPTC, PNG text chunks, WebP EXIF,
// orientation 6 and 8, MP4/MOV with location atoms, MP3 ID3, M4A) through upload + processing.
// Target: every derivative has 0 location/make/model/serial fields, by exifr and, where installed,
// by exiftool and ffprobe (skipped elsewhere), and no byte of any leaked value; images stay upright.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '@/db/schema';
import { jobHandlers } from '@/lib/jobs/handlers';
import { runOneJob } from '@/lib/jobs/worker';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { hasTool, leakCanary, leakyCorpus, type LeakyFile } from '@/lib/testing/leaky-media';
import { insertDraft, receivedFile, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { recordFigure } from '@/lib/testing/security-figures';
import { receiveUpload } from './upload';

const run = promisify(execFile);
const forbiddenKey = /gps|location|latitude|longitude|iso6709|(^|[:.])make$|model|serial|makernote|city|country/i;
const [exiftool, ffprobe] = await Promise.all([hasTool('exiftool'), hasTool('ffprobe', '-version')]);

/** Names of forbidden fields in a tool's report, and whether a leaked value appears anywhere in it. */
function findings(report: unknown, tool: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (forbiddenKey.test(key)) found.push(`${tool}:${key}`);
    if (typeof value === 'string' && value.includes(leakCanary)) found.push(`${tool}:${key}=value`);
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, Array.isArray(value) ? key : k);
  };
  walk(report, '');
  return found;
}

describe.each(testDatabases())('metadata corpus on $name', (target) => {
  const ctx = useTestDatabase(target);
  const media = useTemporaryMediaStore();
  let actors: Actors;
  let draftId: string;
  let corpus: { files: LeakyFile[]; missing: string[] };
  let dir: string;

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    draftId = await insertDraft(ctx.db, actors.submitterA.userId!);
    corpus = await leakyCorpus();
    dir = await mkdtemp(path.join(os.tmpdir(), 'yadman-derivatives-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function leaksOf(file: LeakyFile): Promise<string[]> {
    const { id } = await receiveUpload(ctx.db, actors.submitterA.viewer!, { testimonyId: draftId, path: await receivedFile(file.bytes), keepOriginal: false });
    while ((await runOneJob(ctx.db, jobHandlers)) !== 'idle');
    const [row] = await ctx.db.select().from(attachments).where(eq(attachments.id, id));
    if (!row?.publicKey) {
      // No derivative (no ffmpeg): kept for moderators only, never publishable — nothing public leaks.
      return row?.status === 'ready' && !row.metadataRemoved && row.visibility === 'moderators' ? [] : [`no safe outcome: ${row?.status}`];
    }
    const copy = await media.store.getBuffer(row.publicKey);
    const leaks: string[] = [];
    if (copy.includes(leakCanary)) leaks.push('bytes');
    if (row.kind === 'image') {
      // exifr reads JPEG, PNG, TIFF and HEIF but not WebP ("Unknown file format"): the bytes and exiftool cover that one.
      const parsed = row.publicMime === 'image/webp' ? {} : await exifr.parse(copy, { tiff: true, ifd1: true, exif: true, gps: true, interop: true, makerNote: true, xmp: true, iptc: true, icc: true, jfif: false, ihdr: false });
      leaks.push(...findings(parsed ?? {}, 'exifr'));
      const meta = await sharp(copy).metadata();
      if (meta.orientation && meta.orientation !== 1) leaks.push(`orientation ${meta.orientation}`);
      if (file.orientation && !(meta.width === 20 && meta.height === 40)) leaks.push(`not upright: ${meta.width}×${meta.height}`);
    }
    const onDisk = path.join(dir, `${id}.${row.publicKey.split('.').pop()}`);
    await writeFile(onDisk, copy);
    if (exiftool) {
      const { stdout } = await run('exiftool', ['-j', '-a', '-G1', '-ee', '-u', '--File:all', '--System:all', '--ExifTool:all', onDisk]);
      leaks.push(...findings(JSON.parse(stdout), 'exiftool'));
    }
    if (ffprobe && row.kind !== 'image') {
      const { stdout } = await run('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', onDisk]);
      leaks.push(...findings((JSON.parse(stdout) as { format?: { tags?: unknown }; streams?: { tags?: unknown }[] }).format?.tags ?? {}, 'ffprobe'));
      for (const stream of (JSON.parse(stdout) as { streams?: { tags?: unknown }[] }).streams ?? []) leaks.push(...findings(stream.tags ?? {}, 'ffprobe'));
    }
    return leaks;
  }

  it('every derivative carries no location, make, model or serial field', async () => {
    if (corpus.missing.length) console.warn(`metadata corpus: left out (tool missing) — ${corpus.missing.join('; ')}`);
    // The fixtures really leak: each carries the canary before processing.
    for (const file of corpus.files) expect(file.bytes.includes(leakCanary), file.name).toBe(true);
    const results: Record<string, string[]> = {};
    for (const file of corpus.files) results[file.name] = await leaksOf(file);
    const leaking = Object.values(results).reduce((sum, leaks) => sum + leaks.length, 0);
    const checkedBy = ['exifr', ...(exiftool ? ['exiftool'] : []), ...(ffprobe ? ['ffprobe'] : [])].join(' + ');
    recordFigure({ figure: `location/make/model/serial fields in ${corpus.files.length} derivatives (${checkedBy})`, measured: leaking, target: '0', ok: leaking === 0 });
    expect(results).toEqual(Object.fromEntries(corpus.files.map((f) => [f.name, []])));
  });
});
