// Free text that staff and submitters write to each other (thread messages) or about a testimony or
// person (internal notes) is encrypted at rest like narratives: each row has its own data key
// (lib/crypto/envelope.ts), so a database dump holds none of it. A row with `data_key` null was
// written before migration 0018 and still holds plaintext until lib/testimonies/encrypt-legacy.ts
// converts it at server start.
// No `server-only`: the seed scripts (plain Node) write notes too.
import { createDataKey, decryptField, encryptField, fieldPurposes, unwrapDataKey } from './envelope';

export type SealedTextKind = 'message' | 'note';

/** A new row's text sealed under its own new data key: both go into the insert. */
export function sealText(kind: SealedTextKind, text: string): { body: string; dataKey: string } {
  const { key, wrapped } = createDataKey(kind);
  return { body: encryptField(key, text, fieldPurposes[kind]), dataKey: wrapped };
}

/** The row's text; a row from before migration 0018 (no key) is returned as stored. */
export function openText(kind: SealedTextKind, row: { body: string; dataKey: string | null }): string {
  return row.dataKey ? decryptField(unwrapDataKey(row.dataKey, kind), row.body, fieldPurposes[kind]) : row.body;
}

/** Rows as read (text and key) → the same rows with the text opened and the key left behind. */
export function openRows<T extends { body: string; dataKey: string | null }>(kind: SealedTextKind, rows: T[]): Omit<T, 'dataKey'>[] {
  return rows.map(({ dataKey, ...row }) => ({ ...row, body: openText(kind, { body: row.body, dataKey }) }));
}
