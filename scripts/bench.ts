// `npm run bench`: measures the production build on PostgreSQL with generated data
// (`npm run db:generate-data` into BENCH_DATABASE_URL first) against PRODUCT.md §6, each figure beside
// a baseline measured in the same run: nginx and a bare Node server serving the same HTML bytes,
// the same search and queue reads run directly through postgres.js, the database's own commit rate
// under the submissions, the HTML document alone under the first-visit bytes, the S3 server's own
// put speed under upload throughput on the S3 store (scripts/bench-uploads.ts). Loopback only; every load run is bounded
// in time and count. Writes bench-results/latest.json and bench-results/latest.md and prints the table.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import autocannon from 'autocannon';
import { createDb } from '../db/client';
import { nameQueries, readerUnderFlood, textQueries } from './bench/search-load';
import { percentile, shortfall, verdict } from './bench/stats';
import { listPublishedPersons } from '../lib/memorial/search';
import { developmentSecret } from '../lib/crypto/secret-box';
import { writePathRows } from './bench-write';

const root = path.resolve(import.meta.dirname, '..');
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/yadman_bench';
// BENCH_PORT: the first of three ports (app, nginx, bare Node), for machines shared with other runs.
const basePort = Number(process.env.BENCH_PORT ?? 3270);
const ports = { app: basePort, nginx: basePort + 1, bare: basePort + 2 };
const host = '127.0.0.1';
const appUrl = `http://${host}:${ports.app}`;
// The generated narratives are encrypted under the AUTH_SECRET `db:generate-data` ran with
// (scripts/synthetic/generate.ts): give both the same one, or the development secret when neither has one.
const authSecret = process.env.AUTH_SECRET ?? developmentSecret;
const loadSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 10;
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
// The submission figure measures throughput, from one bench account in this process: the abuse
// limit of 10 submissions per account per day (lib/abuse/limits.ts) would refuse it after ten.
process.env.LIMIT_SUBMISSION_ACCOUNT ??= '1000000';
process.env.LIMIT_SUBMISSION_ADDRESS ??= '1000000';
// Form posts from the bench's one address (loopback) are not what it measures either.
process.env.LIMIT_ACTION_ADDRESS ??= '1000000';
// The thread of 50 messages the write-path figures read is written by the bench's two accounts.
process.env.LIMIT_MESSAGE_ACCOUNT ??= '1000000';
process.env.LIMIT_MESSAGE_ADDRESS ??= '1000000';
// BENCH_ONLY=write: only the write path's figures (scripts/bench-write.ts); =mirror: only the mirror's;
// =search: only the search and flood figures (and the server's RSS over them).
const only = process.env.BENCH_ONLY;
const full = !only;
const part = (name: 'search' | 'write') => full || only === name;
const started = Date.now();
const loadAtStart = os.loadavg();
// Each line also says the server's RSS peak since the line before (where memory goes, phase by phase).
let phasePeakRss = 0;
const log = (m: string) => {
  console.info(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}${phasePeakRss ? ` (server RSS peak before this: ${phasePeakRss.toFixed(0)} MB)` : ''}`);
  phasePeakRss = 0;
};

type Row = { figure: string; value: number; unit: string; baseline?: string; target?: { atMost?: number; atLeast?: number }; note?: string };
const rows: Row[] = [];
const children: ChildProcess[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yadman-bench-'));
// nginx's worker runs as an unprivileged user and must read the page and write its temp files.
fs.chmodSync(tmp, 0o755);

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(1));

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Resident memory of a process and its children, in MB (Linux /proc). The children are read from
 * /proc, not from `pgrep`: the sampler runs every 200 ms during the latency figures, and a spawnSync
 * of pgrep (~12 ms, walking every process) blocked the bench's own event loop inside the requests
 * it was timing (issue 21: a sampler tick landed in ~1 request of 5).
 */
function rssMb(pid: number): number {
  const own = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(own?.[1] ?? 0) / 1024 + childrenOf(pid).reduce((sum, kid) => sum + rssMb(kid), 0);
}

/** CPU time (user + system, all threads) a process has used so far, in ms (Linux /proc, USER_HZ 100). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function childrenOf(pid: number): number[] {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number };
async function load(options: autocannon.Options): Promise<Load> {
  const r = await autocannon({ connections, duration: loadSeconds, ...options });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}
const loadNote = (l: Load) => (l.errors || l.non2xx ? `${l.errors} errors, ${l.non2xx} non-2xx` : undefined);

/** Sequential timings (ms) of `run` over `inputs`: a latency distribution without queueing. */
async function timed<T>(inputs: readonly T[], run: (input: T) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await run(input);
    samples.push(performance.now() - t);
  }
  return samples;
}

// ---- the static mirror (BENCH_ONLY=mirror: only these figures)
function mirrorRows(): Row[] {
  log('static mirror: full and incremental export');
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--import', './scripts/mirror/allow-server-only.mjs', 'scripts/bench-mirror.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: authSecret, DATABASE_URL: databaseUrl, BENCH_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  if (run.status !== 0) throw new Error('the mirror bench failed');
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Row[];
}
// ---- upload throughput on both stores (BENCH_ONLY=uploads: only these figures); scripts/bench-uploads.ts
function uploadRows(): Row[] {
  log('uploads: throughput on the local folder and the S3 store');
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--import', './scripts/mirror/allow-server-only.mjs', 'scripts/bench-uploads.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: authSecret, BENCH_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  if (run.status !== 0) throw new Error('the upload bench failed');
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Row[];
}
if (process.env.BENCH_ONLY === 'uploads') {
  const uploads = uploadRows();
  fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench-results', 'uploads.json'), JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, loadAtStart, loadAtEnd: os.loadavg(), rows: uploads }, null, 2));
  console.info(JSON.stringify(uploads, null, 2));
  process.exit();
}
if (process.env.BENCH_ONLY === 'mirror') {
  const mirror = mirrorRows();
  fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench-results', 'mirror.json'), JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, loadAtStart, loadAtEnd: os.loadavg(), rows: mirror }, null, 2));
  console.info(JSON.stringify(mirror, null, 2));
  process.exit();
}

// ---- build, database, server
if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  log('building');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// Migrations first (the server would apply them too), so cold start measures the start alone.
const handle = await createDb({ driver: 'postgres', url: databaseUrl, max: 10 });
const db = handle.db;
const sql = (db as unknown as { $client: import('postgres').Sql }).$client;
const [{ persons: personCount, testimonies: testimonyCount, waiting }] = (await sql<{ persons: number; testimonies: number; waiting: number }[]>`
  select (select count(*)::int from persons) as persons, (select count(*)::int from testimonies) as testimonies,
    (select count(*)::int from testimonies where status in ('submitted', 'in_review', 'changes_requested')) as waiting`) as unknown as [{ persons: number; testimonies: number; waiting: number }];
log(`${personCount} persons, ${testimonyCount} testimonies, ${waiting} waiting`);
// A deterministic sample of public persons; the first (with its ordinary number of testimonies) is "the" person page.
const sample = await sql<{ id: string; slug: string; n: number }[]>`
  select p.id, p.slug, (select count(*)::int from testimony_persons tp where tp.person_id = p.id) as n from persons p
  where p.status = 'published' and p.merged_into_id is null order by md5(p.id::text) limit 3000`;
const personPath = (p: { id: string; slug: string }) => `/en/persons/${p.slug}-${p.id}`;

const serverEnv: NodeJS.ProcessEnv = {
  ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: databaseUrl,
  AUTH_SECRET: authSecret, AUTH_URL: appUrl, NEXT_DIST_DIR: distDir, PORT: String(ports.app),
  // The synthetic drafts and closed testimonies date back to 2019: with the default retention the
  // server's first housekeeping sweep purges ~95,000 testimonies from the bench database while the
  // figures are taken (a cascading delete that ran for minutes here). Retention is not measured here.
  DRAFT_RETENTION_DAYS: '36500', CLOSED_RETENTION_DAYS: '36500',
  // The bench's own no-JavaScript form posts wait for no challenge, as in the e2e suite
  // (playwright.config.ts): the wait is a person's reading time, not a cost of the server.
  CHALLENGE_WAIT_SECONDS: '0',
};
// Next's data cache persists on disk under the build folder between runs, keyed by the public data
// version, which nothing in the bench changes: without this, a second run's "uncached" person pages and
// searches are hits left by the first (the search figures then showed HTTP at ×0.3 of the same query direct).
fs.rmSync(path.join(root, distDir, 'cache', 'fetch-cache'), { recursive: true, force: true });
const coldStart = performance.now();
// BENCH_SERVER_NODE_ARGS: extra Node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
// (the profile is written when the bench stops it; Node refuses --cpu-prof in NODE_OPTIONS).
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const app = spawn(process.execPath, [...serverNodeArgs, path.join(root, 'scripts', 'server.mjs'), '-H', host, '-p', String(ports.app)], { cwd: root, env: serverEnv, stdio: ['ignore', 'ignore', 'inherit'] });
children.push(app);
let peakRss = 0;
const sampler = setInterval(() => {
  try {
    const rss = rssMb(app.pid!);
    peakRss = Math.max(peakRss, rss);
    phasePeakRss = Math.max(phasePeakRss, rss);
  } catch {}
}, 200);
await waitFor(`${appUrl}/api/health`, 120_000);
const ready = performance.now() - coldStart;
const firstPage = await timed([personPath(sample[0]!)], (p) => fetch(appUrl + p).then((r) => r.text()));
const coldStartRow: Row = { figure: 'Cold start (spawn → health answers)', value: ready, unit: 'ms', note: `first person page then took ${firstPage[0]!.toFixed(0)} ms` };
rows.push(coldStartRow);
log(`server ready in ${ready.toFixed(0)} ms`);

let bareRss = 0;
let person = sample[0]!;
if (full) {
// ---- cached pages vs nginx (and, for the person page, a bare Node server) serving the same bytes
// Each page's bytes as the app serves them (the nonce differs per response, never the length).
person = sample[0]!;
const cachedPages = [
  { name: 'person', label: 'Person page', path: personPath(person) },
  { name: 'home', label: 'Home', path: '/en' },
  { name: 'browse', label: 'Browse, first page', path: '/en/search' },
  { name: 'statistics', label: 'Statistics', path: '/en/statistics' },
] as const;
fs.mkdirSync(path.join(tmp, 'www'));
const pageBytes = new Map<string, string>();
for (const p of cachedPages) {
  const bytes = await (await fetch(appUrl + p.path)).text();
  pageBytes.set(p.name, bytes);
  fs.writeFileSync(path.join(tmp, 'www', `${p.name}.html`), bytes);
}
fs.writeFileSync(path.join(tmp, 'nginx.conf'), `worker_processes 1; daemon off; pid ${tmp}/nginx.pid; error_log ${tmp}/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; server { listen ${host}:${ports.nginx}; root ${tmp}/www; default_type text/html; } }\n`);
const nginx = spawn('/usr/sbin/nginx', ['-p', tmp, '-c', path.join(tmp, 'nginx.conf'), '-e', path.join(tmp, 'nginx-error.log')], { stdio: 'inherit' });
children.push(nginx);
const bareSpawned = performance.now();
const bare = spawn(process.execPath, ['-e', `const b = require('fs').readFileSync(${JSON.stringify(path.join(tmp, 'www', 'person.html'))});
  require('http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); s.end(b); }).listen(${ports.bare}, '${host}');`], { stdio: 'inherit' });
children.push(bare);
await waitFor(`http://${host}:${ports.nginx}/person.html`, 10_000);
await waitFor(`http://${host}:${ports.bare}/`, 10_000);
coldStartRow.baseline = `bare Node http server ${(performance.now() - bareSpawned).toFixed(0)} ms`;

const vs = (l: Load) => `${l.rps.toFixed(0)} req/s, p99 ${l.p99} ms`;
let personNginxRps = 0;
for (const p of cachedPages) {
  log(`${p.label}, cached; nginx, same bytes`);
  const viaApp = await load({ url: appUrl + p.path });
  const viaNginx = await load({ url: `http://${host}:${ports.nginx}/${p.name}.html` });
  const bytes = `${(Buffer.byteLength(pageBytes.get(p.name)!) / 1024).toFixed(0)} KB HTML`;
  const ratio = viaApp.rps / viaNginx.rps;
  if (p.name !== 'person') {
    rows.push({ figure: `${p.label}, cached: × nginx on the same bytes`, value: ratio, unit: '×', target: { atLeast: 0.3 },
      baseline: `app ${vs(viaApp)}; nginx ${vs(viaNginx)}`, note: loadNote(viaApp) ?? bytes });
    continue;
  }
  personNginxRps = viaNginx.rps;
  log('bare Node http, same bytes');
  const viaBare = await load({ url: `http://${host}:${ports.bare}/` });
  const pageNote = `${bytes}, ${person.n} testimonies`;
  rows.push({ figure: 'Person page, cached: requests/s', value: viaApp.rps, unit: 'req/s', baseline: `nginx ${vs(viaNginx)} (×${(viaNginx.rps / viaApp.rps).toFixed(1)}); bare Node ${vs(viaBare)} (×${(viaBare.rps / viaApp.rps).toFixed(1)})`, target: { atLeast: 1000 }, note: loadNote(viaApp) ?? pageNote });
  rows.push({ figure: 'Person page, cached: × nginx on the same bytes', value: ratio, unit: '×', target: { atLeast: 0.3 }, baseline: `nginx ${vs(viaNginx)}` });
  rows.push({ figure: 'Person page, cached: p50', value: viaApp.p50, unit: 'ms', baseline: `nginx ${viaNginx.p50} ms, bare Node ${viaBare.p50} ms` });
  rows.push({ figure: 'Person page, cached: p99', value: viaApp.p99, unit: 'ms', baseline: `nginx ${viaNginx.p99} ms, bare Node ${viaBare.p99} ms`, target: { atMost: 50 } });
}
bareRss = rssMb(bare.pid!);
nginx.kill('SIGTERM');
bare.kill('SIGTERM');

log('person page, uncached (a different person each request)');
let next = 1;
// (no `amount`: autocannon would then ignore the duration)
const uncached = await load({ url: appUrl, requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: personPath(sample[next++ % sample.length]!) }) }] });
rows.push({ figure: 'Person page, uncached: requests/s', value: uncached.rps, unit: 'req/s', baseline: `nginx ${personNginxRps.toFixed(0)} req/s`, note: loadNote(uncached) });
rows.push({ figure: 'Person page, uncached: p50 / p99', value: uncached.p99, unit: 'ms (p99)', baseline: `p50 ${uncached.p50} ms` });

}

