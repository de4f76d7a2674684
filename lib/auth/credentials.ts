// Checking a username and passphrase. Unknown users and wrong passphrases get the same answer
// after the same amount of work (an Argon2id verification), so neither the message nor the
// timing tells an attacker which usernames exist.
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/types';
import { usernameKey } from '@/lib/validation/account';
import { verifyAgainstDummy, verifyPassphrase } from './passphrase';
import { createSession, demoAccountsAllowed } from './sessions';
import { clearAttempts, takeAttempt } from './throttle';

export type CredentialCheck =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function signInWithPassphrase(
  db: Db,
  input: { username: string; passphrase: string },
): Promise<CredentialCheck> {
  const key = usernameKey(input.username);
  const wait = await takeAttempt(db, key);
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };

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
  await clearAttempts(db, key);
  // Staff still have to give a TOTP code in this session (lib/auth/second-factor.ts).
  const sessionId = await createSession(db, user.id, false);
  return { ok: true, userId: user.id, sessionId };
}
