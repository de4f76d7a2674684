import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, invitations, users } from '@/db/schema';
import { createSession, resolveSession } from '@/lib/auth/sessions';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import {
  acceptInvitation,
  createInvitation,
  createSetupInvitation,
  hashInvitationToken,
  inspectInvitation,
  listPendingInvitations,
  revokeInvitation,
} from './invitations';
import { verifyPassphrase } from './passphrase';

const passphrase = 'violet harbour lantern quietly';

describe.each(testDatabases())('staff invitations on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  beforeAll(async () => {
    actors = await createActors(ctx.db);
  });
  const invite = (role: 'moderator' | 'admin' = 'moderator') => createInvitation(ctx.db, actors.admin.viewer, { role, locale: 'en' });

  it('stores only the sha256 of the token, and gives the link once', async () => {
    const created = await invite();
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.path).toBe(`/en/invite/${created.token}`);
    expect(created.expiresAt.getTime() - Date.now()).toBeGreaterThan(71.9 * 3600_000);
    const rows = await ctx.db.select().from(invitations);
    expect(rows.some((r) => r.tokenHash === hashInvitationToken(created.token))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(created.token);
    const pending = await listPendingInvitations(ctx.db, actors.admin.viewer);
    expect(JSON.stringify(pending)).not.toContain(created.token);
    expect(pending.at(-1)).toMatchObject({ role: 'moderator', createdBy: 'admin' });
    const [audit] = await ctx.db.select().from(auditEntries).where(eq(auditEntries.action, 'invitation.created'));
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it('creates the account with the invited role; the link then works no more', async () => {
    const created = await invite();
    expect(await inspectInvitation(ctx.db, created.token)).toMatchObject({ role: 'moderator', username: null });
    const user = await acceptInvitation(ctx.db, { token: created.token, username: 'new-mod', passphrase });
    expect(user.role).toBe('moderator');
    const [row] = await ctx.db.select().from(users).where(eq(users.id, user.userId));
    expect(await verifyPassphrase(row!.passwordHash, passphrase)).toBe(true);
    // Staff must enrol TOTP before anything else.
    expect((await resolveSession(ctx.db, await createSession(ctx.db, user.userId, false)))!.secondFactor).toBe('enrolment-required');
    expect(await inspectInvitation(ctx.db, created.token)).toBeNull();
    await expect(acceptInvitation(ctx.db, { token: created.token, username: 'second-try', passphrase })).rejects.toMatchObject({ code: 'not_found' });
    const [used] = await ctx.db.select().from(invitations).where(eq(invitations.tokenHash, hashInvitationToken(created.token)));
    expect(used).toMatchObject({ usedBy: user.userId });
  });

  it('two people racing with one link: exactly one account', async () => {
    const created = await invite();
    const results = await Promise.allSettled(
      ['racer-a', 'racer-b'].map((username) => acceptInvitation(ctx.db, { token: created.token, username, passphrase })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('an expired link is refused exactly like an unknown one', async () => {
    const created = await invite();
    await ctx.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.tokenHash, hashInvitationToken(created.token)));
    expect(await inspectInvitation(ctx.db, created.token)).toBeNull();
    expect(await inspectInvitation(ctx.db, 'x'.repeat(43))).toBeNull();
    await expect(acceptInvitation(ctx.db, { token: created.token, username: 'too-late', passphrase })).rejects.toMatchObject({ code: 'not_found' });
    await expect(acceptInvitation(ctx.db, { token: 'x'.repeat(43), username: 'guess', passphrase })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a taken username or common passphrase leaves the link usable', async () => {
    const created = await invite();
    await expect(acceptInvitation(ctx.db, { token: created.token, username: 'ADMIN', passphrase })).rejects.toMatchObject({ code: 'conflict' });
    await expect(acceptInvitation(ctx.db, { token: created.token, username: 'fine-name', passphrase: 'password1234' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await inspectInvitation(ctx.db, created.token)).not.toBeNull();
  });

  it('a revoked link leaves the pending list and is refused like an expired one; revoking is audited once', async () => {
    const created = await invite();
    const [row] = await ctx.db.select().from(invitations).where(eq(invitations.tokenHash, hashInvitationToken(created.token)));
    expect(await revokeInvitation(ctx.db, actors.admin.viewer, row!.id)).toBe(true);
    expect((await listPendingInvitations(ctx.db, actors.admin.viewer)).map((p) => p.id)).not.toContain(row!.id);
    expect(await inspectInvitation(ctx.db, created.token)).toBeNull();
    await expect(acceptInvitation(ctx.db, { token: created.token, username: 'revoked-link', passphrase })).rejects.toMatchObject({ code: 'not_found' });
    // Nothing pending any more: a second revoke changes nothing and logs nothing.
    expect(await revokeInvitation(ctx.db, actors.admin.viewer, row!.id)).toBe(false);
    const audits = await ctx.db.select().from(auditEntries).where(eq(auditEntries.action, 'invitation.revoked'));
    expect(audits.filter((a) => a.targetId === row!.id)).toHaveLength(1);
  });

  it('a moderator cannot revoke an invitation, and the link stays usable', async () => {
    const created = await invite();
    const [row] = await ctx.db.select().from(invitations).where(eq(invitations.tokenHash, hashInvitationToken(created.token)));
    await expect(revokeInvitation(ctx.db, actors.moderator.viewer, row!.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await inspectInvitation(ctx.db, created.token)).not.toBeNull();
  });

  it('the setup invitation fixes the username and makes an admin', async () => {
    const created = await createSetupInvitation(ctx.db, { username: 'first-admin' });
    expect(created.path).toMatch(/^\/en\/invite\//);
    expect(await inspectInvitation(ctx.db, created.token)).toMatchObject({ role: 'admin', username: 'first-admin' });
    const user = await acceptInvitation(ctx.db, { token: created.token, username: 'someone-else', passphrase });
    expect(user).toMatchObject({ username: 'first-admin', role: 'admin' });
    await expect(createSetupInvitation(ctx.db, { username: 'First-Admin' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(createSetupInvitation(ctx.db, { username: 'no spaces' })).rejects.toMatchObject({ code: 'invalid_input' });
    const [audit] = await ctx.db.select().from(auditEntries).where(eq(auditEntries.targetType, 'invitation')).orderBy(auditEntries.id);
    expect(audit!.action).toBe('invitation.created');
  });

  it('only admins may invite or list invitations', async () => {
    for (const name of ['submitterA', 'moderator'] as const) {
      await expect(createInvitation(ctx.db, actors[name].viewer, { role: 'moderator' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(listPendingInvitations(ctx.db, actors[name].viewer)).rejects.toMatchObject({ code: 'not_found' });
    }
    await expect(createInvitation(ctx.db, null, { role: 'admin' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(createInvitation(ctx.db, actors.admin.viewer, { role: 'submitter' as never })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
