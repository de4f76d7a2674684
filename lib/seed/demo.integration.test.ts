import { verify } from '@node-rs/argon2';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { open, sealPurposes } from '@/lib/crypto/secret-box';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import * as s from '../../db/schema';
import { demoPassphrase, demoTotpSecret, demoUsernames, seedDemo } from './demo';

// The demo runs with four-eyes off (it seeds the setting so), where no testimony waits for a second approval.
const lifecycle = s.testimonyStatus.enumValues.filter((status) => status !== 'awaiting_approval');

describe.each(testDatabases())('demo seed on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('seeds one collection with fictional persons and a testimony in every lifecycle state', async () => {
    const result = await seedDemo(ctx.db);
    expect(result.seeded).toBe(true);
    expect(await ctx.db.$count(s.collections)).toBe(1);
    const persons = await ctx.db.select().from(s.persons);
    expect(persons.length).toBeGreaterThanOrEqual(10);
    for (const p of persons) {
      expect(p.nameFa).toContain('(نمونه)');
      expect(p.nameLatin).toContain('(demo)');
      expect(p.nameSearch).not.toBe('');
    }
    expect(persons.some((p) => p.age !== null && p.age < 18)).toBe(true);
    expect(new Set(persons.map((p) => p.province)).size).toBeGreaterThan(5);

    const testimonies = await ctx.db.select().from(s.testimonies);
    expect(new Set(testimonies.map((t) => t.status))).toEqual(new Set(lifecycle));
    expect(new Set(testimonies.map((t) => t.language))).toEqual(new Set(['fa', 'en']));
    for (const t of testimonies) {
      expect(t.currentRevisionId).not.toBeNull();
      const published = t.status === 'published' || t.status === 'unpublished';
      expect(t.publishedRevisionId !== null).toBe(published);
    }
    for (const t of testimonies.filter((x) => x.publishedRevisionId)) {
      const [rev] = await ctx.db
        .select()
        .from(s.testimonyRevisions)
        .where(eq(s.testimonyRevisions.id, t.publishedRevisionId!));
      expect(rev!.redactedNarrative).toBeTruthy();
    }
  });

  it('creates one demo account per role with the documented passphrase; staff have 2FA', async () => {
    const users = await ctx.db.select().from(s.users).orderBy(s.users.username);
    expect(users.map((u) => [u.username, u.role, u.isDemo])).toEqual([
      [demoUsernames.admin, 'admin', true],
      [demoUsernames.moderator, 'moderator', true],
      [demoUsernames.submitter, 'submitter', true],
    ]);
    for (const u of users) {
      expect(u.passwordHash.startsWith('$argon2id$')).toBe(true);
      expect(await verify(u.passwordHash, demoPassphrase)).toBe(true);
      if (u.role === 'submitter') {
        expect(u.totpSecretEncrypted).toBeNull();
      } else {
        expect(u.totpSecretEncrypted).not.toContain(demoTotpSecret);
        expect(open(u.totpSecretEncrypted!, sealPurposes.totpSecret)).toBe(demoTotpSecret);
        expect(u.totpEnabledAt).toBeInstanceOf(Date);
      }
    }
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await Promise.all([s.persons, s.testimonies, s.users, s.testimonyRevisions].map((t) => ctx.db.$count(t)));
    expect((await seedDemo(ctx.db)).seeded).toBe(false);
    const after = await Promise.all([s.persons, s.testimonies, s.users, s.testimonyRevisions].map((t) => ctx.db.$count(t)));
    expect(after).toEqual(before);
    const [{ n }] = (await ctx.db.select({ n: count() }).from(s.collections)) as [{ n: number }];
    expect(n).toBe(1);
  });
});
