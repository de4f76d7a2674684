import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '@/db/schema';
import { rules } from '@/lib/abuse/limits';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { formGate } from '@/lib/testing/form-gate';
import { createAccount, getAccountOverview, regenerateRecoveryCodes } from './accounts';
import { signInWithPassphrase } from './credentials';
import { recoverAccount } from './recovery';
import { resolveSession } from './sessions';

const passphrase = 'correct horse battery staple';
const fresh = 'a river of lanterns at dusk';

describe.each(testDatabases())('recovering a lost passphrase on $name', (target) => {
  const ctx = useTestDatabase(target);
  let n = 0;
  const unique = (base: string) => `${base}${++n}`;

  async function account() {
    const username = unique('mother');
    const { userId, recoveryCodes } = await createAccount(ctx.db, { ...formGate(), username, passphrase });
    return { username, userId, codes: recoveryCodes };
  }

  async function signIn(username: string, pass: string) {
    const result = await signInWithPassphrase(ctx.db, { username, passphrase: pass });
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    return (await resolveSession(ctx.db, result.sessionId))!;
  }

  it('sets a new passphrase with one code, spends the code, ends every session and writes the audit log', async () => {
    const { username, userId, codes } = await account();
    const phone = await signIn(username, passphrase);
    const laptop = await signIn(username, passphrase);

    const result = await recoverAccount(ctx.db, { username: username.toUpperCase(), code: codes[3]!.toUpperCase().replace(/-/g, ' '), passphrase: fresh });

    expect(result).toEqual({ remainingCodes: 9 });
    expect(await resolveSession(ctx.db, phone.sessionId)).toBeNull();
    expect(await resolveSession(ctx.db, laptop.sessionId)).toBeNull();
    expect(await signInWithPassphrase(ctx.db, { username, passphrase })).toMatchObject({ ok: false });
    expect(await signInWithPassphrase(ctx.db, { username, passphrase: fresh })).toMatchObject({ ok: true });
    await expect(recoverAccount(ctx.db, { username, code: codes[3]!, passphrase: 'yet another long passphrase' })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { code: 'recoveryRefused' },
    });
    const audit = await ctx.db.select().from(auditEntries).where(and(eq(auditEntries.targetId, userId), eq(auditEntries.action, 'account.recovered')));
    expect(audit).toHaveLength(1);
    const details = JSON.stringify(audit[0]!.details);
    expect(details).not.toContain(fresh);
    expect(details).not.toContain(codes[3]!);
  });

  it('gives the same refusal for an unknown username, a wrong code and another account’s code', async () => {
    const owner = await account();
    const other = await account();
    const answers = await Promise.all([
      recoverAccount(ctx.db, { username: unique('nobody'), code: owner.codes[0]!, passphrase: fresh }).catch((e: unknown) => e),
      recoverAccount(ctx.db, { username: owner.username, code: 'abcd-efgh-jkmn', passphrase: fresh }).catch((e: unknown) => e),
      recoverAccount(ctx.db, { username: owner.username, code: other.codes[0]!, passphrase: fresh }).catch((e: unknown) => e),
    ]);
    for (const answer of answers) expect(answer).toMatchObject({ code: 'invalid_input', fieldErrors: { code: 'recoveryRefused' } });
    // Nothing changed: the owner still signs in with the old passphrase, and every code still works once.
    expect(await signInWithPassphrase(ctx.db, { username: owner.username, passphrase })).toMatchObject({ ok: true });
    expect(await recoverAccount(ctx.db, { username: other.username, code: other.codes[0]!, passphrase: fresh })).toEqual({ remainingCodes: 9 });
  });

  it('delays guessing per account without holding back the passphrase or other accounts', async () => {
    const { username, codes } = await account();
    for (let i = 0; i < rules.recovery.account()!; i++) {
      await expect(recoverAccount(ctx.db, { username, code: 'zzzz-zzzz-zzzz', passphrase: fresh })).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(recoverAccount(ctx.db, { username, code: codes[0]!, passphrase: fresh })).rejects.toMatchObject({ code: 'rate_limited' });
    // A delay, not a lock: sign-in with the passphrase is counted separately and still works.
    expect(await signInWithPassphrase(ctx.db, { username, passphrase })).toMatchObject({ ok: true });
    // Another account is not held back by this one's counter.
    const bystander = await account();
    expect(await recoverAccount(ctx.db, { username: bystander.username, code: bystander.codes[0]!, passphrase: fresh })).toEqual({ remainingCodes: 9 });
  });

  it('says when the last code is spent, and new codes made while signed in void the old ones', async () => {
    const { username, codes } = await account();
    let left = -1;
    for (const code of codes) left = (await recoverAccount(ctx.db, { username, code, passphrase: fresh })).remainingCodes;
    expect(left).toBe(0);
    const viewer = await signIn(username, fresh);
    expect((await getAccountOverview(ctx.db, viewer)).recoveryCodesLeft).toBe(0);

    const renewed = await regenerateRecoveryCodes(ctx.db, viewer);
    expect((await getAccountOverview(ctx.db, viewer)).recoveryCodesLeft).toBe(10);
    const before = await account();
    await expect(recoverAccount(ctx.db, { username, code: before.codes[0]!, passphrase })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await recoverAccount(ctx.db, { username, code: renewed[0]!, passphrase })).toEqual({ remainingCodes: 9 });
  });
});
