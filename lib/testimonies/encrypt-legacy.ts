// Data migration for encryption at rest: rows written before migration 0017 (testimonies: draft
// and narratives) or 0018 (thread messages, internal notes) hold their text in plaintext with
// `data_key` null; before 0020 a moderator's unpublished redaction sat in `redacted_narrative`, and
// before 0021 the place of the event and the credit name were in the clear. `prepareDatabase` (lib/startup.ts) runs this when the server starts; each row is
// converted in its own short transaction, so several instances starting together share the work
// without encrypting anything twice.
// PostgreSQL keeps the old row versions until VACUUM: run `VACUUM FULL testimonies,
// testimony_revisions, testimony_approvals, messages, notes` afterwards to drop the plaintext from the files (README, Backups).
import { and, eq, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import { messages, notes, testimonies, testimonyRevisions } from '../../db/schema';
import type { Db } from '../../db/types';
import { sealText, type SealedTextKind } from '../crypto/sealed-text';
import { unsafeEncryptTestimony, sealField, sealNarrative, writableKey } from './sealed';

const batch = 200;

/** Runs `convert` over batches of ids until none is left in plaintext; returns how many were converted. */
async function convertAll(next: () => Promise<{ id: string }[]>, convert: (id: string) => Promise<unknown>): Promise<number> {
  let converted = 0;
  for (;;) {
    const rows = await next();
    for (const row of rows) await convert(row.id);
    converted += rows.length;
    if (rows.length < batch) return converted;
  }
}

/** Encrypts every plaintext testimony; returns how many were converted. */
export async function encryptLegacyTestimonies(db: Db): Promise<number> {
  return convertAll(
    () => db.select({ id: testimonies.id }).from(testimonies).where(isNull(testimonies.dataKey)).limit(batch),
    (id) => db.transaction((tx) => unsafeEncryptTestimony(tx, id)),
  );
}

/** Encrypts every plaintext thread message and internal note; returns how many were converted. */
export async function encryptLegacyTexts(db: Db): Promise<number> {
  let converted = 0;
  for (const [kind, table] of [['message', messages], ['note', notes]] as [SealedTextKind, typeof messages | typeof notes][]) {
    converted += await convertAll(
      () => db.select({ id: table.id }).from(table).where(isNull(table.dataKey)).limit(batch),
      (id) =>
        db.transaction(async (tx) => {
          const [row] = await tx.select({ body: table.body }).from(table).where(and(eq(table.id, id), isNull(table.dataKey))).for('update');
          // Another instance converted it first: never encrypt ciphertext again.
          if (row) await tx.update(table).set(sealText(kind, row.body)).where(eq(table.id, id));
        }),
    );
  }
  return converted;
}

/**
 * Moves unpublished redactions (a current revision's `redacted_narrative` that is not the published
 * one) into the encrypted `redaction_draft`; returns how many were moved. Text that was published
 * stays where it is: it is public.
 */
export async function encryptLegacyRedactions(db: Db): Promise<number> {
  const unpublished = and(
    isNotNull(testimonyRevisions.redactedNarrative),
    or(isNull(testimonies.publishedRevisionId), ne(testimonies.publishedRevisionId, testimonyRevisions.id)),
  );
  return convertAll(
    () =>
      db
        .select({ id: testimonies.id })
        .from(testimonies)
        .innerJoin(testimonyRevisions, eq(testimonyRevisions.id, testimonies.currentRevisionId))
        .where(unpublished)
        .limit(batch),
    (id) =>
      db.transaction(async (tx) => {
        const [row] = await tx.select({ id: testimonies.id, dataKey: testimonies.dataKey }).from(testimonies).where(eq(testimonies.id, id)).for('update');
        const [revision] = await tx
          .select({ id: testimonyRevisions.id, text: testimonyRevisions.redactedNarrative })
          .from(testimonies)
          .innerJoin(testimonyRevisions, eq(testimonyRevisions.id, testimonies.currentRevisionId))
          .where(and(eq(testimonies.id, id), unpublished));
        // Another instance moved it first, or it was published meanwhile.
        if (!row || !revision?.text) return;
        const key = await writableKey(tx, row);
        await tx.update(testimonyRevisions).set({ redactionDraft: sealNarrative(key, revision.text), redactedNarrative: null }).where(eq(testimonyRevisions.id, revision.id));
      }),
  );
}

/**
 * Moves plain credit names and event places into their encrypted columns (migration 0021), one
 * testimony per transaction; returns how many testimonies were converted.
 */
export async function encryptLegacyFields(db: Db): Promise<number> {
  // Two plain scans with a null filter (cheap at every start once nothing is left), not a per-row subquery.
  return convertAll(
    () =>
      union(
        db.select({ id: testimonies.id }).from(testimonies).where(isNotNull(testimonies.creditName)),
        db.select({ id: testimonyRevisions.testimonyId }).from(testimonyRevisions).where(isNotNull(testimonyRevisions.eventPlace)),
      ).limit(batch),
    (id) =>
      db.transaction(async (tx) => {
        const [row] = await tx.select({ id: testimonies.id, dataKey: testimonies.dataKey, creditName: testimonies.creditName }).from(testimonies).where(eq(testimonies.id, id)).for('update');
        if (!row) return;
        const key = await writableKey(tx, row);
        if (row.creditName !== null) await tx.update(testimonies).set({ creditName: null, creditNameEncrypted: sealField(key, 'creditName', row.creditName), updatedAt: sql`${testimonies.updatedAt}` }).where(eq(testimonies.id, id));
        const places = await tx.select({ id: testimonyRevisions.id, place: testimonyRevisions.eventPlace }).from(testimonyRevisions).where(and(eq(testimonyRevisions.testimonyId, id), isNotNull(testimonyRevisions.eventPlace)));
        for (const r of places) await tx.update(testimonyRevisions).set({ eventPlace: null, eventPlaceEncrypted: sealField(key, 'eventPlace', r.place) }).where(eq(testimonyRevisions.id, r.id));
      }),
  );
}
