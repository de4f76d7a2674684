import { describe, expect, it } from 'vitest';
import journal from '@/db/migrations/meta/_journal.json';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { checkHealth } from './check';

// The newest migration in the journal, so adding a migration does not break this test.
const latest = journal.entries.at(-1)!.tag;

describe.each(testDatabases())('health on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('reports the database reachable with the latest applied migration', async () => {
    const health = await checkHealth(async () => ctx.handle);
    expect(health).toEqual({ status: 'ok', database: 'reachable', driver: target.name, migration: latest });
  });
});

describe('health when the database cannot be opened', () => {
  it('reports unreachable without leaking the error', async () => {
    const health = await checkHealth(() => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432 secret')));
    expect(health.status).toBe('error');
    expect(health.database).toBe('unreachable');
    expect(JSON.stringify(health)).not.toMatch(/10\.0\.0\.5|secret|ECONN/);
  });
});
