// The write path's figures for `npm run bench` (issue 21 §4), each beside a baseline taken in the
// same run: the moderation queue (first page and each filter) and the review page over HTTP beside
// their reads on postgres.js directly; My testimonies and a thread of 50 messages likewise;
// submissions per second at the data layer beside PostgreSQL's own commit rate, and through the real
// no-JavaScript forms (start, each step, submit with its challenge) beside the data layer's rate.
// Everything the submitters wrote is deleted at the end (scripts/bench/write-path.ts); the moderator's
// claims ("claim next") are released.
import { encode } from 'next-auth/jwt';
import type postgres from 'postgres';
import type { Db } from '../db/types';
import { createSession, resolveSession, type Viewer } from '../lib/auth/sessions';
import { formBody } from './bench/forms';
import { percentile } from './bench/stats';
import { distinctNarrative, removeBenchAccounts } from './bench/write-path';
import { listThread, replyAsSubmitter, sendStaffMessage } from '../lib/messages';
import { claimNext, releaseClaim } from '../lib/moderation/claims';
import { listQueue, queueStatuses, type QueueFilters } from '../lib/moderation/queue';
import { getReview } from '../lib/moderation/review';
import { listOwnTestimonies } from '../lib/testimonies';
import { insertUser } from '../lib/testing/actors';
import { draftAbout, draftAccount, draftConsent, submittedTestimony } from '../lib/testing/testimony-fixtures';

export type Row = { figure: string; value: number; unit: string; baseline?: string; target?: { atMost?: number; atLeast?: number }; note?: string };
type Context = {
  db: Db; sql: postgres.Sql; appUrl: string; authSecret: string; loadSeconds: number; waiting: number; log: (m: string) => void;
  /** The server process's CPU time so far (ms): what a submission costs it, whatever else the machine runs. */
  serverCpuMs: () => number;
};

// BENCH_WRITE_FIGURES: a comma list of the parts to run (queue, filters, review, mine, thread, claim,
// submissions; default all), e.g. `review,thread` while profiling one page; BENCH_PAIRS_SCALE multiplies
// each page's number of pairs (a longer profile). Defaults leave `npm run bench` as it was.
// BENCH_WRITE=forms is short for BENCH_WRITE_FIGURES=forms (profiling and A/B runs of the HTTP forms).
const figures = new Set((process.env.BENCH_WRITE_FIGURES ?? (process.env.BENCH_WRITE === 'forms' ? 'forms' : 'queue,filters,review,mine,thread,claim,submissions,forms')).split(',').map((f) => f.trim()));
const pairsScale = Math.max(1, Number(process.env.BENCH_PAIRS_SCALE ?? 1));
const pairs = (n: number) => Math.round(n * pairsScale);

