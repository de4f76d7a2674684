// Signed checkpoints anchor the audit chain (issue 23 §2): the chain verified against a checkpoint
// saved earlier detects what the chain alone cannot — a tail cut off, or a chain truncated and
// rebuilt with fresh hashes — and a deleted entry, each time naming the first entry that does not
// extend the checkpoint. The published document holds nothing private.
import { asc, gte, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditCheckpoints, auditEntries } from '@/db/schema';
import { openApiSchemas } from '@/lib/open-data/openapi';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { appendAudit, verifyAuditChain } from './append';
import {
  checkpointIfDue,
  checkpointSignatureValid,
  describeCheckpointVerification,
  listCheckpoints,
  makeCheckpoint,
  parseCheckpointFile,
  signingKey,
  verifyAgainstCheckpoints,
  type CheckpointFile,
} from './checkpoint';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('@/db/client', async (original) => ({ ...(await original<typeof import('@/db/client')>()), getDb: async () => state.db }));
const { GET } = await import('@/app/api/v1/audit/checkpoints/route');

describe.each(testDatabases())('audit checkpoints on $name', (target) => {
  const ctx = useTestDatabase(target);
  const append = (n: number, action = 'testimony.claim') =>
    ctx.db.transaction(async (tx) => {
      for (let i = 0; i < n; i++) await appendAudit(tx, { actorId: null, action, targetType: 'testimony', targetId: `t${i}`, details: { i } });
    });
  const entries = () => ctx.db.select().from(auditEntries).orderBy(asc(auditEntries.id));
  /** What someone saved from the public endpoint, as a file's text. */
  const saved = async () => JSON.stringify(await (await GET(new Request('http://localhost/api/v1/audit/checkpoints'))).json());

  let snapshot: (typeof auditEntries.$inferSelect)[] = [];
  let file: CheckpointFile;
  /** Puts the chain back exactly as it was when `snapshot` was taken. */
  const restore = async () => {
    await ctx.db.delete(auditEntries).where(gte(auditEntries.id, 0));
    await ctx.db.insert(auditEntries).values(snapshot);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  };

  beforeAll(async () => {
    state.db = ctx.db;
    expect(await makeCheckpoint(ctx.db, 'manual')).toBeNull(); // nothing to anchor yet
    await append(4);
    const first = await makeCheckpoint(ctx.db, 'manual');
    await append(6);
    const second = await makeCheckpoint(ctx.db, 'export');
    expect([first!.entries, second!.entries]).toEqual([4, 10]);
    file = parseCheckpointFile(await saved());
    await append(3); // the chain grew after the checkpoints
    snapshot = await entries();
  });

  it('publishes signed checkpoints with the key and nothing private', async () => {
    const response = await GET(new Request('http://localhost/api/v1/audit/checkpoints'));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const doc = (await response.json()) as Record<string, unknown> & { checkpoints: Record<string, unknown>[] };
    expect(Object.keys(doc).sort()).toEqual(['algorithm', 'checkpoints', 'keyId', 'publicKey']);
    expect(doc.checkpoints).toHaveLength(2);
    for (const c of doc.checkpoints) expect(Object.keys(c).sort()).toEqual(Object.keys(openApiSchemas.AuditCheckpoint.properties).sort());
    for (const c of file.checkpoints) expect(checkpointSignatureValid(c, file.publicKey)).toBe(true);
    expect((await GET(new Request('http://localhost/api/v1/audit/checkpoints?before=x'))).status).toBe(400);
  });

  it('a forged or altered checkpoint, or another key, fails its signature', async () => {
    const c = file.checkpoints[1]!;
    expect(checkpointSignatureValid({ ...c, entries: c.entries - 1 }, file.publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...c, headHash: '0'.repeat(64) }, file.publicKey)).toBe(false);
    const other = Buffer.from(signingKey(Buffer.alloc(32, 9).toString('base64')).export({ format: 'jwk' }).x!, 'base64url').toString('base64');
    expect(checkpointSignatureValid(c, other)).toBe(false);
    const altered = await verifyAgainstCheckpoints(ctx.db, { ...file, checkpoints: [{ ...c, headHash: snapshot[11]!.hash }] });
    expect(altered).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('the chain extends its checkpoints', async () => {
    const result = await verifyAgainstCheckpoints(ctx.db, file);
    expect(result).toEqual({ ok: true, entries: 13, checkpoints: 2 });
    expect(describeCheckpointVerification(result, null)).toMatchObject({ exitCode: 0 });
  });

  it('an entry deleted: fails naming the entry after it', async () => {
    await ctx.db.delete(auditEntries).where(eq(auditEntries.id, snapshot[6]!.id));
    const result = await verifyAgainstCheckpoints(ctx.db, file);
    expect(result).toEqual({ ok: false, reason: 'chain_broken', atId: snapshot[7]!.id, atPosition: 7, why: 'prev_hash_mismatch' });
    expect(describeCheckpointVerification(result, null)).toMatchObject({ exitCode: 1, message: expect.stringContaining(`entry ${snapshot[7]!.id}`) });
    await restore();
  });

  it('truncated and rebuilt with fresh hashes: the chain verifies by itself, the checkpoint names the entry that does not extend it', async () => {
    // Everything from the 7th entry on is removed and the chain re-grown: self-consistent again.
    await ctx.db.delete(auditEntries).where(gte(auditEntries.id, snapshot[6]!.id));
    await append(8, 'testimony.publish');
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
    const now = await entries();
    const result = await verifyAgainstCheckpoints(ctx.db, file);
    // The first checkpoint (4 entries) still holds; the second's position (10) now carries another entry.
    expect(result).toMatchObject({ ok: false, reason: 'diverged', atId: now[9]!.id, atPosition: 10, agreedUpTo: 4, checkpoint: { entries: 10 } });
    const report = describeCheckpointVerification(result, null);
    expect(report.exitCode).toBe(1);
    expect(report.message).toContain(`entry ${now[9]!.id} (position 10) does not extend checkpoint`);
    await restore();
  });

  it('a tail cut off: fails naming the first missing position', async () => {
    await ctx.db.delete(auditEntries).where(gte(auditEntries.id, snapshot[8]!.id));
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true); // alone, a shorter chain looks fine
    const result = await verifyAgainstCheckpoints(ctx.db, file);
    expect(result).toMatchObject({ ok: false, reason: 'missing', entries: 8, checkpoint: { entries: 10 } });
    expect(describeCheckpointVerification(result, null).message).toContain('position 9');
    await restore();
  });

  it('a single saved checkpoint is a valid file too', async () => {
    const one = JSON.stringify({ publicKey: file.publicKey, ...file.checkpoints[0] });
    expect(await verifyAgainstCheckpoints(ctx.db, parseCheckpointFile(one))).toMatchObject({ ok: true });
    expect(() => parseCheckpointFile('{"checkpoints": []}')).toThrow(/not a checkpoint file/);
  });

  it('makes the daily checkpoint only when the newest is a day old', async () => {
    expect(await checkpointIfDue(ctx.db)).toBeNull();
    await ctx.db.update(auditCheckpoints).set({ createdAt: new Date(Date.now() - 25 * 3_600_000) }).where(gte(auditCheckpoints.id, 0));
    const made = await checkpointIfDue(ctx.db);
    expect(made).toMatchObject({ reason: 'daily', entries: 13 });
    expect((await listCheckpoints(ctx.db)).checkpoints.map((c) => c.reason)).toEqual(['manual', 'export', 'daily']);
  });
});
