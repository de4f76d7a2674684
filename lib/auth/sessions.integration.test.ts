import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users, userSessions } from '@/db/schema';
import { createActors, insertUser } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { createSession, idleLimitMs, resolveSession, revokeSession, revokeUserSessions, sessionMaxAgeMs } from './sessions';

describe.each(testDatabases())('sessions on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('resolves each kind of actor, and nobody for a disabled account', async () => {
    const actors = await createActors(ctx.db);
    expect(actors.submitterA.viewer).toMatchObject({ role: 'submitter', secondFactor: 'not-needed' });
    expect(actors.moderator.viewer).toMatchObject({ role: 'moderator', secondFactor: 'verified' });
    expect(actors.moderatorWithout2fa.viewer).toMatchObject({ role: 'moderator', secondFactor: 'required' });
    expect(actors.admin.viewer).toMatchObject({ role: 'admin', secondFactor: 'verified' });
    expect(actors.disabled.viewer).toBeNull();
  });

  it('asks staff without TOTP to enrol', async () => {
    const userId = await insertUser(ctx.db, 'new-moderator', 'moderator');
    const viewer = await resolveSession(ctx.db, await createSession(ctx.db, userId, false));
    expect(viewer?.secondFactor).toBe('enrolment-required');
  });

  it('re-reads the role on every request', async () => {
    const userId = await insertUser(ctx.db, 'promoted', 'submitter');
    const sessionId = await createSession(ctx.db, userId, false);
    expect((await resolveSession(ctx.db, sessionId))?.role).toBe('submitter');
    await ctx.db.update(users).set({ role: 'moderator' }).where(eq(users.id, userId));
    expect((await resolveSession(ctx.db, sessionId))?.role).toBe('moderator');
  });

  it('ends a session idle longer than the limit of its role, and keeps an active one', async () => {
    const staffId = await insertUser(ctx.db, 'idle-moderator', 'moderator', { totp: true });
    const staffSession = await createSession(ctx.db, staffId, true);
    const submitterId = await insertUser(ctx.db, 'idle-submitter', 'submitter');
    const submitterSession = await createSession(ctx.db, submitterId, false);
    const hoursLater = (hours: number) => new Date(Date.now() + hours * 3_600_000);
    // Staff: two hours idle. Submitters: three (a phone may be seized; a few hours, not weeks).
    expect(idleLimitMs('moderator')).toBe(2 * 3_600_000);
    expect(idleLimitMs('submitter')).toBe(3 * 3_600_000);
    expect(await resolveSession(ctx.db, staffSession, hoursLater(2.5))).toBeNull();
    // Revoked for good: coming back "earlier" does not revive it.
    expect(await resolveSession(ctx.db, staffSession)).toBeNull();
    expect(await resolveSession(ctx.db, submitterSession, hoursLater(2.5))).not.toBeNull();
    // Activity renews it: idle is counted from the last request, not from sign-in.
    expect(await resolveSession(ctx.db, submitterSession, hoursLater(5))).not.toBeNull();
    expect(await resolveSession(ctx.db, submitterSession, hoursLater(8.5))).toBeNull();
    expect(await resolveSession(ctx.db, submitterSession)).toBeNull();
  });

  it('ends every session twelve hours after sign-in, however active', async () => {
    expect(sessionMaxAgeMs()).toBe(12 * 3_600_000);
    for (const role of ['submitter', 'moderator'] as const) {
      const userId = await insertUser(ctx.db, `busy-${role}`, role, { totp: role === 'moderator' });
      const sessionId = await createSession(ctx.db, userId, true);
      // A request every hour (within every idle limit) until the absolute limit.
      for (let hour = 1; hour <= 11; hour++) expect(await resolveSession(ctx.db, sessionId, new Date(Date.now() + hour * 3_600_000))).not.toBeNull();
      expect(await resolveSession(ctx.db, sessionId, new Date(Date.now() + 12.1 * 3_600_000))).toBeNull();
      expect(await resolveSession(ctx.db, sessionId, new Date(Date.now() + 11.5 * 3_600_000))).toBeNull();
    }
  });

  it('refuses revoked sessions, unknown ids and malformed ids', async () => {
    const userId = await insertUser(ctx.db, 'revoked', 'submitter');
    const sessionId = await createSession(ctx.db, userId, false);
    await revokeSession(ctx.db, sessionId);
    expect(await resolveSession(ctx.db, sessionId)).toBeNull();
    expect(await resolveSession(ctx.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await resolveSession(ctx.db, "x' or 1=1 --")).toBeNull();
  });

  it('revokes every session of a user, or every other one', async () => {
    const userId = await insertUser(ctx.db, 'many-devices', 'submitter');
    const [one, two, three] = [
      await createSession(ctx.db, userId, false),
      await createSession(ctx.db, userId, false),
      await createSession(ctx.db, userId, false),
    ];
    await revokeUserSessions(ctx.db, userId, { except: one });
    expect(await resolveSession(ctx.db, one)).not.toBeNull();
    expect(await resolveSession(ctx.db, two)).toBeNull();
    expect(await resolveSession(ctx.db, three)).toBeNull();
    await revokeUserSessions(ctx.db, userId);
    expect(await resolveSession(ctx.db, one)).toBeNull();
    const live = await ctx.db.select().from(userSessions).where(eq(userSessions.userId, userId));
    expect(live.every((s) => s.revokedAt)).toBe(true);
  });
});
