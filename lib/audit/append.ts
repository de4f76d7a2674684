// The tamper-evident audit log (PRODUCT.md §2.7). No `server-only`: the seed and admin scripts
// (plain Node) append entries too. Never store IP addresses or free-text personal data in details.
import { createHash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import { auditEntries } from '../../db/schema';
import type { DbOrTx, Tx } from '../../db/types';
import { canonicalJson } from './canonical-json';

/** prev_hash of the first entry. */
export const genesisHash = '0'.repeat(64);
// Serializes appenders across connections and processes, so two entries never share a prev_hash.
const auditLockKey = 7_391_004_212;

export type AuditInput = {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
};

type HashedFields = Required<AuditInput> & { createdAt: Date };

/** sha256(prev_hash + "\n" + canonical JSON of the entry's content). */
export function entryHash(prevHash: string, entry: HashedFields): string {
  const content = canonicalJson({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details,
    // Millisecond precision: what a JS Date carries, so the stored value round-trips exactly.
    createdAt: entry.createdAt.toISOString(),
  });
  return createHash('sha256').update(`${prevHash}\n${content}`).digest('hex');
}

/**
 * Appends an entry inside the caller's transaction, so the entry commits (or rolls back) together
 * with the change it records. Must be given a transaction: the advisory lock is transaction-scoped.
 */
export async function appendAudit(tx: Tx, input: AuditInput) {
  const [row] = await appendAuditEntries(tx, [input]);
  return row!;
}

/**
 * Appends several entries, chained in order, with one lock, one read of the last hash and one
 * insert per 1,000 entries: a bulk change (a CSV import) records every record it creates without
 * a round trip per entry.
 */
export async function appendAuditEntries(tx: Tx, inputs: readonly AuditInput[]) {
  if (inputs.length === 0) return [];
  // The lock, then the last hash, in one statement (SQL function audit_chain_head, migration 0026).
  const [head] = await tx.select({ hash: sql<string | null>`audit_chain_head(${auditLockKey}::bigint)` }).from(sql`(select 1) as one`);
  let prevHash = head?.hash ?? genesisHash;
  const createdAt = new Date();
  const values = inputs.map((input) => {
    const fields: HashedFields = {
      actorId: input.actorId,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      details: input.details ?? {},
      createdAt,
    };
    const hash = entryHash(prevHash, fields);
    const value = { ...fields, prevHash, hash };
    prevHash = hash;
    return value;
  });
  const rows: { id: number; hash: string }[] = [];
  for (let i = 0; i < values.length; i += 1000) {
    // Inserted in chain order, so ids (bigserial) follow the chain.
    rows.push(...(await tx.insert(auditEntries).values(values.slice(i, i + 1000)).returning({ id: auditEntries.id, hash: auditEntries.hash })));
  }
  return rows;
}

export type ChainVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAtId: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' };

/** Walks the whole chain in id order and recomputes every hash. */
export async function verifyAuditChain(db: DbOrTx, batchSize = 1000): Promise<ChainVerification> {
  let prevHash = genesisHash;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditEntries)
      .where(gt(auditEntries.id, lastId))
      .orderBy(asc(auditEntries.id))
      .limit(batchSize);
    for (const entry of batch) {
      count++;
      if (entry.prevHash !== prevHash) {
        return { ok: false, entries: count, brokenAtId: entry.id, reason: 'prev_hash_mismatch' };
      }
      if (entryHash(prevHash, entry) !== entry.hash) {
        return { ok: false, entries: count, brokenAtId: entry.id, reason: 'hash_mismatch' };
      }
      prevHash = entry.hash;
      lastId = entry.id;
    }
    if (batch.length < batchSize) return { ok: true, entries: count };
  }
}
