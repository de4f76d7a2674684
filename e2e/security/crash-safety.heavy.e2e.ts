// Crash safety (issue 7, "Reliability"; heavy: `npm run test:security` only, every loop bounded,
// loopback only). A second `next start` of the e2e build on a private PostgreSQL cluster
// (lib/testing/private-postgres.ts) takes 200 concurrent submissions through the real forms, posted
// as a browser without JavaScript would (e2e/support/no-js-forms.ts); 30 % upload a 1–5 MB file
// through /api/uploads/form. Meanwhile the server is SIGKILLed 3 times (and restarted, as a process
// supervisor would) and PostgreSQL is stopped with `pg_ctl stop -m immediate` twice (and started
// again). Clients re-post every unacknowledged request with the identical body (the same
// idempotency token). Targets: every acknowledged submission is in the database exactly once; no
// file without a row and no row without its file; the server recovers by itself.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createPrivateCluster, type PrivateCluster } from '../../lib/testing/private-postgres';
import { recordFigure } from '../../lib/testing/security-figures';
import { expect, test } from '../fixtures';
import { appServer, type AppServer } from '../support/app-server';
import { formBody, hiddenFields, NoJsClient } from '../support/no-js-forms';

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
  server = appServer(port, {
    DATABASE_URL: cluster.url(database), YADMAN_DEMO: 'on', YADMAN_DATA_DIR: dataDir,
    LIMIT_SIGN_UP_ADDRESS: '1000', LIMIT_SUBMISSION_ACCOUNT: '100', LIMIT_SUBMISSION_ADDRESS: '1000', LIMIT_UPLOAD_ADDRESS: '1000',
  });
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  cluster?.remove();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

type Result = { draftId?: string; acknowledged: boolean; file?: { sha256: string; acknowledged: boolean }; retries: number };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends until the answer is the expected acknowledgement; anything else (connection refused or
 * reset, 5xx, the "try again" page) is unacknowledged and re-sent unchanged. Bounded.
 */
async function untilAcknowledged(result: Result, send: () => Promise<Response>, acknowledged: (response: Response) => boolean): Promise<Response> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      const response = await send();
      if (acknowledged(response)) return response;
      await response.body?.cancel();
    } catch {
      // the server is down or was killed mid-request
    }
    result.retries++;
    await pause(Math.min(3000, 250 * attempt));
  }
  throw new Error('no acknowledgement after the bounded retries');
}

const redirectTo = (pattern: RegExp) => (r: Response) => r.status === 303 && pattern.test(r.headers.get('location') ?? '');
const page = async (client: NoJsClient, result: Result, path: string, marker: string) => {
  let fields: [string, string][] = [];
  await untilAcknowledged(
    result,
    () => client.fetch(path),
    (r) => r.status === 200,
  ).then(async (r) => (fields = hiddenFields(await r.text(), marker)));
  return fields;
};

/** A PDF (accepted as a document) of 1–5 MB of random bytes: distinct per submission. */
function randomPdf(): { bytes: Buffer; sha256: string } {
  const size = (1 + Math.floor(Math.random() * 4)) * 1024 * 1024 + Math.floor(Math.random() * 1024 * 1024);
  const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size - 16), Buffer.from('\n%%EOF\n')]);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function signUp(baseURL: string, index: number): Promise<NoJsClient> {
  const client = new NoJsClient(baseURL);
  const result: Result = { acknowledged: false, retries: 0 };
  const hidden = await page(client, result, '/en/sign-up', 'name="passphraseConfirm"');
  const passphrase = 'river lantern quiet orchard';
  const body = formBody(hidden, { username: `crash-${index}-${randomBytes(3).toString('hex')}`, passphrase, passphraseConfirm: passphrase });
  await untilAcknowledged(result, () => client.fetch('/en/sign-up', { method: 'POST', body }), (r) => r.status === 200 && r.headers.getSetCookie().some((c) => /^yadman\.session=/.test(c)));
  return client;
}

