// Crash safety (issue 7, "Reliability"; heavy: `npm run test:security` only, every loop bounded,
// loopback only). A second `next start` of the e2e build on a private PostgreSQL cluster
// (lib/testing/private-postgres.ts) takes 200 concurrent submissions through the real forms, posted
// as a browser without JavaScript would (e2e/support/no-js-forms.ts); 30 % upload a 1–5 MB file
// through /api/uploads/form. Meanwhile, spread over the flood by its progress, the server is
// SIGKILLed 3 times (and restarted, as a process supervisor would) and PostgreSQL is stopped with
// `pg_ctl stop -m immediate` twice (and started again; the server is not restarted). Clients re-post
// every unacknowledged request with the identical body (the same idempotency token) and reload a
// form page that came back without its form. Targets: every acknowledged submission is in the
// database exactly once; no row without its file, and no file without a row once the orphan sweep
// has run (a crash between storing a file and committing its row leaves one; the sweep runs with
// a 1-minute grace at a restart); the server recovers by itself; re-posts do not use up the upload
// allowance. Each unacknowledged submission's last answers, a tally of every unacknowledged answer
// and progress every 30 s are printed (and unacknowledged.json, server.log in the test's output).
// Run alone on an existing e2e build (a server already on E2E_PORT is reused; this one uses
// E2E_PORT + 70): `E2E_PORT=3100 YADMAN_SECURITY_RUN=1 npx playwright test e2e/security/crash-safety.heavy.e2e.ts`
// (add CI=1 to build first).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createPrivateCluster, type PrivateCluster } from '../../lib/testing/private-postgres';
import { recordFigure } from '../../lib/testing/security-figures';
import { expect, test } from '../fixtures';
import { appServer, type AppServer } from '../support/app-server';
import { formBody, hasForm, hiddenFields, NoJsClient } from '../support/no-js-forms';

const port = Number(process.env.E2E_PORT ?? 3100) + 70;
const clusterPort = 55434 + ((port - 3170) % 5);
const database = 'yadman_crash';
const submissions = 200;
const accounts = 20;
const withFile = 0.3;
const maxAttempts = 60;