if (part('search')) {
// ---- search: over HTTP (first request for each query: not cached) vs the same function on postgres.js
// The address's search allowance (lib/abuse/public-reads.ts) starts afresh before the warm-up: these
// requests, the flood below and any other run on this database today count under one hashed address,
// kept in the database between runs. (Reset only after the warm-up, a warm-up refused by an earlier
// run's flood left the server remembering the refusal in memory, so the measured searches were
// refused too, each held a second, and timed as searches.) Warm-up and measured searches fit in one
// allowance, and a refused search stops the bench instead of being timed.
await sql`delete from rate_limits where key like 'search:address:%' or key like 'open-data:address:%'`;
const warmUp = nameQueries.slice(0, 20).map((q) => q.split(' ').reverse().join(' '));
const searchAllowance = Number(process.env.LIMIT_SEARCH_ADDRESS ?? 120);
if (warmUp.length + nameQueries.length + textQueries.length > searchAllowance) throw new Error('the search figures would exceed the search allowance (LIMIT_SEARCH_ADDRESS)');
const searchOverHttp = async (q: string) => {
  const r = await fetch(`${appUrl}/en/search?q=${encodeURIComponent(q)}`);
  const body = await r.text();
  if (r.status !== 200) throw new Error(`search "${q}" answered ${r.status}${r.status === 429 ? ' (the search allowance: another run on this database at the same time?)' : ''}`);
  return body;
};
// The search page warms up first, as the direct path does below (its code loaded and compiled: with
// BENCH_ONLY=search no page has been rendered before), with other queries, so none measured is a hit.
for (const q of warmUp) await searchOverHttp(q);
for (const [kind, queries, target] of [['names with variants', nameQueries, 30], ['full text', textQueries, 50]] as const) {
  log(`search, ${kind}: ${queries.length} queries`);
  await timed(queries, (q) => listPublishedPersons(db, { q }));
  const direct: number[] = [];
  const overHttp: number[] = [];
  for (const [i, q] of queries.entries()) {
    const viaDirect = async () => direct.push(...(await timed([q], (x) => listPublishedPersons(db, { q: x }))));
    const viaHttp = async () => overHttp.push(...(await timed([q], searchOverHttp)));
    for (const run of i % 2 ? [viaHttp, viaDirect] : [viaDirect, viaHttp]) await run();
  }
  const [h50, h95, d50, d95] = [percentile(overHttp, 50), percentile(overHttp, 95), percentile(direct, 50), percentile(direct, 95)];
  rows.push({ figure: `Search, ${kind}: p95 (p50)`, value: h95, unit: 'ms', target: { atMost: target },
    baseline: `postgres.js direct p95 ${d95.toFixed(1)} ms, p50 ${d50.toFixed(1)} ms; framework overhead ${(h50 - d50).toFixed(1)} ms at p50`,
    note: `p50 ${h50.toFixed(1)} ms over HTTP; ${queries.length} distinct queries, uncached` });
  rows.push({ figure: `Search, ${kind}: HTTP ÷ direct (p95)`, value: h95 / d95, unit: '×', target: { atMost: 1.5 }, baseline: `direct p95 ${d95.toFixed(1)} ms` });
}

}

