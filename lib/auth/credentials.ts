// Checking a username and passphrase. Unknown users and wrong passphrases get the same answer
// after the same amount of work (an Argon2id verification), so neither the message nor the
// timing tells an attacker which usernames exist.
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/types';
import { usernameKey } from '@/lib/validation/account';
import { verifyAgainstDummy, verifyPassphrase } from './passphrase';
import { createSession, demoAccountsAllowed } from './sessions';
import { clearLimit, consumeLimit } from '@/lib/abuse/limits';
import { AppError } from '@/lib/errors';

export type CredentialCheck =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function signInWithPassphrase(
  db: Db,
  input: { username: string; passphrase: string },
  /** The hashed client address (lib/abuse/address.ts), when the request has one. */
  address: string | null = null,
): Promise<CredentialCheck> {
  const key = usernameKey(input.username);
  try {
    await consumeLimit(db, 'sign-in', { account: key, address });
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') return { ok: false, reason: 'throttled', retryAfterSeconds: error.retryAfterSeconds! };
    throw error;
  }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt, isDemo: users.isDemo })
    .from(users)
    .where(eq(users.usernameKey, key));
  const passphraseOk = user
    ? await verifyPassphrase(user.passwordHash, input.passphrase)
    : await verifyAgainstDummy(input.passphrase);
  // A disabled or (outside demo mode) demo account answers exactly like a wrong passphrase.
  if (!user || !passphraseOk || user.disabledAt || (user.isDemo && !demoAccountsAllowed())) {
    return { ok: false, reason: 'invalid' };
  }
  await clearLimit(db, 'sign-in', key);
  // Staff still have to give a TOTP code in this session (lib/auth/second-factor.ts).
  const sessionId = await createSession(db, user.id, false);
  return { ok: true, userId: user.id, sessionId };
}