async function submitOne(client: NoJsClient, index: number): Promise<Result> {
  const result: Result = { acknowledged: false, retries: 0 };
  const post = (path: string, body: FormData, ack: (r: Response) => boolean) => untilAcknowledged(result, () => client.fetch(path, { method: 'POST', body }), ack);
  // Start: the form's token makes a re-post return the same draft.
  const start = formBody(await page(client, result, '/en/submit', 'name="token"'), {});
  const started = await post('/en/submit', start, redirectTo(/\/en\/submit\/[0-9a-f-]{36}\/about$/));
  const draftId = started.headers.get('location')!.match(/submit\/([0-9a-f-]{36})\//)![1]!;
  result.draftId = draftId;
  const step = async (name: string, next: string, visible: Record<string, string>) => {
    const path = `/en/submit/${draftId}/${name}`;
    const body = formBody(await page(client, result, path, 'name="step"'), { ...visible, intent: 'next' });
    await post(path, body, redirectTo(new RegExp(`/${next}$`)));
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
    await post('/api/uploads/form', body, redirectTo(/[?&]upload=received/));
    result.file.acknowledged = true;
  }
  await step('files', 'consent', {});
  await step('consent', 'review', {});
  const review = `/en/submit/${draftId}/review`;
  const submit = formBody(await page(client, result, review, 'name="token"'), {});
  await post(review, submit, redirectTo(new RegExp(`/en/my-testimonies/${draftId}\\?done=`)));
  result.acknowledged = true;
  return result;
}

test('200 submissions through 3 server kills and 2 database crashes: each acknowledged one stored once, files and rows match', async () => {
  test.setTimeout(900_000);
  const clients = await Promise.all(Array.from({ length: accounts }, (_, i) => signUp(server.baseURL, i)));

  let finished = false;
  const flood = Promise.allSettled(Array.from({ length: submissions }, (_, i) => submitOne(clients[i % accounts]!, i))).finally(() => (finished = true));

  // Chaos, on a fixed schedule while the flood runs (each step bounded).
  const events: string[] = [];
  let lastDatabaseStart = 0;
  const killServer = async () => {
    await server.kill();
    events.push('server SIGKILL');
    await server.start(); // as a process supervisor would
  };
  const crashDatabase = async () => {
    cluster.stopImmediately();
    events.push('pg_ctl stop -m immediate');
    await pause(3000);
    cluster.start();
    lastDatabaseStart = Date.now();
  };
  const schedule = [killServer, crashDatabase, killServer, crashDatabase, killServer];
  for (const event of schedule) {
    await pause(6000);
    await event();
  }
  // The server must come back by itself after the last database crash: health and a page.
  let recoveredAfter = Number.POSITIVE_INFINITY;
  for (let tries = 0; tries < 240; tries++) {
    const ok = await fetch(`${server.baseURL}/api/health`).then((r) => r.status === 200, () => false);
    if (ok) {
      recoveredAfter = (Date.now() - lastDatabaseStart) / 1000;
      break;
    }
    await pause(250);
  }
  const settled = await flood;
  expect(finished).toBe(true);
  expect(events.filter((e) => e === 'server SIGKILL')).toHaveLength(3);
  const results = settled.map((s) => (s.status === 'fulfilled' ? s.value : { acknowledged: false, retries: 0 }) as Result);
  const acknowledged = results.filter((r) => r.acknowledged);

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
    const mediaRoot = path.join(dataDir, 'media');
    const onDisk = new Set(
      fs.existsSync(mediaRoot)
        ? fs.readdirSync(mediaRoot, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(mediaRoot, path.join(e.parentPath, e.name)))
        : [],
    );
    const referenced = new Set(attachmentRows.flatMap((a) => [a.original_key, a.public_key].filter((k): k is string => !!k)));
    const orphanFiles = [...onDisk].filter((key) => !referenced.has(key)).length;
    const rowsWithoutFile = [...referenced].filter((key) => !onDisk.has(key)).length;
    const retries = results.reduce((sum, r) => sum + r.retries, 0);

    const figures: [string, number | string, string, boolean][] = [
      ['crash safety: submissions acknowledged (of 200)', acknowledged.length, '200', acknowledged.length === submissions],
      ['crash safety: acknowledged submissions not stored exactly once', acknowledged.length - storedOnce, '0', storedOnce === acknowledged.length],
      ['crash safety: duplicate drafts from retried starts', duplicateDrafts, '0', duplicateDrafts === 0],
      ['crash safety: duplicate or lost files from retried uploads', duplicateFiles + lostFiles, '0', duplicateFiles + lostFiles === 0],
      ['crash safety: files without a row', orphanFiles, '0', orphanFiles === 0],
      ['crash safety: rows without their file', rowsWithoutFile, '0', rowsWithoutFile === 0],
      ['crash safety: recovery after the last database crash', `${recoveredAfter.toFixed(1)} s`, '≤ 30 s', recoveredAfter <= 30],
    ];
    for (const [figure, measured, target, ok] of figures) recordFigure({ figure, measured, target, ok });
    console.log(`crash safety: ${events.join(', ')}; ${retries} re-posts; ${files.length} files`);
    expect(figures.filter(([, , , ok]) => !ok).map(([figure, measured]) => `${figure}: ${measured}`)).toEqual([]);
  } finally {
    await sql.end();
  }
});
