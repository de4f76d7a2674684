// Form challenges for sign-up and "submit for review" (issue 7). Every render of such a form
// carries a fresh challenge the server signed: HMAC-SHA256 (key derived from AUTH_SECRET) over
// the time it was issued and a random nonce. The server accepts it once — its signature goes into
// `used_challenges` in the same transaction as the work, so a failed attempt does not spend it —
// and only after CHALLENGE_WAIT_SECONDS: a person reads and fills the form, a script that posts at
// once must wait, for every account or testimony, on top of the per-address limits. It needs no
// JavaScript: the server issues and checks it. A hidden trap field, which people never see or
// fill, refuses the post with the same message as a spent challenge. With JavaScript the form also
// carries a solved proof of work (lib/abuse/proof-of-work.ts), which is accepted without the wait.
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { lt } from 'drizzle-orm';
import { usedChallenges } from '@/db/schema';
import type { Db, DbOrTx } from '@/db/types';
import { defaultSecret } from '@/lib/crypto/secret-box';
import { env } from '@/lib/env.mjs';
import { AppError } from '@/lib/errors';

import { challengeField, honeypotField, proofField } from './challenge-fields';
import { checkProofOfWork } from './proof-of-work';

/** The challenge, proof-of-work and trap fields of a posted form, for the functions that spend them. */
export function formGateOf(formData: FormData): { challenge: string; proof: string; trap: string } {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  return { challenge: text(challengeField), proof: text(proofField), trap: text(honeypotField) };
}

const version = 'c1';
const sign = (body: string, secret: string) =>
  createHmac('sha256', Buffer.from(hkdfSync('sha256', secret, 'yadman', 'form challenge v1', 32))).update(body).digest('base64url');

/** A fresh challenge for one render of a form. */
export function issueChallenge(now = new Date(), secret = defaultSecret()): string {
  const body = `${version}.${now.getTime().toString(36)}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${sign(body, secret)}`;
}

/** After a refusal, the longest a re-post of the same form waits (a person takes longer to fix a field). */
export const repostWaitSeconds = 1;

/**
 * The fresh challenge a refused post brings back (lib/actions/define-action.ts). A post whose
 * genuine challenge had already waited its time gets one that waits only `repostWaitSeconds`: a
 * person who fixes a taken username and presses again within seconds is not "too soon" (issue 18),
 * while a script probing usernames (issue 17) still pays a second per probe, on top of the
 * per-address refusal count. A post sent too soon gets one with the same time of issue (refusing
 * it never shortens the wait); a forged one, one that starts now.
 */
export function reissueChallenge(posted: unknown, now = new Date(), secret = defaultSecret()): string {
  const issuedAt = genuineIssueTime(typeof posted === 'string' ? posted : '', secret);
  const wait = env().CHALLENGE_WAIT_SECONDS * 1000;
  if (issuedAt === null || issuedAt > now.getTime()) return issueChallenge(now, secret);
  if (issuedAt + wait > now.getTime()) return issueChallenge(new Date(issuedAt), secret);
  return issueChallenge(new Date(now.getTime() - Math.max(0, wait - repostWaitSeconds * 1000)), secret);
}

/** The time a well-signed timed challenge was issued, or null. */
function genuineIssueTime(token: string, secret: string): number | null {
  const [v, issued, nonce, signature] = token.split('.');
  if (v !== version || !issued || !nonce || !signature) return null;
  const expected = Buffer.from(sign(`${v}.${issued}.${nonce}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return parseInt(issued, 36);
}

/** What a form posts to pass the gate: the timed challenge, a solved proof of work, the trap. */
export type FormGate = { challenge?: unknown; proof?: unknown; trap?: unknown };

/**
 * Accepts the posted challenge once, inside the transaction of the work it guards. A post with a
 * proof of work is judged by it alone (solved, unexpired, unused: no wait); one without it by the
 * timed challenge. Throws `challenge_failed` (missing, forged, expired, already spent, trap
 * filled) or `challenge_wait` (a timed challenge sent sooner than CHALLENGE_WAIT_SECONDS after it
 * was issued; the same challenge passes later).
 */
export async function spendChallenge(tx: DbOrTx, form: FormGate, now = new Date(), secret = defaultSecret(), waitSeconds?: number): Promise<void> {
  await spend(tx, await checkChallenge(form, now, secret, waitSeconds));
}

/**
 * Everything `spendChallenge` checks but whether it was spent before: what to record as spent
 * (the caller's statement records it, lib/abuse/gate.ts), or the same refusals.
 */
export async function checkChallenge(form: FormGate, now = new Date(), secret = defaultSecret(), waitSeconds = env().CHALLENGE_WAIT_SECONDS): Promise<{ signature: string; expiresAt: Date }> {
  if (typeof form.trap === 'string' && form.trap !== '') throw new AppError('challenge_failed');
  if (typeof form.proof === 'string' && form.proof !== '') return checkProofOfWork(form.proof, secret);
  const token = typeof form.challenge === 'string' ? form.challenge : '';
  const issuedAt = genuineIssueTime(token, secret);
  if (issuedAt === null) throw new AppError('challenge_failed');
  const signature = token.split('.')[3]!;
  const expiresAt = new Date(issuedAt + env().CHALLENGE_MAX_AGE_MINUTES * 60_000);
  if (!(expiresAt > now) || issuedAt > now.getTime() + 60_000) throw new AppError('challenge_failed');
  const wait = Math.ceil((issuedAt + waitSeconds * 1000 - now.getTime()) / 1000);
  if (wait > 0) throw new AppError('challenge_wait', { retryAfterSeconds: wait });
  return { signature, expiresAt };
}

/** Records a challenge as used; one already recorded is refused. Timed signatures are base64url, proof-of-work ones hex. */
async function spend(tx: DbOrTx, challenge: { signature: string; expiresAt: Date }): Promise<void> {
  const [spent] = await tx.insert(usedChallenges).values(challenge).onConflictDoNothing().returning({ signature: usedChallenges.signature });
  if (!spent) throw new AppError('challenge_failed');
}

/** Retention: a spent challenge past its age could not be accepted anyway. */
export async function pruneUsedChallenges(db: Db, now = new Date()): Promise<number> {
  const gone = await db.delete(usedChallenges).where(lt(usedChallenges.expiresAt, now)).returning({ signature: usedChallenges.signature });
  return gone.length;
}
