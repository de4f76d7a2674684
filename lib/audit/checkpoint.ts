// Signed checkpoints of the audit chain (issue 23 §2). The chain alone proves only that it is
// consistent with itself: a tail cut off, or everything after an entry deleted and re-hashed, still
// verifies. A checkpoint — the number of entries, the head entry's id and hash, the time — signed
// with the installation's Ed25519 key and published, lets anyone who saved one prove later that the
// chain still extends it (`npm run audit:verify -- --checkpoint FILE`).
//
// The key: AUDIT_SIGNING_KEY (base64 of a 32-byte seed) or, unset, derived from AUTH_SECRET by HKDF
// under its own label, like the other keys at rest (lib/crypto/secret-box.ts). docs/security.md.
// No `server-only`: the verify script and the job worker use it too.
import { createHash, createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import { asc, count, desc, gt, lt, sql } from 'drizzle-orm';
import { auditCheckpoints, auditEntries } from '../../db/schema';
import type { Db, DbOrTx } from '../../db/types';
import { env } from '../env.mjs';
import { defaultSecret } from '../crypto/secret-box';
import { entryHash, genesisHash } from './append';

const auditLockKey = 7_391_004_212; // the appenders' lock (append.ts): the head stays put meanwhile
const statementPrefix = 'yadman audit checkpoint v1';
// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows.
const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

export type CheckpointReason = 'daily' | 'export' | 'manual';

/** A checkpoint as published: nothing in it is private (counts, ids, hashes, a time, a signature). */
export type PublicCheckpoint = {
  id: number;
  entries: number;
  headId: number;
  headHash: string;
  createdAt: string;
  reason: string;
  keyId: string;
  signature: string;
};

/** The key, from AUDIT_SIGNING_KEY or derived from AUTH_SECRET (development: the development secret). */
export function signingKey(seedBase64 = env().AUDIT_SIGNING_KEY): KeyObject {
  const seed = seedBase64 ? Buffer.from(seedBase64, 'base64') : Buffer.from(hkdfSync('sha256', defaultSecret(), 'yadman', 'audit checkpoint ed25519 v1', 32));
  return createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
}

/** The raw 32-byte public key, base64. */
export function publicKeyBase64(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return Buffer.from(pub.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
}

export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
}

function publicKeyObject(publicKey: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') }, format: 'jwk' });
}

/** The exact bytes signed: one line per field, so any tool can rebuild them. */
export function checkpointStatement(c: Pick<PublicCheckpoint, 'entries' | 'headId' | 'headHash' | 'createdAt' | 'keyId'>): Buffer {
  return Buffer.from([statementPrefix, `entries ${c.entries}`, `head-id ${c.headId}`, `head-hash ${c.headHash}`, `time ${c.createdAt}`, `key ${c.keyId}`, ''].join('\n'));
}

export function checkpointSignatureValid(c: PublicCheckpoint, publicKey: string): boolean {
  if (keyIdOf(publicKey) !== c.keyId) return false;
  try {
    return verify(null, checkpointStatement(c), publicKeyObject(publicKey), Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

const toPublic = (row: typeof auditCheckpoints.$inferSelect): PublicCheckpoint => ({
  id: row.id,
  entries: row.entries,
  headId: row.headId,
  headHash: row.headHash,
  createdAt: row.createdAt.toISOString(),
  reason: row.reason,
  keyId: row.keyId,
  signature: row.signature,
});

/**
 * Signs the current head and stores the checkpoint. Holds the appenders' lock, so the count and the
 * head are of one state of the chain. An empty chain has nothing to anchor: null.
 */
export async function makeCheckpoint(db: Db, reason: CheckpointReason, key = signingKey()): Promise<PublicCheckpoint | null> {
  const keyId = keyIdOf(publicKeyBase64(key));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${auditLockKey})`);
    const [head] = await tx.select({ id: auditEntries.id, hash: auditEntries.hash }).from(auditEntries).orderBy(desc(auditEntries.id)).limit(1);
    if (!head) return null;
    const [total] = await tx.select({ n: count() }).from(auditEntries);
    // Millisecond precision, as stored: the statement signed is the one a reader rebuilds.
    const createdAt = new Date();
    const fields = { entries: Number(total!.n), headId: head.id, headHash: head.hash, createdAt: createdAt.toISOString(), keyId };
    const signature = sign(null, checkpointStatement(fields), key).toString('base64');
    const [row] = await tx.insert(auditCheckpoints).values({ ...fields, createdAt, reason, signature }).returning();
    return toPublic(row!);
  });
}

/** A checkpoint if the newest is older than `maxAgeMs` (the daily one; run hourly by the worker). */
export async function checkpointIfDue(db: Db, maxAgeMs = 24 * 3_600_000): Promise<PublicCheckpoint | null> {
  const [latest] = await db.select({ at: auditCheckpoints.createdAt }).from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  if (latest && Date.now() - latest.at.getTime() < maxAgeMs) return null;
  return makeCheckpoint(db, 'daily');
}

/** Every checkpoint, oldest first, and the key that signs them: GET /api/v1/audit/checkpoints. */
export async function listCheckpoints(db: DbOrTx, options: { before?: number; limit?: number } = {}) {
  const limit = Math.min(Math.max(options.limit ?? 1000, 1), 1000);
  const rows = await db
    .select()
    .from(auditCheckpoints)
    .where(options.before ? lt(auditCheckpoints.id, options.before) : undefined)
    .orderBy(desc(auditCheckpoints.id))
    .limit(limit);
  const publicKey = publicKeyBase64(signingKey());
  return { algorithm: 'Ed25519' as const, publicKey, keyId: keyIdOf(publicKey), checkpoints: rows.reverse().map(toPublic) };
}

export type CheckpointFile = { publicKey: string; checkpoints: PublicCheckpoint[] };

/** Reads a saved file: the endpoint's whole document, or one checkpoint with `publicKey` beside it. */
export function parseCheckpointFile(text: string): CheckpointFile {
  const data = JSON.parse(text) as Partial<CheckpointFile> & Partial<PublicCheckpoint>;
  const checkpoints = Array.isArray(data.checkpoints) ? data.checkpoints : data.headHash ? [data as PublicCheckpoint] : [];
  if (typeof data.publicKey !== 'string' || checkpoints.length === 0) throw new Error('not a checkpoint file: it needs "publicKey" and one or more checkpoints');
  for (const c of checkpoints) {
    if (!Number.isSafeInteger(c.entries) || !Number.isSafeInteger(c.headId) || !/^[0-9a-f]{64}$/.test(c.headHash) || typeof c.signature !== 'string') {
      throw new Error('not a checkpoint file: a checkpoint lacks entries, headId, headHash or signature');
    }
  }
  return { publicKey: data.publicKey, checkpoints: [...checkpoints].sort((a, b) => a.entries - b.entries) };
}

export type CheckpointVerification =
  | { ok: true; entries: number; checkpoints: number }
  | { ok: false; reason: 'bad_signature'; checkpoint: PublicCheckpoint }
  | { ok: false; reason: 'chain_broken'; atId: number; atPosition: number; why: 'prev_hash_mismatch' | 'hash_mismatch' }
  | { ok: false; reason: 'missing'; checkpoint: PublicCheckpoint; entries: number }
  | {
      ok: false;
      reason: 'diverged';
      checkpoint: PublicCheckpoint;
      /** The entry now at the checkpoint's position, whose hash is not the signed head hash. */
      atId: number;
      atPosition: number;
      /** The last position where the chain still matched an earlier checkpoint of the file (0: none). */
      agreedUpTo: number;
    };

/**
 * Proves the current chain extends every checkpoint in the file: each signature is good, the chain
 * verifies from the start, and at each checkpoint's position (its entry count, in id order) the entry
 * there carries the signed head hash. A deleted entry breaks the chain at the entry after it; a
 * chain truncated and rebuilt (re-hashed) verifies by itself but puts another entry at the
 * checkpoint's position, which is named; a cut-off tail leaves the position empty.
 */
export async function verifyAgainstCheckpoints(db: DbOrTx, file: CheckpointFile, batchSize = 1000): Promise<CheckpointVerification> {
  for (const c of file.checkpoints) if (!checkpointSignatureValid(c, file.publicKey)) return { ok: false, reason: 'bad_signature', checkpoint: c };
  const pending = [...file.checkpoints];
  let prevHash = genesisHash;
  let position = 0;
  let lastId = 0;
  let agreedUpTo = 0;
  for (;;) {
    const batch = await db.select().from(auditEntries).where(gt(auditEntries.id, lastId)).orderBy(asc(auditEntries.id)).limit(batchSize);
    for (const entry of batch) {
      position++;
      if (entry.prevHash !== prevHash) return { ok: false, reason: 'chain_broken', atId: entry.id, atPosition: position, why: 'prev_hash_mismatch' };
      if (entryHash(prevHash, entry) !== entry.hash) return { ok: false, reason: 'chain_broken', atId: entry.id, atPosition: position, why: 'hash_mismatch' };
      while (pending[0] && pending[0].entries === position) {
        const c = pending.shift()!;
        if (c.headHash !== entry.hash) return { ok: false, reason: 'diverged', checkpoint: c, atId: entry.id, atPosition: position, agreedUpTo };
        agreedUpTo = position;
      }
      prevHash = entry.hash;
      lastId = entry.id;
    }
    if (batch.length < batchSize) break;
  }
  if (pending[0]) return { ok: false, reason: 'missing', checkpoint: pending[0], entries: position };
  return { ok: true, entries: position, checkpoints: file.checkpoints.length };
}

/** The text and exit code of `npm run audit:verify -- --checkpoint FILE`. */
export function describeCheckpointVerification(result: CheckpointVerification, installationKeyId: string | null): { exitCode: 0 | 1; message: string } {
  const at = (c: PublicCheckpoint) => `checkpoint ${c.id} (${c.entries} entries, ${c.createdAt})`;
  if (result.ok) {
    return { exitCode: 0, message: `audit chain extends the checkpoint${result.checkpoints > 1 ? 's' : ''}: ${result.entries} entries verified against ${result.checkpoints} signed checkpoint${result.checkpoints > 1 ? 's' : ''}${installationKeyId ? ` (key ${installationKeyId})` : ''}` };
  }
  switch (result.reason) {
    case 'bad_signature':
      return { exitCode: 1, message: `${at(result.checkpoint)}: BAD signature for key ${result.checkpoint.keyId}; the file was altered or is not from this installation` };
    case 'chain_broken':
      return { exitCode: 1, message: `audit chain BROKEN at entry ${result.atId} (position ${result.atPosition}): ${result.why === 'hash_mismatch' ? 'its content does not match its hash' : 'it does not link to the entry before it (an entry before it was deleted or inserted)'}; it is the first entry that does not extend the checkpoint` };
    case 'missing':
      return { exitCode: 1, message: `audit chain TRUNCATED: ${at(result.checkpoint)} covers ${result.checkpoint.entries} entries but the chain now holds ${result.entries}; the first entry that does not extend the checkpoint is the missing entry at position ${result.entries + 1} (id ${result.checkpoint.headId} was the signed head)` };
    case 'diverged':
      return {
        exitCode: 1,
        message: `audit chain REWRITTEN: entry ${result.atId} (position ${result.atPosition}) does not extend ${at(result.checkpoint)} — its hash is not the signed head hash ${result.checkpoint.headHash}; the chain was rebuilt at or before it${result.agreedUpTo ? `, after position ${result.agreedUpTo} (where it still matched an earlier checkpoint)` : ''}`,
      };
  }
}
