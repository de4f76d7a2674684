#!/usr/bin/env node
// `npm run test:e2e`: the end-to-end suite on the production build, split over shards that run side
// by side. The suite runs one test at a time per server (one embedded database per server), and
// most of its time is spent waiting on the server and the browser, so two servers on two cores
// finish it in little more than half the time.
//
// The build is made once; each shard gets its own copy of it (the server writes Next's data cache
// inside its build folder, and two servers on two databases must never share one), its own port
// range and its own data folder (playwright.config.ts derives both from E2E_PORT). Each shard writes
// a blob report; the reports are merged into one list with one summary at the end.
//
// With arguments (files, -g, --shard …) or E2E_SHARDS=1 this is plain `playwright test`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2eDataDir as dataDirOf } from '../e2e/support/ports.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const shards = Number(process.env.E2E_SHARDS ?? Math.min(2, Math.max(1, os.cpus().length)));
const playwright = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');
const basePort = Number(process.env.E2E_PORT ?? 3100);
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir };

if (args.length > 0 || shards <= 1) process.exit(run(process.execPath, [playwright, 'test', ...args], process.env));

// The same proof as the single-server run: the build must not create a data folder.
const probe = { ...env, YADMAN_DATA_DIR: dataDirOf(basePort) };
if (run(process.execPath, ['scripts/e2e-assert-untouched.mjs', '--clean'], probe) !== 0) process.exit(1);
if (run(process.execPath, [nextBin, 'build'], env) !== 0) process.exit(1);
if (run(process.execPath, ['scripts/e2e-assert-untouched.mjs'], probe) !== 0) process.exit(1);

const blobRoot = path.join(root, 'blob-report');
fs.rmSync(blobRoot, { recursive: true, force: true });

const runs = Array.from({ length: shards }, (_, i) => {
  const index = i + 1;
  const port = basePort + 100 * i;
  const shardDist = index === 1 ? distDir : `${distDir}-shard-${index}`;
  if (shardDist !== distDir) copyBuild(distDir, shardDist);
  fs.rmSync(path.join(root, dataDirOf(port)), { recursive: true, force: true });
  const args = ['test', `--shard=${index}/${shards}`, '--reporter=dot,blob', `--output=test-results/shard-${index}`];
  const child = spawn(process.execPath, [playwright, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      E2E_PORT: String(port),
      NEXT_DIST_DIR: shardDist,
      // playwright.config.ts: serve the build made above instead of building again.
      E2E_PREBUILT: '1',
      PLAYWRIGHT_BLOB_OUTPUT_DIR: path.join(blobRoot, `shard-${index}`),
    },
  });
  // Each shard's progress under its name; its own summary lines are thus not taken for the run's
  // (.ci/run counts the merged report's "N passed").
  prefixLines(child.stdout, process.stdout, `[shard ${index}] `);
  prefixLines(child.stderr, process.stderr, `[shard ${index}] `);
  return new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
});

const codes = await Promise.all(runs);
// One list of every test and one summary line ("N passed", "N failed") over all shards.
const merged = path.join(blobRoot, 'all');
fs.mkdirSync(merged, { recursive: true });
for (let i = 1; i <= shards; i++) {
  const dir = path.join(blobRoot, `shard-${i}`);
  if (!fs.existsSync(dir)) continue;
  for (const file of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, file), path.join(merged, `shard-${i}-${file}`));
}
process.stdout.write('\n');
const mergeCode = run(process.execPath, [playwright, 'merge-reports', '--reporter=list', merged]);
process.exit(codes.some((code) => code !== 0) || mergeCode !== 0 ? 1 : 0);

/** @param {import('node:stream').Readable} from @param {NodeJS.WritableStream} to @param {string} prefix */
function prefixLines(from, to, prefix) {
  let atLineStart = true;
  from.setEncoding('utf8');
  from.on('data', (text) => {
    let out = '';
    for (const char of text) {
      if (atLineStart) out += prefix;
      out += char;
      atLineStart = char === '\n';
    }
    to.write(out);
  });
}

/** A copy of the build without its caches (Turbopack's build cache, Next's data cache). */
function copyBuild(from, to) {
  fs.rmSync(path.join(root, to), { recursive: true, force: true });
  fs.cpSync(path.join(root, from), path.join(root, to), {
    recursive: true,
    filter: (source) => path.relative(path.join(root, from), source) !== 'cache',
  });
}

/** @param {string} command @param {string[]} argv @param {NodeJS.ProcessEnv} [childEnv] */
function run(command, argv, childEnv = env) {
  const result = spawnSync(command, argv, { cwd: root, stdio: 'inherit', env: childEnv });
  return result.status ?? 1;
}
