// "I lost my passphrase" (issue 18): a username and one recovery code set a new passphrase. There
// is no other way back into an account — no e-mail, no phone, no staff reset — by design: whoever
// could reset it for the owner could reset it for the police. Unknown usernames, disabled accounts
// and wrong or spent codes all get the same answer after the same work (one Argon2id hash of the
// new passphrase, done first whatever happens), so neither the message nor the timing tells which
// usernames exist.
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/types';
import { clearLimit, consumeLimit } from '@/lib/abuse/limits';
import { appendAudit } from '@/lib/audit/append';
import { AppError } from '@/lib/errors';
import { usernameKey } from '@/lib/validation/account';
import { storedUsernameKey } from './username-lookup';
import { hashPassphrase } from './passphrase';
import { consumeRecoveryCode, countUnusedRecoveryCodes } from './recovery-codes';
import { demoAccountsAllowed, revokeUserSessions } from './sessions';

/** One answer for every refusal: the form says "the username or code is wrong", nothing more. */
const refused = () => new AppError('invalid_input', { fieldErrors: { code: 'recoveryRefused' } });

/**
 * The throttle of recovery attempts, per account key and hashed address: a delay that a success
 * clears, never a lock. Kept in this one function so it can follow sign-in's throttle when that
 * changes (e.g. to a proof of work instead of a wait).
 */
export async function throttleRecovery(db: Db, account: string, address: string | null): Promise<void> {
  await consumeLimit(db, 'recovery', { account, address });
}

/**
 * Spends one recovery code of `username` and sets `passphrase` as the account's passphrase; every
 * session of the account ends (whoever holds the phone or the old passphrase is signed out). Does
 * not sign anyone in: the person signs in with the new passphrase (and, for staff, their second
 * factor). Returns how many codes are left, so the page can say plainly when none are.
 */
export async function recoverAccount(
  db: Db,
  input: { username: string; code: string; passphrase: string },
  /** The hashed client address (lib/abuse/address.ts), when the request has one. */
  address: string | null = null,
): Promise<{ remainingCodes: number }> {
  const key = usernameKey(input.username);
  await throttleRecovery(db, key, address);
  // The slow part first and always, whether or not the account exists.
  const passwordHash = await hashPassphrase(input.passphrase);
  const [user] = await db
    .select({ id: users.id, disabledAt: users.disabledAt, isDemo: users.isDemo })
    .from(users)
    .where(eq(users.usernameKey, await storedUsernameKey(db, input.username)));
  if (!user || user.disabledAt || (user.isDemo && !demoAccountsAllowed())) throw refused();
  const remainingCodes = await db.transaction(async (tx) => {
    // Atomic: two requests racing with one code cannot both spend it.
    if (!(await consumeRecoveryCode(tx, user.id, input.code))) return null;
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id);
    const left = await countUnusedRecoveryCodes(tx, user.id);
    await appendAudit(tx, { actorId: user.id, action: 'account.recovered', targetType: 'user', targetId: user.id, details: { remainingCodes: left } });
    return left;
  });
  if (remainingCodes === null) throw refused();
  await clearLimit(db, 'recovery', key);
  // The owner may sign in with the new passphrase at once, whatever wrong guesses came before.
  await clearLimit(db, 'sign-in', key);
  return { remainingCodes };
}
