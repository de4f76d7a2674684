// The server's CPU per request of a no-JavaScript submission, by request (issue 21, "HTTP forms,
// profiled"): one browser walks the forms sequentially against running servers, and each server
// process's CPU time (/proc/<pid>/stat, all threads) is read before and after each request. Given
// two servers (A/B: two builds, or two sets of Node flags), it alternates submissions between them,
// so both see the same load from the rest of the machine.
//   FORMS_COST=<pid>@http://127.0.0.1:3300[,<pid>@http://127.0.0.1:3301] BENCH_DATABASE_URL=… \
//     npx tsx --conditions=react-server scripts/bench/forms-cost.ts [submissions]
// FORMS_COST_ENCODING: the Accept-Encoding sent (by default fetch's own, gzip among them).
// A target ending in `#next` asks for Next's own answer to every form post (`x-yadman-form-post:
// next`), not the fast path's (lib/submission/fast-posts.mjs): `<pid>@<url>,<pid>@<url>#next` is an
// A/B of the fast path on one server.
import fs from 'node:fs';
import { encode } from 'next-auth/jwt';
import { createDb } from '../../db/client';
import { createSession } from '../../lib/auth/sessions';
import { developmentSecret } from '../../lib/crypto/secret-box';
import { insertUser } from '../../lib/testing/actors';
import { draftAbout, draftAccount, draftConsent } from '../../lib/testing/testimony-fixtures';
import { formBody } from './forms';
import { distinctNarrative, removeBenchAccounts } from './write-path';

const targets = (process.env.FORMS_COST ?? '').split(',').filter(Boolean).map((t) => {
  const [pid, address] = t.split('@');
  const [url, mode] = address!.split('#');
  return { pid: Number(pid), url: url!, label: address!, headers: (mode === 'next' ? { 'x-yadman-form-post': 'next' } : {}) as Record<string, string>, costs: new Map<string, number[]>() };
});
const runs = Number(process.argv[2] ?? 20);
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ ticks
};
const navigation = {
  accept: 'text/html,application/xhtml+xml', 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'same-origin',
  ...(process.env.FORMS_COST_ENCODING ? { 'accept-encoding': process.env.FORMS_COST_ENCODING } : {}),
};
const { db } = await createDb({ driver: 'postgres', url: process.env.BENCH_DATABASE_URL!, max: 2 });
const sql = (db as unknown as { $client: import('postgres').Sql }).$client;
const userId = await insertUser(db, `bench-cost-${Date.now()}`, 'submitter');
const sid = await createSession(db, userId, false);
const cookie = `yadman.session=${await encode({ token: { sub: userId, sid }, secret: process.env.AUTH_SECRET ?? developmentSecret, salt: 'yadman.session' })}`;

async function submission(target: (typeof targets)[number]) {
  const timed = async <T>(name: string, run: () => Promise<T>) => {
    const before = cpuMs(target.pid);
    const out = await run();
    await new Promise((r) => setTimeout(r, 5)); // what the server does after the response (stream close)
    (target.costs.get(name) ?? target.costs.set(name, []).get(name)!).push(cpuMs(target.pid) - before);
    return out;
  };
  const get = (name: string, path: string) => timed(`GET ${name}`, async () => {
    const r = await fetch(target.url + path, { headers: { ...navigation, cookie } });
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    return r.text();
  });
  const post = (name: string, path: string, html: string, match: { name: string; value?: string }, typed?: Record<string, string | string[]>, button?: { name: string; value: string }) =>
    timed(`POST ${name}`, async () => {
      const { action, body } = formBody(html, match, typed, button);
      const r = await fetch(target.url + (action && !action.startsWith('javascript') ? action : path), { method: 'POST', body, headers: { ...navigation, cookie, origin: target.url, ...target.headers }, redirect: 'manual' });
      await r.arrayBuffer();
      const location = r.headers.get('location');
      if (r.status !== 303 || !location) throw new Error(`POST ${path}: ${r.status}`);
      return new URL(location, target.url).pathname + new URL(location, target.url).search;
    });
  let path = await post('start', '/en/submit', await get('start', '/en/submit'), { name: 'token' });
  for (const [step, typed] of [['about', draftAbout], ['account', { ...draftAccount, narrative: distinctNarrative() }], ['files', {}], ['consent', draftConsent]] as const) {
    path = await post(step, path, await get(step, path), { name: 'step', value: step }, typed, { name: 'intent', value: 'next' });
  }
  const done = await post('submit', path, await get('review', path), { name: 'challenge' });
  await get('done', done);
}

try {
  for (let i = 0; i < runs + 2; i++) {
    for (const target of targets) {
      if (i === 2) target.costs.clear(); // two warm-up submissions each
      await submission(target);
    }
  }
  const names = [...targets[0]!.costs.keys()];
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.info(`${'ms of CPU'.padEnd(14)} ${targets.map((t) => t.label.padStart(28)).join(' ')}`);
  for (const name of names) console.info(`${name.padEnd(14)} ${targets.map((t) => mean(t.costs.get(name)!).toFixed(1).padStart(28)).join(' ')}`);
  console.info(`${'submission'.padEnd(14)} ${targets.map((t) => names.reduce((s, n) => s + mean(t.costs.get(n)!), 0).toFixed(1).padStart(28)).join(' ')}  (${runs} each)`);
} finally {
  await removeBenchAccounts(sql, [userId]);
  await sql.end();
}
