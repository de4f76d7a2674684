// Search and browse over published persons: names in any script and spelling (normalization +
// trigram matching on persons.name_search and person_aliases.normalized) and full-text over the
// published testimony text, with filters, sorts and page-numbered pagination.
import 'server-only';
import { and, asc, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { collections, personAliases, persons, testimonies, testimonyPersons, testimonyRevisions } from '@/db/schema';
import { provinces } from '@/lib/geo/provinces';
import { ftsNormalizedText, ftsQuery } from '@/lib/search/fts';
import { foldLatin, normalizeName, searchKeys } from '@/lib/search/normalize';
import type { PublicPersonSummary } from './dto';
import { identityWithheld } from './minors';
import { defaultPageSize, maxPageSize, type PersonQuery } from './query';
import { summaryColumns, toSummary } from './summary';
import { isPublicPerson, isPublicTestimony } from './visibility';

export type { PersonQuery } from './query';
export type PersonPage = {
  items: PublicPersonSummary[];
  total: number;
  page: number;
  pageCount: number;
  limit: number;
};

/** Published persons matching the query, one page; never an unpublished, hidden or merged one. */
export async function listPublishedPersons(db: DbOrTx, query: PersonQuery = {}): Promise<PersonPage> {
  const limit = Math.min(Math.max(query.limit ?? defaultPageSize, 1), maxPageSize);
  const page = Math.max(query.page ?? 1, 1);
  const text = query.q ? textMatch(query.q) : null;
  const where = and(isPublicPerson, ...filters(query), text?.where);
  const sort = query.sort ?? (text ? 'relevance' : 'recent');

  const order: SQL[] = [];
  if (sort === 'relevance' && text) order.push(desc(text.score));
  if (sort === 'date') order.push(sql`${persons.incidentDate} asc nulls last`);
  if (sort === 'name') {
    order.push(query.locale === 'fa' ? asc(persons.nameFa) : sql`lower(coalesce(${persons.nameLatin}, ${persons.nameFa})) asc`);
  }
  if (sort === 'recent' || sort === 'relevance') order.push(sql`${persons.publishedAt} desc nulls last`);
  order.push(asc(persons.id)); // a total order: pages never overlap or skip

  const [rows, [countRow]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(persons)
      .innerJoin(collections, eq(collections.id, persons.collectionId))
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset((page - 1) * limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(persons)
      .innerJoin(collections, eq(collections.id, persons.collectionId))
      .where(where),
  ]);
  const total = Number(countRow?.n ?? 0);
  return { items: rows.map(toSummary), total, page, pageCount: Math.max(Math.ceil(total / limit), 1), limit };
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