let cluster: PrivateCluster;
let server: AppServer;
let dataDir: string;
let serverEnv: Record<string, string>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = createPrivateCluster(clusterPort);
  cluster.start();
  const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${database}`);
  await admin.end();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yadman-crash-data-'));
  // All clients share one address (loopback): the per-address abuse limits are raised for the flood.
  serverEnv = {
    DATABASE_URL: cluster.url(database), YADMAN_DEMO: 'on', YADMAN_DATA_DIR: dataDir,
    LIMIT_SIGN_UP_ADDRESS: '1000', LIMIT_SUBMISSION_ACCOUNT: '100', LIMIT_SUBMISSION_ADDRESS: '1000', LIMIT_UPLOAD_ADDRESS: '1000',
  };
  server = appServer(port, serverEnv);
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  cluster?.remove();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

type Result = {
  draftId?: string;
  acknowledged: boolean;
  file?: { sha256: string; acknowledged: boolean };
  retries: number;
  /** The request being sent ("start", "step about", "upload", "submit"…), and since when (ms). */
  stage: string;
  since: number;
  /** Acknowledged or given up (not still sending). */
  settled: boolean;
  /** The last answers that were not the acknowledgement, newest last (what a person would have seen). */
  answers: string[];
  /** Every unacknowledged answer in short (stage, status, heading), for the run's tally. */
  kinds: string[];
};

/** Posts acknowledged so far, across all submissions: the chaos is spread over the flood by it. */
let acknowledgedPosts = 0;
// start, 4 steps, submit, and a file for 30 %.
const expectedPosts = submissions * (6 + withFile);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (html: string, pattern: RegExp) => html.match(pattern)?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

/** What an unacknowledged answer said: status, where it redirects, the page's heading and alert, or the exception. */
async function describe(response: Response, read?: string): Promise<string> {
  const location = response.headers.get('location');
  const body = read ?? (await response.text().catch((error: unknown) => `(body cut: ${String(error)})`));
  const heading = text(body, /<h1\b[^>]*>([\s\S]*?)<\/h1>/);
  const alert = text(body, /role="alert"[^>]*>([\s\S]*?)<\/(?:p|div)>/);
  const parts = [String(response.status), location && `→ ${location}`, heading && `h1 "${heading}"`, alert && `alert "${alert}"`];
  if (!heading && !alert && !location) parts.push(JSON.stringify(body.slice(0, 120)));
  return parts.filter(Boolean).join(' ');
}

const newResult = (stage: string): Result => ({ acknowledged: false, settled: false, retries: 0, stage, since: Date.now(), answers: [], kinds: [] });
const enter = (result: Result, stage: string) => Object.assign(result, { stage, since: Date.now() });

function remember(result: Result, answer: string) {
  result.kinds.push(`${result.stage}: ${answer.replace(/[0-9a-f-]{36}/g, ':id').replace(/\?[^ ]*/g, '').slice(0, 140)}`);
  result.answers.push(`${result.stage}: ${answer}`);
  if (result.answers.length > 5) result.answers.shift();
}

/**
 * Sends until the answer is the expected acknowledgement; anything else (connection refused or
 * reset, 5xx, the "try again" page, an error page) is unacknowledged and re-sent unchanged. Bounded.
 */
async function untilAcknowledged(result: Result, send: () => Promise<Response>, acknowledged: (response: Response, body: string) => boolean): Promise<{ response: Response; body: string }> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      const response = await send();
      const body = response.status === 200 ? await response.text() : '';
      if (acknowledged(response, body)) return { response, body };
      remember(result, await describe(response, response.status === 200 ? body : undefined));
    } catch (error) {
      // the server is down or was killed mid-request
      remember(result, error instanceof Error ? `${error.name}: ${error.message}${error.cause ? ` (${String((error.cause as Error).message ?? error.cause)})` : ''}` : String(error));
    }
    result.retries++;
    await pause(Math.min(3000, 250 * attempt));
  }
  throw new Error('no acknowledgement after the bounded retries');
}

const redirectTo = (pattern: RegExp) => (r: Response) => r.status === 303 && pattern.test(r.headers.get('location') ?? '');
/** A form page: acknowledged when it holds the form (an error page is reloaded, as a person would). */
const page = async (client: NoJsClient, result: Result, path: string, marker: string) => {
  enter(result, `page ${path.replace(/[0-9a-f-]{36}/, ':id')}`);
  const { body } = await untilAcknowledged(result, () => client.fetch(path), (r, html) => r.status === 200 && hasForm(html, marker));
  return hiddenFields(body, marker);
};

/** A PDF (accepted as a document) of 1–5 MB of random bytes: distinct per submission. */
function randomPdf(): { bytes: Buffer; sha256: string } {
  const size = (1 + Math.floor(Math.random() * 4)) * 1024 * 1024 + Math.floor(Math.random() * 1024 * 1024);
  const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size - 16), Buffer.from('\n%%EOF\n')]);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function signUp(baseURL: string, index: number): Promise<NoJsClient> {
  const client = new NoJsClient(baseURL);
  const result = newResult('sign-up');
  const hidden = await page(client, result, '/en/sign-up', 'name="passphraseConfirm"');
  enter(result, 'sign-up');
  const passphrase = 'river lantern quiet orchard';
  const body = formBody(hidden, { username: `crash-${index}-${randomBytes(3).toString('hex')}`, passphrase, passphraseConfirm: passphrase });
  await untilAcknowledged(result, () => client.fetch('/en/sign-up', { method: 'POST', body }), (r) => r.status === 200 && r.headers.getSetCookie().some((c) => /^yadman\.session=/.test(c)));
  return client;
}

/** One submitter's testimony from start to "submitted"; never throws: what went wrong stays in the result. */
async function submitOne(client: NoJsClient, index: number, result: Result): Promise<void> {
  try {
    await submitSteps(client, index, result);
    result.acknowledged = true;
  } catch (error) {
    remember(result, `gave up: ${error instanceof Error ? error.message : String(error)}`);
  }
  result.settled = true;
}

async function submitSteps(client: NoJsClient, index: number, result: Result) {
  const post = async (stage: string, path: string, body: FormData, ack: (r: Response) => boolean) => {
    enter(result, stage);
    const answer = await untilAcknowledged(result, () => client.fetch(path, { method: 'POST', body }), ack);
    acknowledgedPosts++;
    return answer;
  };
  // Start: the form's token makes a re-post return the same draft.
  const start = formBody(await page(client, result, '/en/submit', 'name="token"'), {});
  const { response: started } = await post('start', '/en/submit', start, redirectTo(/\/en\/submit\/[0-9a-f-]{36}\/about$/));
  const draftId = started.headers.get('location')!.match(/submit\/([0-9a-f-]{36})\//)![1]!;
  result.draftId = draftId;
  const step = async (name: string, next: string, visible: Record<string, string>) => {
    const path = `/en/submit/${draftId}/${name}`;
    const body = formBody(await page(client, result, path, 'name="step"'), { ...visible, intent: 'next' });
    await post(`step ${name}`, path, body, redirectTo(new RegExp(`/${next}$`)));
  };
  await step('about', 'account', {
    newNameLatin: `Crash Testi ${index}`, newOutcome: 'killed', newIncidentPrecision: 'exact', newIncidentCalendar: 'persian',
    newIncidentYear: '1398', newIncidentMonth: '8', newIncidentDay: '25',
  });
  await step('account', 'files', {
    relationship: 'mother', hand: 'first', narrative: `Crash-safety narrative ${index}.`,
    eventPrecision: 'month', eventCalendar: 'persian', eventYear: '1398', eventMonth: '8',
  });
  if (index % 10 < withFile * 10) {
    const pdf = randomPdf();
    result.file = { sha256: pdf.sha256, acknowledged: false };
    const body = formBody([['testimonyId', draftId], ['locale', 'en']], { file: { blob: new Blob([new Uint8Array(pdf.bytes)], { type: 'application/pdf' }), name: 'statement.pdf' }, caption: `file ${index}` });
    await post('upload', '/api/uploads/form', body, redirectTo(/[?&]upload=received/));
    result.file.acknowledged = true;
  }
  await step('files', 'consent', {});
  await step('consent', 'review', {});
  const review = `/en/submit/${draftId}/review`;
  const submit = formBody(await page(client, result, review, 'name="token"'), {});
  await post('submit', review, submit, redirectTo(new RegExp(`/en/my-testimonies/${draftId}\\?done=`)));
}

/** Stored files against attachment rows: files no row names, named files missing, and the newest file's time. */
async function filesAndRows(sql: postgres.Sql) {
  const rows = (await sql`select original_key, public_key from attachments`) as unknown as { original_key: string | null; public_key: string | null }[];
  const mediaRoot = path.join(dataDir, 'media');
  const files = fs.existsSync(mediaRoot) ? fs.readdirSync(mediaRoot, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
  const onDisk = new Set(files.map((e) => path.relative(mediaRoot, path.join(e.parentPath, e.name))));
  const referenced = new Set(rows.flatMap((a) => [a.original_key, a.public_key].filter((k): k is string => !!k)));
  return {
    orphanFiles: [...onDisk].filter((key) => !referenced.has(key)).length,
    rowsWithoutFile: [...referenced].filter((key) => !onDisk.has(key)).length,
    newestFile: Math.max(0, ...files.map((e) => fs.statSync(path.join(e.parentPath, e.name)).mtimeMs)),
  };
}

test('200 submissions through 3 server kills and 2 database crashes: each acknowledged one stored once, files and rows match', async () => {
  test.setTimeout(900_000);
  const clients = await Promise.all(Array.from({ length: accounts }, (_, i) => signUp(server.baseURL, i)));

  const results = Array.from({ length: submissions }, () => newResult('start'));
  const flood = Promise.all(results.map((result, i) => submitOne(clients[i % accounts]!, i, result)));
  // Progress every 30 s (a hang shows where it is): how many are acknowledged, where the others wait.
  const started = Date.now();
  const progress = setInterval(() => {
    const waiting = results.filter((r) => !r.acknowledged);
    const slow = waiting.filter((r) => Date.now() - r.since > 60_000).map((r) => `${r.stage} for ${Math.round((Date.now() - r.since) / 1000)} s, last: ${r.answers.at(-1) ?? '—'}`);
    console.log(`crash safety +${Math.round((Date.now() - started) / 1000)} s: ${submissions - waiting.length} acknowledged, ${waiting.length} waiting${slow.length ? `; stuck:\n  ${slow.slice(0, 10).join('\n  ')}` : ''}`);
  }, 30_000);

  // Chaos, on a fixed schedule while the flood runs (each step bounded).
  const events: string[] = [];
  const restarts: number[] = [];
  const recoveries: number[] = [];
  const killServer = async () => {
    await server.kill();
    events.push(`server SIGKILL at ${acknowledgedPosts} posts`);
    const killed = Date.now();
    await server.start(); // as a process supervisor would
    restarts.push((Date.now() - killed) / 1000);
  };
  // The server is not restarted after a database crash: it must come back by itself (its health
  // check reads the database through the server's own connection pool).
  const crashDatabase = async () => {
    cluster.stopImmediately();
    events.push(`pg_ctl stop -m immediate at ${acknowledgedPosts} posts`);
    await pause(3000);
    cluster.start();
    const started = Date.now();
    let recovered = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 240 && recovered === Number.POSITIVE_INFINITY; tries++) {
      if (await fetch(`${server.baseURL}/api/health`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status === 200, () => false)) recovered = (Date.now() - started) / 1000;
      else await pause(250);
    }
    recoveries.push(recovered);
  };
  // Spread over the flood (at 1/6 … 5/6 of its posts acknowledged), so crashes land on every
  // kind of request: starts, steps, uploads, submits. Each wait bounded (2 minutes).
  const schedule = [killServer, crashDatabase, killServer, crashDatabase, killServer];
  for (const [i, event] of schedule.entries()) {
    const at = ((i + 1) / (schedule.length + 1)) * expectedPosts;
    for (let tries = 0; tries < 240 && acknowledgedPosts < at; tries++) await pause(500);
    await event();
  }
  const recoveredAfter = Math.max(...recoveries);
  // Bounded: 60 re-posts with pauses of up to 3 s, each post cut after 30 s, fit well within 10 minutes.
  await Promise.race([flood, pause(600_000)]);
  clearInterval(progress);
  for (const r of results) if (!r.settled) remember(r, `still waiting after ${Math.round((Date.now() - r.since) / 1000)} s`);
  expect(events.filter((e) => e.startsWith('server SIGKILL'))).toHaveLength(3);
  expect(events.filter((e) => e.startsWith('pg_ctl stop'))).toHaveLength(2);
  const acknowledged = results.filter((r) => r.acknowledged);
  // Each unacknowledged submission's last answers: what its submitter was left looking at.
  const unacknowledged = results.flatMap((r, index) => (r.acknowledged ? [] : [{ index, draftId: r.draftId, stage: r.stage, retries: r.retries, answers: r.answers }]));
  if (unacknowledged.length > 0) {
    fs.writeFileSync(test.info().outputPath('unacknowledged.json'), JSON.stringify(unacknowledged, null, 2));
    console.log(`crash safety: unacknowledged submissions:\n${JSON.stringify(unacknowledged, null, 2)}`);
  }
  fs.writeFileSync(test.info().outputPath('server.log'), server.output());
  // Exceptions the server survived (Next logs them and goes on), by kind: a driver's can wedge it.
  const uncaught = new Map<string, number>();
  for (const [, what] of server.output().matchAll(/uncaughtException:\s+([^\n]{0,70})/g)) uncaught.set(what!, (uncaught.get(what!) ?? 0) + 1);
  console.log(`crash safety: uncaught exceptions in the server: ${[...uncaught].map(([what, n]) => `${n}× ${what}`).join('; ') || 'none'}`);
  const answers = new Map<string, number>();
  for (const r of results) for (const kind of r.kinds) answers.set(kind, (answers.get(kind) ?? 0) + 1);
  console.log(`crash safety: unacknowledged answers by kind:\n${[...answers].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${String(n).padStart(5)}  ${kind}`).join('\n')}`);
  console.log(`crash safety: recovery after each database crash ${recoveries.map((s) => `${s.toFixed(1)} s`).join(', ')}; restart after each SIGKILL ${restarts.map((s) => `${s.toFixed(1)} s`).join(', ')}`);

  // Let the job worker finish processing the files (bounded), then compare database and disk.
  const sql = postgres(cluster.url(database), { max: 2, onnotice: () => {} });
  try {
    for (let tries = 0; tries < 120; tries++) {
      const [{ n }] = (await sql`select count(*)::int as n from jobs where status in ('queued', 'running') and run_at <= now()`) as unknown as [{ n: number }];
      if (n === 0) break;
      await pause(1000);
    }
    const ids = acknowledged.map((r) => r.draftId!);
    const stored = (await sql`select t.id, t.status, (select count(*)::int from testimony_revisions r where r.testimony_id = t.id) as revisions
      from testimonies t where t.id = any(${ids}::uuid[])`) as unknown as { id: string; status: string; revisions: number }[];
    const storedOnce = stored.filter((t) => t.status === 'submitted' && t.revisions === 1).length;
    const [{ duplicateDrafts }] = (await sql`select count(*)::int as "duplicateDrafts" from (select idempotency_key from testimonies where idempotency_key is not null group by 1 having count(*) > 1) d`) as unknown as [{ duplicateDrafts: number }];
    const files = results.filter((r) => r.file?.acknowledged);
    const attachmentRows = (await sql`select sha256, original_key, public_key from attachments`) as unknown as { sha256: string; original_key: string | null; public_key: string | null }[];
    const perFile = files.map((r) => attachmentRows.filter((a) => a.sha256 === r.file!.sha256).length);
    const duplicateFiles = perFile.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const lostFiles = perFile.filter((n) => n === 0).length;
    const leftByCrashes = await filesAndRows(sql);
    // A crash between storing a file and committing its row leaves the file (lib/media/orphans.ts):
    // the orphan sweep deletes such files once older than MEDIA_ORPHAN_MINUTES (60), hourly and when
    // a server starts. Restarted with a 1-minute grace once every file is older than that, the
    // server must leave no file without a row, and must not have deleted a file a row names.
    await server.stop();
    await pause(Math.max(0, leftByCrashes.newestFile + 65_000 - Date.now()));
    server = appServer(port, { ...serverEnv, MEDIA_ORPHAN_MINUTES: '1' });
    await server.start();
    let swept = await filesAndRows(sql);
    for (let tries = 0; tries < 60 && swept.orphanFiles > 0; tries++) {
      await pause(1000);
      swept = await filesAndRows(sql);
    }
    const { orphanFiles } = swept;
    const rowsWithoutFile = Math.max(leftByCrashes.rowsWithoutFile, swept.rowsWithoutFile);
    const retries = results.reduce((sum, r) => sum + r.retries, 0);
    // The upload allowance (LIMIT_UPLOAD_ACCOUNT, 60 an hour, left at its default) counts files
    // received: a re-sent or failed post must not use it up, or the account's next files are refused.
    const uploadCounts = (await sql`select r.points, (select count(*)::int from attachments a where a.uploaded_by = u.id) as files
      from rate_limits r join users u on r.key = 'upload:' || u.id::text`) as unknown as { points: number; files: number }[];
    const uploadOvercount = Math.max(0, ...uploadCounts.map((c) => c.points - c.files));

    const figures: [string, number | string, string, boolean][] = [
      ['crash safety: submissions acknowledged (of 200)', acknowledged.length, '200', acknowledged.length === submissions],
      ['crash safety: acknowledged submissions not stored exactly once', acknowledged.length - storedOnce, '0', storedOnce === acknowledged.length],
      ['crash safety: duplicate drafts from retried starts', duplicateDrafts, '0', duplicateDrafts === 0],
      ['crash safety: duplicate or lost files from retried uploads', duplicateFiles + lostFiles, '0', duplicateFiles + lostFiles === 0],
      ['crash safety: files left without a row by the crashes (stored, row not committed)', leftByCrashes.orphanFiles, 'all swept', orphanFiles === 0],
      ['crash safety: files without a row after the orphan sweep', orphanFiles, '0', orphanFiles === 0],
      ['crash safety: rows without their file (before and after the sweep)', rowsWithoutFile, '0', rowsWithoutFile === 0],
      ['crash safety: upload allowance used by re-sent or failed uploads (most for one account)', uploadOvercount, '0', uploadOvercount === 0],
      ['crash safety: recovery after a database crash, without a restart (slower of 2)', `${recoveredAfter.toFixed(1)} s`, '≤ 30 s', recoveredAfter <= 30],
    ];
    for (const [figure, measured, target, ok] of figures) recordFigure({ figure, measured, target, ok });
    console.log(`crash safety: ${events.join(', ')} (of ${acknowledgedPosts}); ${retries} re-posts; ${files.length} files; ${leftByCrashes.orphanFiles} files left without a row by the crashes, ${orphanFiles} after the sweep`);
    expect(figures.filter(([, , , ok]) => !ok).map(([figure, measured]) => `${figure}: ${measured}`)).toEqual([]);
  } finally {
    await sql.end();
  }
});
