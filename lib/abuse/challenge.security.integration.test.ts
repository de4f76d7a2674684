// Form challenges (issue 7): sign-up and "submit for review" are refused without a valid, unused
// challenge, when sent sooner than the configured wait, and when the hidden trap field is filled;
// a refused attempt leaves nothing written; a refused sign-up spends its challenge (issue 17). Spent
// challenges are purged by the retention sweep once past their age.
import { describe, expect, it } from 'vitest';
import { usedChallenges } from '@/db/schema';
import { createAccount } from '@/lib/auth/accounts';
import { env } from '@/lib/env.mjs';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { gatePassphrase, useFormGateScene } from '@/lib/testing/form-gate-fixtures';
import { codeOf } from '@/lib/testing/outcome';
import { recordFigure } from '@/lib/testing/security-figures';
import { filledDraft, formToken } from '@/lib/testing/testimony-fixtures';
import { getOwnDraft, submitTestimony } from '@/lib/testimonies';
import { addressKey } from './address';
import { checkChallenge, issueChallenge, pruneUsedChallenges, reissueChallenge, repostWaitSeconds } from './challenge';
import { guessWaitSeconds } from './guesses';
import { rules } from './limits';

const passphrase = gatePassphrase;
const minuteAgo = () => issueChallenge(new Date(Date.now() - 60_000));

describe.each(testDatabases())('form challenges on $name', (target) => {
  const ctx = useTestDatabase(target);
  const scene = useFormGateScene(ctx);
  const { accountsNamed } = scene;

  it('sign-up: refused without, with a forged, a spent or a too-fresh challenge, or with the trap filled; accepted once otherwise', async () => {
    const signUp = (username: string, gate: { challenge: string; trap?: string }) => codeOf(createAccount(ctx.db, { username, passphrase, ...gate }));
    const good = minuteAgo();
    const [v, issued, nonce] = good.split('.');
    const outcomes = {
      missing: await signUp('gate-1', { challenge: '' }),
      forged: await signUp('gate-2', { challenge: `${v}.${issued}.${nonce}.${'A'.repeat(43)}` }),
      tooFresh: await signUp('gate-3', { challenge: issueChallenge() }),
      expired: await signUp('gate-4', { challenge: issueChallenge(new Date(Date.now() - (env().CHALLENGE_MAX_AGE_MINUTES + 1) * 60_000)) }),
      trap: await signUp('gate-5', { challenge: minuteAgo(), trap: 'https://spam.example' }),
      accepted: await signUp('gate-6', { challenge: good }),
      reused: await signUp('gate-7', { challenge: good }),
    };
    const wrong = Object.entries(outcomes).filter(([k, code]) => (k === 'accepted' ? code !== 'ok' : code === 'ok')).length;
    recordFigure({ figure: 'sign-ups or submissions accepted without a valid, unused challenge, or with the trap filled', measured: wrong, target: '0', ok: wrong === 0 });
    expect(outcomes).toEqual({
      missing: 'challenge_failed',
      forged: 'challenge_failed',
      tooFresh: env().CHALLENGE_WAIT_SECONDS > 0 ? 'challenge_wait' : 'ok',
      expired: 'challenge_failed',
      trap: 'challenge_failed',
      accepted: 'ok',
      reused: 'challenge_failed',
    });
    expect(await accountsNamed('gate-7')).toBe(0);
  });

  it('username probing (issue 17): a refused sign-up (name taken) spends its challenge, and refusals count per address', async () => {
    const challenge = minuteAgo();
    expect(await codeOf(createAccount(ctx.db, { username: 'gate-6', passphrase, challenge }))).toBe('invalid_input');
    // The same challenge answers no second probe, not even for a free name.
    const probes = [await codeOf(createAccount(ctx.db, { username: 'gate-6', passphrase, challenge })), await codeOf(createAccount(ctx.db, { username: 'gate-8', passphrase, challenge }))];
    recordFigure({ figure: 'usernames probed with one form challenge', measured: 1 + probes.filter((c) => c !== 'challenge_failed').length, target: '1', ok: probes.every((c) => c === 'challenge_failed') });
    expect(probes).toEqual(['challenge_failed', 'challenge_failed']);
    expect(await accountsNamed('gate-8')).toBe(0);
    // Every refusal is counted against the address: past its allowance, probing stops there.
    const prober = addressKey('198.51.100.150');
    const allowance = rules['sign-up'].address()!;
    const answers: string[] = [];
    for (let i = 0; i <= allowance; i++) answers.push(await codeOf(createAccount(ctx.db, { username: 'gate-6', passphrase, challenge: minuteAgo() }, prober)));
    expect(answers.slice(0, allowance).every((c) => c === 'invalid_input')).toBe(true);
    expect(answers.at(-1)).toBe('rate_limited');
    expect(await codeOf(createAccount(ctx.db, { username: 'gate-8', passphrase, challenge: minuteAgo() }, addressKey('198.51.100.151')))).toBe('ok');
  });

  it('submit for review: refused without a valid, unused challenge or with the trap filled, the draft kept; a repeated post of the sent form is not refused', async () => {
    const viewer = scene.actors.submitterA.viewer;
    const draft = await filledDraft(ctx.db, viewer);
    const token = formToken();
    const submit = (gate: { challenge: string; trap?: string }) => codeOf(submitTestimony(ctx.db, viewer, { testimonyId: draft, token, ...gate }));
    const refusals = [await submit({ challenge: 'c1.x.y.z' }), await submit({ challenge: minuteAgo(), trap: 'x' })];
    const kept = await getOwnDraft(ctx.db, viewer, draft); // the draft as saved (stored encrypted)
    const challenge = minuteAgo();
    const accepted = await submit({ challenge });
    const repeated = await submit({ challenge });
    const other = await filledDraft(ctx.db, viewer);
    const reused = await codeOf(submitTestimony(ctx.db, viewer, { testimonyId: other, token: formToken(), challenge }));
    const wrong = refusals.filter((c) => c === 'ok').length + (accepted === 'ok' ? 0 : 1) + (reused === 'ok' ? 1 : 0);
    recordFigure({ figure: 'sign-ups or submissions accepted without a valid, unused challenge, or with the trap filled', measured: wrong, target: '0', ok: wrong === 0 });
    expect(refusals).toEqual(['challenge_failed', 'challenge_failed']);
    expect(kept!.status).toBe('draft');
    expect(Object.keys(kept!.draft)).toEqual(expect.arrayContaining(['about', 'account', 'consent']));
    expect([accepted, repeated, reused]).toEqual(['ok', 'ok', 'challenge_failed']);
  });

  it('spent challenges past their age are purged, younger ones kept', async () => {
    const now = new Date();
    await ctx.db.insert(usedChallenges).values([
      { signature: 'old', expiresAt: new Date(now.getTime() - 1000) },
      { signature: 'young', expiresAt: new Date(now.getTime() + 60_000) },
    ]);
    await pruneUsedChallenges(ctx.db, now);
    const left = (await ctx.db.select().from(usedChallenges)).map((r) => r.signature);
    expect(left).toContain('young');
    expect(left).not.toContain('old');
  });
});

