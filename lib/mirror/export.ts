// `npm run mirror:export`: the whole published memorial as a static, self-contained folder
// (docs/architecture.md, "Static mirror"). Reads only the public projection; writes each person's
// pages, the lists and pages built from all persons, the open data, the assets and the manifest.
// Incremental by default when the folder holds a previous export: only persons whose public
// record may have changed are read again, and only files whose bytes changed are rewritten.
import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { listCheckpoints } from '@/lib/audit/checkpoint';
import type { Db } from '@/db/types';
import type { Locale } from '@/lib/i18n/routing';
import { formatDate } from '@/lib/i18n/dates';
import type { PublicPersonSummary } from '@/lib/memorial/dto';
import en from '@/lib/i18n/messages/en.json';
import fa from '@/lib/i18n/messages/fa.json';
import { readPublicDataVersion } from '@/lib/memorial/version';
import { sql } from 'drizzle-orm';
import { publicDataVersion } from '@/db/schema';
import { iteratePublicPersons } from '@/lib/open-data/persons';
import { siteOrigin } from '@/lib/open-data/site';
import { namespaceTranslator } from '@/lib/open-data/translator';
import type { PersonT } from '@/components/memorial/person-facts';
import type { BucketLayout } from './browse';
import { writeAssets, writeSearchIndex } from './assets';
import { personsTouchedSince } from './changes';
import { formatManifest, isManifestFile, manifestFile, readManifest } from './manifest';
import { ExportOutput, type FileEntry } from './output';
import { mirrorLocales, personFile } from './paths';
import type { PersonJob, PersonJobContext, PersonJobResult } from './person-job';
import { personMedia, type MediaContext } from './person-pages';
import { readPersonRecords } from './read';
import { defaultWorkers, inProcessRenderer, workerRenderer, type PageRenderer } from './render-pool';
import { writeOpenData, writeSitePages } from './site-pages';
import { OpenDataCache, shardOf } from './open-data';

export const stateFile = 'mirror-state.json';

type PersonState = { hash: string; files: string[] };
type State = { startedAt: string; renderer: string; persons: Record<string, PersonState>; pages: Record<string, string>; browse: Record<string, BucketLayout> };

export type ExportOptions = {
  out: string;
  full?: boolean;
  /** Render threads: 0 renders in this thread; by default a pool (one per core) when many persons are read. */
  workers?: number;
  log?: (message: string) => void;
  publicKey?: string | null;
};

/** Persons read per batch (a few statements each), and per message to a render thread. */
const readBatch = 250;
const jobBatch = 25;
/** Below this many public persons, starting worker threads costs more than it saves. */
const poolThreshold = 2000;
export type ExportResult = { persons: number; reread: number; testimonies: number; files: number; written: number; removed: number; indexBytes: number; ms: number };

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

const changeMarginMs = 2000;

async function databaseNow(db: Db): Promise<Date> {
  const [row] = await db.select({ now: sql<string>`now()::text` }).from(publicDataVersion).limit(1);
  return row ? new Date(row.now) : new Date();
}

// Bump when the mirror's markup changes in a way the messages do not show.
const mirrorFormat = 5;

