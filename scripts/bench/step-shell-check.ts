// The consent step spliced into its shell against the page Next renders (e2e/step-splice.e2e.ts's
// comparison, without a browser): one fresh account and draft on BENCH_DATABASE_URL, removed after.
// Needs a running server of this build (scripts/server.mjs) at CHECK_URL.
//   CHECK_URL=http://127.0.0.1:4360 BENCH_DATABASE_URL=… npx tsx --conditions=react-server scripts/bench/step-shell-check.ts
import { encode } from 'next-auth/jwt';
import { createDb } from '../../db/client';
import { createSession, resolveSession } from '../../lib/auth/sessions';
import { developmentSecret } from '../../lib/crypto/secret-box';
import { insertUser } from '../../lib/testing/actors';
import { createDraft, saveDraftStep } from '../../lib/testimonies';
import { removeBenchAccounts } from './write-path';
import { formToken } from '../../lib/testing/testimony-fixtures';
import { readPage, resolve } from '../../lib/testing/flight-page';

const base = process.env.CHECK_URL!;
const { db } = await createDb({ driver: 'postgres', url: process.env.BENCH_DATABASE_URL!, max: 2 });
const sql = (db as unknown as { $client: import('postgres').Sql }).$client;
const userId = await insertUser(db, `bench-check-${Date.now()}`, 'submitter');
const sid = await createSession(db, userId, false);
const viewer = (await resolveSession(db, sid))!;
const cookie = `yadman.session=${await encode({ token: { sub: userId, sid }, secret: process.env.AUTH_SECRET ?? developmentSecret, salt: 'yadman.session' })}`;
const headers = { accept: 'text/html', 'sec-fetch-dest': 'document', cookie, 'accept-encoding': 'identity' };
const nonceOf = (h: Headers) => /'nonce-([^']+)'/.exec(h.get('content-security-policy') ?? '')![1]!;
let bad = 0;
async function compare(path: string) {
  const a = await fetch(base + path, { headers, redirect: 'manual' });
  const b = await fetch(base + path + '?zz=1', { headers, redirect: 'manual' });
  const ta = (await a.text()).replaceAll(nonceOf(a.headers), 'NONCE');
  const tb = (await b.text()).replaceAll(nonceOf(b.headers), 'NONCE').replaceAll('?zz=1', '');
  const ha = [...a.headers].filter(([n]) => !['date', 'content-length', 'x-cache', 'transfer-encoding', 'connection', 'keep-alive'].includes(n)).map(([n, v]) => `${n}: ${v.replaceAll(nonceOf(a.headers), 'N').replace(/, <[^>]*>; rel=preload[^,]*/g, '')}`).sort().join('\n');
  const hb = [...b.headers].filter(([n]) => !['date', 'content-length', 'x-cache', 'transfer-encoding', 'connection', 'keep-alive'].includes(n)).map(([n, v]) => `${n}: ${v.replaceAll(nonceOf(b.headers), 'N').replace(/, <[^>]*>; rel=preload[^,]*/g, '')}`).sort().join('\n');
  const pa = readPage(ta, 'NONCE'), pb = readPage(tb, 'NONCE');
  const ra = pa.rest, rb = pb.rest;
  const trA = JSON.stringify(resolve(pa.rows, pa.rows.get('0'))), trB = JSON.stringify(resolve(pb.rows, pb.rows.get('0')));
  let at = 0;
  while (at < ra.length && ra[at] === rb[at]) at++;
  const same = ra === rb && trA === trB;
  if (ra === rb && trA !== trB) { let k = 0; while (trA[k] === trB[k]) k++; console.info('TREE differs: ' + trA.slice(k - 200, k + 200) + '\n  vs ' + trB.slice(k - 200, k + 200)); }
  if (!same || ha !== hb) bad++;
  console.info(`${path} x-cache=${a.headers.get('x-cache')} / ${b.headers.get('x-cache')} bytes ${ta.length}/${tb.length} ${same ? 'SAME' : `DIFFER at ${at}:\n  spliced: ${ra.slice(at - 150, at + 150)}\n  next:    ${rb.slice(at - 150, at + 150)}`} headers ${ha === hb ? 'SAME' : `DIFFER\n${ha}\n--\n${hb}`}`);
}
try {
  const { id } = await createDraft(db, viewer, { token: formToken(), language: 'fa' });
  for (const locale of ['en', 'fa']) await compare(`/${locale}/submit/${id}/files`);
  for (const locale of ['en', 'fa']) await compare(`/${locale}/submit/${id}/consent`);
  for (const creditName of ['a"b\'c<d>e&f', '$x', '</script><script>alert(1)</script>', 'x\u2028y', 'back\\slash', 'مادرِ Navid ۱۲۳', '']) {
    await saveDraftStep(db, viewer, { testimonyId: id, step: 'consent', values: { publish: 'public', credit: 'chosen_name', creditName, mayContact: 'yes' } });
    for (const locale of ['en', 'fa']) await compare(`/${locale}/submit/${id}/consent`);
  }
  console.info(bad ? `${bad} DIFFER` : 'ALL SAME');
  process.exitCode = bad ? 1 : 0;
} finally {
  await removeBenchAccounts(sql, [userId]);
  await sql.end();
}
