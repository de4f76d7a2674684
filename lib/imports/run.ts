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
import { requirePermission } from '@/lib/authz/guard';
import { getImportBatch, unsafeLockOpenBatch } from './batches';
import { likelyDuplicatesByRow, type DuplicateCandidate } from './duplicates';
import type { ImportField, ImportMapping } from './fields';
import { readRow, type ImportedPerson, type RowErrors } from './row';

/**
 * `row` counts data rows from 1 (the header row is not counted); `values` holds the cell of each
 * field with an error, so the admin sees what the file says.
 */
export type RowReport = { row: number; name: string; errors: RowErrors; values: Partial<Record<ImportField, string>>; duplicates: DuplicateCandidate[]; repeatsRow: number | null };
/**
 * `willImport` is exactly what the import creates when duplicates are left out, and
 * `willImport + validDuplicates` what it creates when they are included.
 */
export type DryRun = { rows: number; willImport: number; validDuplicates: number; invalid: number; likelyDuplicates: number; problems: RowReport[] };
export type ImportCounts = { rows: number; imported: number; invalid: number; duplicatesSkipped: number };

/** Rows with problems shown by the dry run; the counts cover all of them. */
export const shownProblems = 500;

type Examined = RowReport & { person: ImportedPerson | null };

async function examine(db: DbOrTx, rows: string[][], mapping: ImportMapping): Promise<Examined[]> {
  const read = rows.map((cells) => readRow(cells, mapping));
  const nameOf = (cells: string[]) => [mapping.columns.nameFa, mapping.columns.nameLatin].map((i) => (i === undefined ? null : cells[i]?.trim() || null));
  const existing = await likelyDuplicatesByRow(
    db,
    rows.map((cells, index) => {
      const p = read[index]!.person;
      const facts = p && { fatherNames: [p.fatherNameFa, p.fatherNameLatin], age: p.age, birthYear: p.birthYear, province: p.province, city: p.city };
      return { index, names: nameOf(cells), facts: facts ?? undefined };
    }),
  );
  // The same name twice in one file: the later row repeats the earlier one.
  const firstRowOf = new Map<string, number>();
  return rows.map((cells, index) => {
    const names = nameOf(cells).flatMap((n) => (n ? [foldLatin(normalizeName(n))] : [])).filter(Boolean);
    const repeats = names.map((k) => firstRowOf.get(k)).find((r) => r !== undefined) ?? null;
    for (const k of names) if (!firstRowOf.has(k)) firstRowOf.set(k, index + 1);
    const { person, errors } = read[index]!;
    const values = Object.fromEntries(
      Object.keys(errors).flatMap((field) => {
        const column = mapping.columns[field as ImportField];
        return column === undefined ? [] : [[field, (cells[column] ?? '').trim()]];
      }),
    );
    return { row: index + 1, name: nameOf(cells).filter(Boolean).join(' / '), person, errors, values, duplicates: existing.get(index) ?? [], repeatsRow: repeats };
  });
}

const isDuplicate = (r: Examined) => r.duplicates.length > 0 || r.repeatsRow !== null;

/** The rows of an open, mapped batch, examined as the import will examine them. */
async function examineOpenBatch(db: Db, viewer: Viewer | null, batchId: string) {
  requirePermission(viewer, 'data.import');
  const batch = await getImportBatch(db, viewer, batchId);
  if (batch.status !== 'uploaded' || !batch.mappingSaved) throw new AppError('conflict');
  const [stored] = await db.select({ rows: importBatches.rows }).from(importBatches).where(eq(importBatches.id, batchId));
  return { headers: batch.headers, rows: stored!.rows, examined: await examine(db, stored!.rows, batch.mapping) };
}

export async function dryRunImport(db: Db, viewer: Viewer | null, batchId: string): Promise<DryRun> {
  const { examined } = await examineOpenBatch(db, viewer, batchId);
  const problems = examined.filter((r) => !r.person || isDuplicate(r));
  return {
    rows: examined.length,
    willImport: examined.filter((r) => r.person && !isDuplicate(r)).length,
    validDuplicates: examined.filter((r) => r.person && isDuplicate(r)).length,
    invalid: examined.filter((r) => !r.person).length,
    likelyDuplicates: examined.filter(isDuplicate).length,
    problems: problems.slice(0, shownProblems).map(({ person: _, ...report }) => report),
  };
}

export type LeftOutRow = RowReport & { cells: string[] };

/**
 * The rows an import without duplicates would leave out, with the file's own cells, for the admin
 * to download, fix and upload again. Only while the batch is open: an import deletes the cells.
 */
export async function leftOutRows(db: Db, viewer: Viewer | null, batchId: string): Promise<{ headers: string[]; rows: LeftOutRow[] }> {
  const { headers, rows, examined } = await examineOpenBatch(db, viewer, batchId);
  return {
    headers,
    rows: examined.flatMap(({ person, ...report }, i) => (!person || isDuplicate({ person, ...report }) ? [{ ...report, cells: rows[i]! }] : [])),
  };
}

/**
 * Imports the valid rows as unpublished persons (status `draft`: moderators review, complete and
 * publish them), in one transaction with one audit entry per person and one for the import.
 * Likely duplicates are left out unless `includeDuplicates`. The batch's cells are then deleted.
 */
export async function commitImport(db: Db, viewer: Viewer | null, batchId: string, options: { includeDuplicates: boolean }): Promise<ImportCounts> {
  const actor = requirePermission(viewer, 'data.import');
  return db.transaction(async (tx) => {
    const batch = await unsafeLockOpenBatch(tx, batchId);
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
