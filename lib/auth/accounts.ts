// Account life cycle for the person holding it: sign-up, passphrase, optional e-mail, sessions,
// recovery codes. Every change runs in one transaction with its audit entry; audit details
// never contain a passphrase, code or e-mail address.
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/types';
import { spendChallenge } from '@/lib/abuse/challenge';
import { unknownAddressKey } from '@/lib/abuse/address';
import { clearLimit, consumeLimit } from '@/lib/abuse/limits';
import { appendAudit } from '@/lib/audit/append';
import { createDataKey, encryptField, fieldPurposes } from '@/lib/crypto/envelope';
import { AppError } from '@/lib/errors';
import { usernameKey } from '@/lib/validation/account';
import { openAccountEmail } from './account-email';
import { hashPassphrase, verifyPassphrase } from './passphrase';
import { countUnusedRecoveryCodes, replaceRecoveryCodes } from './recovery-codes';
import { revokeUserSessions, type Viewer } from './sessions';

const usernameTaken = () => new AppError('invalid_input', { fieldErrors: { username: 'usernameTaken' } });

/**
 * A submitter account from a username and a passphrase — nothing else is asked (PRODUCT.md §2.3).
 * Returns the recovery codes in plain text: the only time they exist outside a hash.
 */
export async function createAccount(
  db: Db,
  /** `challenge`/`proof`/`trap`: the form's challenge, solved proof of work and hidden trap field (lib/abuse/challenge.ts). */
  input: { username: string; passphrase: string; locale?: string; challenge: string; proof?: string; trap?: string },
  /** The hashed client address (lib/abuse/address.ts): sign-ups are counted per address. */
  address: string | null = null,
): Promise<{ userId: string; recoveryCodes: string[] }> {
  // Every attempt is counted per address, and spends its challenge whatever the outcome: a refused
  // sign-up ("this username is already taken") costs a new wait or proof of work, so one solved
  // challenge cannot probe any number of usernames (issue 17).
  await consumeLimit(db, 'sign-up', { address });
  await spendChallenge(db, { challenge: input.challenge, proof: input.proof, trap: input.trap });
  const passwordHash = await hashPassphrase(input.passphrase);
  return db.transaction(async (tx) => {
    // The unique username_key (case, Unicode form, ي/ی, ك/ک folded) decides; no check-then-insert race.
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username.trim(),
        usernameKey: usernameKey(input.username),
        passwordHash,
        role: 'submitter',
        locale: input.locale === 'en' ? 'en' : 'fa',
      })
      .onConflictDoNothing({ target: users.usernameKey })
      .returning({ id: users.id });
    if (!row) throw usernameTaken();
    const recoveryCodes = await replaceRecoveryCodes(tx, row.id);
    await appendAudit(tx, { actorId: row.id, action: 'account.created', targetType: 'user', targetId: row.id });
    return { userId: row.id, recoveryCodes };
  });
}

export type AccountOverview = {
  username: string;
  role: Viewer['role'];
  email: string | null;
  totpEnabled: boolean;
  /** Unused recovery codes; 0 means nothing can recover the account (lib/auth/recovery.ts). */
  recoveryCodesLeft: number;
};

/** The viewer's own account, as a DTO (no hashes, no sealed values). */
export async function getAccountOverview(db: Db, viewer: Viewer): Promise<AccountOverview> {
  const [row] = await db
    .select({ username: users.username, role: users.role, emailEncrypted: users.emailEncrypted, dataKey: users.dataKey, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, viewer.userId));
  if (!row) throw new AppError('not_found');
  const recoveryCodesLeft = await countUnusedRecoveryCodes(db, viewer.userId);
  return { username: row.username, role: row.role, email: openAccountEmail(row), totpEnabled: !!row.totpEnabledAt, recoveryCodesLeft };
}

/**
 * Sets a new passphrase after checking the current one, and ends every other session of the
 * account (whoever else may know the old passphrase is signed out). Wrong guesses count towards
 * the same per-account throttle as sign-in, so a borrowed session cannot brute-force it.
 */
export async function changePassphrase(
  db: Db,
  viewer: Viewer,
  input: { currentPassphrase: string; passphrase: string },
  /** The hashed client address (lib/abuse/address.ts), counted like a sign-in attempt. */
  address: string = unknownAddressKey,
): Promise<void> {
  const [row] = await db.select({ passwordHash: users.passwordHash, usernameKey: users.usernameKey }).from(users).where(eq(users.id, viewer.userId));
  if (!row) throw new AppError('not_found');
  // Only a signed-in session reaches this: its own count per account (plain username key, apart
  // from sign-in's per-address counts), refused past the allowance.
  await consumeLimit(db, 'sign-in', { account: row.usernameKey, address });
  if (!(await verifyPassphrase(row.passwordHash, input.currentPassphrase))) {
    throw new AppError('invalid_input', { fieldErrors: { currentPassphrase: 'passphraseWrong' } });
  }
  await clearLimit(db, 'sign-in', row.usernameKey);
  const passwordHash = await hashPassphrase(input.passphrase);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, viewer.userId));
    await revokeUserSessions(tx, viewer.userId, { except: viewer.sessionId });
    await appendAudit(tx, { actorId: viewer.userId, action: 'account.passphrase_changed', targetType: 'user', targetId: viewer.userId });
  });
}

/**
 * Stores an optional contact e-mail encrypted under a new data key of the account (never in plain
 * text); an empty value removes it together with its key.
 */
export async function setEmail(db: Db, viewer: Viewer, email: string): Promise<void> {
  const value = email.trim();
  await db.transaction(async (tx) => {
    const sealed = value ? createDataKey('user') : null;
    await tx
      .update(users)
      .set({ emailEncrypted: sealed && encryptField(sealed.key, value, fieldPurposes.email), dataKey: sealed?.wrapped ?? null })
      .where(eq(users.id, viewer.userId));
    await appendAudit(tx, {
      actorId: viewer.userId,
      action: 'account.email_changed',
      targetType: 'user',
      targetId: viewer.userId,
      details: { removed: !value },
    });
  });
}

/** Ends every session of the account, the current one included. */
export async function signOutEverywhere(db: Db, viewer: Viewer): Promise<void> {
  await db.transaction(async (tx) => {
    await revokeUserSessions(tx, viewer.userId);
    await appendAudit(tx, { actorId: viewer.userId, action: 'account.sessions_revoked', targetType: 'user', targetId: viewer.userId, details: { scope: 'all' } });
  });
}

/** A fresh set of recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(db: Db, viewer: Viewer): Promise<string[]> {
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, viewer.userId);
    await appendAudit(tx, { actorId: viewer.userId, action: 'account.recovery_codes_regenerated', targetType: 'user', targetId: viewer.userId });
    return codes;
  });
}
