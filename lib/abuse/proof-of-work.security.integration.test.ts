// Proof of work (issue 7, lib/abuse/proof-of-work.ts): a solved, unexpired challenge this server
// signed is accepted once at sign-up and submission, without the timed wait; a replayed, expired,
// tampered, foreign-key or mock ("test mode") solution is refused; a form without one falls back
// to the timed challenge, which still refuses a post sent too soon. Issuing is rate-limited per
// address and writes nothing.
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { usedChallenges } from '@/db/schema';
import { createAccount } from '@/lib/auth/accounts';
import { defaultSecret } from '@/lib/crypto/secret-box';
import { env } from '@/lib/env.mjs';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { gatePassphrase, useFormGateScene } from '@/lib/testing/form-gate-fixtures';
import { changedTables, databaseDigest } from '@/lib/testing/digest';
import { codeOf } from '@/lib/testing/outcome';
import { recordFigure } from '@/lib/testing/security-figures';
import { filledDraft, formToken } from '@/lib/testing/testimony-fixtures';
import { submitTestimony } from '@/lib/testimonies';
import { issueChallenge } from './challenge';
import { createProofOfWork, issueProofOfWork, proofLifetimeMinutes } from './proof-of-work';

const passphrase = gatePassphrase;
const flipLast = (hex: string) => hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0');
const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64');

/** What the widget posts: the challenge, solved the way its workers solve it (small, for speed). */
async function solved(challenge?: Challenge): Promise<{ challenge: Challenge; solution: { counter: number; derivedKey: string } }> {
  const issued = challenge ?? (await createProofOfWork(new Date(), defaultSecret(), 20));
  const solution = await solveChallenge({ challenge: issued, deriveKey });
  return { challenge: { parameters: issued.parameters, signature: issued.signature }, solution: { counter: solution!.counter, derivedKey: solution!.derivedKey } };
}

describe.each(testDatabases())('proof of work on $name', (target) => {
  const ctx = useTestDatabase(target);
  const scene = useFormGateScene(ctx);
  const { accountsNamed } = scene;

  it('sign-up: a solved challenge is accepted once, without the wait; replayed, expired, tampered, foreign or mock ones are refused', async () => {
    // A timed challenge issued just now: it alone would have to wait (when a wait is configured).
    const signUp = (username: string, proof: string) => codeOf(createAccount(ctx.db, { username, passphrase, challenge: issueChallenge(), proof }));
    const good = await solved();
    // The derived key is the proof (the server signed the right one); the counter only says where it was found.
    const forged = await solved();
    const longAgo = new Date(Date.now() - (proofLifetimeMinutes + 1) * 60_000);
    const expired = await solved(await createProofOfWork(longAgo, defaultSecret(), 20));
    const foreign = await solved(await createProofOfWork(new Date(), 'another secret, of another site or an attacker', 20));
    const cheaper = await solved();
    const outcomes = {
      accepted: await signUp('pow-1', encode(good)),
      replayed: await signUp('pow-2', encode(good)),
      expired: await signUp('pow-3', encode(expired)),
      tamperedSolution: await signUp('pow-4', encode({ ...forged, solution: { ...forged.solution, derivedKey: flipLast(forged.solution.derivedKey) } })),
      tamperedParameters: await signUp('pow-5', encode({ ...cheaper, challenge: { ...cheaper.challenge, parameters: { ...cheaper.challenge.parameters, cost: 1 } } })),
      foreignKey: await signUp('pow-6', encode(foreign)),
      mock: await signUp('pow-7', encode({ challenge: null, solution: null, test: true })),
      notJson: await signUp('pow-8', 'bm90IGpzb24='),
      tooLong: await signUp('pow-9', 'A'.repeat(5000)),
    };
    const wrong = Object.entries(outcomes).filter(([k, code]) => (k === 'accepted' ? code !== 'ok' : code === 'ok')).length;
    recordFigure({ figure: 'sign-ups accepted with a replayed, expired, tampered, foreign or mock proof of work', measured: wrong, target: '0', ok: wrong === 0 });
    expect(outcomes).toEqual({
      accepted: 'ok',
      replayed: 'challenge_failed',
      expired: 'challenge_failed',
      tamperedSolution: 'challenge_failed',
      tamperedParameters: 'challenge_failed',
      foreignKey: 'challenge_failed',
      mock: 'challenge_failed',
      notJson: 'challenge_failed',
      tooLong: 'challenge_failed',
    });
    expect(await accountsNamed('pow-1')).toBe(1);
    expect(await accountsNamed('pow-2')).toBe(0);
    // Spent until it would have expired anyway: the retention sweep may then forget it.
    const [spent] = await ctx.db.select().from(usedChallenges).where(eq(usedChallenges.signature, good.challenge.signature!));
    expect(spent!.expiresAt.getTime()).toBe(good.challenge.parameters.expiresAt! * 1000);
  });

  it('without a proof of work the timed challenge decides: too soon is refused, a waited one accepted once', async () => {
    const signUp = (username: string, challenge: string) => codeOf(createAccount(ctx.db, { username, passphrase, challenge, proof: '' }));
    const waited = issueChallenge(new Date(Date.now() - (env().CHALLENGE_WAIT_SECONDS + 1) * 1000));
    const outcomes = { missing: await signUp('pow-10', ''), tooSoon: await signUp('pow-11', issueChallenge()), waited: await signUp('pow-12', waited), replayed: await signUp('pow-13', waited) };
    expect(env().CHALLENGE_WAIT_SECONDS).toBeGreaterThan(0);
    expect(outcomes).toEqual({ missing: 'challenge_failed', tooSoon: 'challenge_wait', waited: 'ok', replayed: 'challenge_failed' });
  });

  it('a refused sign-up (name taken) spends the proof of work: probing another name needs a new one', async () => {
    const proof = encode(await solved());
    expect(await codeOf(createAccount(ctx.db, { username: 'pow-1', passphrase, challenge: '', proof }))).toBe('invalid_input');
    expect(await codeOf(createAccount(ctx.db, { username: 'pow-14', passphrase, challenge: '', proof }))).toBe('challenge_failed');
    expect(await codeOf(createAccount(ctx.db, { username: 'pow-14', passphrase, challenge: '', proof: encode(await solved()) }))).toBe('ok');
  });

  it('submit for review: a solved challenge is accepted once; its replay on another draft is refused', async () => {
    const viewer = scene.actors.submitterA.viewer;
    const proof = encode(await solved());
    const submit = async (token = formToken()) => codeOf(submitTestimony(ctx.db, viewer, { testimonyId: await filledDraft(ctx.db, viewer), token, challenge: '', proof }));
    const outcomes = [await submit(), await submit()];
    recordFigure({ figure: 'submissions accepted with a replayed proof of work', measured: outcomes[1] === 'ok' ? 1 : 0, target: '0', ok: outcomes[1] !== 'ok' });
    expect(outcomes).toEqual(['ok', 'challenge_failed']);
  });

  it('issuing writes nothing and is limited to 120 challenges per address in 10 minutes', async () => {
    const before = await databaseDigest(ctx.db);
    const address = `test-address-${target.name}`;
    const answers: string[] = [];
    for (let i = 0; i < 121; i += 1) answers.push(await codeOf(issueProofOfWork(address)));
    expect(answers.slice(0, 120).every((a) => a === 'ok')).toBe(true);
    expect(answers[120]).toBe('rate_limited');
    expect(await codeOf(issueProofOfWork(`${address}-other`))).toBe('ok');
    expect(changedTables(before, await databaseDigest(ctx.db))).toEqual([]);
  });
});
