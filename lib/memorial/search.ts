// Search and browse over published persons: names in any script and spelling (normalization +
// trigram matching on persons.name_search and person_aliases.normalized) and full-text over the
// published testimony text, with filters, sorts and keyset pagination.
import 'server-only';
import { and, asc, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/types';
import { collections, personAliases, persons, testimonies, testimonyPersons, testimonyRevisions } from '@/db/schema';
import { provinces } from '@/lib/geo/provinces';
import { ftsNormalizedText, ftsQuery } from '@/lib/search/fts';
import { publicDateKey, publicNameEnKey, publicRecentKey } from '@/lib/search/person-order';
import { foldLatin, normalizeName, searchKeys } from '@/lib/search/normalize';
import type { PublicPersonSummary } from './dto';
import { identityWithheld } from './minors';
import { cursorPosition, type PersonCursor, type PersonCursorSort, personCursor } from './person-cursor';
import { defaultPageSize, maxPageSize, type PersonQuery } from './query';
import { summaryColumns, toSummary } from './summary';
import { isPublicPerson, isPublicTestimony } from './visibility';

export type { PersonQuery } from './query';
export type PersonPage = {
  items: PublicPersonSummary[];
  total: number;
  limit: number;
  /** Where the next page starts, or null on the last page. */
  next: PersonCursor | null;
};

/** One key of an order; `expr` is never null (lib/search/person-order.ts), `param` makes a cursor value one. */
type OrderKey = { expr: SQL; dir: 'asc' | 'desc'; param: (value: string | number | null) => SQL };
/** A key of the list's order plus what the cursor keeps of it. The id breaks ties. */
type SortKey = OrderKey & { cursorValue: SQL };
type Position = ReturnType<typeof cursorPosition>;

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
 * between two pages, and a browse page costs the same at any depth.
 */
export async function listPublishedPersons(db: DbOrTx, query: PersonQuery = {}): Promise<PersonPage> {
  const limit = Math.min(Math.max(query.limit ?? defaultPageSize, 1), maxPageSize);
  const text = query.q ? textMatch(query.q) : null;
  const where = and(isPublicPerson, ...filters(query), text?.where);
  // Best match first when there is a text query and no other order was asked for; else newest first.
  const order = query.sort && query.sort !== 'relevance' ? query.sort : 'recent';
  const sort: PersonCursorSort = text && (!query.sort || query.sort === 'relevance') ? 'relevance' : order;
  // A cursor of another sort (the sort changed, or a hand-made link) starts at the first page.
  const after = query.cursor?.[0] === sort ? cursorPosition(query.cursor) : null;
  const [rows, [countRow]] = await Promise.all([
    text && sort === 'relevance' ? rankedPage(db, where, text.score, after, limit + 1) : orderedPage(db, where, sortKeys(order, query.locale), after, limit + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(persons)
      .innerJoin(collections, eq(collections.id, persons.collectionId))
      .where(where),
  ]);
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page.at(-1) : undefined;
  return {
    items: page.map(toSummary),
    total: Number(countRow?.n ?? 0),
    limit,
    next: last ? personCursor(sort, last.keys, last.id) : null,
  };
}

const cursorKeys = (keys: SortKey[]) => sql<Array<string | number | null>>`json_build_array(${sql.join(keys.map((k) => k.cursorValue), sql`, `)})`;

/** Browse orders: a range of the order's index after the cursor. */
function orderedPage(db: DbOrTx, where: SQL | undefined, keys: SortKey[], after: Position | null, limit: number) {
  return db
    .select({ ...summaryColumns, keys: cursorKeys(keys) })
    .from(persons)
    .innerJoin(collections, eq(collections.id, persons.collectionId))
    .where(and(where, after ? afterCursor(keys, persons.id, after) : undefined))
    .orderBy(...orderBy(keys, persons.id))
    .limit(limit);
}

/**
 * Ranked search: every candidate is scored (ordering by score needs them all, so the cursor buys
 * stability here, not speed), in a subquery of its own so each score is computed once (`offset 0`
 * is a planner fence, not paging: inlined, the score would be evaluated again by the order and the
 * cursor condition, and its testimony-text test once a person instead of as one hashed lookup);
 * the page's ids are chosen from the scores, then only those persons are read.
 */
function rankedPage(db: DbOrTx, where: SQL | undefined, score: SQL, after: Position | null, limit: number) {
  const scored = db
    .select({ id: persons.id, score: sql<number>`(${score})::float8`.as('score'), recent: sql`${publishedKey.expr}`.as('recent') })
    .from(persons)
    .innerJoin(collections, eq(collections.id, persons.collectionId))
    .where(where)
    .offset(0)
    .as('scored');
  const keys: OrderKey[] = [
    { expr: sql`${scored.score}`, dir: 'desc', param: (v) => sql`${v}::float8` },
    { expr: sql`${scored.recent}`, dir: 'desc', param: publishedKey.param },
  ];
  const top = db
    .select({ id: scored.id, score: scored.score })
    .from(scored)
    .where(after ? afterCursor(keys, scored.id, after) : undefined)
    .orderBy(...orderBy(keys, scored.id))
    .limit(limit)
    .as('top');
  const outer: SortKey[] = [{ expr: sql`${top.score}`, dir: 'desc', cursorValue: sql`${top.score}`, param: keys[0]!.param }, publishedKey];
  return db
    .select({ ...summaryColumns, keys: cursorKeys(outer) })
    .from(top)
    .innerJoin(persons, eq(persons.id, top.id))
    .innerJoin(collections, eq(collections.id, persons.collectionId))
    .orderBy(...orderBy(outer, persons.id));
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

/** Provinces whose Persian or English name is the query (any letter variant or transliteration). */
function provincesNamed(normalized: string, folded: string): string[] {
  return provinces
    .filter((p) => normalizeName(p.nameFa) === normalized || foldLatin(normalizeName(p.nameEn)) === folded)
    .map((p) => p.code);
}

/**
 * The search box's condition and its relevance score. A person matches when a name or other spelling
 * contains the query, is similar to it word by word (pg_trgm, both the normalized and the
 * transliteration-folded query), equals it with spaces ignored (ZWNJ vs space vs nothing), when the
 * query names their city or province (the box says "name, city or province"; provinces in either
 * script), or when a published testimony about them contains all its words. Name matches rank
 * first, then places, then testimony text.
 *
 * The condition is a set of candidate ids built from index-served parts (the trigram indexes on
 * names and other spellings, the normalized city and the province, the full-text index on
 * published text), so a search reads the matching rows only, never every person; the score is
 * then computed for the candidates alone.
 */
function textMatch(q: string): { where: SQL; score: SQL } | null {
  const { normalized: nq, folded: fq } = searchKeys(q);
  if (!nq) return null;
  const compact = nq.replace(/ /g, '');
  const nameMatch = (col: SQL) =>
    sql`(${col} like ${`%${nq}%`} or ${col} like ${`%${fq}%`} or ${nq} <% ${col} or ${fq} <% ${col}
      or replace(${col}, ' ', '') like ${`%${compact}%`})`;
  const nameScore = (col: SQL) =>
    sql`greatest(word_similarity(${nq}, ${col}), word_similarity(${fq}, ${col}))
      + case when ' ' || ${col} || ' ' like ${`% ${nq} %`} or ' ' || ${col} || ' ' like ${`% ${fq} %`} then 1
             when ' ' || ${col} like ${`% ${nq}%`} or ' ' || ${col} like ${`% ${fq}%`} then 0.5
             when replace(${col}, ' ', '') like ${`%${compact}%`} then 0.4 else 0 end`;
  const name = sql`${persons.nameSearch}`;
  const alias = sql`${personAliases.normalized}`;
  const aliasScore = sql`(select max(${nameScore(alias)}) from ${personAliases}
    where ${personAliases.personId} = ${persons.id} and ${nameMatch(alias)})`;
  const textHit = sql`exists (select 1 from ${testimonyPersons} tp
    join ${testimonies} on ${testimonies.id} = tp.testimony_id
    join ${testimonyRevisions} on ${testimonyRevisions.id} = ${testimonies.publishedRevisionId}
    where tp.person_id = ${persons.id} and ${isPublicTestimony}
      and ${testimonyRevisions.publicSearch} @@ ${ftsQuery(q)})`;
  const inProvinces = provincesNamed(nq, fq);
  const placeOf = (city: SQL, province: SQL) =>
    sql`(${ftsNormalizedText(sql`coalesce(${city}, '')`)} = ${nq}${inProvinces.length ? sql` or ${province} in ${inProvinces}` : sql``})`;
  const placeHit = placeOf(sql`${persons.city}`, sql`${persons.province}`);
  const candidates = sql`(select n.id from ${persons} n where ${nameMatch(sql`n.name_search`)}
    union select a.person_id from ${personAliases} a where ${nameMatch(sql`a.normalized`)}
    union select pl.id from ${persons} pl where ${placeOf(sql`pl.city`, sql`pl.province`)}
    union select tp.person_id from ${testimonyRevisions}
      join ${testimonies} on ${testimonies.publishedRevisionId} = ${testimonyRevisions.id}
      join ${testimonyPersons} tp on tp.testimony_id = ${testimonies.id}
      where ${testimonyRevisions.publicSearch} @@ ${ftsQuery(q)} and ${isPublicTestimony})`;
  // A withheld minor's names never match: a search by the full name must not find the record.
  const names = sql`not ${identityWithheld} and (${nameMatch(name)} or ${aliasScore} is not null)`;
  return {
    // `= any(array(…))`: the candidates are looked up by primary key, never joined by reading all persons;
    // the second condition then keeps only candidates that match for a reason the public may see.
    where: sql`${persons.id} = any(array${candidates}) and (${names} or ${placeHit} or ${textHit})`,
    score: sql`greatest(case when not ${identityWithheld} and ${nameMatch(name)} then ${nameScore(name)} else 0 end,
      case when ${identityWithheld} then 0 else coalesce(${aliasScore}, 0) end,
      case when ${placeHit} then 0.3 else 0 end, case when ${textHit} then 0.2 else 0 end)`,
  };
}
