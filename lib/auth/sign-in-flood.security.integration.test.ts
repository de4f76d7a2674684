// Accounts and abuse (issues 7 and 17): 1,000 wrong guesses against one account. Target: 0
// successes, at most `signInFailureLimit` passphrases actually checked per window for a guesser
// who does not pay (even when guesses arrive in parallel), and the account never locked: another
// account signs in during the flood, and the owner signs in from another address at once, paying
// the same cost (the form's proof of work, or its timed challenge) that every further guess costs.
// An unknown username is answered exactly like a wrong passphrase.
import { describe, expect, it, beforeAll } from 'vitest';
import { users } from '@/db/schema';
import { addressKey } from '@/lib/abuse/address';
import { rules } from '@/lib/abuse/limits';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { formGate, solvedProof } from '@/lib/testing/form-gate';
import { recordFigure } from '@/lib/testing/security-figures';
import { usernameKey } from '@/lib/validation/account';
import { signInWithPassphrase, type CredentialCheck } from './credentials';
import { hashPassphrase } from './passphrase';
import { issueChallenge, type FormGate } from '@/lib/abuse/challenge';

const signInFailureLimit = rules['sign-in'].account()!;

const guesses = 1_000;
const inFlight = 20; // guesses sent at once, as a botnet would
const passphrase = 'correct horse battery staple yadman';
const attacker = addressKey('198.51.100.66');
const owner = addressKey('203.0.113.40');
const elsewhere = addressKey('192.0.2.80');

describe.each(testDatabases())('sign-in flood on $name', (target) => {
  const ctx = useTestDatabase(target);

  beforeAll(async () => {
    const passwordHash = await hashPassphrase(passphrase);
    for (const username of ['flood-victim', 'flood-bystander', 'owner-a', 'owner-b', 'owner-c']) {
      await ctx.db.insert(users).values({ username, usernameKey: usernameKey(username), role: 'submitter', passwordHash });
    }
  });

  const attempt = (username: string, guess: string, address = attacker, gate?: FormGate) =>
    signInWithPassphrase(ctx.db, { username, passphrase: guess, gate }, address);
  const answer = (r: CredentialCheck) => (r.ok ? 'ok' : r.reason);

  it(`${guesses} wrong guesses: 0 successes, ≤ ${signInFailureLimit} checked, never locked: the owner signs in from another address`, async () => {
    const answers: string[] = [];
    let bystander: CredentialCheck | undefined;
    for (let sent = 0; sent < guesses; sent += inFlight) {
      const batch = Array.from({ length: inFlight }, (_, i) => attempt('flood-victim', `wrong guess number ${sent + i}`));
      if (sent === guesses / 2) bystander = await attempt('flood-bystander', passphrase, elsewhere);
      answers.push(...(await Promise.all(batch)).map(answer));
    }
    const checked = answers.filter((a) => a === 'invalid').length;
    const successes = answers.filter((a) => a === 'ok').length;
    recordFigure({ figure: `successful sign-ins in ${guesses} wrong guesses`, measured: successes, target: '0', ok: successes === 0 });
    recordFigure({ figure: `passphrases checked in ${guesses} unpaid guesses (${inFlight} in flight)`, measured: checked, target: `≤ ${signInFailureLimit}`, ok: checked <= signInFailureLimit });
    recordFigure({ figure: 'another account signs in during the flood', measured: bystander ? answer(bystander) : 'none', target: 'ok', ok: !!bystander?.ok });
    expect(successes).toBe(0);
    expect(checked).toBeLessThanOrEqual(signInFailureLimit);
    expect(new Set(answers)).toEqual(new Set(['invalid', 'challenge_failed', 'throttled']));
    expect(bystander?.ok).toBe(true);

    // Never locked: from another address the owner is asked for the form's gate, not refused, and
    // gets in with it — without JavaScript (the timed challenge) and with it (a solved proof of work).
    expect(await attempt('flood-victim', passphrase, owner)).toEqual({ ok: false, reason: 'challenge_failed' });
    const withoutJs = await attempt('flood-victim', passphrase, owner, formGate());
    const withJs = await attempt('flood-victim', passphrase, elsewhere, { proof: await solvedProof() });
    recordFigure({ figure: `the owner signs in from another address after ${guesses} wrong guesses (timed challenge / proof of work)`, measured: `${answer(withoutJs)} / ${answer(withJs)}`, target: 'ok / ok', ok: withoutJs.ok && withJs.ok });
    expect(withoutJs.ok).toBe(true);
    expect(withJs.ok).toBe(true);
  });

  it('a guesser past the free guesses pays for every further one: a gate is spent once', async () => {
    const guesser = addressKey('198.51.100.67');
    for (let i = 0; i < signInFailureLimit; i++) expect(await attempt('owner-a', `wrong ${i}`, guesser)).toMatchObject({ reason: 'invalid' });
    const gate = formGate();
    expect(await attempt('owner-a', 'wrong again', guesser, gate)).toMatchObject({ reason: 'invalid' });
    expect(await attempt('owner-a', 'and again', guesser, gate)).toEqual({ ok: false, reason: 'challenge_failed' });
    expect(await attempt('owner-a', 'and again', guesser, { challenge: issueChallenge() })).toMatchObject({ ok: false, reason: 'challenge_wait' });
  });

  it.each([
    ['without JavaScript (timed challenge)', () => Promise.resolve(formGate())],
    ['with JavaScript (proof of work)', async () => ({ proof: await solvedProof() })],
  ] as const)('20 wrong passphrases from one address do not stop the owner signing in from another, %s', async (how, gate) => {
    const [username, guesser] = how.startsWith('without') ? ['owner-b', addressKey('198.51.100.68')] : ['owner-c', addressKey('198.51.100.69')];
    for (let i = 0; i < 20; i++) expect((await attempt(username, `wrong passphrase ${i}`, guesser)).ok).toBe(false);
    const result = await attempt(username, passphrase, owner, await gate());
    expect(result.ok).toBe(true);
    // And from the attacker's own address, once it pays, the owner is not refused either.
    expect((await attempt(username, passphrase, guesser, await gate())).ok).toBe(true);
  });

  it('an unknown username and a wrong passphrase get identical answers, gate included', async () => {
    const unknown: CredentialCheck[] = [];
    const wrong: CredentialCheck[] = [];
    for (let i = 0; i < signInFailureLimit + 2; i++) {
      unknown.push(await attempt('no-such-user-here', 'some wrong passphrase', elsewhere));
      wrong.push(await attempt('flood-bystander', 'some wrong passphrase', elsewhere));
    }
    expect(unknown).toEqual(wrong);
    expect(unknown.at(-1)).toEqual({ ok: false, reason: 'challenge_failed' });
  });
});
