import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
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
