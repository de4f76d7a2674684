// A Persian keyboard types ۱۲ where a Latin one types 12: «maryam۱۲» and «maryam12» are one account
// at sign-up, sign-in and recovery, and migration 0029 folds the keys stored before without ever
// making two accounts one.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { formGate } from '@/lib/testing/form-gate';
import { createAccount } from './accounts';
import { signInWithPassphrase } from './credentials';
import { hashPassphrase } from './passphrase';
import { recoverAccount } from './recovery';

const passphrase = 'correct horse battery staple';
const migration = fs.readFileSync(path.join(import.meta.dirname, '../../db/migrations/0030_username-key-digits.sql'), 'utf8');

describe.each(testDatabases())('usernames with Persian or Arabic-Indic digits on $name', (target) => {
  const ctx = useTestDatabase(target);

  const signedInAs = async (username: string, pass = passphrase) => {
    const result = await signInWithPassphrase(ctx.db, { username, passphrase: pass });
    return result.ok ? result.userId : result.reason;
  };

  it('are the same account as with Latin digits at sign-up, sign-in and recovery', async () => {
    const { userId, recoveryCodes } = await createAccount(ctx.db, { ...formGate(), username: 'maryam۱۲', passphrase });
    const [row] = await ctx.db.select({ username: users.username, key: users.usernameKey }).from(users).where(eq(users.id, userId));
    // Shown as she typed it; found by its Latin-digit key.
    expect(row).toEqual({ username: 'maryam۱۲', key: 'maryam12' });
    for (const typed of ['maryam12', 'maryam۱۲', 'Maryam١٢', 'maryam1۲']) expect(await signedInAs(typed)).toBe(userId);
    await expect(createAccount(ctx.db, { ...formGate(), username: 'maryam12', passphrase })).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { username: 'usernameTaken' } });
    await expect(createAccount(ctx.db, { ...formGate(), username: 'MARYAM١٢', passphrase })).rejects.toMatchObject({ code: 'invalid_input' });
    const fresh = 'a river of lanterns at dusk';
    expect(await recoverAccount(ctx.db, { username: 'maryam١٢', code: recoveryCodes[0]!, passphrase: fresh })).toEqual({ remainingCodes: 9 });
    expect(await signedInAs('maryam12', fresh)).toBe(userId);
  });

  it('migration 0029 folds stored keys, keeps one whose folded form another account has, and each is still found as before', async () => {
    const hash = await hashPassphrase(passphrase);
    // Rows as they were stored before digits were folded (the key kept its digits).
    const legacy = async (username: string) =>
      (await ctx.db.insert(users).values({ username, usernameKey: username.toLowerCase(), passwordHash: hash }).returning({ id: users.id }))[0]!.id;
    const sara = await legacy('Sara۱');
    const latinMaryam = await legacy('zahra12');
    const persianMaryam = await legacy('zahra۱۲');
    const persianAli = await legacy('ali۷');
    const arabicAli = await legacy('ali٧');
    const plain = await legacy('no-digits');

    await ctx.db.execute(sql.raw(migration));
    const keys = Object.fromEntries((await ctx.db.select({ id: users.id, key: users.usernameKey }).from(users)).map((r) => [r.id, r.key]));
    expect([sara, latinMaryam, persianMaryam, persianAli, arabicAli, plain].map((id) => keys[id])).toEqual(['sara1', 'zahra12', 'zahra۱۲', 'ali۷', 'ali٧', 'no-digits']);
    // Run again: nothing changes (and no unique violation).
    await ctx.db.execute(sql.raw(migration));
    expect((await ctx.db.select({ key: users.usernameKey }).from(users).where(eq(users.id, persianMaryam)))[0]!.key).toBe('zahra۱۲');

    // Folded: any digits reach it. Kept: the digits it was made with reach it, and only it.
    for (const typed of ['sara1', 'SARA۱', 'sara١']) expect(await signedInAs(typed)).toBe(sara);
    expect(await signedInAs('zahra۱۲')).toBe(persianMaryam);
    expect(await signedInAs('zahra12')).toBe(latinMaryam);
    expect(await signedInAs('zahra١٢')).toBe(latinMaryam);
    expect(await signedInAs('ali۷')).toBe(persianAli);
    expect(await signedInAs('ali٧')).toBe(arabicAli);
    expect(await signedInAs('ali7')).toBe('invalid');
    // No new account can take a folded key that is already someone's.
    await expect(createAccount(ctx.db, { ...formGate(), username: 'sara١', passphrase })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(createAccount(ctx.db, { ...formGate(), username: 'zahra١٢', passphrase })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
