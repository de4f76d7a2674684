// Exports for investigators (issue 23 §1; PRODUCT.md §1, admins): an admin with `data.export`
// chooses testimonies and persons (by hand or by filter) and the recipient's age public key; with
// four-eyes on, a second, different admin approves before anything is produced. Production runs
// as a job (lib/evidence/produce.ts). Each step is an audit entry; nothing is produced from a
// request that is not `approved` (the produce step checks again, in its own transaction).
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { evidenceExports, testimonies, testimonyPersons, users } from '../../db/schema';
import type { Db } from '../../db/types';
import { appendAudit, appendAuditAlone } from '../audit/append';
import type { Viewer } from '../auth/sessions';
import { AppError } from '../errors';
import { enqueue } from '../jobs/queue';
import { mediaStore } from '../media/storage';
import { readSetting } from '../settings';
import { requirePermission } from '../authz/guard';
import { exportRequestSchema, type ExportRequestInput } from '../validation/evidence';
import { isUuid } from '../validation/uuid';

export const produceExportKind = 'evidence.produce';

export type ExportRow = typeof evidenceExports.$inferSelect;

/** Resolves the selection (hand-picked ids, the filter, the chosen persons' testimonies) to ids that exist. */
async function resolveSelection(db: Db, input: ReturnType<typeof exportRequestSchema.parse>) {
  const testimonyIds = new Set<string>();
  const chunk = <T,>(list: T[]) => Array.from({ length: Math.ceil(list.length / 1000) }, (_, i) => list.slice(i * 1000, i * 1000 + 1000));
  for (const ids of chunk(input.testimonyIds)) {
    for (const r of await db.select({ id: testimonies.id }).from(testimonies).where(and(inArray(testimonies.id, ids), ne(testimonies.status, 'draft')))) testimonyIds.add(r.id);
  }
  if (input.testimonyIds.length !== testimonyIds.size) throw new AppError('invalid_input', { fieldErrors: { testimonyIds: 'unknown' } });
  if (input.filterStatus) {
    const rows = await db.select({ id: testimonies.id }).from(testimonies).where(eq(testimonies.status, input.filterStatus)).limit(10_001);
    for (const r of rows) testimonyIds.add(r.id);
  }
  if (input.withPersonTestimonies && input.personIds.length) {
    for (const ids of chunk(input.personIds)) {
      const rows = await db
        .select({ id: testimonyPersons.testimonyId })
        .from(testimonyPersons)
        .innerJoin(testimonies, eq(testimonies.id, testimonyPersons.testimonyId))
        .where(and(inArray(testimonyPersons.personId, ids), ne(testimonies.status, 'draft')));
      for (const r of rows) testimonyIds.add(r.id);
    }
  }
  if (testimonyIds.size > 10_000) throw new AppError('invalid_input', { fieldErrors: { testimonyIds: 'too_many' } });
  return [...testimonyIds].sort();
}

/** Files a request. With four-eyes off it is approved at once and production is queued. */
export async function requestExport(db: Db, viewer: Viewer | null, raw: ExportRequestInput): Promise<{ id: string; status: 'awaiting_approval' | 'approved' }> {
  const admin = requirePermission(viewer, 'data.export');
  const parsed = exportRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message]));
    throw new AppError('invalid_input', { fieldErrors });
  }
  const input = parsed.data;
  const testimonyIds = await resolveSelection(db, input);
  return db.transaction(async (tx) => {
    const fourEyes = await readSetting(tx, 'four_eyes');
    const status = fourEyes ? 'awaiting_approval' : 'approved';
    const [row] = await tx
      .insert(evidenceExports)
      .values({
        requestedBy: admin.userId,
        recipientName: input.recipientName,
        recipientKey: input.recipientKey,
        testimonyIds,
        personIds: input.personIds,
        includeMessages: input.includeMessages,
        status,
        ...(fourEyes ? {} : { approvedAt: new Date() }),
      })
      .returning({ id: evidenceExports.id });
    const details = { testimonies: testimonyIds.length, persons: input.personIds.length, includeMessages: input.includeMessages, fourEyes, recipientKey: input.recipientKey };
    await appendAudit(tx, { actorId: admin.userId, action: 'export.request', targetType: 'evidence_export', targetId: row!.id, details });
    if (!fourEyes) await enqueue(tx, produceExportKind, { exportId: row!.id }, { maxAttempts: 3 });
    return { id: row!.id, status };
  });
}

