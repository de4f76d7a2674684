import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, recoveryCodes, users } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import { createSession, resolveSession, type Viewer } from '@/lib/auth/sessions';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { createActors, insertUser, type Actors } from '@/lib/testing/actors';
import { listUsers } from './list';
import { changeRole, disableUser, enableUser, resetTwoFactor, signOutEverywhereFor } from './manage';
import { UserChangeRefused } from './refusals';

describe.each(testDatabases())('user administration on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  let admin: Viewer;
  beforeAll(async () => {
    actors = await createActors(ctx.db);
    admin = actors.admin.viewer!;
  });
  const lastAudit = async () => (await ctx.db.select().from(auditEntries).orderBy(auditEntries.id)).at(-1)!;

  it('a role change is seen on the target’s next request', async () => {
    const userId = await insertUser(ctx.db, 'promoted', 'submitter');
    const sessionId = await createSession(ctx.db, userId, false);
    expect((await resolveSession(ctx.db, sessionId))!.role).toBe('submitter');
    await changeRole(ctx.db, admin, { userId, role: 'moderator' });
    const after = await resolveSession(ctx.db, sessionId);
    expect(after!.role).toBe('moderator');
    // A new moderator has no authenticator yet: staff pages stay closed until enrolment.
    expect(after!.secondFactor).toBe('enrolment-required');
    expect(await lastAudit()).toMatchObject({ action: 'user.role_changed', targetId: userId, details: { from: 'submitter', to: 'moderator' } });
  });

  it('disabling ends the user’s existing sessions at once; enabling does not revive them', async () => {
    const userId = await insertUser(ctx.db, 'to-disable', 'submitter');
    const one = await createSession(ctx.db, userId, false);
    const two = await createSession(ctx.db, userId, false);
    await disableUser(ctx.db, admin, userId);
    expect(await resolveSession(ctx.db, one)).toBeNull();
    expect(await resolveSession(ctx.db, two)).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: 'user.disabled', actorId: admin.userId, targetId: userId });
    await enableUser(ctx.db, admin, userId);
    expect(await resolveSession(ctx.db, one)).toBeNull();
    const [row] = await ctx.db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId));
    expect(row!.disabledAt).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: 'user.enabled', targetId: userId });
  });

  it('resetting 2FA forgets the secret and recovery codes and ends the sessions', async () => {
    const userId = await insertUser(ctx.db, 'lost-phone', 'moderator', { totp: true });
    await ctx.db.update(users).set({ totpSecretEncrypted: 'sealed', totpLastStep: 123 }).where(eq(users.id, userId));
    await ctx.db.insert(recoveryCodes).values({ userId, codeHash: 'h' });
    const sessionId = await createSession(ctx.db, userId, true);
    await resetTwoFactor(ctx.db, admin, userId);
    const [row] = await ctx.db.select().from(users).where(eq(users.id, userId));
    expect(row).toMatchObject({ totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null });
    expect(await ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId))).toEqual([]);
    expect(await resolveSession(ctx.db, sessionId)).toBeNull();
    // Signing in again lands in enrolment, not in the staff pages.
    const fresh = await createSession(ctx.db, userId, false);
    expect((await resolveSession(ctx.db, fresh))!.secondFactor).toBe('enrolment-required');
    expect(await lastAudit()).toMatchObject({ action: 'user.totp_reset', targetId: userId });
  });

  it('sign out everywhere ends every session but keeps the account usable', async () => {
    const userId = await insertUser(ctx.db, 'seized-phone', 'submitter');
    const sessionId = await createSession(ctx.db, userId, false);
    await signOutEverywhereFor(ctx.db, admin, userId);
    expect(await resolveSession(ctx.db, sessionId)).toBeNull();
    expect(await resolveSession(ctx.db, await createSession(ctx.db, userId, false))).not.toBeNull();
    expect(await lastAudit()).toMatchObject({ action: 'user.sessions_revoked', targetId: userId });
  });

  it('an admin cannot demote or disable themselves', async () => {
    await expect(changeRole(ctx.db, admin, { userId: admin.userId, role: 'moderator' })).rejects.toThrow(UserChangeRefused);
    await expect(disableUser(ctx.db, admin, admin.userId)).rejects.toMatchObject({ reason: 'self' });
    expect((await resolveSession(ctx.db, admin.sessionId))!.role).toBe('admin');
  });

  it('never leaves zero active admins, even when two admins demote each other at once', async () => {
    const second = await insertUser(ctx.db, 'second-admin', 'admin', { totp: true });
    const secondViewer = (await resolveSession(ctx.db, await createSession(ctx.db, second, true)))!;
    const results = await Promise.allSettled([
      changeRole(ctx.db, admin, { userId: second, role: 'moderator' }),
      changeRole(ctx.db, secondViewer, { userId: admin.userId, role: 'moderator' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ reason: 'last_admin' });
    const admins = await ctx.db.select().from(users).where(eq(users.role, 'admin'));
    expect(admins.filter((a) => !a.disabledAt)).toHaveLength(1);
  });

  it('unknown or malformed user ids are a 404', async () => {
    await expect(disableUser(ctx.db, admin, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found' });
    await expect(enableUser(ctx.db, admin, 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('submitters and moderators calling these functions get not_found, and nothing changes', async () => {
    const victim = actors.submitterB.userId!;
    for (const name of ['submitterA', 'moderator'] as const) {
      const viewer = actors[name].viewer;
      await expect(listUsers(ctx.db, viewer)).rejects.toMatchObject({ code: 'not_found' });
      await expect(changeRole(ctx.db, viewer, { userId: viewer!.userId, role: 'admin' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(disableUser(ctx.db, viewer, victim)).rejects.toMatchObject({ code: 'not_found' });
      await expect(enableUser(ctx.db, viewer, victim)).rejects.toMatchObject({ code: 'not_found' });
      await expect(resetTwoFactor(ctx.db, viewer, victim)).rejects.toMatchObject({ code: 'not_found' });
      await expect(signOutEverywhereFor(ctx.db, viewer, victim)).rejects.toMatchObject({ code: 'not_found' });
    }
    await expect(disableUser(ctx.db, null, victim)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(disableUser(ctx.db, actors.moderatorWithout2fa.viewer, victim)).rejects.toMatchObject({ code: 'second_factor_required' });
    expect(await resolveSession(ctx.db, actors.submitterB.viewer!.sessionId)).not.toBeNull();
    expect((await resolveSession(ctx.db, actors.submitterA.viewer!.sessionId))!.role).toBe('submitter');
  });

  it('the audit chain stays intact', async () => {
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });
});
