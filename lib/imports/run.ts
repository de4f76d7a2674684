import 'server-only';
// The dry run and the import of a mapped batch. Both read every row the same way (lib/imports/row)
// and look for likely duplicates among existing persons and earlier rows of the same file; the
// import does it again inside its transaction, so what it writes is what it checked.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { importBatches, personSources, persons } from '@/db/schema';
import type { Db, DbOrTx } from '@/db/types';
import { appendAuditEntries, type AuditInput } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { newPersonSlug } from '@/lib/memorial/paths';
import { foldLatin, normalizeName } from '@/lib/search/normalize';
import { requireStaffPermission } from '@/lib/users/guard';
import { getImportBatch, lockOpenBatch } from './batches';
import { likelyDuplicatesByRow, type DuplicateCandidate } from './duplicates';
import type { ImportMapping } from './fields';
import { readRow, type ImportedPerson, type RowErrors } from './row';

/** `row` counts data rows from 1 (the header row is not counted). */
export type RowReport = { row: number; name: string; errors: RowErrors; duplicates: DuplicateCandidate[]; repeatsRow: number | null };
export type DryRun = { rows: number; valid: number; invalid: number; likelyDuplicates: number; problems: RowReport[] };
export type ImportCounts = { rows: number; imported: number; invalid: number; duplicatesSkipped: number };

/** Rows with problems shown by the dry run; the counts cover all of them. */
export const shownProblems = 500;

type Examined = RowReport & { person: ImportedPerson | null };

async function examine(db: DbOrTx, rows: string[][], mapping: ImportMapping): Promise<Examined[]> {
  const read = rows.map((cells) => readRow(cells, mapping));
  const nameOf = (cells: string[]) => [mapping.columns.nameFa, mapping.columns.nameLatin].map((i) => (i === undefined ? null : cells[i]?.trim() || null));
  const existing = await likelyDuplicatesByRow(db, rows.map((cells, index) => ({ index, names: nameOf(cells) })));
  // The same name twice in one file: the later row repeats the earlier one.
  const firstRowOf = new Map<string, number>();
  return rows.map((cells, index) => {
    const names = nameOf(cells).flatMap((n) => (n ? [foldLatin(normalizeName(n))] : [])).filter(Boolean);
    const repeats = names.map((k) => firstRowOf.get(k)).find((r) => r !== undefined) ?? null;
    for (const k of names) if (!firstRowOf.has(k)) firstRowOf.set(k, index + 1);
    return { row: index + 1, name: nameOf(cells).filter(Boolean).join(' / '), person: read[index]!.person, errors: read[index]!.errors, duplicates: existing.get(index) ?? [], repeatsRow: repeats };
  });
}

const isDuplicate = (r: Examined) => r.duplicates.length > 0 || r.repeatsRow !== null;

export async function dryRunImport(db: Db, viewer: Viewer | null, batchId: string): Promise<DryRun> {
  requireStaffPermission(viewer, 'data.import');
  const batch = await getImportBatch(db, viewer, batchId);
  if (batch.status !== 'uploaded' || !batch.mappingSaved) throw new AppError('conflict');
  const [stored] = await db.select({ rows: importBatches.rows }).from(importBatches).where(eq(importBatches.id, batchId));
  const examined = await examine(db, stored!.rows, batch.mapping);
  const problems = examined.filter((r) => !r.person || isDuplicate(r));
  return {
    rows: examined.length,
    valid: examined.filter((r) => r.person).length,
    invalid: examined.filter((r) => !r.person).length,
    likelyDuplicates: examined.filter(isDuplicate).length,
    problems: problems.slice(0, shownProblems).map(({ person: _, ...report }) => report),
  };
}

/**
 * Imports the valid rows as unpublished persons (status `draft`: moderators review, complete and
 * publish them), in one transaction with one audit entry per person and one for the import.
 * Likely duplicates are left out unless `includeDuplicates`. The batch's cells are then deleted.
 */
export async function commitImport(db: Db, viewer: Viewer | null, batchId: string, options: { includeDuplicates: boolean }): Promise<ImportCounts> {
  const actor = requireStaffPermission(viewer, 'data.import');
  return db.transaction(async (tx) => {
    const batch = await lockOpenBatch(tx, batchId);
    if (!batch.mapping) throw new AppError('conflict');
    const examined = await examine(tx, batch.rows, batch.mapping);
    const chosen = examined.filter((r) => r.person && (options.includeDuplicates || !isDuplicate(r)));
    // Ids made here, so each source row is tied to its person without relying on RETURNING order.
    const ids = chosen.map(() => randomUUID());
    for (let i = 0; i < chosen.length; i += 500) {
      const values = chosen.slice(i, i + 500).map(({ person }, j) => {
        const { sourceUrl: _, ...fields } = person!;
        return { ...fields, id: ids[i + j]!, collectionId: batch.collectionId, slug: newPersonSlug(fields.nameLatin ?? null), status: 'draft' as const, createdBy: actor.userId };
      });
      await tx.insert(persons).values(values);
    }
    const sources = chosen.flatMap((r, i) => (r.person!.sourceUrl ? [{ personId: ids[i]!, url: r.person!.sourceUrl }] : []));
    for (let i = 0; i < sources.length; i += 1000) await tx.insert(personSources).values(sources.slice(i, i + 1000));

    const counts: ImportCounts = {
      rows: examined.length,
      imported: ids.length,
      invalid: examined.filter((r) => !r.person).length,
      duplicatesSkipped: options.includeDuplicates ? 0 : examined.filter((r) => r.person && isDuplicate(r)).length,
    };
    const entries: AuditInput[] = ids.map((id) => ({ actorId: actor.userId, action: 'person.create', targetType: 'person', targetId: id, details: { importBatchId: batchId } }));
    entries.push({ actorId: actor.userId, action: 'import.commit', targetType: 'import_batch', targetId: batchId, details: { ...counts, includeDuplicates: options.includeDuplicates } });
    await appendAuditEntries(tx, entries);
    await tx.update(importBatches).set({ status: 'imported', rows: [], summary: counts, finishedAt: new Date() }).where(eq(importBatches.id, batchId));
    return counts;
  });
}