// ---- the write path: moderation queue and review, My testimonies, a thread, submissions (issue 21)
if (part('write')) rows.push(...(await writePathRows({ db, sql, appUrl, authSecret, loadSeconds, waiting, log, serverCpuMs: () => cpuMs(app.pid!) })));

if (full) {
// ---- first visit, compressed transfer, fresh browser cache
log('first-visit bytes');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
for (const [name, pagePath] of [['home', '/en'], ['search', `/en/search?q=${encodeURIComponent('Gholipur')}`], ['person page', personPath(person)]] as const) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Bytes per resource type: the baseline is the page's own HTML, what it costs without any script,
  // style or font (what a no-JavaScript visitor's browser needs at the least).
  const types = new Map<string, string>();
  const byType = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => void types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    const type = types.get(e.requestId) ?? 'Other';
    byType.set(type, (byType.get(type) ?? 0) + e.encodedDataLength);
  });
  await page.goto(appUrl + pagePath, { waitUntil: 'networkidle' });
  const bytes = [...byType.values()].reduce((a, b) => a + b, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const parts = [...byType].filter(([type]) => type !== 'Document').sort((a, b) => b[1] - a[1]).map(([type, n]) => `${type.toLowerCase()} ${kb(n)}`);
  rows.push({ figure: `First visit, ${name}: transferred`, value: bytes / 1024, unit: 'KB', target: { atMost: 200 },
    baseline: `the HTML alone ${kb(byType.get('Document') ?? 0)}; then ${parts.join(', ')}` });
  await context.close();
}
await browser.close();
}

