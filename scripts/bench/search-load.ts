// The search figures of `npm run bench` (scripts/bench.ts, issue 16 §5–6): the queries, and the
// flood — many connections sending distinct uncached searches while one reader, in a process of
// its own (so the flood's client does not slow the reader's clock), loads person pages.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { percentile } from './stats';

const firstNames = ['Mohamad', 'Husain', 'Saeed', 'Qasem'];
const lastNames = ['Gholipur', 'Gholipour', 'Rezaee', 'Rezaei', 'Mousavi', 'Musavi', 'Jafari', 'Ghasemi', 'Qasemi', 'Hosseyni'];

// More given names, with the same surnames, and Persian pairs: three times the first 52 queries, so a
// p95 is the 149th of 156 samples (7 above it) rather than the 50th of 52 (2 above it), which one
// slow request on a shared machine moved by a third (docs/benchmarks.md, "Search over HTTP").
const moreFirstNames = ['Mohammad', 'Hossein', 'Reza', 'Mehdi', 'Ali', 'Hamid', 'Ghasem', 'Saied'];
const persianFirstNames = ['رضا', 'مهدی', 'علی', 'حمید', 'جواد', 'مجید'];
const persianLastNames = ['قلی‌پور', 'رضایی', 'موسوی', 'جعفری'];

/** Names as people type them: Latin spelling variants, Persian with Arabic letters, with and without ZWNJ. */
export const nameQueries: readonly string[] = [
  ...firstNames.flatMap((f) => lastNames.map((l) => `${f} ${l}`)),
  'قلي پور', 'محمد رضایي', 'حسین موسوی', 'قلی‌پور', 'محمد قلیپور', 'حسين رضايي', 'سعید موسوی', 'قاسم جعفری',
  'علي حسيني', 'فاطمه احمدی', 'مريم کريمي', 'زهرا قاسمی',
  ...moreFirstNames.flatMap((f) => lastNames.map((l) => `${f} ${l}`)),
  ...persianFirstNames.flatMap((f) => persianLastNames.map((l) => `${f} ${l}`)),
];

/** Words of testimonies: a street and a city, in either script (40: issue 16 measures ≥ 40 distinct queries). */
export const textQueries: readonly string[] = ['Sattarkhan', 'Narmak', 'Valiasr', 'ستارخان', 'نارمک', 'Azadi', 'Enghelab', 'Ferdowsi', 'آزادی', 'انقلاب'].flatMap((street) =>
  ['Karaj', 'Shiraz', 'کرج', 'شیراز'].map((city) => `${street} ${city}`),
);

export type FloodResult = {
  reader: { requests: number; errors: number; p50: number; p99: number };
  flood: { requests: number; ok: number; refused: number; other: number; errors: number };
};

// The reader: sequential GETs of the paths for `seconds`, each timed; prints its samples as JSON.
const readerScript = `
const [base, seconds, ...paths] = process.argv.slice(1);
const until = Date.now() + Number(seconds) * 1000;
const samples = []; let errors = 0; let i = 0;
(async () => {
  while (Date.now() < until) {
    const t = performance.now();
    try { const r = await fetch(base + paths[i++ % paths.length]); await r.arrayBuffer(); if (r.status !== 200) errors++; } catch { errors++; }
    samples.push(performance.now() - t);
  }
  process.stdout.write(JSON.stringify({ samples, errors }));
})();`;

/** One reader alone for `seconds` (the baseline), or beside a flood of `connections` searching. */
export async function readerUnderFlood(appUrl: string, readerPaths: string[], seconds: number, connections: number): Promise<FloodResult> {
  const child = spawn(process.execPath, ['-e', readerScript, appUrl, String(seconds), ...readerPaths], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const readerDone = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let n = 0;
  // A new query every request (a name, a counter): none can be a cache hit.
  const query = () => `${nameQueries[n % nameQueries.length]} ${firstNames[n % firstNames.length]}${n++}`;
  const flood = connections
    ? await autocannon({
        url: appUrl,
        connections,
        duration: seconds,
        requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: `/en/search?q=${encodeURIComponent(query())}` }) }],
      })
    : null;
  await readerDone;
  const { samples, errors } = JSON.parse(out) as { samples: number[]; errors: number };
  const codes = (flood?.statusCodeStats ?? {}) as Record<string, { count: number }>;
  const count = (code: string) => codes[code]?.count ?? 0;
  const total = Object.values(codes).reduce((sum, c) => sum + c.count, 0);
  return {
    reader: { requests: samples.length, errors, p50: percentile(samples, 50), p99: percentile(samples, 99) },
    flood: { requests: total, ok: count('200'), refused: count('429'), other: total - count('200') - count('429'), errors: flood ? flood.errors + flood.timeouts : 0 },
  };
}
