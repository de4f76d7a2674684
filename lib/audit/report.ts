// The state of the audit chain: for `npm run audit:verify` (text and exit code) and for the admin's
// audit log page. No `server-only`: a plain Node script runs it. Names the first broken entry
// (id, action, time), never its details.
import { eq } from 'drizzle-orm';
import { auditEntries } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import { verifyAuditChain } from './append';

export type AuditChainStatus =
  | { ok: true; entries: number }
  | { ok: false; verifiedBefore: number; broken: { id: number; action: string | null; createdAt: Date | null; reason: 'prev_hash_mismatch' | 'hash_mismatch' } };

export async function auditChainStatus(db: DbOrTx): Promise<AuditChainStatus> {
  const result = await verifyAuditChain(db);
  if (result.ok) return result;
  const [entry] = await db
    .select({ action: auditEntries.action, createdAt: auditEntries.createdAt })
    .from(auditEntries)
    .where(eq(auditEntries.id, result.brokenAtId));
  return {
    ok: false,
    verifiedBefore: result.entries - 1,
    broken: { id: result.brokenAtId, action: entry?.action ?? null, createdAt: entry?.createdAt ?? null, reason: result.reason },
  };
}

export async function auditVerifyReport(db: DbOrTx): Promise<{ exitCode: 0 | 1; message: string }> {
  const status = await auditChainStatus(db);
  if (status.ok) return { exitCode: 0, message: `audit chain intact: ${status.entries} entries verified` };
  const { broken } = status;
  const why = broken.reason === 'hash_mismatch' ? 'its content does not match its hash' : 'it does not link to the entry before it';
  return {
    exitCode: 1,
    message: `audit chain BROKEN at entry ${broken.id} (${broken.action ?? '?'}, ${broken.createdAt?.toISOString() ?? '?'}): ${why}. Entries before it verified: ${status.verifiedBefore}.`,
  };
}
