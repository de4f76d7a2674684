// Search and browse over published persons: names in any script and spelling, their places and
// the published testimony text (lib/memorial/search-hits.ts), with filters, sorts and keyset pagination.
import 'server-only';
import { and, asc, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/types';
import { collections, persons } from '@/db/schema';
import { publicDateKey, publicNameEnKey, publicRecentKey } from '@/db/expressions/person-order';
import type { PublicPersonSummary } from './dto';
import { cursorPosition, type PersonCursor, type PersonCursorSort, personCursor } from '@/lib/pagination/cursor';
import { preferIndexes, publicRead } from './public-read';
import { defaultPageSize, maxPageSize, type PersonQuery } from './query';
import { type Hits, searchCap, searchPhases } from './search-hits';
import { summaryColumns, type SummaryRow, toSummary } from './summary';
import { isPublicPerson } from './visibility';

export type { PersonQuery } from './query';
export type PersonPage = {
  items: PublicPersonSummary[];
  /** How many match; with `more`, a lower bound (counting on would cost more than the page). */
  total: number;
  /** More than `total` match (lib/memorial/search-hits.ts, searchCap). */
  more: boolean;
  limit: number;
  /** Where the next page starts, or null on the last page. */
  next: PersonCursor | null;
};

/** One key of an order; `expr` is never null (db/expressions/person-order.ts), `param` makes a cursor value one. */
type OrderKey = { expr: SQL; dir: 'asc' | 'desc'; param: (value: string | number | null) => SQL };
/** A key of the list's order plus what the cursor keeps of it. The id breaks ties. */
type SortKey = OrderKey & { cursorValue: SQL };
type Position = ReturnType<typeof cursorPosition>;
type Row = SummaryRow & { keys: Array<string | number | null> };
type Counted = { rows: Row[]; total: number; more: boolean };

const publishedKey: SortKey = {
  expr: publicRecentKey(persons.publishedAt),
  dir: 'desc',
  // The instant to the microsecond (a JS Date keeps only milliseconds), in the cursor's ISO form.
  cursorValue: sql`to_char(${persons.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  param: (v) => publicRecentKey(sql`${v}::timestamptz`),
};

const orderBy = (keys: OrderKey[], id: SQL | AnyPgColumn) => [...keys.map((k) => (k.dir === 'asc' ? asc(k.expr) : desc(k.expr))), asc(id)];

/**
 * Published persons matching the query, one page; never an unpublished, hidden or merged one.
 * Pages are keyset: `query.cursor` (from the previous page's `next`) starts the page after that
 * person in the same total order, so no one is shown twice or skipped when others are published
 * between two pages, and a browse page costs the same at any depth. A text query ranks (or sorts)
 * its candidates (lib/memorial/search-hits.ts); one with no letter or digit matches no one.
 */
export async function listPublishedPersons(db: DbOrTx, query: PersonQuery = {}): Promise<PersonPage> {
  const limit = Math.min(Math.max(query.limit ?? defaultPageSize, 1), maxPageSize);
  const phases = query.q ? searchPhases(query.q, filters(query), !!query.collection) : undefined;
  // A search with no filter is one of a few statement texts (lib/memorial/search-hits.ts): it may be
  // prepared; one with filters is not (every combination would be a statement kept per connection).
  const prepared = filters(query).every((f) => f === undefined);
  // Best match first when there is a text query and no other order was asked for; else newest first.
  const order = query.sort && query.sort !== 'relevance' ? query.sort : 'recent';
  const sort: PersonCursorSort = phases && (!query.sort || query.sort === 'relevance') ? 'relevance' : order;
  // A cursor of another sort (the sort changed, or a hand-made link) starts at the first page.
  const after = query.cursor?.[0] === sort ? cursorPosition(query.cursor) : null;
  let found: Counted = { rows: [], total: 0, more: false };
  if (phases === undefined) {
    found = await publicRead(db, (tx) => browsePage(tx, and(isPublicPerson, ...filters(query)), sortKeys(order, query.locale), after, limit + 1));
  }
  // The spelling phase runs only when the word phase finds no one; it plans within a transaction of its own.
  for (const [phase, hits] of (phases ?? []).entries()) {
    found = await publicRead(
      db,
      async (tx) => {
        if (phase > 0) await preferIndexes(tx);
        return sort === 'relevance' ? rankedPage(tx, hits, after, limit + 1, prepared) : sortedHitsPage(tx, hits, sortKeys(order, query.locale), after, limit + 1);
      },
      { transaction: phase > 0 },
    );
    if (found.total > 0) break;
  }
  const page = found.rows.slice(0, limit);
  const last = found.rows.length > limit ? page.at(-1) : undefined;
  return {
    items: page.map(toSummary),
    total: found.total,
    more: found.more,
    limit,
    next: last ? personCursor(sort, last.keys, last.id) : null,
  };
}

/** A cut source proves more than searchCap exist (and no more than that): then the total is the cap. */
const countedRows = (n: number, more: boolean, rows: Row[]): Counted => ({ rows, total: more ? searchCap : n, more });

const cursorKeys = (keys: SortKey[]) => sql<Array<string | number | null>>`json_build_array(${sql.join(keys.map((k) => k.cursorValue), sql`, `)})`;

/** Browse orders: a range of the order's index after the cursor. */
function orderedPage(db: DbOrTx, where: SQL | undefined, keys: SortKey[], after: Position | null, limit: number): Promise<Row[]> {
  return db
    .select({ ...summaryColumns, keys: cursorKeys(keys) })
    .from(persons)
    .innerJoin(collections, eq(collections.id, persons.collectionId))
    .where(and(where, after ? afterCursor(keys, persons.id, after) : undefined))
    .orderBy(...orderBy(keys, persons.id))
    .limit(limit);
}

/** Browsing (no text query): the page, and the total counted up to searchCap + 1 rows. */
async function browsePage(db: DbOrTx, where: SQL | undefined, keys: SortKey[], after: Position | null, limit: number): Promise<Counted> {
  const upToCap = db.select({ one: sql`1` }).from(persons).innerJoin(collections, eq(collections.id, persons.collectionId)).where(where).limit(searchCap + 1).as('counted');
  const rows = await orderedPage(db, where, keys, after, limit);
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(upToCap);
  const n = Number(counted?.n ?? 0);
  return countedRows(n, n > searchCap, rows);
}

/** A text query in a browse order: its candidates in that order. */
async function sortedHitsPage(db: DbOrTx, hits: Hits, keys: SortKey[], after: Position | null, limit: number): Promise<Counted> {
  const rows = await orderedPage(db, sql`${persons.id} in (select id from (${hits}) h)`, keys, after, limit);
  const [counted] = await db.select({ n: sql<number>`count(*)::int`, more: sql<boolean>`coalesce(bool_or(h.full), false)` }).from(sql`(${hits}) h`);
  return countedRows(Number(counted?.n ?? 0), !!counted?.more, rows);
}

/**
 * Ranked search: the candidates' scores (at most a few times searchCap of them), best first; in a
 * subquery of its own so each is read once (`offset 0` is a planner fence, not paging). The page's
 * ids are chosen from the scores, then only those persons are read. The total travels with the rows.
 * `prepared`: sent as a prepared statement (db/public-reads.ts: one round trip and no parsing once
 * the connection knows it, and still planned for its values).
 */
async function rankedPage(db: DbOrTx, hits: Hits, after: Position | null, limit: number, prepared: boolean): Promise<Counted> {
  const scored = db
    .select({
      id: sql<string>`hits.id`.as('hit_id'),
      score: sql<number>`hits.score`.as('score'),
      recent: sql`hits.recent`.as('recent'),
      total: sql<number>`count(*) over ()`.as('total'),
      more: sql<boolean>`bool_or(hits.full) over ()`.as('more'),
    })
    .from(sql`(${hits}) hits`)
    .as('scored');
  const keys: OrderKey[] = [
    { expr: sql`${scored.score}`, dir: 'desc', param: (v) => sql`${v}::float8` },
    { expr: sql`${scored.recent}`, dir: 'desc', param: publishedKey.param },
  ];
  const top = db
    .select({ id: scored.id, score: scored.score, total: scored.total, more: scored.more })
    .from(scored)
    .where(after ? afterCursor(keys, sql`${scored.id}`, after) : undefined)
    .orderBy(...orderBy(keys, sql`${scored.id}`))
    .limit(limit)
    .as('top');
  const outer: SortKey[] = [{ expr: sql`${top.score}`, dir: 'desc', cursorValue: sql`${top.score}`, param: keys[0]!.param }, publishedKey];
  const page = db
    .select({ ...summaryColumns, keys: cursorKeys(outer), total: sql<number>`${top.total}::int`, more: sql<boolean>`${top.more}` })
    .from(top)
    .innerJoin(persons, eq(persons.id, top.id))
    .innerJoin(collections, eq(collections.id, persons.collectionId))
    .orderBy(...orderBy(outer, persons.id));
  const rows = await (prepared ? page.prepare('public_search').execute() : page);
  return countedRows(Number(rows[0]?.total ?? 0), !!rows[0]?.more, rows);
}

function sortKeys(sort: Exclude<PersonCursorSort, 'relevance'>, locale: PersonQuery['locale']): SortKey[] {
  switch (sort) {
    case 'recent':
      return [publishedKey];
    case 'date':
      return [{ expr: publicDateKey(persons.incidentDate), dir: 'asc', cursorValue: sql`${persons.incidentDate}::text`, param: (v) => publicDateKey(sql`${v}::date`) }];
    case 'name': {
      const name = locale === 'fa' ? sql`${persons.nameFa}` : publicNameEnKey(persons.nameLatin, persons.nameFa);
      return [{ expr: name, dir: 'asc', cursorValue: name, param: (v) => sql`${v}::text` }];
    }
  }
}

/**
 * Rows after the cursor's position in the order (the keys, then the id ascending). Each key's
 * non-strict bound (`key <= cursor` when descending) is what an index range starts from; the
 * strict one, or equality and the next key, decides within it.
 */
function afterCursor(keys: OrderKey[], id: SQL | AnyPgColumn, { keys: values, id: lastId }: Position): SQL {
  const [key, ...restKeys] = keys;
  if (!key) return sql`${id} > ${lastId}`;
  const [value = null, ...restValues] = values;
  const rest = afterCursor(restKeys, id, { keys: restValues, id: lastId });
  const at = key.param(value);
  return key.dir === 'asc'
    ? sql`(${key.expr} >= ${at} and (${key.expr} > ${at} or ${rest}))`
    : sql`(${key.expr} <= ${at} and (${key.expr} < ${at} or ${rest}))`;
}

function filters(q: PersonQuery): Array<SQL | undefined> {
  return [
    q.collection ? eq(collections.slug, q.collection) : undefined,
    q.province ? eq(persons.province, q.province) : undefined,
    q.city ? sql`lower(${persons.city}) = lower(${q.city})` : undefined,
    q.dateFrom ? gte(persons.incidentDate, q.dateFrom) : undefined,
    q.dateTo ? lte(persons.incidentDate, q.dateTo) : undefined,
    q.ageMin !== undefined ? gte(persons.age, q.ageMin) : undefined,
    q.ageMax !== undefined ? lte(persons.age, q.ageMax) : undefined,
    q.children ? lt(persons.age, 18) : undefined,
    q.gender ? eq(persons.gender, q.gender) : undefined,
    q.outcome ? eq(persons.outcome, q.outcome) : undefined,
    q.perpetrator ? eq(persons.perpetrator, q.perpetrator) : undefined,
    q.verification ? eq(persons.verification, q.verification) : undefined,
  ];
}
