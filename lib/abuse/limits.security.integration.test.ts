// Abuse limits (issue 7): every bucket trips at its documented allowance with `rate_limited` and
// the wait, per account and per hashed address, through the real entry points; a count belongs to
// its key only, and ends with its window. Nothing stored names the address.
import { like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, rateLimits, testimonies } from '@/db/schema';
import { createAccount } from '@/lib/auth/accounts';
import { parseEnv } from '@/lib/env.mjs';
import { signInWithPassphrase } from '@/lib/auth/credentials';
import { replyAsSubmitter, sendStaffMessage } from '@/lib/messages';
import { createActors, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { codeOf } from '@/lib/testing/outcome';
import { recordFigure } from '@/lib/testing/security-figures';
import { filledDraft, formToken } from '@/lib/testing/testimony-fixtures';
import { submitTestimony } from '@/lib/testimonies';
import { addressKey } from './address';
import { clearLimit, consumeLimit, rules, storedKey, type Bucket, type LimitKeys } from './limits';
import { formGate } from '@/lib/testing/form-gate';

const address = '198.51.100.23';
const otherAddress = '198.51.100.24';

it('the production defaults are the documented ones (docs/security.md, README)', () => {
  const defaults = parseEnv({});
  expect(
    Object.fromEntries(Object.entries(defaults).filter(([name]) => name.startsWith('LIMIT_') || name === 'TRUSTED_PROXY_HOPS')),
  ).toEqual({
    LIMIT_SIGN_UP_ADDRESS: 20,
    LIMIT_SIGN_IN_ACCOUNT: 5,
    LIMIT_SIGN_IN_ADDRESS: 100,
    LIMIT_SIGN_IN_ACCOUNT_TOTAL: 20,
    LIMIT_SUBMISSION_ACCOUNT: 10,
    LIMIT_SUBMISSION_ADDRESS: 50,
    LIMIT_UPLOAD_ACCOUNT: 60,
    LIMIT_UPLOAD_ADDRESS: 300,
    LIMIT_MESSAGE_ACCOUNT: 60,
    LIMIT_MESSAGE_ADDRESS: 300,
    LIMIT_SEARCH_ADDRESS: 120,
    LIMIT_OPEN_DATA_ADDRESS: 120,
    LIMIT_ACTION_ADDRESS: 300,
    TRUSTED_PROXY_HOPS: 0,
  });
});

describe.each(testDatabases())('abuse limits on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  let collectionId: string;

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    const [c] = await ctx.db.insert(collections).values({ slug: 'abuse', nameFa: 'آزمون', nameEn: 'Test' }).returning({ id: collections.id });
    collectionId = c!.id;
  });

  /** Sets the stored count of `keys` in `bucket` to `points` within the window (as that many posts would). */
  async function fill(bucket: Bucket, keys: LimitKeys, points: number) {
    for (const scope of ['account', 'address'] as const) {
      if (!keys[scope]) continue;
      const expire = new Date(Date.now() + rules[bucket].windowSeconds * 1000);
      await ctx.db
        .insert(rateLimits)
        .values({ key: storedKey(bucket, scope, keys[scope]!), points, expire })
        .onConflictDoUpdate({ target: rateLimits.key, set: { points, expire } });
    }
  }

  const waitOf = async (attempt: Promise<unknown>) => {
    const error = await attempt.then(() => null, (e: unknown) => e);
    return error && typeof error === 'object' && 'retryAfterSeconds' in error ? (error as { code: string; retryAfterSeconds: number }) : null;
  };

  function record(ok: boolean) {
    recordFigure({ figure: 'abuse buckets not tripping at their documented limit with rate_limited and a wait', measured: ok ? 0 : 1, target: '0', ok });
  }

  it.each([
    ['submission', 'account'],
    ['submission', 'address'],
    ['upload', 'account'],
    ['upload', 'address'],
    ['message', 'account'],
    ['message', 'address'],
    ['sign-in', 'address'],
    ['sign-up', 'address'],
  ] as const)('%s by %s: the allowance passes, the next is rate_limited with a wait within the window; other keys are untouched', async (bucket, scope) => {
    const limit = rules[bucket][scope]()!;
    const mine = scope === 'account' ? { account: `${bucket}-acct` } : { address: addressKey(address) };
    const other = scope === 'account' ? { account: `${bucket}-other` } : { address: addressKey(otherAddress) };
    await fill(bucket, mine, limit - 1);
    await expect(consumeLimit(ctx.db, bucket, mine)).resolves.toBeUndefined();
    const refused = await waitOf(consumeLimit(ctx.db, bucket, mine));
    const ok = refused?.code === 'rate_limited' && refused.retryAfterSeconds > 0 && refused.retryAfterSeconds <= rules[bucket].windowSeconds;
    record(ok);
    expect(refused).toMatchObject({ code: 'rate_limited' });
    expect(refused!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused!.retryAfterSeconds).toBeLessThanOrEqual(rules[bucket].windowSeconds);
    await expect(consumeLimit(ctx.db, bucket, other)).resolves.toBeUndefined();
    // The window ends: the same key may act again.
    await ctx.db.update(rateLimits).set({ expire: sql`now() - interval '1 second'` }).where(like(rateLimits.key, `${bucket}%`));
    await expect(consumeLimit(ctx.db, bucket, mine)).resolves.toBeUndefined();
  });

  it('sign-in by account: delayed after the allowance, cleared by a success', async () => {
    await fill('sign-in', { account: 'someone' }, rules['sign-in'].account()! - 1);
    await expect(consumeLimit(ctx.db, 'sign-in', { account: 'someone' })).resolves.toBeUndefined();
    expect(await codeOf(consumeLimit(ctx.db, 'sign-in', { account: 'someone' }))).toBe('rate_limited');
    await clearLimit(ctx.db, 'sign-in', 'someone');
    await expect(consumeLimit(ctx.db, 'sign-in', { account: 'someone' })).resolves.toBeUndefined();
  });

  it('the entry points count: sign-up, sign-in, submission and messages refuse a full address', async () => {
    const full = addressKey('203.0.113.9');
    for (const bucket of ['sign-up', 'sign-in', 'submission', 'message'] as const) await fill(bucket, { address: full }, rules[bucket].address()!);

    expect(await codeOf(createAccount(ctx.db, { ...formGate(),  username: 'flooder', passphrase: 'a long enough passphrase here' }, full))).toBe('rate_limited');
    await expect(createAccount(ctx.db, { ...formGate(),  username: 'neighbour', passphrase: 'a long enough passphrase here' }, addressKey(otherAddress))).resolves.toMatchObject({ userId: expect.any(String) });

    expect(await signInWithPassphrase(ctx.db, { username: 'neighbour', passphrase: 'a long enough passphrase here' }, full)).toMatchObject({ ok: false, reason: 'throttled' });

    const draft = await filledDraft(ctx.db, actors.submitterA.viewer);
    const token = formToken();
    expect(await codeOf(submitTestimony(ctx.db, actors.submitterA.viewer, { ...formGate(),  testimonyId: draft, token }, full))).toBe('rate_limited');
    // Refused with nothing lost: the draft is still there and goes through from another address.
    await expect(submitTestimony(ctx.db, actors.submitterA.viewer, { ...formGate(),  testimonyId: draft, token }, addressKey(otherAddress))).resolves.toMatchObject({ outcome: 'submitted' });

    const [thread] = await ctx.db.insert(testimonies).values({ collectionId, submitterId: actors.submitterA.userId!, status: 'submitted', mayContact: true }).returning({ id: testimonies.id });
    expect(await codeOf(sendStaffMessage(ctx.db, actors.moderator.viewer, { testimonyId: thread!.id, body: 'Which street?' }, full))).toBe('rate_limited');
    expect(await codeOf(replyAsSubmitter(ctx.db, actors.submitterA.viewer, { testimonyId: thread!.id, body: 'The square.' }, full))).toBe('rate_limited');
    await expect(replyAsSubmitter(ctx.db, actors.submitterA.viewer, { testimonyId: thread!.id, body: 'The square.' })).resolves.toMatchObject({ status: 'sent' });
  });

  it('a repeated post of the same submission form is not counted again', async () => {
    const draft = await filledDraft(ctx.db, actors.submitterB.viewer);
    const token = formToken();
    const full = addressKey('203.0.113.10');
    await fill('submission', { address: full }, rules.submission.address()! - 1);
    await submitTestimony(ctx.db, actors.submitterB.viewer, { ...formGate(),  testimonyId: draft, token }, full);
    await expect(submitTestimony(ctx.db, actors.submitterB.viewer, { ...formGate(),  testimonyId: draft, token }, full)).resolves.toMatchObject({ outcome: 'unchanged' });
  });

  it('no stored key holds or contains an address', async () => {
    const keys = (await ctx.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    const leaks = keys.filter((k) => /\d+\.\d+\.\d+\.\d+/.test(k) || k.includes(address)).length;
    recordFigure({ figure: 'rate-limit keys holding an address', measured: leaks, target: '0', ok: leaks === 0 && keys.length > 0 });
    expect(keys.length).toBeGreaterThan(0);
    expect(leaks).toBe(0);
  });
});
