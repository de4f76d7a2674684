// Proof of work for the sign-up and "submit for review" forms (issue 7), with ALTCHA: altcha-lib
// here, the altcha widget in the browser (components/forms/proof-of-work.tsx), both self-hosted.
// With JavaScript the form fetches a challenge from /api/altcha/challenge, the browser's workers
// search for the counter the server picked (PBKDF2-SHA-256, at most ALTCHA_MAX_NUMBER tries), and
// the solution travels in the form in place of the timed wait of lib/abuse/challenge.ts, which
// still serves browsers without JavaScript. Deterministic mode: the server signs the key the right
// counter derives, so checking a solution costs one HMAC, never a derivation — forged solutions
// cost the server next to nothing. Issuing costs one derivation, so issuing is rate-limited.
import { hkdfSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { defaultSecret } from '@/lib/crypto/secret-box';
import { env } from '@/lib/env.mjs';
import { AppError } from '@/lib/errors';
import { z } from '@/lib/validation/zod';

const algorithm = 'PBKDF2/SHA-256';
/** PBKDF2 iterations per try: about 1.5 ms on one server core, a few ms on a phone's. */
const cost = 1000;
/** A solution must be posted within this; after it the widget resets and the timed challenge decides. */
export const proofLifetimeMinutes = 30;

const secrets = (secret: string) => ({
  hmacSignatureSecret: Buffer.from(hkdfSync('sha256', secret, 'yadman', 'altcha challenge v1', 32)).toString('hex'),
  hmacKeySignatureSecret: Buffer.from(hkdfSync('sha256', secret, 'yadman', 'altcha key v1', 32)).toString('hex'),
});

/** A fresh challenge; the counter is between half of `maxNumber` and `maxNumber`. */
export async function createProofOfWork(now = new Date(), secret = defaultSecret(), maxNumber = env().ALTCHA_MAX_NUMBER): Promise<Challenge> {
  return createChallenge({
    algorithm,
    cost,
    deriveKey,
    counter: randomInt(maxNumber, Math.ceil(maxNumber / 2)),
    expiresAt: new Date(now.getTime() + proofLifetimeMinutes * 60_000),
    ...secrets(secret),
  });
}

// Kept in each process's memory, not in the database: asking for a challenge writes nothing.
// Generous (one challenge per form shown; many families share one carrier address in Iran), and
// enough to keep one address from making the server derive keys without end.
const issued = new RateLimiterMemory({ keyPrefix: 'altcha', points: 120, duration: 10 * 60 });

/** A challenge for the client at `address` (lib/abuse/address.ts); `rate_limited` over 120 in 10 minutes. */
export async function issueProofOfWork(address: string | null): Promise<Challenge> {
  try {
    await issued.consume(address ?? 'no address');
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw new AppError('rate_limited', { retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) });
  }
  return createProofOfWork();
}

// The widget's payload: base64 of { challenge: { parameters, signature }, solution }. Parameters
// are kept whole (looseObject): the signature covers every one of them.
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.looseObject({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      keySignature: z.string(),
      expiresAt: z.number(),
    }),
    signature: z.string(),
  }),
  solution: z.object({ counter: z.number(), derivedKey: z.string(), time: z.number().optional() }),
});

/**
 * The challenge a posted solution answers, once it is checked: signed by this server with this
 * secret, unexpired, and solved. Returns its signature (to record it as spent) and expiry; throws
 * `challenge_failed` otherwise. Whether it was spent before is for the caller's transaction.
 */
export async function checkProofOfWork(payload: string, secret = defaultSecret()): Promise<{ signature: string; expiresAt: Date }> {
  const parsed = payload.length <= 4096 ? payloadSchema.safeParse(parseJson(Buffer.from(payload, 'base64').toString('utf8'))) : null;
  if (!parsed?.success) throw new AppError('challenge_failed');
  const { challenge, solution } = parsed.data;
  const result = await verifySolution({ challenge, solution, deriveKey, ...secrets(secret) }).catch(() => null);
  if (!result?.verified || challenge.parameters.algorithm !== algorithm) throw new AppError('challenge_failed');
  return { signature: challenge.signature, expiresAt: new Date(challenge.parameters.expiresAt * 1000) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

let workerScript: Promise<string> | undefined;

/**
 * The widget's PBKDF2 worker as published in the altcha package (one self-contained script that
 * loads nothing), read once. From the project folder: `next start` runs there.
 */
export function proofOfWorkWorker(): Promise<string> {
  workerScript ??= readFile(path.join(process.cwd(), 'node_modules/altcha/dist/workers/pbkdf2.js'), 'utf8');
  return workerScript;
}
