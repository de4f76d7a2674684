import 'server-only';
// The moderation queue. Oldest submitted
// first, so nobody's testimony waits behind newer ones; keyset-paginated on (submitted_at, id),
// which the (status, submitted_at) index serves, so page 2,000 costs what page 1 costs.
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { attachments, persons, testimonies, testimonyPersons, users } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { requireStaffPermission } from '@/lib/users/guard';

export const queueStatuses = ['submitted', 'in_review', 'changes_requested'] as const;
export type QueueStatus = (typeof queueStatuses)[number];

export type QueueItem = {
  id: string;
  status: QueueStatus;
  language: string;
  submittedAt: Date;
  persons: { nameFa: string; nameLatin: string | null }[];
  /** The moderator holding it (in review), so nobody opens an item someone else is reading. */
  heldBy: string | null;
};

export type QueueFilters = {
  status?: QueueStatus;
  language?: 'fa' | 'en';
  /** Concerns a person under 18 (PRODUCT.md: minors need extra care). */
  minor?: boolean;
  hasFiles?: boolean;
};

export type QueuePage = {
  items: QueueItem[];
  nextCursor: string | null;
  counts: Record<QueueStatus, number>;
};

export const queuePageSize = 50;

/**
 * Opaque cursor: "<submitted_at as PostgreSQL text>|<id>" in base64url. The database's own text
 * keeps microseconds (a JS Date would drop them and repeat the last row of the page).
 */
function encodeCursor(submittedAt: string, id: string): string {
  return Buffer.from(`${submittedAt}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { submittedAt: string; id: string } {
  const [submittedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!submittedAt || !/^[0-9 :.+-]{19,40}$/.test(submittedAt) || !/^[0-9a-f-]{36}$/i.test(id ?? '')) {
    throw new AppError('invalid_input');
  }
  return { submittedAt, id: id! };
}

export async function listQueue(
  db: Db,
  viewer: Viewer | null,
  query: QueueFilters & { cursor?: string; limit?: number } = {},
): Promise<QueuePage> {
  requireStaffPermission(viewer, 'moderation.queue.read');
  const limit = Math.min(Math.max(query.limit ?? queuePageSize, 1), 200);
  const conditions: SQL[] = [
    query.status ? eq(testimonies.status, query.status) : inArray(testimonies.status, [...queueStatuses]),
    // A testimony in these states always has a submission time; the guard keeps the keyset total.
    sql`${testimonies.submittedAt} is not null`,
  ];
  // Filters are extra conditions on the same keyset: pages stay index-ordered, never OFFSET.
  if (query.language) conditions.push(eq(testimonies.language, query.language));
  if (query.minor) {
    conditions.push(sql`exists (select 1 from ${testimonyPersons} tp join ${persons} p on p.id = tp.person_id where tp.testimony_id = ${testimonies.id} and p.age < 18)`);
  }
  if (query.hasFiles) conditions.push(sql`exists (select 1 from ${attachments} a where a.testimony_id = ${testimonies.id})`);
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    conditions.push(sql`(${testimonies.submittedAt}, ${testimonies.id}) > (${after.submittedAt}::timestamptz, ${after.id}::uuid)`);
  }
  const rows = await db
    .select({ id: testimonies.id, status: testimonies.status, language: testimonies.language, submittedAt: testimonies.submittedAt, cursorAt: sql<string>`${testimonies.submittedAt}::text`, heldBy: users.username })
    .from(testimonies)
    .leftJoin(users, and(eq(users.id, testimonies.claimedBy), eq(testimonies.status, 'in_review')))
    .where(and(...conditions))
    .orderBy(asc(testimonies.submittedAt), asc(testimonies.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);

  const names = page.length
    ? await db
        .select({ testimonyId: testimonyPersons.testimonyId, nameFa: persons.nameFa, nameLatin: persons.nameLatin })
        .from(testimonyPersons)
        .innerJoin(persons, eq(persons.id, testimonyPersons.personId))
        .where(inArray(testimonyPersons.testimonyId, page.map((r) => r.id)))
        .orderBy(asc(persons.nameFa))
    : [];

  const countRows = await db
    .select({ status: testimonies.status, n: count() })
    .from(testimonies)
    .where(inArray(testimonies.status, [...queueStatuses]))
    .groupBy(testimonies.status);
  const counts = Object.fromEntries(queueStatuses.map((s) => [s, 0])) as Record<QueueStatus, number>;
  for (const row of countRows) counts[row.status as QueueStatus] = Number(row.n);

  const items = page.map((r) => ({
    id: r.id,
    status: r.status as QueueStatus,
    language: r.language,
    submittedAt: r.submittedAt!,
    persons: names.filter((n) => n.testimonyId === r.id).map(({ nameFa, nameLatin }) => ({ nameFa, nameLatin })),
    heldBy: r.heldBy,
  }));
  return { items, nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!.cursorAt, page.at(-1)!.id) : null, counts };
}
