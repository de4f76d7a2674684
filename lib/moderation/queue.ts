import 'server-only';
// The moderation queue. Oldest submitted
// first, so nobody's testimony waits behind newer ones; keyset-paginated on (submitted_at, id),
// which the (status, submitted_at) index serves, so page 2,000 costs what page 1 costs.
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { attachments, collections, persons, queueCounts as queueCountRows, testimonies, testimonyApprovals, testimonyFlags, testimonyPersons, users } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { decodeCursor, encodeCursor, timeIdCursor } from '@/lib/pagination/cursor';
import { requirePermission } from '@/lib/authz/guard';
import { revisionInReviewSql } from './claims';

/** Testimony statuses that are queue work. */
const workStatuses = ['submitted', 'in_review', 'changes_requested', 'awaiting_approval'] as const;
/**
 * What the queue shows and filters by: the work statuses, plus `edited` — a published testimony
 * whose submitter sent a newer revision (the published one stays public meanwhile). An edit
 * waiting for its second approval counts under both `edited` and `awaiting_approval`.
 */
export const queueStatuses = [...workStatuses, 'edited'] as const;
export type QueueStatus = (typeof queueStatuses)[number];

export type QueueItem = {
  id: string;
  status: QueueStatus;
  /** Four-eyes: approved once, waiting for a second moderator (also for an edit). */
  awaitingSecondApproval: boolean;
  language: string;
  submittedAt: Date;
  persons: { nameFa: string; nameLatin: string | null }[];
  /** The moderator holding it, so nobody opens an item someone else is reading. */
  heldBy: string | null;
  /** Possible coordinated submission: near-identical to another account's testimony. */
  flagged: boolean;
  concernsMinor: boolean;
};

export type QueueFilters = {
  status?: QueueStatus;
  /** A collection's slug. */
  collection?: string;
  /** ISO 3166-2:IR code of a person it concerns. */
  province?: string;
  language?: 'fa' | 'en';
  /** Concerns a person under 18 (PRODUCT.md: minors need extra care). */
  minor?: boolean;
  hasFiles?: boolean;
  /** Possible coordinated submission. */
  flagged?: boolean;
};

export type QueuePage = {
  items: QueueItem[];
  nextCursor: string | null;
  counts: Record<QueueStatus, number>;
};

const isFlagged = sql`exists (select 1 from ${testimonyFlags} f where f.testimony_id = ${testimonies.id})`;
const concernsMinor = sql`exists (select 1 from ${testimonyPersons} tp join ${persons} p on p.id = tp.person_id where tp.testimony_id = ${testimonies.id} and p.minor)`;

function statusCondition(status: QueueStatus | undefined): SQL {
  if (status === 'edited') return revisionInReviewSql;
  // Both kinds are few (a first approval waits for a second): collected first, then ordered. As an OR
  // on the queue's index walk it looked up approvals for every edit in the queue (2–5 s at 60,000 edits).
  if (status === 'awaiting_approval') {
    return sql`${testimonies.id} in (select t.id from ${testimonies} t where t.status = 'awaiting_approval'
      union all select t.id from ${testimonyApprovals} a join ${testimonies} t on t.current_revision_id = a.revision_id
      where t.status = 'published' and t.current_revision_id <> t.published_revision_id)`;
  }
  if (status) return eq(testimonies.status, status);
  return or(inArray(testimonies.status, [...workStatuses]), revisionInReviewSql)!;
}

export const queuePageSize = 50;

