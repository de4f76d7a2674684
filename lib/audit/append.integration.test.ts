import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { appendAudit, appendAuditEntries, entryHash, genesisHash, verifyAuditChain } from './append';

describe.each(testDatabases())('audit chain on $name', (target) => {
  const ctx = useTestDatabase(target);
  const append = (action: string, details: Record<string, unknown> = {}) =>
    ctx.db.transaction((tx) => appendAudit(tx, { actorId: null, action, targetType: 'testimony', targetId: 't1', details }));

  it('verifies an empty log', async () => {
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: true, entries: 0 });
  });

  it('links each entry to the previous one and verifies', async () => {
    await append('testimony.submit', { b: 2, a: [1, { y: 1, x: 'ü' }] });
    await append('testimony.claim');
    // Concurrent appenders are serialized: still one unbroken chain.
    await Promise.all(Array.from({ length: 8 }, (_, i) => append('testimony.view', { i })));
    const rows = await ctx.db.select().from(auditEntries).orderBy(auditEntries.id);
    expect(rows[0]!.prevHash).toBe(genesisHash);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(await verifyAuditChain(ctx.db, 3)).toEqual({ ok: true, entries: 10 });
  });

  it('an entry rolled back with its transaction leaves no trace', async () => {
    await expect(
      ctx.db.transaction(async (tx) => {
        await appendAudit(tx, { actorId: null, action: 'x', targetType: 'y' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: true, entries: 10 });
  });

  it('detects an altered entry', async () => {
    const [third] = await ctx.db.select().from(auditEntries).orderBy(auditEntries.id).offset(2).limit(1);
    await ctx.db.update(auditEntries).set({ details: { i: 99 } }).where(eq(auditEntries.id, third!.id));
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: false, brokenAtId: third!.id, reason: 'hash_mismatch' });
    await ctx.db.update(auditEntries).set({ details: third!.details }).where(eq(auditEntries.id, third!.id));
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('detects a deleted entry', async () => {
    const [second] = await ctx.db.select().from(auditEntries).orderBy(auditEntries.id).offset(1).limit(1);
    await ctx.db.delete(auditEntries).where(eq(auditEntries.id, second!.id));
    const result = await verifyAuditChain(ctx.db);
    expect(result).toMatchObject({ ok: false, reason: 'prev_hash_mismatch' });
    expect(result.ok === false && result.brokenAtId).toBeGreaterThan(second!.id);
  });

  it('detects a forged entry appended without the chain', async () => {
    const last = await ctx.db.select().from(auditEntries).orderBy(auditEntries.id);
    await ctx.db.insert(auditEntries).values({
      actorId: null,
      action: 'forged',
      targetType: 'user',
      prevHash: last.at(-1)!.hash,
      hash: 'f'.repeat(64),
    });
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: false });
  });
});

// Issue 21: the append is one statement that hashes in SQL. Its entries must be the very entries the
// JS hash would have made, so the verifier (unchanged, in JS) and `npm run audit:verify` accept them.
describe.each(testDatabases())('the audit chain appended in one statement on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('hashes each entry as entryHash does, and continues a chain whose head was written by the JS hash', async () => {
    // A head written the way entries were written before (hash in JS, then inserted).
    const createdAt = new Date('2026-01-02T03:04:05.678Z');
    const first = { actorId: null, action: 'seed.old', targetType: 'system', targetId: null, details: { z: 1, a: 'x' }, createdAt };
    await ctx.db.insert(auditEntries).values({ ...first, prevHash: genesisHash, hash: entryHash(genesisHash, first) });
    const details = {
      b: [1, 2.5, -0, 1e21, null, true, { y: 'ی', x: 'ü' }],
      a: 'quotes " and \\ backslash, a newline \n, a tab \t, an emoji 🕯️, Persian ۱۲ and a zero-width non-joiner \u200c',
      nested: { deep: { z: null, ä: 'ä', A: 'A' } },
    };
    const input = { actorId: '00000000-0000-4000-8000-000000000001', action: 'testimony.submit', targetType: 'testimony', targetId: 't-1', details };
    const appended = await ctx.db.transaction(async (tx) => [await appendAudit(tx, input), ...(await appendAuditEntries(tx, [{ ...input, action: 'a2' }, { ...input, action: 'a3', details: {} }]))]);
    const rows = await ctx.db.select().from(auditEntries).orderBy(auditEntries.id);
    expect(rows.map((r) => r.action)).toEqual(['seed.old', 'testimony.submit', 'a2', 'a3']);
    expect(appended.map((r) => r.id)).toEqual(rows.slice(1).map((r) => r.id));
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
      // The stored row, hashed in JS, gives the hash SQL stored; and so does the input as given.
      expect(rows[i]!.hash).toBe(entryHash(rows[i - 1]!.hash, rows[i]!));
      expect(appended[i - 1]!.hash).toBe(rows[i]!.hash);
    }
    expect(rows[1]!.hash).toBe(entryHash(rows[0]!.hash, { ...input, createdAt: rows[1]!.createdAt }));
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: true, entries: 4 });
  });

  it('keeps one chain under concurrent appends from several connections, bulk appends across batches included', async () => {
    const before = (await verifyAuditChain(ctx.db)).entries;
    const pools = [ctx.db, await ctx.openAnother(), await ctx.openAnother()];
    const bulk = Array.from({ length: 2_100 }, (_, i) => ({ actorId: null, action: 'import.row', targetType: 'person', targetId: `p${i}`, details: { i } }));
    await Promise.all([
      ...pools.flatMap((db, p) => Array.from({ length: 20 }, (_, i) => db.transaction((tx) => appendAudit(tx, { actorId: null, action: 'testimony.view', targetType: 'testimony', targetId: `${p}-${i}`, details: { p, i } })))),
      ctx.db.transaction((tx) => appendAuditEntries(tx, bulk)),
    ]);
    const rows = await ctx.db.select({ id: auditEntries.id, prevHash: auditEntries.prevHash, action: auditEntries.action, targetId: auditEntries.targetId }).from(auditEntries).orderBy(auditEntries.id);
    expect(rows.length).toBe(before + 60 + 2_100);
    // One chain: no two entries name the same previous entry, and the bulk's rows are in order.
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
    const imported = rows.filter((r) => r.action === 'import.row').map((r) => r.targetId);
    expect(imported).toEqual(bulk.map((b) => b.targetId));
    expect(await verifyAuditChain(ctx.db)).toEqual({ ok: true, entries: before + 2_160 });
  });
});
