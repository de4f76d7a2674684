// Cross-site requests change nothing (issue 7, CSRF/origin): every server action found in app/ and
// every state-changing route handler, called with the admin's live session (the actor who may do
// the most) but from another site, is refused before anything is read or written. The database is
// compared table by table, content included, before and after. A control run from the site itself
// proves the refusal is not simply everything failing. Last, every GET route handler (as listed in
// the authorization matrix) is called and must leave the database exactly as it was.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '@/lib/auth/sessions';
import { idle } from '@/lib/actions/define-action';
import { routeMatrix } from '@/lib/testing/authz-matrix';
import { createActors } from '@/lib/testing/actors';
import { loadActions, loadRouteHandlers, routeFiles } from '@/lib/testing/app-handlers';
import { testDatabases, useTestDatabase, type TestDbContext } from '@/lib/testing/databases';
import { changedTables, databaseDigest, readSideEffects } from '@/lib/testing/digest';
import { recordFigure } from '@/lib/testing/security-figures';

const state = vi.hoisted(() => ({ viewer: null as Viewer | null, db: undefined as unknown, driver: 'pglite', headers: new Headers() }));
vi.mock('@/lib/auth/viewer', () => ({ getViewer: async () => state.viewer }));
vi.mock('next/headers', async (original) => ({
  ...(await original<typeof import('next/headers')>()),
  headers: async () => state.headers,
}));
vi.mock('@/db/client', async (original) => ({
  ...(await original<typeof import('@/db/client')>()),
  getDb: async () => state.db,
  getDbHandle: async () => ({ db: state.db, driver: state.driver, close: async () => {} }),
}));

const site = { host: 'localhost:3000' };
const crossSite: Record<string, Record<string, string>> = {
  'Origin: https://evil.example': { ...site, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  'Origin: null': { ...site, origin: 'null' },
  'Sec-Fetch-Site: cross-site': { ...site, origin: 'http://localhost:3000', 'sec-fetch-site': 'cross-site' },
};
const stateChanging = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** A form with one plausible value per common field, so a request that got through could act. */
function plausibleForm() {
  const form = new FormData();
  for (const [name, value] of Object.entries({ username: 'csrf-victim', passphrase: 'a long enough passphrase here', role: 'admin', reason: 'x' })) {
    form.set(name, value);
  }
  return form;
}

describe.each(testDatabases())('cross-site requests on $name', (target) => {
  const ctx: TestDbContext = useTestDatabase(target);

  beforeAll(async () => {
    state.db = ctx.db;
    state.driver = target.name;
    state.viewer = (await createActors(ctx.db)).admin.viewer;
  });
  afterAll(() => {
    state.viewer = null;
  });

  it('every server action refuses a cross-site request and nothing in the database changes', async () => {
    const actions = await loadActions();
    expect(actions.size).toBeGreaterThan(20);
    const before = await databaseDigest(ctx.db);
    const accepted: string[] = [];
    for (const [label, headers] of Object.entries(crossSite)) {
      state.headers = new Headers(headers);
      for (const [name, { action }] of actions) {
        const result = await action(idle, plausibleForm()).catch((error: unknown) => ({ status: 'threw', error: String(error) }));
        if (result.status !== 'error' || result.error !== 'cross_site') accepted.push(`${name} with ${label}`);
      }
    }
    const changed = changedTables(before, await databaseDigest(ctx.db));
    recordFigure({ figure: `server actions × 3 cross-site headers accepted (${target.name})`, measured: accepted.length, target: '0', ok: accepted.length === 0 });
    recordFigure({ figure: `tables changed by cross-site actions (${target.name})`, measured: changed.length, target: '0', ok: changed.length === 0 });
    expect(accepted).toEqual([]);
    expect(changed).toEqual([]);
  });

  it('the same actions from the site itself are not refused as cross-site (no over-blocking)', async () => {
    state.headers = new Headers({ ...site, origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' });
    const refused: string[] = [];
    for (const [name, { action }] of await loadActions()) {
      const result = await action(idle, new FormData()).catch(() => ({ status: 'threw' }));
      if (result.status === 'error' && 'error' in result && result.error === 'cross_site') refused.push(name);
    }
    expect(refused).toEqual([]);
  });

  it('every state-changing route handler refuses a cross-site request and nothing changes', async () => {
    const leaveRoute = 'app/[locale]/leave/route.ts';
    const before = await databaseDigest(ctx.db);
    const accepted: string[] = [];
    let checked = 0;
    for (const file of routeFiles) {
      for (const [method, handler] of Object.entries(await loadRouteHandlers(file))) {
        if (!stateChanging.includes(method)) continue;
        for (const [label, headers] of Object.entries(crossSite)) {
          checked += 1;
          const response = await handler(new Request('http://localhost:3000/en/x', { method, headers }), {
            params: Promise.resolve({ locale: 'en', id: '00000000-0000-4000-8000-000000000000' }),
          });
          // "Leave quickly" never stops a person: from another site it only sends the visitor on to the
          // neutral page, ending nothing and clearing nothing (the table digest below checks the rest).
          if (file === leaveRoute) {
            if (response.status !== 200 || response.headers.has('clear-site-data') || response.headers.has('set-cookie')) accepted.push(`${method} ${file} with ${label}: changed something`);
            continue;
          }
          if (response.status !== 403) accepted.push(`${method} ${file} with ${label}: ${response.status}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    const changed = changedTables(before, await databaseDigest(ctx.db));
    recordFigure({ figure: `route handlers × 3 cross-site headers accepted (${target.name})`, measured: accepted.length, target: '0', ok: accepted.length === 0 });
    expect(accepted).toEqual([]);
    expect(changed).toEqual([]);
  });

  it('no GET route handler changes anything, for the admin or for anyone', async () => {
    state.headers = new Headers({ ...site, 'sec-fetch-site': 'same-origin' });
    const viewers = [state.viewer, null];
    const before = await databaseDigest(ctx.db, readSideEffects);
    let calls = 0;
    for (const viewer of viewers) {
      state.viewer = viewer;
      for (const [file, methods] of Object.entries(routeMatrix)) {
        if (!methods.GET) continue;
        const handlers = await loadRouteHandlers(file);
        await handlers.GET!(methods.GET.request(), { params: Promise.resolve(methods.GET.params ?? {}) });
        calls += 1;
      }
    }
    state.viewer = viewers[0]!;
    const changed = changedTables(before, await databaseDigest(ctx.db, readSideEffects));
    recordFigure({ figure: `tables changed by GET route handlers (${target.name})`, measured: changed.length, target: '0', ok: changed.length === 0 });
    expect(calls).toBeGreaterThan(10);
    expect(changed).toEqual([]);
  });
});
