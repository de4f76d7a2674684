// `npm run test:security` (run with tsx): every issue-7 test, then one table of figures beside their targets.
// 1. Vitest: every *.security.test.ts and *.security.integration.test.ts.
// 2. Playwright: the whole end-to-end suite (e2e/security/*.heavy.e2e.ts included) with a canary
//    X-Forwarded-For address and User-Agent on every request, the server's output kept in a file.
// 3. The server output and the database folder are grepped for the canaries.
// Arguments narrow step 2 to those Playwright files (e.g. `npm run test:security -- e2e/security`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { securityCanaries } from '../e2e/security/canaries';
import type { SecurityFigure } from '../lib/testing/security-figures';

const port = process.env.E2E_PORT ?? '3100';
const dataDir = port === '3100' ? '.data-e2e' : `.data-e2e-${port}`;
// Not under test-results/: Playwright empties that folder when it starts.
const outDir = path.resolve('security-results');
const figuresFile = path.join(outDir, 'figures.jsonl');
const serverLog = path.join(outDir, 'server.log');
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

const env = {
  ...process.env,
  // The PostgreSQL runs (integration tests on both databases, pages loaded over PostgreSQL) need a
  // server; the machine's own on loopback unless another is named.
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  NEXT_TELEMETRY_DISABLED: '1',
  YADMAN_SECURITY_FIGURES: figuresFile,
  YADMAN_SECURITY_RUN: '1',
  YADMAN_SECURITY_SERVER_LOG: serverLog,
};
const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;

const steps: [string, number][] = [];
// One file at a time: several measure time or memory, which parallel files on two cores distort.
steps.push(['vitest', run('npx', ['vitest', 'run', '--no-file-parallelism', '.security.'])]);
steps.push(['playwright', run('npx', ['playwright', 'test', ...process.argv.slice(2)])]);
steps.push(['canary grep', grepCanaries()]);

/** Log lines and stored data must hold no address, no user agent (PRODUCT.md §2, principle 1). */
function grepCanaries() {
  const places: [string, string[]][] = [
    ['server output', [serverLog]],
    ['database folder', filesUnder(path.join(dataDir, 'pglite'))],
  ];
  let status = 0;
  for (const [where, files] of places) {
    if (!files.some((file) => fs.existsSync(file))) {
      record({ figure: `canary hits in ${where}`, measured: 'not found', target: '0', ok: false });
      status = 1;
      continue;
    }
    for (const canary of securityCanaries) {
      const hits = files.filter((file) => fs.readFileSync(file).includes(canary.value)).length;
      record({ figure: `files in ${where} holding the ${canary.name}`, measured: hits, target: '0', ok: hits === 0 });
      if (hits > 0) status = 1;
    }
  }
  return status;
}

function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function record(figure: SecurityFigure) {
  fs.appendFileSync(figuresFile, `${JSON.stringify(figure)}\n`);
}

/**
 * Figures of the same name are one row and all must hold. Counts of failures (target 0, e.g. CSP
 * violations per test) are summed; any other figure recorded more than once (once per database,
 * say) shows each distinct value, so "1 testimony per key" on two databases reads 1, not 2.
 */
function combined(lines: SecurityFigure[]): SecurityFigure[] {
  const rows = new Map<string, SecurityFigure & { values: (string | number)[] }>();
  for (const f of lines) {
    const row = rows.get(f.figure);
    if (!row) rows.set(f.figure, { ...f, values: [f.measured] });
    else {
      row.values.push(f.measured);
      row.ok = row.ok && f.ok;
    }
  }
  return [...rows.values()].map(({ values, ...row }) => {
    const summed = row.target === '0' && values.every((v) => typeof v === 'number');
    return { ...row, measured: summed ? (values as number[]).reduce((a, b) => a + b, 0) : [...new Set(values)].join(' / ') };
  });
}

const figures = combined(
  fs.existsSync(figuresFile)
    ? fs.readFileSync(figuresFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as SecurityFigure)
    : [],
);
const width = Math.max(6, ...figures.map((f) => f.figure.length));
console.log(`\n${'figure'.padEnd(width)}  ${'measured'.padStart(10)}  ${'target'.padEnd(10)}  result`);
for (const f of figures) {
  console.log(`${f.figure.padEnd(width)}  ${String(f.measured).padStart(10)}  ${f.target.padEnd(10)}  ${f.ok ? 'ok' : 'FAILED'}`);
}
for (const [name, status] of steps) console.log(`${name}: ${status === 0 ? 'passed' : 'FAILED'}`);
const failed = steps.some(([, status]) => status !== 0) || figures.some((f) => !f.ok);
process.exit(failed ? 1 : 0);
