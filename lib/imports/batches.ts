import 'server-only';
// CSV import batches (admin, `data.import`): upload, mapping, discard. The cells stay in the batch
// row between the steps, so each step is a plain form post; they are emptied when the batch ends.
import { desc, eq } from 'drizzle-orm';
import { collections, importBatches, users } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import { appendAudit } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/uuid';
import { requirePermission } from '@/lib/authz/guard';
import { CsvRefused, parseCsv } from './csv';
import { guessMapping, importFields, type ImportMapping } from './fields';

export type ImportBatchStatus = 'uploaded' | 'imported' | 'discarded';
export type ImportBatchSummary = { id: string; status: ImportBatchStatus; rowCount: number; createdAt: Date; createdBy: string | null; summary: Record<string, number> | null };
export type ImportBatch = ImportBatchSummary & {
  collection: { nameFa: string; nameEn: string };
  headers: string[];
  /** The first rows, to recognise the columns by. */
  sample: string[][];
  /** The saved mapping, or a guess from the headers before the first save. */
  mapping: ImportMapping;
  mappingSaved: boolean;
};


export async function createImportBatch(db: Db, viewer: Viewer | null, input: { collectionId: string; bytes: Uint8Array }): Promise<string> {
  const actor = requirePermission(viewer, 'data.import');
  let parsed;
  try {
    parsed = parseCsv(input.bytes);
  } catch (error) {
    if (error instanceof CsvRefused) throw new AppError('invalid_input', { fieldErrors: { file: `csv_${error.problem}` } });
    throw error;
  }
  return db.transaction(async (tx) => {
    const [collection] = isUuid(input.collectionId) ? await tx.select({ id: collections.id }).from(collections).where(eq(collections.id, input.collectionId)) : [];
    if (!collection) throw new AppError('invalid_input', { fieldErrors: { collectionId: 'required' } });
    const [row] = await tx
      .insert(importBatches)
      .values({ collectionId: collection.id, createdBy: actor.userId, headers: parsed.headers, rows: parsed.rows, rowCount: parsed.rows.length })
      .returning({ id: importBatches.id });
    await appendAudit(tx, { actorId: actor.userId, action: 'import.upload', targetType: 'import_batch', targetId: row!.id, details: { rows: parsed.rows.length, columns: parsed.headers.length } });
    return row!.id;
  });
}

export async function listImportBatches(db: Db, viewer: Viewer | null): Promise<ImportBatchSummary[]> {
  requirePermission(viewer, 'data.import');
  return db
    .select({ id: importBatches.id, status: importBatches.status, rowCount: importBatches.rowCount, createdAt: importBatches.createdAt, createdBy: users.username, summary: importBatches.summary })
    .from(importBatches)
    .leftJoin(users, eq(users.id, importBatches.createdBy))
    .orderBy(desc(importBatches.createdAt))
    .limit(20);
}

export async function getImportBatch(db: Db, viewer: Viewer | null, batchId: string): Promise<ImportBatch> {
  requirePermission(viewer, 'data.import');
  if (!isUuid(batchId)) throw new AppError('not_found');
  const [row] = await db
    .select({ batch: importBatches, createdBy: users.username, nameFa: collections.nameFa, nameEn: collections.nameEn })
    .from(importBatches)
    .innerJoin(collections, eq(collections.id, importBatches.collectionId))
    .leftJoin(users, eq(users.id, importBatches.createdBy))
    .where(eq(importBatches.id, batchId));
  if (!row) throw new AppError('not_found');
  const { batch } = row;
  return {
    id: batch.id,
    status: batch.status,
    rowCount: batch.rowCount,
    createdAt: batch.createdAt,
    createdBy: row.createdBy,
    summary: batch.summary,
    collection: { nameFa: row.nameFa, nameEn: row.nameEn },
    headers: batch.headers,
    sample: batch.rows.slice(0, 3),
    mapping: batch.mapping ?? { columns: guessMapping(batch.headers), defaultOutcome: null },
    mappingSaved: batch.mapping !== null,
  };
}

/**
 * The batch, locked, while it can still change; anything else is `conflict` (imported, discarded).
 * Checks nothing about who asks (`unsafe`): the caller has, with lib/authz/guard.ts.
 */
export async function unsafeLockOpenBatch(tx: Tx, batchId: string) {
  if (!isUuid(batchId)) throw new AppError('not_found');
  const [batch] = await tx.select().from(importBatches).where(eq(importBatches.id, batchId)).for('update');
  if (!batch) throw new AppError('not_found');
  if (batch.status !== 'uploaded') throw new AppError('conflict');
  return batch;
}

/** Returns the id of the save's audit entry: each save is a check of its own (the page it lands on). */
export async function saveImportMapping(db: Db, viewer: Viewer | null, batchId: string, mapping: ImportMapping): Promise<number> {
  const actor = requirePermission(viewer, 'data.import');
  return db.transaction(async (tx) => {
    const batch = await unsafeLockOpenBatch(tx, batchId);
    const columns = Object.fromEntries(
      importFields.flatMap((f) => {
        const index = mapping.columns[f];
        return index !== undefined && Number.isInteger(index) && index >= 0 && index < batch.headers.length ? [[f, index]] : [];
      }),
    );
    if (columns.nameFa === undefined && columns.nameLatin === undefined) throw new AppError('invalid_input', { fieldErrors: { nameFa: 'nameColumnRequired' } });
    await tx.update(importBatches).set({ mapping: { columns, defaultOutcome: mapping.defaultOutcome } }).where(eq(importBatches.id, batchId));
    const entry = await appendAudit(tx, { actorId: actor.userId, action: 'import.map', targetType: 'import_batch', targetId: batchId, details: { fields: Object.keys(columns) } });
    return entry.id;
  });
}

/** Ends a batch without importing: its cells are deleted. */
export async function discardImport(db: Db, viewer: Viewer | null, batchId: string): Promise<void> {
  const actor = requirePermission(viewer, 'data.import');
  await db.transaction(async (tx) => {
    await unsafeLockOpenBatch(tx, batchId);
    await tx.update(importBatches).set({ status: 'discarded', rows: [], finishedAt: new Date() }).where(eq(importBatches.id, batchId));
    await appendAudit(tx, { actorId: actor.userId, action: 'import.discard', targetType: 'import_batch', targetId: batchId, details: {} });
  });
}