describe('a refused post\'s fresh challenge (issue 18)', () => {
  const wait = env().CHALLENGE_WAIT_SECONDS;
  const issuedAt = (token: string) => parseInt(token.split('.')[1]!, 36);

  it('after a post that waited, a re-post waits only a second: fixing a taken username is not "too soon"', async () => {
    const now = new Date();
    const again = reissueChallenge(issueChallenge(new Date(now.getTime() - 60_000)), now);
    await expect(checkChallenge({ challenge: again }, new Date(now.getTime() + repostWaitSeconds * 1000))).resolves.toBeTruthy();
    // Probing usernames still costs a second per probe.
    if (wait > repostWaitSeconds) expect(await codeOf(checkChallenge({ challenge: again }, now))).toBe('challenge_wait');
  });

  it('a post sent too soon does not shorten the wait by being refused', () => {
    const now = new Date();
    const opened = issueChallenge(new Date(now.getTime() - 1_000));
    expect(issuedAt(reissueChallenge(opened, now))).toBe(issuedAt(opened));
  });

  it('a forged challenge is worth nothing: the new one starts now', async () => {
    const now = new Date();
    const [v, issued, nonce] = issueChallenge(new Date(now.getTime() - 60_000)).split('.');
    expect(issuedAt(reissueChallenge(`${v}.${issued}.${nonce}.${'A'.repeat(43)}`, now))).toBe(now.getTime());
  });

  it('a paid sign-in guess waits less than a sign-up (a password manager fills at once)', async () => {
    const now = new Date();
    const twoSecondsAgo = issueChallenge(new Date(now.getTime() - 2_000));
    expect(guessWaitSeconds()).toBeLessThanOrEqual(2);
    await expect(checkChallenge({ challenge: twoSecondsAgo }, now, undefined, guessWaitSeconds())).resolves.toBeTruthy();
    if (wait > 2) expect(await codeOf(checkChallenge({ challenge: twoSecondsAgo }, now))).toBe('challenge_wait');
  });
});