/** Sequential pairs, alternating which goes first, both warm: a latency distribution without queueing. */
async function paired(n: number, viaHttp: (i: number) => Promise<unknown>, direct: (i: number) => Promise<unknown>) {
  const http: number[] = [];
  const data: number[] = [];
  const time = async (into: number[], run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    into.push(performance.now() - t);
  };
  await viaHttp(0);
  await direct(0);
  for (let i = 0; i < n; i++) {
    const pair = [() => time(http, () => viaHttp(i)), () => time(data, () => direct(i))];
    for (const run of i % 2 ? pair.reverse() : pair) await run();
  }
  return { http, data };
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

export async function cookieFor(ctx: Pick<Context, 'db' | 'authSecret'>, userId: string, staff: boolean) {
  const sessionId = await createSession(ctx.db, userId, staff);
  const token = await encode({ token: { sub: userId, sid: sessionId }, secret: ctx.authSecret, salt: 'yadman.session' });
  return { cookie: `yadman.session=${token}`, viewer: (await resolveSession(ctx.db, sessionId)) as Viewer };
}

// What a browser sends on a navigation (as e2e/support/no-js-forms.ts does): proxy.ts tells pages and
// form posts from scripted fetches by it.
export const navigation = { accept: 'text/html,application/xhtml+xml', 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'same-origin' };
// BENCH_FORM_POSTS=next: every form post asks for Next's own answer (`x-yadman-form-post: next`),
// not the server's fast path (lib/submission/fast-posts.mjs): the figure before it, from the same build.
const formPostsByNext = process.env.BENCH_FORM_POSTS === 'next';

async function getPage(ctx: Context, path: string, cookie: string): Promise<string> {
  const response = await fetch(ctx.appUrl + path, { headers: { ...navigation, cookie }, redirect: 'manual' });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return text;
}

export async function writePathRows(ctx: Context): Promise<Row[]> {
  const { db, sql, appUrl, log } = ctx;
  const rows: Row[] = [];
  const benchUsers: string[] = [];
  const held = new Set<string>();
  const moderatorId = await insertUser(db, `bench-moderator-${Date.now()}`, 'moderator', { totp: true });
  const moderator = await cookieFor(ctx, moderatorId, true);
  const probe = await fetch(`${appUrl}/en/staff`, { headers: { cookie: moderator.cookie }, redirect: 'manual' });
  if (probe.status !== 200) throw new Error(`the moderator session was not accepted (${probe.status} on /en/staff)`);
  try {
    // ---- the queue: first page, then each filter
    log('moderation queue, first page and each filter');
    const [{ slug: collection } = { slug: '' }] = await sql<{ slug: string }[]>`select slug from collections order by slug limit 1`;
    const [{ province } = { province: 'IR-23' }] = await sql<{ province: string }[]>`
      select p.province from testimonies t join testimony_persons tp on tp.testimony_id = t.id join persons p on p.id = tp.person_id
      where t.status = 'submitted' and p.province is not null group by 1 order by count(*) desc limit 1`;
    const filters: [string, string, QueueFilters][] = [
      ['first page', '', {}],
      ...queueStatuses.map((s): [string, string, QueueFilters] => [`status ${s}`, `status=${s}`, { status: s }]),
      [`collection ${collection}`, `collection=${encodeURIComponent(collection)}`, { collection }],
      [`province ${province}`, `province=${province}`, { province }],
      ['language fa', 'language=fa', { language: 'fa' }],
      ['language en', 'language=en', { language: 'en' }],
      ['under 18', 'minor=on', { minor: true }],
      ['with files', 'files=on', { hasFiles: true }],
      ['possible coordinated', 'flagged=on', { flagged: true }],
    ];
    const worstFiltered = { figure: '', p95: 0 };
    const filterNotes: string[] = [];
    for (const [name, query, filter] of filters) {
      if (!figures.has(name === 'first page' ? 'queue' : 'filters')) continue;
      const n = pairs(name === 'first page' ? 100 : 30);
      const { http, data } = await paired(n, () => getPage(ctx, `/en/staff${query ? `?${query}` : ''}`, moderator.cookie), () => listQueue(db, moderator.viewer, filter));
      const [h95, d95] = [percentile(http, 95), percentile(data, 95)];
      if (name === 'first page') {
        rows.push({ figure: 'Moderation queue, first page: p95', value: h95, unit: 'ms', target: { atMost: 50 },
          baseline: `its read (lib/moderation/queue.ts, counts included) on postgres.js directly p95 ${ms(d95)}, p50 ${ms(percentile(data, 50))}`,
          note: `p50 ${ms(percentile(http, 50))} over HTTP; ${ctx.waiting} waiting; ${n} pairs` });
        continue;
      }
      filterNotes.push(`${name} ${h95.toFixed(0)} (direct ${d95.toFixed(0)})`);
      if (h95 > worstFiltered.p95) Object.assign(worstFiltered, { figure: name, p95: h95 });
    }
    if (figures.has('filters')) rows.push({ figure: 'Moderation queue, each filter: worst p95', value: worstFiltered.p95, unit: 'ms', target: { atMost: 50 },
      baseline: `each filter's p95 over HTTP in ms (its read directly): ${filterNotes.join('; ')}`, note: `worst: ${worstFiltered.figure}; ${pairs(30)} pairs each` });

    // ---- the review page: the first 20 of the queue, twice each
    if (figures.has('review')) {
      log('review page');
      const items = (await listQueue(db, moderator.viewer, { status: 'submitted', limit: 20 })).items.map((i) => i.id);
      const review = await paired(pairs(40), (i) => getPage(ctx, `/en/staff/testimonies/${items[i % items.length]}`, moderator.cookie), async (i) => {
        const id = items[i % items.length]!;
        await getReview(db, moderator.viewer, id);
        await listThread(db, moderator.viewer, id);
      });
      rows.push({ figure: 'Review page: p95', value: percentile(review.http, 95), unit: 'ms', target: { atMost: 50 },
        baseline: `its reads (getReview + listThread, which decrypt) directly p95 ${ms(percentile(review.data, 95))}, p50 ${ms(percentile(review.data, 50))}`,
        note: `p50 ${ms(percentile(review.http, 50))} over HTTP; ${items.length} waiting testimonies of the generated data, ${review.http.length} pairs` });
    }

    // ---- My testimonies: the generated submitter with the most testimonies
    if (figures.has('mine')) {
      log('My testimonies');
      const [most] = await sql<{ id: string; n: number }[]>`select submitter_id as id, count(*)::int as n from testimonies group by 1 order by 2 desc limit 1`;
      const submitterSession = await cookieFor(ctx, most!.id, false);
      const mine = await paired(pairs(40), () => getPage(ctx, '/en/my-testimonies', submitterSession.cookie), () => listOwnTestimonies(db, submitterSession.viewer));
      rows.push({ figure: 'My testimonies: p95', value: percentile(mine.http, 95), unit: 'ms', target: { atMost: 50 },
        baseline: `its read (listOwnTestimonies) directly p95 ${ms(percentile(mine.data, 95))}, p50 ${ms(percentile(mine.data, 50))}`,
        note: `p50 ${ms(percentile(mine.http, 50))} over HTTP; the generated submitter with the most testimonies (${most!.n}); ${mine.http.length} pairs` });
      await sql`delete from user_sessions where user_id = ${most!.id} and id = ${submitterSession.viewer.sessionId}`;
    }

    // ---- a thread of 50 messages, as its submitter reads it
    if (figures.has('thread')) {
      log('thread of 50 messages');
      const writerId = await insertUser(db, `bench-writer-${Date.now()}`, 'submitter');
      benchUsers.push(writerId);
      const writer = await cookieFor(ctx, writerId, false);
      const threadId = await submittedTestimony(db, writer.viewer, { account: { narrative: distinctNarrative() }, consent: { mayContact: 'yes' } });
      for (let i = 0; i < 50; i++) {
        const body = `${i % 2 ? 'پاسخ' : 'پرسش'} ${i + 1}: ${distinctNarrative(40)}`;
        const sent = i % 2 ? await replyAsSubmitter(db, writer.viewer, { testimonyId: threadId, body }) : await sendStaffMessage(db, moderator.viewer, { testimonyId: threadId, body });
        if (sent.status !== 'sent') throw new Error(`message ${i + 1} was refused: ${sent.reason}`);
      }
      const thread = await paired(pairs(40), () => getPage(ctx, `/en/my-testimonies/${threadId}`, writer.cookie), () => listThread(db, writer.viewer, threadId));
      rows.push({ figure: 'Thread of 50 messages (My testimonies, one): p95', value: percentile(thread.http, 95), unit: 'ms', target: { atMost: 50 },
        baseline: `its read (listThread, 50 decrypted) directly p95 ${ms(percentile(thread.data, 95))}, p50 ${ms(percentile(thread.data, 50))}`,
        note: `p50 ${ms(percentile(thread.http, 50))} over HTTP (the page also reads the testimony and its timeline); ${thread.http.length} pairs` });
    }

    if (figures.has('claim')) {
      log('claim next');
      const roundTrips: number[] = [];
      const claims: number[] = [];
      for (let i = 0; i < 100; i++) {
        let t = performance.now();
        await sql`select 1`;
        roundTrips.push(performance.now() - t);
        t = performance.now();
        const claimed = await claimNext(db, moderator.viewer);
        if (claimed) held.add(claimed.testimonyId);
        claims.push(performance.now() - t);
      }
      rows.push({ figure: '"Claim next": p95', value: percentile(claims, 95), unit: 'ms', target: { atMost: 50 },
        baseline: `postgres.js \`select 1\` round trip p95 ${ms(percentile(roundTrips, 95))}`,
        note: `p50 ${ms(percentile(claims, 50))}; data layer (lib/moderation/claims.ts), one transaction` });
    }

    // ---- submissions at the data layer: 8 submitters (accounts), distinct narratives
    let dataRate: number | undefined;
    if (figures.has('submissions')) {
      log('submissions, data layer');
      const submitters = await Promise.all(Array.from({ length: 8 }, async (_, i) => {
        const id = await insertUser(db, `bench-submitter-${Date.now()}-${i}`, 'submitter');
        benchUsers.push(id);
        return (await cookieFor(ctx, id, false)).viewer;
      }));
      let acknowledged = 0;
      let failed = 0;
      let firstError: unknown;
      const until = Date.now() + ctx.loadSeconds * 1000;
      const submitStart = performance.now();
      await Promise.all(submitters.map(async (viewer) => {
        while (Date.now() < until) {
          await submittedTestimony(db, viewer, { account: { narrative: distinctNarrative() } }).then(() => acknowledged++, (e: unknown) => {
            failed++;
            firstError ??= e;
          });
        }
      }));
      dataRate = acknowledged / ((performance.now() - submitStart) / 1000);
      const [{ stored }] = (await sql<{ stored: number }[]>`select count(*)::int as stored from testimonies where submitter_id in ${sql(submitters.map((s) => s.userId))} and status = 'submitted'`) as unknown as [{ stored: number }];
      // Baseline: what the database itself commits, one single-row transaction at a time from 8 clients.
      await sql`create table if not exists bench_commit_probe (id bigserial primary key, at timestamptz not null default now())`;
      let commits = 0;
      const commitUntil = Date.now() + ctx.loadSeconds * 1000;
      const commitStart = performance.now();
      await Promise.all(Array.from({ length: 8 }, async () => {
        while (Date.now() < commitUntil) {
          await sql.begin((tx) => tx`insert into bench_commit_probe default values`);
          commits++;
        }
      }));
      const commitRate = commits / ((performance.now() - commitStart) / 1000);
      await sql`drop table bench_commit_probe`;
      rows.push({ figure: 'Submissions accepted/s, data layer', value: dataRate, unit: '/s', target: { atLeast: 100 },
        baseline: `PostgreSQL single-row commits ${commitRate.toFixed(0)}/s from 8 clients (a submission is 5 transactions: ${(commitRate / 5).toFixed(0)}/s at that floor)`,
        note: `${acknowledged} acknowledged, ${stored} stored, ${acknowledged - stored} lost, ${failed} refused${firstError ? ` (first: ${String(firstError).slice(0, 80)})` : ''}; 8 accounts × 1 submitter, distinct narratives (draft, 3 steps, submit)` });
      if (stored !== acknowledged) process.exitCode = 1;

    }

    // ---- submissions through the real no-JavaScript forms
    if (figures.has('forms')) {
      log('submissions, HTTP forms (no JavaScript)');
      const formUsers = await Promise.all(Array.from({ length: 8 }, async (_, i) => {
        const id = await insertUser(db, `bench-form-${Date.now()}-${i}`, 'submitter');
        benchUsers.push(id);
        return { id, cookie: (await cookieFor(ctx, id, false)).cookie };
      }));
      const post = async (path: string, cookie: string, html: string, match: { name: string; value?: string }, typed?: Record<string, string | string[]>, button?: { name: string; value: string }) => {
        const { action, body } = formBody(html, match, typed, button);
        const response = await fetch(appUrl + (action && !action.startsWith('javascript') ? action : path), { method: 'POST', body, headers: { ...navigation, cookie, origin: appUrl, ...(formPostsByNext ? { 'x-yadman-form-post': 'next' } : {}) }, redirect: 'manual' });
        await response.arrayBuffer();
        const location = response.headers.get('location');
        if (response.status !== 303 || !location) throw new Error(`POST ${path}: ${response.status}`);
        if (response.headers.get('x-yadman-form-post') === 'answered') formFast++;
        return new URL(location, appUrl).pathname + new URL(location, appUrl).search;
      };
      let formFast = 0;
      let formAcknowledged = 0;
      let formPosts = 0;
      let formGets = 0;
      let formFailed = 0;
      let formError: unknown;
      const formTimes: number[] = [];
      const formUntil = Date.now() + ctx.loadSeconds * 1000;
      const formStart = performance.now();
      const formServerCpu = ctx.serverCpuMs();
      const formClientCpu = process.cpuUsage();
      await Promise.all(formUsers.map(async ({ cookie }) => {
        while (Date.now() < formUntil) {
          const t = performance.now();
          try {
            const get = async (path: string) => {
              formGets++;
              return getPage(ctx, path, cookie);
            };
            let path = '/en/submit';
            path = await post(path, cookie, await get(path), { name: 'token' });
            formPosts++;
            for (const [step, typed] of [['about', draftAbout], ['account', { ...draftAccount, narrative: distinctNarrative() }], ['files', {}], ['consent', draftConsent]] as const) {
              if (!path.endsWith(`/${step}`)) throw new Error(`expected the ${step} step, got ${path}`);
              path = await post(path, cookie, await get(path), { name: 'step', value: step }, typed, { name: 'intent', value: 'next' });
              formPosts++;
            }
            if (!path.endsWith('/review')) throw new Error(`expected the review step, got ${path}`);
            const done = await post(path, cookie, await get(path), { name: 'challenge' });
            formPosts++;
            if (!done.includes('done=submitted')) throw new Error(`submit answered ${done}`);
            formAcknowledged++;
            await get(done);
            formTimes.push(performance.now() - t);
          } catch (e) {
            formFailed++;
            formError ??= e;
          }
        }
      }));
      const formSeconds = (performance.now() - formStart) / 1000;
      // CPU per complete submission: on a shared machine the rate moves with the other loads, the CPU much less.
      const perSubmission = (ms: number) => `${(ms / Math.max(formAcknowledged, 1)).toFixed(0)} ms`;
      const serverCpu = perSubmission(ctx.serverCpuMs() - formServerCpu);
      const { user, system } = process.cpuUsage(formClientCpu);
      const clientCpu = perSubmission((user + system) / 1000);
      const [{ formStored }] = (await sql<{ formStored: number }[]>`select count(*)::int as "formStored" from testimonies where submitter_id in ${sql(formUsers.map((u) => u.id))} and status = 'submitted'`) as unknown as [{ formStored: number }];
      rows.push({ figure: 'Submissions accepted/s, HTTP forms without JavaScript', value: formAcknowledged / formSeconds, unit: '/s', target: { atLeast: 15 },
        baseline: dataRate === undefined ? 'the data layer not measured in this run' : `the data layer ${dataRate.toFixed(1)}/s in this run`,
        note: `${formAcknowledged} acknowledged, ${formStored} stored, ${formAcknowledged - formStored} lost, ${formFailed} failed${formError ? ` (first: ${String(formError).slice(0, 100)})` : ''}; ${(formPosts / formSeconds).toFixed(1)} form posts/s (${formFast} answered in front of Next${formPostsByNext ? ', BENCH_FORM_POSTS=next' : ''}) and ${(formGets / formSeconds).toFixed(1)} page loads/s; one submission (start, about, account, files, consent, submit; every page loaded first) p50 ${(percentile(formTimes, 50) / 1000).toFixed(2)} s; 8 accounts, one browser each; CPU per submission: server ${serverCpu}, the bench's browsers ${clientCpu}` });
      if (formStored !== formAcknowledged) process.exitCode = 1;
    }
  } finally {
    log('putting back: the bench accounts\' testimonies, the moderator\'s claims');
    // Released as a moderator releases them (back to the queue, recorded in the audit log).
    for (const testimonyId of held) await releaseClaim(db, moderator.viewer, { testimonyId });
    const removed = await removeBenchAccounts(sql, [...benchUsers, moderatorId]);
    log(`${removed} bench testimonies removed`);
  }
  return rows;
}
