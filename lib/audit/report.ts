// The verdict of `npm run audit:verify`, as text and exit code. No `server-only`: a plain Node
// script runs it. Names the first broken entry (id, action, time), never its details.
import { eq } from 'drizzle-orm';
import { auditEntries } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import { verifyAuditChain } from './append';

export async function auditVerifyReport(db: DbOrTx): Promise<{ exitCode: 0 | 1; message: string }> {
  const result = await verifyAuditChain(db);
  if (result.ok) return { exitCode: 0, message: `audit chain intact: ${result.entries} entries verified` };
  const [entry] = await db
    .select({ id: auditEntries.id, action: auditEntries.action, createdAt: auditEntries.createdAt })
    .from(auditEntries)
    .where(eq(auditEntries.id, result.brokenAtId));
  const why = result.reason === 'hash_mismatch' ? 'its content does not match its hash' : 'it does not link to the entry before it';
  return {
    exitCode: 1,
    message: `audit chain BROKEN at entry ${result.brokenAtId} (${entry?.action ?? '?'}, ${entry?.createdAt.toISOString() ?? '?'}): ${why}. Entries before it verified: ${result.entries - 1}.`,
  };
}
