// Rotating AUTH_SECRET (`npm run secret:rotate`, README "Rotating the secret"). Everything at rest
// that the secret protects is moved from the previous secret to the new one:
// - every record's wrapped data key (testimonies, users, attachments, messages, notes) is unwrapped
//   with the previous master key and wrapped again with the new one — the records' own ciphertext
//   does not change, so this is quick even for a million testimonies;
// - values sealed directly with the secret (TOTP secrets; e-mails from before per-record keys) are
//   opened and sealed again;
// - kept originals from before per-record keys (sealed with the secret itself) are re-sealed under
//   a data key of their own, as new files, and the old files deleted.
// Each row is checked first: one that already opens with the new secret is left alone, so a run
// that stopped halfway is simply run again. A value that opens with neither secret is counted and
// left as it is (it was unreadable before the run too); the script then exits non-zero.
// What the secret only keys for a while is not carried over: sessions (everyone signs in again),
// form challenges in flight, the daily address keys of the abuse limits, and the fingerprints of
// the coordinated-flood check (testimonies from before the rotation are not compared with later ones).
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, asc, eq, gt, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { attachments, messages, notes, testimonies, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { appendAudit } from '../../lib/audit/append';
import { type MediaStore, newKey } from '../../lib/media/storage';
import { createDataKey, createFileSealStream, type DataKeyKind, fieldPurposes, rewrapDataKey, unwrapDataKey } from '../../lib/crypto/envelope';
import { createOpenStream, open, seal, sealPurposes } from '../../lib/crypto/secret-box';

export type RotationReport = {
  /** Per kind of value: moved to the new secret, already under it, opening with neither. */
  counts: Record<string, { moved: number; already: number; unreadable: number }>;
};

type Secrets = { from: string; to: string };
const batch = 500;

/** Rewrites one stored value: null when it already opens with the new secret. Throws if neither opens it. */
type Rewrite = (stored: string, secrets: Secrets) => string | null;

function opensWith(test: () => unknown): boolean {
  try {
    test();
    return true;
  } catch {
    return false;
  }
}

const rewrapKey =
  (kind: DataKeyKind): Rewrite =>
  (wrapped, { from, to }) =>
    opensWith(() => unwrapDataKey(wrapped, kind, to)) ? null : rewrapDataKey(wrapped, kind, from, to);

const reseal =
  (purpose: string): Rewrite =>
  (sealed, { from, to }) =>
    opensWith(() => open(sealed, purpose, to)) ? null : seal(open(sealed, purpose, from), purpose, to);

/** Walks a table by id in batches; each batch's rewrites commit together. */
async function rewriteColumn(
  db: Db,
  report: RotationReport,
  name: string,
  table: PgTable & { id: PgColumn },
  column: PgColumn,
  rewrite: Rewrite,
  secrets: Secrets,
  where?: SQL,
): Promise<void> {
  const count = (report.counts[name] = { moved: 0, already: 0, unreadable: 0 });
  const property = columnKey(table, column);
  let after: string | null = null;
  for (;;) {
    const rows = (await db
      .select({ id: table.id, value: column })
      .from(table)
      .where(and(isNotNull(column), where, after === null ? undefined : gt(table.id, after)))
      .orderBy(asc(table.id))
      .limit(batch)) as { id: string; value: string }[];
    if (rows.length === 0) return;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        let next: string | null;
        try {
          next = rewrite(row.value, secrets);
        } catch {
          count.unreadable++;
          continue;
        }
        if (next === null) count.already++;
        else {
          await tx.update(table).set({ [property]: next }).where(eq(table.id, row.id));
          count.moved++;
        }
      }
    });
    after = rows.at(-1)!.id;
  }
}

/** The property name drizzle uses for a column of a table. */
function columnKey(table: PgTable, column: PgColumn): string {
  const entry = Object.entries(table).find(([, value]) => value === column);
  if (!entry) throw new Error(`column ${column.name} is not on the table`);
  return entry[0];
}

/** Kept originals sealed with the previous secret itself: re-sealed under their own new data key. */
async function resealLegacyOriginals(db: Db, store: MediaStore, report: RotationReport, { from, to }: Secrets): Promise<void> {
  const count = (report.counts['attachments.original (file)'] = { moved: 0, already: 0, unreadable: 0 });
  const rows = await db
    .select({ id: attachments.id, originalKey: attachments.originalKey })
    .from(attachments)
    .where(and(isNotNull(attachments.originalKey), isNull(attachments.dataKey)));
  for (const row of rows) {
    const { key, wrapped } = createDataKey('attachment', to);
    const target = newKey('originals', row.originalKey!.split('.')[1]);
    const sealed = new PassThrough();
    try {
      await Promise.all([
        pipeline(await store.getStream(row.originalKey!), createOpenStream(sealPurposes.mediaOriginal, from), createFileSealStream(key, fieldPurposes.original), sealed),
        store.put(target, sealed),
      ]);
    } catch {
      await store.delete(target);
      count.unreadable++;
      continue;
    }
    await db.update(attachments).set({ originalKey: target, dataKey: wrapped }).where(eq(attachments.id, row.id));
    await store.delete(row.originalKey!);
    count.moved++;
  }
}

/** Moves everything at rest from `from` (the previous AUTH_SECRET) to `to` (the new one). */
export async function rotateSecret(db: Db, store: MediaStore, secrets: Secrets): Promise<RotationReport> {
  if (!secrets.from || !secrets.to || secrets.from === secrets.to) throw new Error('two different secrets are needed');
  const report: RotationReport = { counts: {} };
  const keyed = [
    ['testimonies.data_key', testimonies, 'testimony'],
    ['users.data_key', users, 'user'],
    ['attachments.data_key', attachments, 'attachment'],
    ['messages.data_key', messages, 'message'],
    ['notes.data_key', notes, 'note'],
  ] as const;
  for (const [name, table, kind] of keyed) await rewriteColumn(db, report, name, table, table.dataKey, rewrapKey(kind), secrets);
  await rewriteColumn(db, report, 'users.totp_secret', users, users.totpSecretEncrypted, reseal(sealPurposes.totpSecret), secrets);
  // E-mails stored before per-record keys are sealed with the secret itself.
  await rewriteColumn(db, report, 'users.email (without a data key)', users, users.emailEncrypted, reseal(sealPurposes.email), secrets, isNull(users.dataKey));
  await resealLegacyOriginals(db, store, report, secrets);
  // Counts only: which records moved says nothing anyone could not learn from the tables.
  await db.transaction((tx) => appendAudit(tx, { actorId: null, action: 'secret.rotate', targetType: 'system', details: report.counts }));
  return report;
}
