// Whether the PostgreSQL server answers, asked by proxy.ts before it renders a page (docs/security.md,
// "Database outage"). A page that cannot read its data fails inside React, where Next can only send
// a 500 whose HTML needs JavaScript to show anything; asked first, the proxy can answer a translated
// 503 with Retry-After instead, and keep what a form posted without JavaScript carried.
//
// The probe has its own single connection (the proxy does not share the app's pool), answers are
// reused for a second so a busy site probes about once a second, and a probe never waits more than
// two seconds (an unreachable host must not hold every page for postgres.js's 30-second timeout).
import postgres from 'postgres';

const reuseForMs = 1_000;
const timeoutMs = 2_000;

type Probe = { url: string; sql: postgres.Sql; checkedAt: number; reachable: boolean; pending: Promise<boolean> | null };

const memo = globalThis as typeof globalThis & { __yadmanReachability?: Probe };

function probeFor(url: string): Probe {
  const current = memo.__yadmanReachability;
  if (current?.url === url) return current;
  void current?.sql.end({ timeout: 0 });
  const sql = postgres(url, { max: 1, connect_timeout: timeoutMs / 1000, idle_timeout: 60, onnotice: () => {} });
  memo.__yadmanReachability = { url, sql, checkedAt: 0, reachable: true, pending: null };
  return memo.__yadmanReachability;
}

/**
 * True when the database at `url` answered within the last second (or answers now). `fresh` asks
 * now unless a probe is already under way: a form posted without JavaScript is answered by the proxy
 * only if the database is down at that moment. Without a URL (PGlite, in this process) it is true.
 */
export function databaseReachable(url: string | undefined, { fresh = false } = {}): Promise<boolean> {
  if (!url) return Promise.resolve(true);
  const probe = probeFor(url);
  if (probe.pending) return probe.pending;
  if (!fresh && Date.now() - probe.checkedAt < reuseForMs) return Promise.resolve(probe.reachable);
  let timer: NodeJS.Timeout | undefined;
  const answer = probe.sql`select 1`.then(
    () => true,
    () => false,
  );
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  probe.pending = Promise.race([answer, late]).then((reachable) => {
    clearTimeout(timer);
    Object.assign(probe, { reachable, checkedAt: Date.now(), pending: null });
    return reachable;
  });
  return probe.pending;
}
