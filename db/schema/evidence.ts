import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { auditCheckpoints } from './audit';
import { tstz, createdAt } from './columns';
import { users } from './users';

/**
 * An export for investigators (issue 23 §1): the selection an admin with `data.export` asked for, the
 * recipient's age public key, and — with four-eyes on — the second admin's approval, before which
 * nothing is produced. The package itself is a BagIt bag encrypted to the recipient, written to the
 * media store under `file_key` (lib/evidence/produce.ts); its manifest's hash is in the audit log.
 */
export const evidenceExports = pgTable(
  'evidence_exports',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Who the package is for (an institution's name, as the admin wrote it). */
    recipientName: text().notNull(),
    /** The recipient's age X25519 public key (`age1…`): only its holder can open the package. */
    recipientKey: text().notNull(),
    testimonyIds: jsonb().$type<string[]>().notNull(),
    personIds: jsonb().$type<string[]>().notNull(),
    includeMessages: boolean().notNull().default(false),
    /** awaiting_approval → approved → done | failed; declined ends it. */
    status: text().notNull(),
    approvedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    approvedAt: tstz(),
    fileKey: text(),
    sizeBytes: bigint({ mode: 'number' }),
    /** SHA-256 of the bag's manifest-sha256.txt (the bag's content, file by file). */
    manifestSha256: text(),
    checkpointId: integer().references(() => auditCheckpoints.id),
    /** Originals whose bytes no longer match the SHA-256 recorded at receipt. */
    mismatches: integer(),
    error: text(),
    completedAt: tstz(),
  },
  (t) => [
    index().on(t.createdAt),
    check('evidence_exports_status', sql`${t.status} in ('awaiting_approval', 'approved', 'done', 'failed', 'declined')`),
    check('evidence_exports_second_admin', sql`${t.approvedBy} is null or ${t.approvedBy} is distinct from ${t.requestedBy}`),
  ],
);
