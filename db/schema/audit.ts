import { bigint, bigserial, index, jsonb, pgTable, serial, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * Tamper-evident log: each entry's `hash` covers its content and the previous entry's hash
 * (lib/audit/append.ts). `actor_id` has no foreign key on purpose: the log must never be altered
 * by cascades. There is no IP column, by design.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    actorId: uuid(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    prevHash: text().notNull(),
    hash: text().notNull().unique(),
  },
  // The admin log page filters by action and pages by id.
  (t) => [index('audit_entries_target_idx').on(t.targetType, t.targetId), index().on(t.actorId), index('audit_entries_action_id_idx').on(t.action, t.id)],
);

/**
 * Signed checkpoints of the audit chain's head (issue 23 §2): the number of entries, the last
 * entry's id and hash, and the time, signed with the installation's Ed25519 key
 * (lib/audit/checkpoint.ts). Public (GET /api/v1/audit/checkpoints): anyone who saved one can later
 * prove the chain still extends it (`npm run audit:verify -- --checkpoint FILE`).
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: serial().primaryKey(),
  /** How many entries the chain held: the head is the `entries`-th entry in id order. */
  entries: bigint({ mode: 'number' }).notNull(),
  headId: bigint({ mode: 'number' }).notNull(),
  headHash: text().notNull(),
  createdAt: createdAt(),
  /** `daily`, `export` or `manual`. */
  reason: text().notNull(),
  /** The first 16 hex digits of the SHA-256 of the raw public key. */
  keyId: text().notNull(),
  /** Ed25519 signature (base64) of the checkpoint's statement (lib/audit/checkpoint.ts). */
  signature: text().notNull(),
});
