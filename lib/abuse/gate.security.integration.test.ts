// The submission gate in one statement (lib/abuse/gate.ts): the same refusals, in the same order, as
// spending the challenge and then taking the limit's points, and nothing counted for a refused challenge.
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries, rateLimits } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { codeOf } from '@/lib/testing/outcome';
import { formGate } from '@/lib/testing/form-gate';
import { addressKey } from './address';
import { passGate } from './gate';
import { rules, storedKey } from './limits';

describe.each(testDatabases())('the submission gate on $name', (target) => {
  const ctx = useTestDatabase(target);
  const address = addressKey('198.51.100.77');
  const keys = [storedKey('submission', 'account', 'gate-acct'), storedKey('submission', 'address', address)];
  const counts = async () =>
    Object.fromEntries((await ctx.db.select().from(rateLimits).where(inArray(rateLimits.key, keys))).map((r) => [r.key, r.points]));
  const pass = (challenge: string) => ctx.db.transaction((tx) => passGate(tx, { challenge }, 'submission', { account: 'gate-acct', address }));

  it('takes a point from the account and the address with the challenge; a spent challenge is refused and counts nothing', async () => {
    const { challenge } = formGate();
    await pass(challenge);
    expect(await counts()).toEqual({ [keys[0]!]: 1, [keys[1]!]: 1 });
    expect(await codeOf(pass(challenge))).toBe('challenge_failed');
    expect(await counts()).toEqual({ [keys[0]!]: 1, [keys[1]!]: 1 });
    expect(await codeOf(pass('c1.forged.x.y'))).toBe('challenge_failed');
    expect(await counts()).toEqual({ [keys[0]!]: 1, [keys[1]!]: 1 });
  });

  it('over the limit: rate_limited with the wait, and the challenge (rolled back) is not spent', async () => {
    await ctx.db.update(rateLimits).set({ points: rules.submission.address()! }).where(inArray(rateLimits.key, [keys[1]!]));
    const { challenge } = formGate();
    const refused = await pass(challenge).then(() => null, (e: unknown) => e as { code: string; retryAfterSeconds: number });
    expect(refused).toMatchObject({ code: 'rate_limited' });
    expect(refused!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused!.retryAfterSeconds).toBeLessThanOrEqual(rules.submission.windowSeconds);
    await ctx.db.update(rateLimits).set({ points: 0 }).where(inArray(rateLimits.key, [keys[1]!]));
    await expect(pass(challenge)).resolves.toBeUndefined();
  });

  it('appends the audit entry it is given only when the gate passes, to one verifiable chain', async () => {
    await ctx.db.update(rateLimits).set({ points: 0 }).where(inArray(rateLimits.key, keys));
    const entry = { actorId: null, action: 'testimony.submit', targetType: 'testimony', targetId: 'gate-test', details: { revision: 1 } };
    const entries = async () => (await ctx.db.select().from(auditEntries).where(eq(auditEntries.targetId, 'gate-test'))).length;
    const passWith = (challenge: string) => ctx.db.transaction((tx) => passGate(tx, { challenge }, 'submission', { account: 'gate-acct', address }, entry));
    const { challenge } = formGate();
    await passWith(challenge);
    expect(await entries()).toBe(1);
    expect(await codeOf(passWith(challenge))).toBe('challenge_failed');
    await ctx.db.update(rateLimits).set({ points: rules.submission.account()! }).where(inArray(rateLimits.key, [keys[0]!]));
    expect(await codeOf(passWith(formGate().challenge))).toBe('rate_limited');
    expect(await entries()).toBe(1);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });
});

