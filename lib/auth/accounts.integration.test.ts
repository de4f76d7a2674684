import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries, users, userSessions } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { changePassphrase, createAccount, getAccountOverview, setEmail, signOutEverywhere } from './accounts';
import { signInWithPassphrase } from './credentials';
import { consumeRecoveryCode } from './recovery-codes';
import { resolveSession } from './sessions';
import { rules } from '@/lib/abuse/limits';
import { formGate } from '@/lib/testing/form-gate';

const passphrase = 'correct horse battery staple';

describe.each(testDatabases())('accounts on $name', (target) => {
  const ctx = useTestDatabase(target);
  let n = 0;
  const unique = (base: string) => `${base}${++n}`;

  async function signedIn(username: string, pass = passphrase) {
    const result = await signInWithPassphrase(ctx.db, { username, passphrase: pass });
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    return (await resolveSession(ctx.db, result.sessionId))!;
  }

  it('creates a submitter from a username and passphrase alone, with one-time recovery codes', async () => {
    const username = unique('witness');
    const { userId, recoveryCodes } = await createAccount(ctx.db, { ...formGate(),  username, passphrase });
    expect(recoveryCodes).toHaveLength(10);
    const [row] = await ctx.db.select().from(users).where(eq(users.id, userId));
    expect(row).toMatchObject({ role: 'submitter', emailEncrypted: null });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await consumeRecoveryCode(ctx.db, userId, recoveryCodes[0]!.toUpperCase())).toBe(true);
    expect(await consumeRecoveryCode(ctx.db, userId, recoveryCodes[0]!)).toBe(false);
    const [audit] = await ctx.db.select().from(auditEntries).where(and(eq(auditEntries.targetId, userId), eq(auditEntries.action, 'account.created')));
    expect(JSON.stringify(audit!.details)).not.toContain(passphrase);
  });

  it('refuses a username that differs only by case or letter variant', async () => {
    const base = unique('Ali');
    await createAccount(ctx.db, { ...formGate(),  username: base, passphrase });
    await expect(createAccount(ctx.db, { ...formGate(),  username: base.toLowerCase(), passphrase })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { username: 'usernameTaken' },
    });
    const persian = unique('علي');
    await createAccount(ctx.db, { ...formGate(),  username: persian, passphrase });
    await expect(createAccount(ctx.db, { ...formGate(),  username: persian.replace('ي', 'ی'), passphrase })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('gives the same answer for an unknown user and a wrong passphrase', async () => {
    const username = unique('known');
    await createAccount(ctx.db, { ...formGate(),  username, passphrase });
    const wrong = await signInWithPassphrase(ctx.db, { username, passphrase: 'not the passphrase at all' });
    const unknown = await signInWithPassphrase(ctx.db, { username: unique('nobody'), passphrase });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('after five failures asks for the form gate, even with the right passphrase, and lets the owner in with it', async () => {
    const username = unique('target');
    await createAccount(ctx.db, { ...formGate(),  username, passphrase });
    for (let i = 0; i < rules['sign-in'].account()!; i++) {
      expect(await signInWithPassphrase(ctx.db, { username, passphrase: 'wrong wrong wrong' })).toMatchObject({ reason: 'invalid' });
    }
    expect(await signInWithPassphrase(ctx.db, { username, passphrase })).toEqual({ ok: false, reason: 'challenge_failed' });
    expect(await signInWithPassphrase(ctx.db, { username, passphrase, gate: formGate() })).toMatchObject({ ok: true });
    // Other accounts are not affected.
    const other = unique('bystander');
    await createAccount(ctx.db, { ...formGate(),  username: other, passphrase });
    expect(await signInWithPassphrase(ctx.db, { username: other, passphrase })).toMatchObject({ ok: true });
  });

  it('refuses a disabled user like a wrong passphrase', async () => {
    const username = unique('disabled');
    const { userId } = await createAccount(ctx.db, { ...formGate(),  username, passphrase });
    await ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId));
    expect(await signInWithPassphrase(ctx.db, { username, passphrase })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('changing the passphrase ends the other sessions but keeps the current one', async () => {
    const username = unique('mover');
    await createAccount(ctx.db, { ...formGate(),  username, passphrase });
    const here = await signedIn(username);
    const elsewhere = await signedIn(username);
    await expect(changePassphrase(ctx.db, here, { currentPassphrase: 'wrong passphrase here', passphrase: 'a brand new passphrase' })).rejects.toMatchObject({
      fieldErrors: { currentPassphrase: 'passphraseWrong' },
    });
    await changePassphrase(ctx.db, here, { currentPassphrase: passphrase, passphrase: 'a brand new passphrase' });
    expect(await resolveSession(ctx.db, here.sessionId)).not.toBeNull();
    expect(await resolveSession(ctx.db, elsewhere.sessionId)).toBeNull();
    expect(await signInWithPassphrase(ctx.db, { username, passphrase })).toMatchObject({ ok: false });
    expect(await signInWithPassphrase(ctx.db, { username, passphrase: 'a brand new passphrase' })).toMatchObject({ ok: true });
  });

  it('signing out everywhere ends every session, the current one included', async () => {
    const username = unique('leaver');
    const { userId } = await createAccount(ctx.db, { ...formGate(),  username, passphrase });
    const here = await signedIn(username);
    await signedIn(username);
    await signOutEverywhere(ctx.db, here);
    expect(await resolveSession(ctx.db, here.sessionId)).toBeNull();
    const alive = await ctx.db.select().from(userSessions).where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
    expect(alive).toHaveLength(0);
  });

  it('keeps an optional e-mail sealed and can remove it', async () => {
    const username = unique('mailer');
    const { userId } = await createAccount(ctx.db, { ...formGate(),  username, passphrase });
    const viewer = await signedIn(username);
    await setEmail(ctx.db, viewer, 'someone@example.org');
    const [row] = await ctx.db.select().from(users).where(eq(users.id, userId));
    expect(row!.emailEncrypted).not.toContain('someone');
    expect((await getAccountOverview(ctx.db, viewer)).email).toBe('someone@example.org');
    await setEmail(ctx.db, viewer, '');
    expect((await getAccountOverview(ctx.db, viewer)).email).toBeNull();
  });
});
