// Accounts and abuse (issue 7): 1,000 wrong guesses against one account. Target: 0 successes,
// at most `signInFailureLimit` passphrases actually checked per window (even when guesses arrive
// in parallel), the account delayed (not locked: after the window the owner signs in), another
// account signs in during the flood, and an unknown username answered exactly like a wrong passphrase.
import { like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rateLimits, users } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { recordFigure } from '@/lib/testing/security-figures';
import { usernameKey } from '@/lib/validation/account';
import { signInWithPassphrase, type CredentialCheck } from './credentials';
import { hashPassphrase } from './passphrase';
import { rules } from '@/lib/abuse/limits';

const signInFailureLimit = rules['sign-in'].account()!;
const signInWindowSeconds = rules['sign-in'].windowSeconds;

const guesses = 1_000;
const inFlight = 20; // guesses sent at once, as a botnet would
const passphrase = 'correct horse battery staple yadman';

describe.each(testDatabases())('sign-in flood on $name', (target) => {
  const ctx = useTestDatabase(target);

  beforeAll(async () => {
    const passwordHash = await hashPassphrase(passphrase);
    for (const username of ['flood-victim', 'flood-bystander']) {
      await ctx.db.insert(users).values({ username, usernameKey: usernameKey(username), role: 'submitter', passwordHash });
    }
  });

  const attempt = (username: string, guess: string) => signInWithPassphrase(ctx.db, { username, passphrase: guess });
  const answer = (r: CredentialCheck) => (r.ok ? 'ok' : r.reason);

  it(`${guesses} wrong guesses: 0 successes, delayed not locked, a bystander signs in meanwhile`, async () => {
    const answers: string[] = [];
    let bystander: CredentialCheck | undefined;
    for (let sent = 0; sent < guesses; sent += inFlight) {
      const batch = Array.from({ length: inFlight }, (_, i) => attempt('flood-victim', `wrong guess number ${sent + i}`));
      if (sent === guesses / 2) bystander = await attempt('flood-bystander', passphrase);
      answers.push(...(await Promise.all(batch)).map(answer));
    }
    const checked = answers.filter((a) => a === 'invalid').length;
    const successes = answers.filter((a) => a === 'ok').length;
    recordFigure({ figure: `successful sign-ins in ${guesses} wrong guesses`, measured: successes, target: '0', ok: successes === 0 });
    recordFigure({ figure: `passphrases checked in ${guesses} guesses (${inFlight} in flight)`, measured: checked, target: `≤ ${signInFailureLimit}`, ok: checked <= signInFailureLimit });
    recordFigure({ figure: 'another account signs in during the flood', measured: bystander ? answer(bystander) : 'none', target: 'ok', ok: !!bystander?.ok });
    expect(successes).toBe(0);
    expect(checked).toBeLessThanOrEqual(signInFailureLimit);
    expect(bystander?.ok).toBe(true);

    // Delayed: even the right passphrase waits, at most one window.
    const during = await attempt('flood-victim', passphrase);
    expect(during).toMatchObject({ ok: false, reason: 'throttled' });
    expect(during.ok === false && during.reason === 'throttled' && during.retryAfterSeconds).toBeLessThanOrEqual(signInWindowSeconds);
    // Not locked: once the window has passed, the owner gets in.
    await ctx.db.update(rateLimits).set({ expire: new Date(Date.now() - 1000) }).where(like(rateLimits.key, '%flood-victim'));
    expect((await attempt('flood-victim', passphrase)).ok).toBe(true);
  });

  it('an unknown username and a wrong passphrase get identical answers, throttle included', async () => {
    const unknown: CredentialCheck[] = [];
    const wrong: CredentialCheck[] = [];
    for (let i = 0; i < signInFailureLimit + 2; i++) {
      unknown.push(await attempt('no-such-user-here', 'some wrong passphrase'));
      wrong.push(await attempt('flood-bystander', 'some wrong passphrase'));
    }
    const shape = (r: CredentialCheck) => (r.ok ? r : { ...r, ...('retryAfterSeconds' in r ? { retryAfterSeconds: r.retryAfterSeconds > 0 } : {}) });
    expect(unknown.map(shape)).toEqual(wrong.map(shape));
    expect(unknown.at(-1)).toMatchObject({ ok: false, reason: 'throttled' });
  });
});
