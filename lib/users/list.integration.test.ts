import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/sessions';
import { createActors, insertUser } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { listUsers } from './list';
import { disableUser } from './manage';

describe.each(testDatabases())('listUsers on $name', (target) => {
  const ctx = useTestDatabase(target);
  let admin: Viewer;
  beforeAll(async () => {
    admin = (await createActors(ctx.db)).admin.viewer!;
    for (let i = 0; i < 5; i++) await insertUser(ctx.db, `Reader_${i}`, 'submitter');
    await insertUser(ctx.db, 'rea%der', 'submitter');
    await disableUser(ctx.db, admin, await insertUser(ctx.db, 'reader-gone', 'submitter'));
  });

  it('returns DTOs only: no hash, secret or e-mail', async () => {
    const page = await listUsers(ctx.db, admin, { q: 'admin' });
    expect(page.items).toHaveLength(1);
    expect(Object.keys(page.items[0]!).sort()).toEqual(['createdAt', 'disabled', 'id', 'lastSeenAt', 'role', 'twoFactorEnrolled', 'username']);
    expect(page.items[0]).toMatchObject({ username: 'admin', role: 'admin', twoFactorEnrolled: true, disabled: false });
    expect(page.items[0]!.lastSeenAt).toBeInstanceOf(Date);
  });

  it('searches case-insensitively; % and _ are literal characters', async () => {
    expect((await listUsers(ctx.db, admin, { q: 'READER_' })).items.map((u) => u.username)).toHaveLength(5);
    expect((await listUsers(ctx.db, admin, { q: 'a%d' })).items.map((u) => u.username)).toEqual(['rea%der']);
  });

  it('filters by role and disabled state', async () => {
    expect((await listUsers(ctx.db, admin, { role: 'moderator' })).items.map((u) => u.username).sort()).toEqual(['moderator', 'moderator-pending']);
    expect((await listUsers(ctx.db, admin, { q: 'reader', disabled: true })).items.map((u) => u.username)).toEqual(['reader-gone']);
  });

  it('pages by username without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listUsers(ctx.db, admin, { q: 'reader', cursor, limit: 2 });
      seen.push(...page.items.map((u) => u.username));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(6);
    expect([...seen].map((s) => s.toLowerCase())).toEqual([...seen].map((s) => s.toLowerCase()).sort());
  });
});
