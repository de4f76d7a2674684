// The tamper-evident audit log (PRODUCT.md §2.7). No `server-only`: the seed and admin scripts
// (plain Node) append entries too. Never store IP addresses or free-text personal data in details.
import { createHash } from 'node:crypto';
import { asc, gt, sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
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

/** The canonical JSON of an entry's content: what its hash covers beside the previous hash. */
export function entryContent(entry: HashedFields): string {
  return canonicalJson({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details,
    // Millisecond precision: what a JS Date carries, so the stored value round-trips exactly.
    createdAt: entry.createdAt.toISOString(),
  });
}

/** sha256(prev_hash + "\n" + canonical JSON of the entry's content). */
export function entryHash(prevHash: string, entry: HashedFields): string {
  return createHash('sha256').update(`${prevHash}\n${entryContent(entry)}`).digest('hex');
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
 * Appends an entry that records no other change (a view): one statement outside any transaction,
 * atomic as a statement is, holding the chain's lock for that statement alone (issue 21: a
 * transaction of three round trips).
 */
export async function appendAuditAlone(db: DbOrTx, input: AuditInput) {
  const [row] = await queryRows<{ id: string | number; hash: string }>(db, sql`with recursive ${auditAppendStatement([input])} select id, hash from audited`);
  return { id: Number(row!.id), hash: row!.hash };
}

/**
 * Appends several entries, chained in order, in one statement per 1,000 entries: a bulk change (a
 * CSV import) records every record it creates without a round trip per entry.
 *
 * The statement takes the chain's lock, reads the last hash (audit_chain_head, migration 0027),
 * computes each entry's hash — sha256 of the previous hash, a newline and the entry's canonical JSON,
 * the very text `entryHash` hashes, made here by `entryContent` — and inserts the entries: the
 * chain's lock, held by every audited change until its commit, waits for no round trip to the
 * application (issue 21). Only the hashing moved into SQL; the verifier (`verifyAuditChain`)
 * recomputes every hash in JS as before.
 */
export async function appendAuditEntries(tx: Tx, inputs: readonly AuditInput[]) {
  if (inputs.length === 0) return [];
  const createdAt = new Date();
  const rows: { id: number; hash: string }[] = [];
  for (let i = 0; i < inputs.length; i += 1000) {
    const append = auditAppendStatement(inputs.slice(i, i + 1000), createdAt);
    const inserted = await queryRows<{ id: string | number; hash: string }>(tx, sql`with recursive ${append} select id, hash from audited`);
    // Inserted in chain order (ORDER BY n), so ids (bigserial) follow the chain.
    rows.push(...inserted.map((r) => ({ id: Number(r.id), hash: r.hash })).sort((a, b) => a.id - b.id));
  }
  return rows;
}

/**
 * The CTEs of an append, for `with recursive … select … from audited`: a statement that appends
 * entries beside other work (lib/testimonies/drafts.ts) in one round trip. `onlyIf`: appended only
 * when this condition holds (e.g. `exists (select 1 from created)` of an earlier CTE), which also
 * orders that CTE's writes before the chain's lock. Usable outside an explicit transaction: the
 * statement is its own, and the lock is held to its end.
 */
export function auditAppendStatement(inputs: readonly AuditInput[], createdAt = new Date(), onlyIf?: SQL): SQL {
  const batch = JSON.stringify(
    inputs.map((input) => {
      const fields: HashedFields = {
        actorId: input.actorId,
        action: input.action,
        targetType: input.targetType,
        targetId: input.targetId ?? null,
        details: input.details ?? {},
        createdAt,
      };
      const { createdAt: _, ...stored } = fields;
      return { ...stored, content: entryContent(fields) };
    }),
  );
  return sql`
      audit_input as (
        select (e.value ->> 'actorId')::uuid as actor_id, e.value ->> 'action' as action, e.value ->> 'targetType' as target_type,
               e.value ->> 'targetId' as target_id, e.value -> 'details' as details, e.value ->> 'content' as content, e.n
        from jsonb_array_elements(${batch}::jsonb) with ordinality as e(value, n)
      ),
      audit_chain as (
        select 0::bigint as n, null::text as prev_hash, coalesce(audit_chain_head(${auditLockKey}::bigint), ${genesisHash}::text) as hash
        union all
        select i.n, c.hash, encode(sha256(convert_to(c.hash || E'\\n' || i.content, 'UTF8')), 'hex')
        from audit_chain c join audit_input i on i.n = c.n + 1
      ),
      audited as (
        insert into audit_entries (actor_id, action, target_type, target_id, details, created_at, prev_hash, hash)
        select i.actor_id, i.action, i.target_type, i.target_id, i.details, ${createdAt.toISOString()}::timestamptz, c.prev_hash, c.hash
        from audit_input i join audit_chain c on c.n = i.n${onlyIf ? sql` where ${onlyIf}` : sql``}
        order by i.n
        returning id, hash
      )`;
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
