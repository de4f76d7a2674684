// The gate a sign-up, sign-in or submission form carries (lib/abuse/challenge.ts), as a person would
// post it: the timed challenge of a person who took a minute to fill the form (without JavaScript),
// or a proof of work solved the way the widget's workers solve it (with JavaScript; small, for speed).
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { issueChallenge } from '@/lib/abuse/challenge';
import { createProofOfWork } from '@/lib/abuse/proof-of-work';
import { defaultSecret } from '@/lib/crypto/secret-box';

export const formGate = () => ({ challenge: issueChallenge(new Date(Date.now() - 60_000)) });

/** The `altcha` field the widget posts once it has solved a fresh challenge of this server. */
export async function solvedProof(): Promise<string> {
  const issued = await createProofOfWork(new Date(), defaultSecret(), 20);
  const solution = await solveChallenge({ challenge: issued, deriveKey });
  const payload = {
    challenge: { parameters: issued.parameters, signature: issued.signature },
    solution: { counter: solution!.counter, derivedKey: solution!.derivedKey },
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}
