// The authorization matrix (issue 3): every server action and every route handler in app/,
// called by every kind of actor. A new action or route that is not listed here fails the suite,
// so nothing can be added unguarded. Each call goes through the real wrapper and the real access
// rule; only "who is asking" (the cookie → session lookup) and the database handle are supplied.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '@/lib/auth/sessions';
import { actionSpecKey, idle, type ServerAction } from '@/lib/actions/define-action';
import { describeAccess } from '@/lib/authz/access';
import { actorNames, createActors, type ActorName, type Actors } from '@/lib/testing/actors';
import { loadActions, loadRouteHandlers, routeFiles } from '@/lib/testing/app-handlers';
import { testDatabases, useTestDatabase, type TestDbContext } from '@/lib/testing/databases';
import { actionMatrix, routeMatrix, type Outcome } from '../testing/authz-matrix';

const state = vi.hoisted(() => ({ viewer: null as Viewer | null, db: undefined as unknown, driver: 'pglite' as string }));
vi.mock('@/lib/auth/viewer', () => ({ getViewer: async () => state.viewer }));
// Every call comes from the site itself: cross-site refusal is lib/security/csrf.security.integration.test.ts.
vi.mock('next/headers', async (original) => ({
  ...(await original<typeof import('next/headers')>()),
  headers: async () => new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }),
}));
vi.mock('@/db/client', async (original) => ({
  ...(await original<typeof import('@/db/client')>()),
  getDb: async () => state.db,
  // Never the process's real database (that would create a data folder and migrate it).
  getDbHandle: async () => ({ db: state.db, driver: state.driver, close: async () => {} }),
}));

/** What the wrapper answers to an empty form, by actor and declared access. */
function outcomeOf(result: { status: string; error?: string } | 'redirect'): Outcome {
  if (result === 'redirect') return 'allowed';
  if (result.status === 'error' && ['unauthenticated', 'second_factor_required', 'not_found'].includes(result.error!)) {
    return result.error as Outcome;
  }
  return 'allowed';
}

async function call(action: ServerAction<unknown>) {
  try {
    return await action(idle, new FormData());
  } catch (error) {
    if (error instanceof Error && /NEXT_REDIRECT/.test(String((error as { digest?: string }).digest ?? error.message))) {
      return 'redirect' as const;
    }
    throw error;
  }
}

describe.each(testDatabases())('authorization matrix on $name', (target) => {
  const ctx: TestDbContext = useTestDatabase(target);
  let actors: Actors;

  beforeAll(async () => {
    state.db = ctx.db;
    state.driver = target.name;
    actors = await createActors(ctx.db);
  });
  afterAll(() => {
    state.viewer = null;
  });

  it('lists every server action in app/, and each declares the access the matrix expects', async () => {
    const actions = await loadActions();
    expect([...actions.keys()].sort()).toEqual(Object.keys(actionMatrix).sort());
    for (const [name, { action }] of actions) {
      expect(describeAccess(action[actionSpecKey].access), name).toBe(describeAccess(actionMatrix[name]!.access));
    }
  });

  it('lists every route handler in app/', () => {
    expect([...routeFiles].sort()).toEqual(Object.keys(routeMatrix).sort());
  });

  for (const actor of actorNames) {
    it(`gives ${actor} exactly the actions it may use`, async () => {
      const actions = await loadActions();
      state.viewer = actors[actor].viewer;
      const seen: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const [name, { action }] of actions) {
        seen[name] = outcomeOf(await call(action));
        expected[name] = actionMatrix[name]!.expect(actor as ActorName);
      }
      expect(seen).toEqual(expected);
    });

    it(`answers ${actor} on every route as the matrix says`, async () => {
      state.viewer = actors[actor].viewer;
      for (const [file, methods] of Object.entries(routeMatrix)) {
        const handlers = await loadRouteHandlers(file);
        for (const [method, spec] of Object.entries(methods)) {
          const handler = handlers[method];
          expect(handler, `${file} ${method}`).toBeTypeOf('function');
          const response = await handler!(spec.request(), { params: Promise.resolve(spec.params ?? {}) });
          expect(response.status, `${file} ${method} for ${actor}`).toBe(spec.status(actor as ActorName));
        }
        expect(Object.keys(handlers).sort(), `${file} exports only the methods the matrix lists`).toEqual(Object.keys(methods).sort());
      }
    });
  }
});
