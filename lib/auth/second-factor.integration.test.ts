import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries, users } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { createAccount } from './accounts';
import { signInWithPassphrase } from './credentials';
import { beginEnrolment, confirmEnrolment, pendingEnrolment, verifySecondFactor } from './second-factor';
import { resolveSession } from './sessions';
import { currentTotp } from './totp';
import { formGate } from '@/lib/testing/form-gate';

const passphrase = 'correct horse battery staple';

describe.each(testDatabases())('second factor on $name', (target) => {
  const ctx = useTestDatabase(target);
  let n = 0;

  async function session(username: string) {
    const result = await signInWithPassphrase(ctx.db, { username, passphrase });
    if (!result.ok) throw new Error('sign-in failed');
    return (await resolveSession(ctx.db, result.sessionId))!;
  }

  /** Presses "set up" and returns the secret the page then shows (the same on every view). */
  async function setUp(viewer: NonNullable<Awaited<ReturnType<typeof resolveSession>>>) {
    await beginEnrolment(ctx.db, viewer);
    const { secret } = (await pendingEnrolment(ctx.db, viewer))!;
    expect((await pendingEnrolment(ctx.db, viewer))!.secret).toBe(secret);
    return secret;
  }

  /** A moderator account with TOTP enrolled; returns the secret and the recovery codes. */
  async function enrolledModerator() {
    const username = `mod${++n}`;
    const { userId, recoveryCodes } = await createAccount(ctx.db, { ...formGate(),  username, passphrase });
    await ctx.db.update(users).set({ role: 'moderator' }).where(eq(users.id, userId));
    const first = await session(username);
    expect(first.secondFactor).toBe('enrolment-required');
    const secret = await setUp(first);
    const now = Math.floor(Date.now() / 1000);
    // Enrol with the previous step's code so the current one is still fresh for the tests below.
    await confirmEnrolment(ctx.db, first, await currentTotp(secret, now - 30));
    expect((await resolveSession(ctx.db, first.sessionId))!.secondFactor).toBe('verified');
    return { username, secret, recoveryCodes, now };
  }

  it('accepts a TOTP code once and rejects its replay', async () => {
    const { username, secret, now } = await enrolledModerator();
    const code = await currentTotp(secret, now);
    const a = await session(username);
    expect(a.secondFactor).toBe('required');
    await verifySecondFactor(ctx.db, a, code);
    expect((await resolveSession(ctx.db, a.sessionId))!.secondFactor).toBe('verified');
    const b = await session(username);
    await expect(verifySecondFactor(ctx.db, b, code)).rejects.toMatchObject({ fieldErrors: { code: 'codeInvalid' } });
    expect((await resolveSession(ctx.db, b.sessionId))!.secondFactor).toBe('required');
  });

  it('accepts a recovery code once', async () => {
    const { username, recoveryCodes } = await enrolledModerator();
    const a = await session(username);
    expect(await verifySecondFactor(ctx.db, a, recoveryCodes[3]!)).toEqual({ method: 'recovery_code' });
    const b = await session(username);
    await expect(verifySecondFactor(ctx.db, b, recoveryCodes[3]!)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('refuses a wrong enrolment code and throttles repeated failures', async () => {
    const username = `mod${++n}`;
    const { userId } = await createAccount(ctx.db, { ...formGate(),  username, passphrase });
    await ctx.db.update(users).set({ role: 'admin' }).where(eq(users.id, userId));
    const viewer = await session(username);
    const secret = await setUp(viewer);
    for (let i = 0; i < 5; i++) {
      await expect(confirmEnrolment(ctx.db, viewer, '000000')).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(confirmEnrolment(ctx.db, viewer, await currentTotp(secret))).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('a session that has not given its code cannot re-enrol over the existing secret', async () => {
    const { username } = await enrolledModerator();
    const viewer = await session(username);
    await expect(beginEnrolment(ctx.db, viewer)).rejects.toMatchObject({ code: 'conflict' });
    await expect(pendingEnrolment(ctx.db, viewer)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('viewing the enrolment writes nothing; only "set up" stores the pending secret, once, audited', async () => {
    const username = `sub${++n}`;
    const { userId } = await createAccount(ctx.db, { ...formGate(), username, passphrase });
    const viewer = await session(username);
    const stored = async () => (await ctx.db.select({ secret: users.totpSecretEncrypted }).from(users).where(eq(users.id, userId)))[0]!.secret;
    const audited = async () => (await ctx.db.select().from(auditEntries).where(and(eq(auditEntries.action, 'account.totp_setup_started'), eq(auditEntries.targetId, userId)))).length;
    expect(await pendingEnrolment(ctx.db, viewer)).toBeNull();
    expect(await stored()).toBeNull();
    await beginEnrolment(ctx.db, viewer);
    const sealed = await stored();
    expect(sealed).not.toBeNull();
    const shown = await pendingEnrolment(ctx.db, viewer);
    expect(shown!.qrSvg).toContain('<svg');
    // Pressing "set up" again (or a re-sent post) keeps the secret the authenticator may already hold.
    await beginEnrolment(ctx.db, viewer);
    expect(await stored()).toBe(sealed);
    expect((await pendingEnrolment(ctx.db, viewer))!.secret).toBe(shown!.secret);
    expect(await audited()).toBe(1);
  });
});