if (part('search')) {
// ---- flood: distinct uncached searches from 100 connections while one reader loads person pages.
// Last: the flood spends this machine's search allowance. Baseline: the same reader alone, just before.
const floodSeconds = Number(process.env.BENCH_FLOOD_SECONDS ?? 30);
const readerPaths = sample.slice(0, 20).map(personPath);
log(`reader alone, ${floodSeconds} s`);
const alone = await readerUnderFlood(appUrl, readerPaths, floodSeconds, 0);
log(`reader beside a flood of searches (100 connections), ${floodSeconds} s`);
const flooded = await readerUnderFlood(appUrl, readerPaths, floodSeconds, 100);
const { flood } = flooded;
rows.push({ figure: 'Flood: reader\'s person pages p99', value: flooded.reader.p99, unit: 'ms', target: { atMost: 100 },
  baseline: `the reader alone p99 ${alone.reader.p99.toFixed(1)} ms, p50 ${alone.reader.p50.toFixed(1)} ms (${alone.reader.requests} pages)`,
  note: `p50 ${flooded.reader.p50.toFixed(1)} ms; ${flooded.reader.requests} pages, ${flooded.reader.errors} errors` });
rows.push({ figure: 'Flood: searches refused (429)', value: flood.requests ? (100 * flood.refused) / flood.requests : 0, unit: '%',
  baseline: `${flood.requests} flood requests: ${flood.ok} answered, ${flood.refused} refused, ${flood.other} other, ${flood.errors} errors`,
  note: `the reader got ${flooded.reader.errors} errors; 100 connections × ${floodSeconds} s, a new query each request` });
if (flooded.reader.errors) process.exitCode = 1;

}

