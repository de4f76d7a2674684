// Guesses at one account's secret — the sign-in passphrase, and any other form that checks a
// secret of a named account (a recovery form, say) — made expensive without ever locking the
// owner out (issue 17). Before the secret is checked:
// - the guessing address's own allowance over all accounts is taken (over it: `rate_limited`;
//   that refuses only that address, never the owner at another one);
// - a guess is free while its (account, address) pair has guesses left in the window, and the
//   account has free guesses left over all addresses;
// - past either, the guess must carry the form gate (lib/abuse/challenge.ts: a solved proof of work,
//   or the timed challenge without JavaScript), which it spends: every further guess costs the
//   guesser that work, the owner included, but nobody is ever refused for the account's sake.
// Points are taken before the check, so guesses sent in parallel cannot all pass a read-only count.
import type { DbOrTx } from '@/db/types';
import { env } from '@/lib/env.mjs';
import { spendChallenge, type FormGate } from './challenge';
import { consumeLimit, clearLimit, takePoint, type Bucket } from './limits';

/** Who is guessing: the account's key (e.g. the normalized username) and the hashed address. */
export type GuessKeys = { account: string; address: string };

/** The per-(account, address) count's key. Address keys are base64url; `|` never occurs in them. */
const pairKey = (keys: GuessKeys) => `${keys.account}|${keys.address}`;

/**
 * A paid guess without JavaScript waits this long after the page at most: a password manager fills
 * the sign-in form within a second or two (issue 18: "too soon" at 4 s). A guess still pays
 * with a fresh page each time; the per-address allowance is what bounds a guesser.
 */
export const guessWaitSeconds = () => Math.min(2, env().CHALLENGE_WAIT_SECONDS);

/**
 * Admits one guess at `keys.account`'s secret in `bucket` (whose rule has `accountTotal`). Throws
 * `rate_limited` when the address is over its own allowance, and `challenge_failed` or
 * `challenge_wait` when the guess had to pay and did not (lib/abuse/challenge.ts). Returns whether
 * it paid (spent its gate).
 */
export async function admitGuess(db: DbOrTx, bucket: Bucket, keys: GuessKeys, gate: FormGate): Promise<{ paid: boolean }> {
  await consumeLimit(db, bucket, { address: keys.address });
  const overPair = await takePoint(db, bucket, 'account', pairKey(keys));
  const overTotal = await takePoint(db, bucket, 'accountTotal', keys.account);
  if (!overPair && !overTotal) return { paid: false };
  await spendChallenge(db, gate, undefined, undefined, guessWaitSeconds());
  return { paid: true };
}

/**
 * The secret was right: this pair's free guesses start again (the owner's typos are forgotten).
 * The account's count over all addresses stays: whoever else is guessing keeps paying.
 */
export async function guessSucceeded(db: DbOrTx, bucket: Bucket, keys: GuessKeys): Promise<void> {
  await clearLimit(db, bucket, pairKey(keys));
}
