// An interleaved A/B of the signed-in pages of issue 21 over HTTP: two servers already running side
// by side on one database (two builds, or one build started with different Node flags), each page
// requested from both in turn, the order flipped every pair, so both see the same moments of a busy
// machine (sequential runs minutes apart moved by up to 2× here, docs/benchmarks.md). Prints, per
// page and server, p50 / p95 / mean latency and the page's size.
//   AB_A=http://127.0.0.1:4660 AB_B=http://127.0.0.1:4661 [AB_PAGES=queue,submitted,review,mine,thread]
//   [AB_ROUNDS=60] [AB_WARM=40] [BENCH_DATABASE_URL=…] [AUTH_SECRET=… (the servers')] npx tsx --conditions=react-server scripts/bench-ab.ts
// The accounts it makes (a moderator, a writer with a thread of 50 messages) are deleted at the end.
import { createDb } from '../db/client';
import { developmentSecret } from '../lib/crypto/secret-box';
import { replyAsSubmitter, sendStaffMessage } from '../lib/messages';
import { listQueue } from '../lib/moderation/queue';
import { insertUser } from '../lib/testing/actors';
import { submittedTestimony } from '../lib/testing/testimony-fixtures';
import { cookieFor, navigation } from './bench-write';
import { percentile } from './bench/stats';
import { distinctNarrative, removeBenchAccounts } from './bench/write-path';

const servers = { A: process.env.AB_A, B: process.env.AB_B };
if (!servers.A || !servers.B) throw new Error('AB_A and AB_B: the two servers\' URLs');
const rounds = Number(process.env.AB_ROUNDS ?? 60);
const warm = Number(process.env.AB_WARM ?? 40);
const pages = new Set((process.env.AB_PAGES ?? 'queue,submitted,review,mine,thread').split(','));
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/yadman_bench';
const authSecret = process.env.AUTH_SECRET ?? developmentSecret;

const handle = await createDb({ driver: 'postgres', url: databaseUrl, max: 4, migrate: false });
const db = handle.db;
const sql = (db as unknown as { $client: import('postgres').Sql }).$client;
const ctx = { db, authSecret };
const made: string[] = [];

async function get(base: string, path: string, cookie: string) {
  const started = performance.now();
  const response = await fetch(base + path, { headers: { ...navigation, cookie, 'accept-encoding': 'gzip' }, redirect: 'manual' });
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${base}${path}: ${response.status}`);
  return { ms, bytes: body.byteLength };
}

async function compare(name: string, paths: string[], cookie: string) {
  const times = { A: [] as number[], B: [] as number[] };
  const bytes = { A: 0, B: 0 };
  // Both servers warmed alike first (a server started a minute before the other, its code not yet
  // optimised, measured ~10 ms slower a page here): AB_WARM rounds, interleaved, not counted.
  for (let i = 0; i < warm; i++) for (const side of i % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) await get(servers[side]!, paths[i % paths.length]!, cookie);
  for (let i = 0; i < rounds; i++) {
    const path = paths[i % paths.length]!;
    const order = i % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const);
    for (const side of order) {
      const r = await get(servers[side]!, path, cookie);
      times[side].push(r.ms);
      bytes[side] = r.bytes;
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const row = (side: 'A' | 'B') => `p50 ${percentile(times[side], 50).toFixed(1)}, p95 ${percentile(times[side], 95).toFixed(1)}, mean ${mean(times[side]).toFixed(1)} ms, ${(bytes[side] / 1024).toFixed(1)} KB`;
  console.log(`| ${name} (${rounds} each) | ${row('A')} | ${row('B')} | ${(mean(times.B) - mean(times.A)).toFixed(1)} ms |`);
}

try {
  const moderatorId = await insertUser(db, `bench-moderator-${Date.now()}`, 'moderator', { totp: true });
  made.push(moderatorId);
  const moderator = await cookieFor(ctx, moderatorId, true);
  console.log(`| Page | A ${servers.A} | B ${servers.B} | B − A mean |\n| --- | --- | --- | --- |`);
  if (pages.has('queue')) await compare('Queue, first page', ['/en/staff'], moderator.cookie);
  if (pages.has('submitted')) await compare('Queue, status submitted', ['/en/staff?status=submitted'], moderator.cookie);
  if (pages.has('review')) {
    const items = (await listQueue(db, moderator.viewer, { status: 'submitted', limit: 20 })).items.map((i) => `/en/staff/testimonies/${i.id}`);
    await compare('Review page', items, moderator.cookie);
  }
  if (pages.has('mine')) {
    const [most] = await sql<{ id: string }[]>`select submitter_id as id, count(*)::int as n from testimonies group by 1 order by 2 desc limit 1`;
    const session = await cookieFor(ctx, most!.id, false);
    try {
      await compare('My testimonies', ['/en/my-testimonies'], session.cookie);
    } finally {
      await sql`delete from user_sessions where user_id = ${most!.id} and id = ${session.viewer.sessionId}`;
    }
  }
  if (pages.has('thread')) {
    const writerId = await insertUser(db, `bench-writer-${Date.now()}`, 'submitter');
    made.push(writerId);
    const writer = await cookieFor(ctx, writerId, false);
    const threadId = await submittedTestimony(db, writer.viewer, { account: { narrative: distinctNarrative() }, consent: { mayContact: 'yes' } });
    for (let i = 0; i < 50; i++) {
      const body = `${i % 2 ? 'پاسخ' : 'پرسش'} ${i + 1}: ${distinctNarrative(40)}`;
      const sent = i % 2 ? await replyAsSubmitter(db, writer.viewer, { testimonyId: threadId, body }) : await sendStaffMessage(db, moderator.viewer, { testimonyId: threadId, body });
      if (sent.status !== 'sent') throw new Error(`message ${i + 1} was refused: ${sent.reason}`);
    }
    await compare('Thread of 50 messages', [`/en/my-testimonies/${threadId}`], writer.cookie);
  }
} finally {
  await removeBenchAccounts(sql, made);
  await handle.close();
}
