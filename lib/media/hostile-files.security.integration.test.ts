// Files (issue 7): a corpus of hostile uploads through the real pipeline (receiveUpload, then the
// media.process job). Target: 100 % rejected (refused at upload, or refused by processing) or
// neutralised (a re-encoded public copy with no markup and no metadata, or kept for moderators
// only), each in ≤ 2 s; memory growth < 256 MB; nothing thrown but typed refusals; the name
// given by the browser never reaches storage.
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { jobHandlers } from '@/lib/jobs/handlers';
import { runOneJob } from '@/lib/jobs/worker';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { hostileCorpus, type HostileFile } from '@/lib/testing/hostile-media';
import { insertDraft, receivedFile, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { recordFigure } from '@/lib/testing/security-figures';
import { ffmpegAvailable } from './ffmpeg';
import { receiveUpload } from './upload';

const maxMs = 2_000;
const maxGrowthBytes = 256 * 1024 * 1024;
const markup = /<script|<html|<svg|<\?xml|%PDF|window\.__xss|JavaScript/i;
const publicMimes = new Set(['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/webm', 'video/quicktime', 'audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav']);

type Verdict = { file: string; outcome: 'refused at upload' | 'refused by processing' | 'neutralised' | 'moderators only' | 'UNSAFE' | 'CRASH'; ms: number; detail?: string };

describe.each(testDatabases())('hostile files on $name', (target) => {
  const ctx = useTestDatabase(target);
  const media = useTemporaryMediaStore();
  let actors: Actors;
  let draftId: string;
  let corpus: HostileFile[];

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    draftId = await insertDraft(ctx.db, actors.submitterA.userId!);
    corpus = await hostileCorpus();
    await ffmpegAvailable(); // checked once per process, not per file
  });

  async function judge(file: HostileFile): Promise<Verdict> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    let id: string;
    try {
      ({ id } = await receiveUpload(ctx.db, actors.submitterA.viewer!, { testimonyId: draftId, path: await receivedFile(file.bytes), keepOriginal: false }));
    } catch (error) {
      const typed = error instanceof AppError && error.code === 'invalid_input';
      return { file: file.name, outcome: typed ? 'refused at upload' : 'CRASH', ms: ms(), detail: typed ? undefined : String(error) };
    }
    while ((await runOneJob(ctx.db, jobHandlers)) !== 'idle');
    const elapsed = ms();
    const [row] = await ctx.db.select().from(attachments).where(eq(attachments.id, id));
    if (!row) return { file: file.name, outcome: 'CRASH', ms: elapsed, detail: 'row gone' };
    if (row.status === 'refused') return { file: file.name, outcome: 'refused by processing', ms: elapsed };
    if (row.status !== 'ready') return { file: file.name, outcome: 'UNSAFE', ms: elapsed, detail: `status ${row.status}` };
    if (!row.publicKey) {
      const safe = !row.metadataRemoved && row.visibility === 'moderators';
      return { file: file.name, outcome: safe ? 'moderators only' : 'UNSAFE', ms: elapsed };
    }
    const copy = await media.store.getBuffer(row.publicKey);
    const problems: string[] = [];
    if (markup.test(copy.toString('latin1'))) problems.push('markup in public copy');
    if (!publicMimes.has(row.publicMime ?? '')) problems.push(`public type ${row.publicMime}`);
    if (row.kind === 'image') {
      const meta = await sharp(copy).metadata();
      if (meta.exif || meta.xmp || meta.iptc || meta.icc || meta.comments?.length) problems.push('metadata in public copy');
    }
    return { file: file.name, outcome: problems.length ? 'UNSAFE' : 'neutralised', ms: elapsed, detail: problems.join(', ') || undefined };
  }

  it('every hostile file is refused or neutralised, quickly, without a crash or a memory blow-up', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    let peak = process.memoryUsage().rss;
    const baseline = peak;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const verdicts: Verdict[] = [];
    try {
      for (const file of corpus) verdicts.push(await judge(file));
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthMb = Math.round((peak - baseline) / 1024 / 1024);
    const safe = verdicts.filter((v) => v.outcome !== 'UNSAFE' && v.outcome !== 'CRASH').length;
    const slow = verdicts.filter((v) => v.ms > maxMs);
    const slowest = Math.max(...verdicts.map((v) => v.ms));
    if (safe < corpus.length || slow.length) console.table(verdicts);

    recordFigure({ figure: `hostile files refused or neutralised (of ${corpus.length})`, measured: `${Math.round((safe / corpus.length) * 100)} %`, target: '100 %', ok: safe === corpus.length });
    recordFigure({ figure: 'slowest hostile file, upload + processing', measured: `${slowest} ms`, target: `≤ ${maxMs} ms`, ok: slow.length === 0 });
    recordFigure({ figure: 'memory growth over the hostile corpus', measured: `${growthMb} MB`, target: '< 256 MB', ok: peak - baseline < maxGrowthBytes });
    expect(verdicts.filter((v) => v.outcome === 'UNSAFE' || v.outcome === 'CRASH')).toEqual([]);
    expect(slow).toEqual([]);
    expect(peak - baseline).toBeLessThan(maxGrowthBytes);

    // Stored names are generated: nothing of a browser-given name reaches storage.
    const stored = [...(await media.files('originals')), ...(await media.files('public'))];
    expect(stored.filter((name) => !/^[A-Za-z0-9_-]+(\.[a-z0-9]+)?$/.test(name))).toEqual([]);
  });
});