/** The code and words pages are rendered with: a change makes the next export render everything. */
function rendererVersion(): string {
  return sha([mirrorFormat, en, fa]);
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function readState(out: string): Promise<State | null> {
  const text = await fs.readFile(path.join(out, stateFile), 'utf8').catch(() => null);
  return text ? (JSON.parse(text) as State) : null;
}

/** Where the mirror keeps the audit checkpoints (the API's /api/v1/audit/checkpoints document). */
export const auditCheckpointsFile = 'data/audit-checkpoints.json';

export async function exportMirror(db: Db, options: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const out = path.resolve(options.out);
  await fs.mkdir(out, { recursive: true });
  const previousManifest = options.full ? null : await readManifest(out);
  const cache = OpenDataCache.cacheDir(out);
  const cached = await fs.stat(cache).then(() => true, () => false);
  const previous = options.full || !previousManifest || !cached ? null : await readState(out);
  const rendererKey = rendererVersion();
  // A previous export made by other code or messages is not reused: everything is rendered again.
  const reuse = previous?.renderer === rendererKey ? previous : null;
  const output = new ExportOutput(out, reuse ? previousManifest!.files : new Map(), new Map(Object.entries(reuse?.pages ?? {})));
  const madeAt = new Date();
  // Changes are found by the rows' timestamps, so the database's clock marks the start of this export.
  const since = await databaseNow(db);
  const origin = siteOrigin();
  const version = await readPublicDataVersion(db);
  const madeOn = { fa: formatDate(madeAt, 'fa'), en: formatDate(madeAt, 'en') } as Record<Locale, string>;
  const t = { fa: namespaceTranslator('fa', 'Person'), en: namespaceTranslator('en', 'Person') } as unknown as Record<Locale, PersonT>;

  const persons: PublicPersonSummary[] = [];
  for await (const batch of iteratePublicPersons(db, 5000)) persons.push(...batch);
  log(`${persons.length} public persons`);

  const state: State = { startedAt: since.toISOString(), renderer: rendererKey, persons: {}, pages: {}, browse: {} };
  const reread: PublicPersonSummary[] = [];
  const data = new OpenDataCache(cache);
  let testimonies = 0;
  // The pool starts loading now, while the changes are found: a large memorial's re-export has
  // hundreds of persons and list pages to render too, and its threads are ready by then.
  const jobContext: PersonJobContext = { root: out, origin, madeOn };
  const workers = options.workers ?? (persons.length >= poolThreshold ? defaultWorkers() : 0);
  const renderer: PageRenderer = workers > 0 ? await workerRenderer(jobContext, workers) : inProcessRenderer(jobContext);
  try {
    // Which persons to read again: all on a full export; else new ones, changed summaries, touched rows.
    // A margin for transactions that were in flight when the previous export began.
    const touched = reuse ? await personsTouchedSince(db, new Date(Date.parse(reuse.startedAt) - changeMarginMs)) : null;
    for (const p of persons) {
      const before = reuse?.persons[p.id];
      if (before && !touched!.has(p.id) && before.files.every((f) => output.keep(f))) state.persons[p.id] = before;
      else reread.push(p);
    }
    log(`${reread.length} persons to read`);

    if (!reuse) await data.reset();
    // Persons no longer public leave the open data too.
    const current = new Set(persons.map((p) => p.id));
    for (const id of Object.keys(reuse?.persons ?? {})) if (!current.has(id)) await data.put(id, null);
    const remaining = new Map<string, number>();
    for (const p of reread) remaining.set(shardOf(p.id), (remaining.get(shardOf(p.id)) ?? 0) + 1);

    const media: MediaContext = { db, out: output, media: new Map() };
    let done = 0;
    const finish = async (id: string, result: PersonJobResult | null) => {
      if (result) {
        for (const [file, entry, written] of result.pages) output.record(file, entry, written);
        state.persons[id] = { hash: result.hash, files: result.files };
      }
      await data.put(id, result?.rows ?? null);
      const shard = shardOf(id);
      remaining.set(shard, remaining.get(shard)! - 1);
      // Persons come in id order: a shard whose persons are all done is written and leaves memory.
      if (remaining.get(shard) === 0) await data.flush((name) => name === shard);
      if (++done % 5000 === 0) log(`${done} persons written`);
    };
    const batches = Array.from({ length: Math.ceil(reread.length / readBatch) }, (_, i) => reread.slice(i * readBatch, (i + 1) * readBatch));
    // Two batches at a time: one is read (this thread, the database) while the other renders (the pool).
    await pool(batches, 2, async (batch) => {
      const records = await readPersonRecords(db, batch.map((p) => p.id));
      const jobs: PersonJob[] = [];
      for (const p of batch) {
        const record = records.get(p.id);
        if (!record) continue;
        const previous: Record<string, FileEntry> = {};
        for (const locale of mirrorLocales) {
          const file = personFile(locale, record.person);
          const entry = output.previousEntry(file);
          if (entry) previous[file] = entry;
        }
        jobs.push({ record, media: await personMedia(media, record), previous });
      }
      const parts = Array.from({ length: Math.ceil(jobs.length / jobBatch) }, (_, i) => jobs.slice(i * jobBatch, (i + 1) * jobBatch));
      const results = new Map((await Promise.all(parts.map((part) => renderer.run(part)))).flat().map((r) => [r.id, r]));
      for (const p of batch) await finish(p.id, results.get(p.id) ?? null);
    });
    await data.flush();
    log(`${done} persons written`);

    const facts = { madeAt: madeAt.toISOString(), origin, version, publicKey: options.publicKey ?? null };
    // Side by side: the pages are the database's, this thread's and the pool's work; the open data
    // (stored parts concatenated, hashed and written: 1.7 GB at 90,000 persons) is mostly the disk's.
    const [site] = await Promise.all([
      writeSitePages({ db, out: output, origin, madeAt, madeOn, t, persons, facts, renderer: rendererKey, layouts: reuse?.browse ?? null, pool: renderer, log }).then((site) => {
        log('home, lists, statistics and feeds written');
        return site;
      }),
      writeOpenData({ out: output, origin, madeAt, data }).then(() => log('open data written')),
    ]);
    testimonies = site.testimonies;
    state.browse = site.layouts;
  } finally {
    await renderer.close();
  }
  await writeAssets(output);
  // The audit chain's signed checkpoints (issue 23 §2), so a copy of the mirror carries them too:
  // anyone holding one can later check the installation's audit chain still extends them.
  await output.write(auditCheckpointsFile, `${JSON.stringify(await listCheckpoints(db))}\n`);
  const indexBytes = await writeSearchIndex(output, persons);
  state.pages = Object.fromEntries(output.inputs);
  await output.write(stateFile, JSON.stringify(state));
  const removed = await output.prune(isManifestFile);
  log(`${removed} files removed`);

  const manifest = formatManifest({ meta: { 'made-at': madeAt.toISOString(), origin, 'public-data-version': String(version), persons: String(persons.length) }, files: output.entries });
  await fs.writeFile(path.join(out, manifestFile), manifest);
  // A manifest changed since it was signed: the old signature no longer holds, so it goes.
  await fs.rm(path.join(out, `${manifestFile}.minisig`), { force: true });
  return { persons: persons.length, reread: reread.length, testimonies, files: output.entries.size, written: output.written, removed, indexBytes, ms: Date.now() - started };
}