export async function listQueue(
  db: Db,
  viewer: Viewer | null,
  query: QueueFilters & { cursor?: string; limit?: number } = {},
): Promise<QueuePage> {
  requirePermission(viewer, 'moderation.queue.read');
  const limit = Math.min(Math.max(query.limit ?? queuePageSize, 1), 200);
  const conditions: SQL[] = [
    statusCondition(query.status),
    // A testimony in these states always has a submission time; the guard keeps the keyset total.
    sql`${testimonies.submittedAt} is not null`,
  ];
  // Filters are extra conditions on the same keyset: pages stay index-ordered, never OFFSET.
  if (query.collection) conditions.push(sql`${testimonies.collectionId} = (select c.id from ${collections} c where c.slug = ${query.collection})`);
  if (query.province) {
    conditions.push(sql`exists (select 1 from ${testimonyPersons} tp join ${persons} p on p.id = tp.person_id where tp.testimony_id = ${testimonies.id} and p.province = ${query.province})`);
  }
  if (query.language) conditions.push(eq(testimonies.language, query.language));
  if (query.minor) conditions.push(concernsMinor);
  if (query.flagged) conditions.push(isFlagged);
  if (query.hasFiles) conditions.push(sql`exists (select 1 from ${attachments} a where a.testimony_id = ${testimonies.id})`);
  if (query.cursor) {
    const after = decodeCursor(timeIdCursor, query.cursor);
    if (!after) throw new AppError('invalid_input');
    conditions.push(sql`(${testimonies.submittedAt}, ${testimonies.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`);
  }
  // The page's persons (and from them the "under 18" mark), flags and approvals: read for the page's
  // rows only, by subqueries on the limited page (issue 21: they were a second round trip of three
  // statements). As columns of the page query itself the planner hashes every candidate's rows first
  // (every testimony's persons ~300 ms, every flag ~55 ms at 1,000,000 testimonies). The counts do
  // not depend on the page: read beside it.
  const pageRows = db
    .select({
      id: testimonies.id,
      status: testimonies.status,
      language: testimonies.language,
      submittedAt: testimonies.submittedAt,
      currentRevisionId: testimonies.currentRevisionId,
      heldBy: users.username,
    })
    .from(testimonies)
    .leftJoin(users, and(eq(users.id, testimonies.claimedBy), or(eq(testimonies.status, 'in_review'), revisionInReviewSql)))
    .where(and(...conditions))
    .orderBy(asc(testimonies.submittedAt), asc(testimonies.id))
    .limit(limit + 1)
    .as('page');
  // Qualified: drizzle names a subquery's columns bare, which inside these subqueries would name their own tables' columns.
  const pageId = sql.raw('page.id');
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: pageRows.id,
        status: pageRows.status,
        language: pageRows.language,
        submittedAt: pageRows.submittedAt,
        cursorAt: sql<string>`${pageRows.submittedAt}::text`,
        heldBy: pageRows.heldBy,
        names: sql<{ nameFa: string; nameLatin: string | null; minor: boolean }[] | null>`(select json_agg(json_build_object('nameFa', p.name_fa, 'nameLatin', p.name_latin, 'minor', p.minor) order by p.name_fa) from ${testimonyPersons} tp join ${persons} p on p.id = tp.person_id where tp.testimony_id = ${pageId})`,
        flagged: sql<boolean>`exists (select 1 from ${testimonyFlags} f where f.testimony_id = ${pageId})`,
        approved: sql<boolean>`exists (select 1 from ${testimonyApprovals} a where a.revision_id = page.current_revision_id)`,
      })
      .from(pageRows)
      .orderBy(asc(pageRows.submittedAt), asc(pageRows.id)),
    queueCounts(db),
  ]);
  const page = rows.slice(0, limit);

  const items = page.map((r) => {
    const status: QueueStatus = r.status === 'published' ? 'edited' : (r.status as QueueStatus);
    const names = r.names ?? [];
    return {
      id: r.id,
      status,
      awaitingSecondApproval: r.status === 'awaiting_approval' || (status === 'edited' && r.approved),
      language: r.language,
      submittedAt: r.submittedAt!,
      persons: names.map(({ nameFa, nameLatin }) => ({ nameFa, nameLatin })),
      heldBy: r.heldBy,
      flagged: r.flagged,
      concernsMinor: names.some((n) => n.minor),
    };
  });
  return { items, nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.cursorAt, page.at(-1)!.id]) : null, counts };
}

/**
 * Counts per queue status (unfiltered): the rows a trigger keeps in each testimony change's own
 * transaction (queue_counts, migration 0026), summed over their shards; edits awaiting a second
 * approval are counted from the approvals (few) rather than by looking up approvals for every
 * pending edit (~300 ms at 60,000 edits).
 */
async function queueCounts(db: Db): Promise<Record<QueueStatus, number>> {
  const [byStatus, [awaitingEdits]] = await Promise.all([
    db.select({ status: queueCountRows.status, n: sql<number>`sum(${queueCountRows.n})::bigint` }).from(queueCountRows).groupBy(queueCountRows.status),
    db
      .select({ n: sql<number>`count(distinct ${testimonies.id})` })
      .from(testimonyApprovals)
      .innerJoin(testimonies, eq(testimonies.currentRevisionId, testimonyApprovals.revisionId))
      .where(revisionInReviewSql),
  ]);
  const counts = Object.fromEntries(queueStatuses.map((s) => [s, 0])) as Record<QueueStatus, number>;
  for (const row of byStatus) if (row.status in counts) counts[row.status as QueueStatus] = Number(row.n);
  counts.awaiting_approval += Number(awaitingEdits?.n ?? 0);
  return counts;
}

/** Every collection, for the queue's filter (staff see unpublished work in any of them). */
export async function listQueueCollections(db: Db, viewer: Viewer | null) {
  requirePermission(viewer, 'moderation.queue.read');
  return db.select({ slug: collections.slug, nameFa: collections.nameFa, nameEn: collections.nameEn }).from(collections).orderBy(asc(collections.slug));
}
