// Checking a username and passphrase. Unknown users and wrong passphrases get the same answer
// after the same amount of work (an Argon2id verification), so neither the message nor the
// timing tells an attacker which usernames exist. Guessing is made expensive, never refused for
// the account's sake (lib/abuse/guesses.ts): no one can lock an owner out.
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/types';
import { usernameKey } from '@/lib/validation/account';
import { storedUsernameKey } from './username-lookup';
import { verifyAgainstDummy, verifyPassphrase } from './passphrase';
import { createSession, demoAccountsAllowed } from './sessions';
import { unknownAddressKey } from '@/lib/abuse/address';
import type { FormGate } from '@/lib/abuse/challenge';
import { admitGuess, guessSucceeded } from '@/lib/abuse/guesses';
import { isAppError } from '@/lib/errors';

export type CredentialCheck =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  /** Past the free guesses, the form's proof of work or timed challenge was missing, used or forged. */
  | { ok: false; reason: 'challenge_failed' }
  /** Past the free guesses, the timed challenge was sent too soon: send it again in a few seconds. */
  | { ok: false; reason: 'challenge_wait'; retryAfterSeconds: number };

export async function signInWithPassphrase(
  db: Db,
  /** `gate`: the form's proof of work, timed challenge and trap, paid only past the free guesses. */
  input: { username: string; passphrase: string; gate?: FormGate },
  /** The hashed client address (lib/abuse/address.ts). */
  address: string = unknownAddressKey,
): Promise<CredentialCheck> {
  const key = usernameKey(input.username);
  const guess = { account: key, address };
  try {
    await admitGuess(db, 'sign-in', guess, input.gate ?? {});
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'rate_limited') return { ok: false, reason: 'throttled', retryAfterSeconds: error.retryAfterSeconds! };
    if (error.code === 'challenge_wait') return { ok: false, reason: 'challenge_wait', retryAfterSeconds: error.retryAfterSeconds! };
    if (error.code === 'challenge_failed') return { ok: false, reason: 'challenge_failed' };
    throw error;
  }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt, isDemo: users.isDemo })
    .from(users)
    .where(eq(users.usernameKey, await storedUsernameKey(db, input.username)));
  const passphraseOk = user
    ? await verifyPassphrase(user.passwordHash, input.passphrase)
    : await verifyAgainstDummy(input.passphrase);
  // A disabled or (outside demo mode) demo account answers exactly like a wrong passphrase.
  if (!user || !passphraseOk || user.disabledAt || (user.isDemo && !demoAccountsAllowed())) {
    return { ok: false, reason: 'invalid' };
  }
  await guessSucceeded(db, 'sign-in', guess);
  // Staff still have to give a TOTP code in this session (lib/auth/second-factor.ts).
  const sessionId = await createSession(db, user.id, false);
  return { ok: true, userId: user.id, sessionId };
}