clearInterval(sampler);
rows.push({ figure: 'Server memory (RSS) at peak', value: peakRss, unit: 'MB', target: { atMost: 350 }, baseline: full ? `bare Node http server ${bareRss.toFixed(0)} MB after its load run` : undefined, note: 'the server (scripts/server.mjs) and its children, sampled every 200 ms over the whole run' });
app.kill('SIGTERM');
await handle.close();

if (full) rows.push(...mirrorRows(), ...uploadRows());

// ---- report
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const loads = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
const machine = `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loads(loadAtStart)} at the start and ${loads(os.loadavg())} at the end`;
const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const table = [
  '| Figure | Value | Baseline (same run) | Target | Verdict | Note |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => {
    const v = verdict(r.value, r.target);
    const target = r.target ? `${r.target.atMost !== undefined ? '≤' : '≥'} ${r.target.atMost ?? r.target.atLeast}` : '';
    const judged = v === 'missed' ? `missed (${shortfall(r.value, r.target!)})` : v === 'met' ? 'met' : '';
    return `| ${r.figure} | ${fmt(r.value)} ${r.unit} | ${r.baseline ?? ''} | ${target} | ${judged} | ${r.note ?? ''} |`;
  }),
].join('\n');
const report = `Data: ${personCount} persons, ${testimonyCount} testimonies (${waiting} waiting). Machine: ${machine}. Load runs: ${connections} connections × ${loadSeconds} s (autocannon). Total ${((Date.now() - started) / 1000).toFixed(0)} s.\n\n${table}\n`;
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', `${only ?? 'latest'}.md`), report);
fs.writeFileSync(path.join(root, 'bench-results', `${only ?? 'latest'}.json`), JSON.stringify({ at: new Date().toISOString(), machine, personCount, testimonyCount, waiting, rows }, null, 2));
console.info(`\n${report}`);
process.exit();
