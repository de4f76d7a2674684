import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import { insertUser } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { createSession, revokeSession } from './sessions';

const state = vi.hoisted(() => ({ cookie: undefined as string | undefined, db: undefined as unknown, secret: 'a test secret of enough length for the derivation' }));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => (state.cookie === undefined ? undefined : { value: state.cookie }) }) }));
vi.mock('@/lib/env.mjs', async (original) => {
  const actual = await original<typeof import('@/lib/env.mjs')>();
  return { ...actual, env: () => ({ ...actual.env(), AUTH_SECRET: state.secret }) };
});
// Auth.js's full configuration imports next/server, which vitest cannot load; only the cookie's name is read.
vi.mock('./next-auth', () => ({ sessionCookieName: () => 'yadman.session' }));
vi.mock('@/db/client', async (original) => ({ ...(await original<typeof import('@/db/client')>()), getDb: async () => state.db }));
const { getViewer } = await import('./viewer');

describe.each(testDatabases())('the viewer of a request on $name', (target) => {
  const ctx = useTestDatabase(target);

  // The cookie's decryption is remembered (lib/auth/session-token.ts); the session's end must not be.
  it('is nobody on the request after the session ended, with the same cookie as before', async () => {
    state.db = ctx.db;
    const userId = await insertUser(ctx.db, `viewer-${Date.now()}`, 'submitter');
    const sid = await createSession(ctx.db, userId, false);
    state.cookie = await encode({ token: { sub: userId, sid }, secret: state.secret, salt: 'yadman.session' });
    expect((await getViewer())?.userId).toBe(userId);
    expect((await getViewer())?.userId).toBe(userId);
    await revokeSession(ctx.db, sid);
    expect(await getViewer()).toBeNull();
  });

  it('is nobody for a cookie that does not decrypt, or none', async () => {
    state.db = ctx.db;
    state.cookie = 'not-a-session-token';
    expect(await getViewer()).toBeNull();
    state.cookie = undefined;
    expect(await getViewer()).toBeNull();
  });
});
