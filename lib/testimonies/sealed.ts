// The testimony's own text at rest: the draft (JSON) and every revision's narrative are encrypted
// with the testimony's data key (lib/crypto/envelope.ts), so a database dump holds no word of
// them. Every read and write of those two columns goes through here. A row with `data_key` null
// was written before migration 0017 and still holds plaintext until lib/testimonies/encrypt-legacy.ts
// converts it (at server start); writers convert such a row first (`writableKey`).
// No `server-only`: the demo seed (plain Node) writes encrypted testimonies too.
import { eq, sql } from 'drizzle-orm';
import { testimonies, testimonyRevisions } from '../../db/schema';
import type { DbOrTx } from '../../db/types';
import { createDataKey, type DataKey, decryptField, encryptField, fieldPurposes, unwrapDataKey } from '../crypto/envelope';
import type { DraftData } from './draft-data';

/** The record key of a testimony row, or null for a row still in plaintext (before migration 0017). */
export function testimonyKey(row: { dataKey: string | null }): DataKey | null {
  return row.dataKey ? unwrapDataKey(row.dataKey, 'testimony') : null;
}

export function sealNarrative(key: DataKey, narrative: string): string {
  return encryptField(key, narrative, fieldPurposes.narrative);
}

export function openNarrative(key: DataKey | null, stored: string): string {
  return key ? decryptField(key, stored, fieldPurposes.narrative) : stored;
}

export function sealDraft(key: DataKey, draft: DraftData): string {
  return encryptField(key, JSON.stringify(draft), fieldPurposes.draft);
}

export function openDraft(key: DataKey | null, stored: string | null): DraftData {
  if (stored === null) return {};
  return JSON.parse(key ? decryptField(key, stored, fieldPurposes.draft) : stored) as DraftData;
}

/** The short fields a submitter types besides the narrative: where it happened, the name to credit. */
export type SealedField = 'eventPlace' | 'creditName';

/** An optional field sealed with the testimony's key (null stays null). */
export function sealField(key: DataKey, field: SealedField, value: string | null): string | null {
  return value === null ? null : encryptField(key, value, fieldPurposes[field]);
}

/**
 * The field as written: its encrypted column, or the plain one of a row from before migration 0021
 * (until lib/testimonies/encrypt-legacy.ts moves it at start).
 */
export function openField(key: DataKey | null, field: SealedField, stored: { encrypted: string | null; plain: string | null }): string | null {
  return key && stored.encrypted !== null ? decryptField(key, stored.encrypted, fieldPurposes[field]) : stored.plain;
}

/** A new testimony's key and its wrapped form for the insert. */
export function newTestimonyKey(): { key: DataKey; wrapped: string } {
  return createDataKey('testimony');
}

/**
 * The key to write with. A row from before migration 0017 is converted first, in the caller's
 * transaction (the row should be locked): its draft and revisions encrypted under a new key.
 */
export async function writableKey(tx: DbOrTx, row: { id: string; dataKey: string | null }): Promise<DataKey> {
  return testimonyKey(row) ?? (await unsafeEncryptTestimony(tx, row.id));
}

/**
 * Encrypts one plaintext testimony (draft and every revision's narrative) under a new data key.
 * Checks nothing about who asks (`unsafe`): for `writableKey` and the start-up conversion.
 */
export async function unsafeEncryptTestimony(tx: DbOrTx, testimonyId: string): Promise<DataKey> {
  const [row] = await tx.select({ dataKey: testimonies.dataKey, draft: testimonies.draft }).from(testimonies).where(eq(testimonies.id, testimonyId)).for('update');
  // Another process converted it first: never encrypt ciphertext again.
  if (row?.dataKey) return testimonyKey(row)!;
  const { key, wrapped } = newTestimonyKey();
  const revisions = await tx.select({ id: testimonyRevisions.id, narrative: testimonyRevisions.narrative }).from(testimonyRevisions).where(eq(testimonyRevisions.testimonyId, testimonyId));
  for (const r of revisions) await tx.update(testimonyRevisions).set({ narrative: sealNarrative(key, r.narrative) }).where(eq(testimonyRevisions.id, r.id));
  const draft = row?.draft ? sealDraft(key, openDraft(null, row.draft)) : null;
  // Not a change by anyone: the retention clock keeps running.
  await tx.update(testimonies).set({ dataKey: wrapped, draft, updatedAt: sql`${testimonies.updatedAt}` }).where(eq(testimonies.id, testimonyId));
  return key;
}
