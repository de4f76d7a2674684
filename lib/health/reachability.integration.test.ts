// The proxy's database probe: true against a running server, false (quickly) where nothing listens.
import { afterAll, describe, expect, it } from 'vitest';
import { databaseReachable } from './reachability';

const closedPort = 'postgres://postgres@127.0.0.1:9/nothing';
const server = process.env.TEST_DATABASE_URL;

afterAll(async () => {
  await (globalThis as { __yadmanReachability?: { sql: { end: (o: object) => Promise<void> } } }).__yadmanReachability?.sql.end({ timeout: 0 });
});

describe('database reachability probe', () => {
  it('without a URL (PGlite in this process) the database is always there', async () => {
    expect(await databaseReachable(undefined)).toBe(true);
  });

  it('nothing listening: unreachable, within the two-second bound, every time it is asked afresh', async () => {
    for (let i = 0; i < 2; i++) {
      const started = Date.now();
      expect(await databaseReachable(closedPort, { fresh: true })).toBe(false);
      expect(Date.now() - started).toBeLessThan(2_500);
    }
  });

  it.runIf(server)('a running PostgreSQL server: reachable, and the answer is shared by callers at once', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => databaseReachable(server, { fresh: true })));
    expect(answers.every(Boolean)).toBe(true);
    expect(await databaseReachable(server)).toBe(true);
  });
});
