// Profile of a submission at the data layer (issue 21 §1), on the database in DATABASE_URL:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --conditions=react-server --import tsx scripts/profile-submissions.ts
// 8 concurrent submitters (distinct accounts, distinct narratives) for PROFILE_SECONDS; each part of
// a submission timed on its own (create draft, three steps, submit); meanwhile a second connection
// samples pg_stat_activity every 10 ms for the submitters' backends: what each is doing (the
// statement) and waiting on (a lock, the commit's WAL flush, the client). Everything the run wrote is
// deleted at the end (scripts/bench/write-path.ts). Prints a JSON summary.
import postgres from 'postgres';
import { createDb } from '../db/client';
import { createSession, resolveSession } from '../lib/auth/sessions';
import { percentile } from './bench/stats';
import { distinctNarrative, removeBenchAccounts } from './bench/write-path';
import { createDraft, saveDraftStep, submitTestimony } from '../lib/testimonies';
import { insertUser } from '../lib/testing/actors';
import { formGate } from '../lib/testing/form-gate';
import { draftAbout, draftAccount, draftConsent, formToken } from '../lib/testing/testimony-fixtures';

// The submitters' connections are told apart from the sampler's and from anyone else's by name.
process.env.PGAPPNAME = 'yadman-profile';
process.env.LIMIT_SUBMISSION_ACCOUNT ??= '1000000';
process.env.LIMIT_SUBMISSION_ADDRESS ??= '1000000';
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/yadman_bench';
const seconds = Number(process.env.PROFILE_SECONDS ?? 15);
const workers = Number(process.env.PROFILE_WORKERS ?? 8);
const handle = await createDb({ driver: 'postgres', url, max: 10 });
const { db } = handle;
const probe = postgres(url, { max: 1, connection: { application_name: 'yadman-profile-sampler' } });

const userIds: string[] = [];
const viewers = [];
for (let i = 0; i < workers; i++) {
  const id = await insertUser(db, `profile-submitter-${Date.now()}-${i}`, 'submitter');
  userIds.push(id);
  viewers.push(await resolveSession(db, await createSession(db, id, false)));
}

const parts: Record<string, number[]> = { createDraft: [], about: [], account: [], consent: [], submit: [], whole: [] };
const time = async <T>(part: string, run: () => Promise<T>) => {
  const t = performance.now();
  const value = await run();
  parts[part]!.push(performance.now() - t);
  return value;
};

const samples = new Map<string, number>();
let sampleCount = 0;
let sampling = true;
const sampler = (async () => {
  while (sampling) {
    const rows = await probe<{ state: string; wait: string | null; query: string }[]>`
      select state, case when wait_event is null then null else wait_event_type || ':' || wait_event end as wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) as query
      from pg_stat_activity where application_name = 'yadman-profile' and datname = current_database()`;
    sampleCount++;
    for (const r of rows) {
      const key = r.state === 'active' ? `active ${r.wait ?? 'CPU'} | ${r.query}` : `${r.state}${r.wait ? ` ${r.wait}` : ''}`;
      samples.set(key, (samples.get(key) ?? 0) + 1);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
})();

let done = 0;
const until = Date.now() + seconds * 1000;
const started = performance.now();
await Promise.all(viewers.map(async (viewer) => {
  while (Date.now() < until) {
    await time('whole', async () => {
      const { id } = await time('createDraft', () => createDraft(db, viewer, { token: formToken(), language: 'fa' }));
      await time('about', () => saveDraftStep(db, viewer, { testimonyId: id, step: 'about', values: draftAbout }));
      await time('account', () => saveDraftStep(db, viewer, { testimonyId: id, step: 'account', values: { ...draftAccount, narrative: distinctNarrative() } }));
      await time('consent', () => saveDraftStep(db, viewer, { testimonyId: id, step: 'consent', values: draftConsent }));
      await time('submit', () => submitTestimony(db, viewer, { ...formGate(), testimonyId: id, token: formToken() }));
    });
    done++;
  }
}));
const elapsed = (performance.now() - started) / 1000;
sampling = false;
await sampler;
const removed = await removeBenchAccounts(probe, userIds);
const summary = {
  database: url.replace(/^.*\//, ''),
  workers,
  submissionsPerSecond: +(done / elapsed).toFixed(1),
  submissions: done,
  removedAfter: removed,
  partsMs: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, { p50: +percentile(v, 50).toFixed(1), p95: +percentile(v, 95).toFixed(1), mean: +(v.reduce((a, b) => a + b, 0) / v.length).toFixed(1) }])),
  // Share of the submitters' backends' time (samples × backends) by what they were doing.
  backendTime: [...samples].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, n]) => `${((100 * n) / (sampleCount * workers)).toFixed(1)} % ${k}`),
  samples: sampleCount,
};
console.info(JSON.stringify(summary, null, 2));
await probe.end();
await handle.close();
process.exit();
