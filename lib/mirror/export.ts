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
import type { PersonT } from '@/components/memorial/person-facts';
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
import { writeAssets, writeSearchIndex } from './assets';
import { personsTouchedSince } from './changes';
import { formatManifest, isManifestFile, manifestFile, readManifest } from './manifest';
import { ExportOutput } from './output';
import { writePersonFiles, type PersonPageContext } from './person-pages';
import { readPersonRecord } from './read';
import { writeOpenData, writeSitePages } from './site-pages';
import { TestimonyData } from './testimony-data';

export const stateFile = 'mirror-state.json';

type PersonState = { hash: string; files: string[] };
type State = { startedAt: string; renderer: string; persons: Record<string, PersonState>; pages: Record<string, string> };

export type ExportOptions = { out: string; full?: boolean; concurrency?: number; log?: (message: string) => void; publicKey?: string | null };
export type ExportResult = { persons: number; reread: number; testimonies: number; files: number; written: number; removed: number; indexBytes: number; ms: number };

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

const changeMarginMs = 2000;

async function databaseNow(db: Db): Promise<Date> {
  const [row] = await db.select({ now: sql<string>`now()::text` }).from(publicDataVersion).limit(1);
  return row ? new Date(row.now) : new Date();
}

// Bump when the mirror's markup changes in a way the messages do not show.
const mirrorFormat = 1;

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
  const cache = TestimonyData.cacheDir(out);
  const cached = await fs.stat(cache).then(() => true, () => false);
  const previous = options.full || !previousManifest || !cached ? null : await readState(out);
  const renderer = rendererVersion();
  // A previous export made by other code or messages is not reused: everything is rendered again.
  const reuse = previous?.renderer === renderer ? previous : null;
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

  // Which persons to read again: all on a full export; else new ones, changed summaries, touched rows.
  // A margin for transactions that were in flight when the previous export began.
  const touched = reuse ? await personsTouchedSince(db, new Date(Date.parse(reuse.startedAt) - changeMarginMs)) : null;
  const state: State = { startedAt: since.toISOString(), renderer, persons: {}, pages: {} };
  const reread: PublicPersonSummary[] = [];
  for (const p of persons) {
    const before = reuse?.persons[p.id];
    if (before && !touched!.has(p.id) && before.files.every((f) => output.keep(f))) state.persons[p.id] = before;
    else reread.push(p);
  }
  log(`${reread.length} persons to read`);

  const data = new TestimonyData(cache, origin);
  if (!reuse) await data.reset();
  // Persons no longer public leave the open data too.
  const current = new Set(persons.map((p) => p.id));
  for (const id of Object.keys(reuse?.persons ?? {})) if (!current.has(id)) await data.set(id, null);
  const remaining = new Map<string, number>();
  for (const p of reread) remaining.set(p.id.slice(0, 2), (remaining.get(p.id.slice(0, 2)) ?? 0) + 1);

  const ctx: PersonPageContext = { db, out: output, origin, madeOn, t, media: new Map() };
  let done = 0;
  await pool(reread, options.concurrency ?? 6, async (p) => {
    const record = await readPersonRecord(db, p.id);
    if (record) state.persons[p.id] = { hash: sha(record), files: await writePersonFiles(ctx, record) };
    await data.set(p.id, record?.testimonies ?? null);
    const shard = p.id.slice(0, 2);
    remaining.set(shard, remaining.get(shard)! - 1);
    // Persons come in id order: a shard whose persons are all done is written and leaves memory.
    if (remaining.get(shard) === 0) await data.flush((name) => name === shard);
    if (++done % 5000 === 0) log(`${done} persons written`);
  });
  await data.flush();

  const facts = { madeAt: madeAt.toISOString(), origin, version, publicKey: options.publicKey ?? null };
  const { testimonies } = await writeSitePages({ db, out: output, origin, madeAt, madeOn, t, persons, facts, renderer });
  await writeOpenData({ db, out: output, origin, madeAt, testimonies: data });
  await writeAssets(output);
  // The audit chain's signed checkpoints (issue 23 §2), so a copy of the mirror carries them too:
  // anyone holding one can later check the installation's audit chain still extends them.
  await output.write(auditCheckpointsFile, `${JSON.stringify(await listCheckpoints(db))}\n`);
  const indexBytes = await writeSearchIndex(output, persons);
  state.pages = Object.fromEntries(output.inputs);
  await output.write(stateFile, JSON.stringify(state));
  const removed = await output.prune(isManifestFile);

  const manifest = formatManifest({ meta: { 'made-at': madeAt.toISOString(), origin, 'public-data-version': String(version), persons: String(persons.length) }, files: output.entries });
  await fs.writeFile(path.join(out, manifestFile), manifest);
  // A manifest changed since it was signed: the old signature no longer holds, so it goes.
  await fs.rm(path.join(out, `${manifestFile}.minisig`), { force: true });
  return { persons: persons.length, reread: reread.length, testimonies, files: output.entries.size, written: output.written, removed, indexBytes, ms: Date.now() - started };
}