/** The second admin's approval (four-eyes): never the requester's own; queues production. */
export async function approveExport(db: Db, viewer: Viewer | null, exportId: string): Promise<void> {
  const admin = requirePermission(viewer, 'data.export');
  if (!isUuid(exportId)) throw new AppError('not_found');
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(evidenceExports).where(eq(evidenceExports.id, exportId)).for('update');
    if (!row) throw new AppError('not_found');
    if (row.status !== 'awaiting_approval') throw new AppError('conflict');
    if (row.requestedBy === admin.userId) throw new AppError('invalid_input', { fieldErrors: { form: 'second_admin_required' } });
    await tx.update(evidenceExports).set({ status: 'approved', approvedBy: admin.userId, approvedAt: new Date() }).where(eq(evidenceExports.id, exportId));
    await appendAudit(tx, { actorId: admin.userId, action: 'export.approve', targetType: 'evidence_export', targetId: exportId, details: { requestedBy: row.requestedBy } });
    await enqueue(tx, produceExportKind, { exportId }, { maxAttempts: 3 });
  });
}

/** Declining ends a request (either admin, the requester withdrawing it too). */
export async function declineExport(db: Db, viewer: Viewer | null, exportId: string): Promise<void> {
  const admin = requirePermission(viewer, 'data.export');
  if (!isUuid(exportId)) throw new AppError('not_found');
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ status: evidenceExports.status }).from(evidenceExports).where(eq(evidenceExports.id, exportId)).for('update');
    if (!row) throw new AppError('not_found');
    if (row.status !== 'awaiting_approval') throw new AppError('conflict');
    await tx.update(evidenceExports).set({ status: 'declined' }).where(eq(evidenceExports.id, exportId));
    await appendAudit(tx, { actorId: admin.userId, action: 'export.decline', targetType: 'evidence_export', targetId: exportId });
  });
}

export type ExportListItem = Pick<ExportRow, 'id' | 'createdAt' | 'recipientName' | 'status' | 'includeMessages' | 'sizeBytes' | 'manifestSha256' | 'mismatches' | 'error' | 'completedAt'> & {
  testimonies: number;
  persons: number;
  requestedBy: string | null;
  requestedByViewer: boolean;
  approvedBy: string | null;
};

/** The newest 50 exports, for the staff page. */
export async function listExports(db: Db, viewer: Viewer | null): Promise<ExportListItem[]> {
  const admin = requirePermission(viewer, 'data.export');
  const rows = await db.select().from(evidenceExports).orderBy(desc(evidenceExports.createdAt)).limit(50);
  const ids = [...new Set(rows.flatMap((r) => [r.requestedBy, r.approvedBy]).filter((v): v is string => !!v))];
  const names = ids.length ? new Map((await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.username])) : new Map<string, string>();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    recipientName: r.recipientName,
    status: r.status,
    includeMessages: r.includeMessages,
    sizeBytes: r.sizeBytes,
    manifestSha256: r.manifestSha256,
    mismatches: r.mismatches,
    error: r.error,
    completedAt: r.completedAt,
    testimonies: r.testimonyIds.length,
    persons: r.personIds.length,
    requestedBy: r.requestedBy ? (names.get(r.requestedBy) ?? null) : null,
    requestedByViewer: r.requestedBy === admin.userId,
    approvedBy: r.approvedBy ? (names.get(r.approvedBy) ?? null) : null,
  }));
}

/**
 * The encrypted package of a finished export, for an admin with `data.export` to hand over. Each
 * download is an audit entry. Unknown, unfinished and forbidden all answer `not_found`.
 */
export async function openExportPackage(db: Db, viewer: Viewer | null, exportId: string) {
  const admin = requirePermission(viewer, 'data.export');
  if (!isUuid(exportId)) throw new AppError('not_found');
  const [row] = await db.select().from(evidenceExports).where(eq(evidenceExports.id, exportId));
  if (!row || row.status !== 'done' || !row.fileKey) throw new AppError('not_found');
  await appendAuditAlone(db, { actorId: admin.userId, action: 'export.download', targetType: 'evidence_export', targetId: row.id, details: { manifestSha256: row.manifestSha256 } });
  const store = await mediaStore();
  return { body: await store.getStream(row.fileKey), filename: `yadman-export-${row.id}.tar.age`, sizeBytes: row.sizeBytes };
}
