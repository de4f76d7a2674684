// The static mirror's figures for `npm run bench` (scripts/bench.ts runs this as a child: rendering
// static HTML needs react-dom/server, which the bench's react-server condition forbids). A full
// export of the bench database, then 100 draft persons published and an incremental export, then
// those 100 put back as drafts. Baseline in the same run: copying the finished folder (`cp -r`),
// the cost of writing the same files without reading or rendering anything. Prints JSON rows.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq, inArray } from 'drizzle-orm';
import { createDb } from '../db/client';
import { persons } from '../db/schema';
import { exportMirror } from '../lib/mirror/export';
import { readManifest } from '../lib/mirror/manifest';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/yadman_bench';
const handle = await createDb({ driver: 'postgres', url, max: 12, migrate: false });
const db = handle.db;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yadman-bench-mirror-'));
const out = path.join(tmp, 'copy');
const began = performance.now();
const log = (m: string) => console.error(`[mirror +${((performance.now() - began) / 1000).toFixed(1)} s] ${m}`);
const rows: Array<Record<string, unknown>> = [];

try {
  const full = await exportMirror(db, { out, full: true, log });
  const manifest = (await readManifest(out))!;
  const pages = [...manifest.files].filter(([f]) => /^(fa|en)\/p\//.test(f));
  const pageBytes = pages.reduce((n, [, e]) => n + e.size, 0) / pages.length;
  const totalBytes = [...manifest.files.values()].reduce((n, e) => n + e.size, 0);
  const index = fs.readFileSync(path.join(out, 'assets/search-index.js'));
  const per100k = (n: number) => (n / full.persons) * 100_000;
  const copyStart = performance.now();
  spawnSync('cp', ['-r', out, path.join(tmp, 'copied')]);
  const copySeconds = (performance.now() - copyStart) / 1000;
  fs.rmSync(path.join(tmp, 'copied'), { recursive: true, force: true });
  const note = `${full.persons} persons, ${full.testimonies} testimonies, ${full.files} files; ${(pageBytes / 1024).toFixed(1)} KB per person page; ${(totalBytes / 2 ** 30).toFixed(2)} GiB in all`;
  rows.push({ figure: 'Mirror: full export', value: full.ms / 1000, unit: 's', target: { atMost: 600 }, baseline: `cp -r of the finished folder ${copySeconds.toFixed(0)} s`, note });
  rows.push({ figure: 'Mirror: bytes per person page', value: pageBytes / 1024, unit: 'KB', note: `${pages.length} pages (both languages)` });
  rows.push({ figure: 'Mirror: total size', value: totalBytes / 2 ** 20, unit: 'MiB' });
  rows.push({ figure: 'Mirror: search index per 100,000 persons', value: per100k(index.length) / 2 ** 20, unit: 'MiB', note: `${(per100k(gzipSync(index).length) / 2 ** 20).toFixed(1)} MiB gzipped` });

  const drafts = (await db.select({ id: persons.id }).from(persons).where(eq(persons.status, 'draft')).limit(100)).map((r) => r.id);
  await db.update(persons).set({ status: 'published', publishedAt: new Date() }).where(inArray(persons.id, drafts));
  try {
    const inc = await exportMirror(db, { out, log });
    rows.push({
      figure: `Mirror: incremental export after ${drafts.length} publications`,
      value: inc.ms / 1000,
      unit: 's',
      target: { atMost: 30 },
      note: `${inc.reread} persons read again, ${inc.written} files written, ${inc.removed} removed`,
    });
  } finally {
    await db.update(persons).set({ status: 'draft', publishedAt: null }).where(inArray(persons.id, drafts));
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
  await handle.close();
}
console.info(JSON.stringify(rows));
