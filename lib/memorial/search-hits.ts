// The persons a search box query finds, and how well, read from indexes without scoring every
// candidate of a common name (issue 16 §5). A query is answered in two phases:
//
// 1. Words. Every word of the query (normalized, and its transliteration key) must be a word of a
//    name or other spelling — whole (score 2) or as the start of one (1.5) — looked up in the names'
//    word index (a GIN tsvector: each word is one posting list, so "Mohammad Gholipour" is the
//    intersection of two lists, not a similarity computed for every Mohammad). Also: the query
//    names their city or province (0.3), or a published testimony about them contains its words (0.2).
// 2. Spellings. Only when phase 1 finds no one: names that contain the query, are similar to it
//    word by word (pg_trgm) or contain it with spaces ignored (ZWNJ vs space vs nothing) — the
//    typing mistakes folding cannot foresee, paid for only by the searches that need it.
//
// Each source is read in index order up to `searchCap + 1` rows, so the work is bounded whatever
// the query; when a source has more, the total is shown as "more than 1,000" and the ranking is
// among those candidates. Trigram nearest-neighbour search (GiST `<<->`) was measured first and was
// slower on these names than the word index (docs/benchmarks.md, "Search").
import 'server-only';
import { and, type SQL, sql } from 'drizzle-orm';
import { collections, personAliases, persons, testimonies, testimonyPersons, testimonyRevisions } from '@/db/schema';
import { provinces } from '@/lib/geo/provinces';
import { ftsNormalizedText, ftsQuery, nameWords } from '@/db/expressions/fts';
import { containsPattern, wrappedPattern } from '@/lib/search/like';
import { publicRecentKey } from '@/db/expressions/person-order';
import { foldLatin, normalizeName, searchKeys } from '@/lib/search/normalize';
import { identityWithheld } from './minors';
import { isPublicPerson, isPublicTestimony } from './visibility';

/** The most candidates one source gives a query; beyond it the total reads "more than" this. */
export const searchCap = 200;

/** One phase's candidates: `select id, score, recent, full` (full: a source had more than searchCap rows). */
export type Hits = SQL;

/**
 * The two phases of a query (null when it has no letters or digits at all: it matches no one).
 * `byCollection`: a filter names the collection, so the sources join it; else they leave it out
 * (every person has one: the join changes no result, and each join is planning time paid per search).
 */
export function searchPhases(q: string, filters: Array<SQL | undefined>, byCollection: boolean): [Hits, Hits] | null {
  const keys = searchKeys(q);
  if (!keys.normalized) return null;
  const scope = and(isPublicPerson, ...filters)!;
  const from = sources(byCollection);
  return [hits(wordSources(q, keys, scope, from)), hits(spellingSources(keys, scope, from))];
}

/** Each source's rows (up to searchCap + 1), the best score per person, and whether any source was cut. */
function hits(sources: SQL[]): Hits {
  const all = sql.join(
    sources.map((source, i) => sql`(select id, s, r, ${i}::int as b from (${source} limit ${searchCap + 1}) ${sql.identifier(`s${i}`)})`),
    sql` union all `,
  );
  return sql`select id, max(s)::float8 as score, max(r) as recent, bool_or(n > ${searchCap}) as full
    from (select id, s, r, count(*) over (partition by b) as n from (${all}) u) h group by id`;
}

/** What every source selects: the person, the score, and the newest-first key that breaks ties. */
const selected = (score: SQL) => sql`select ${persons.id} as id, (${score})::float8 as s, ${publicRecentKey(persons.publishedAt)} as r`;

// A source reads persons (and what it joins) within the query's scope: public, and its filters.
type From = { collection: SQL; persons: SQL; aliases: SQL };
function sources(byCollection: boolean): From {
  const collection = byCollection ? sql` join ${collections} on ${collections.id} = ${persons.collectionId}` : sql``;
  return {
    collection,
    persons: sql`from ${persons}${collection}`,
    aliases: sql`from ${personAliases} join ${persons} on ${persons.id} = ${personAliases.personId}${collection}`,
  };
}

/** A tsquery text: every word, each as itself or its transliteration key, whole or as a prefix. */
function wordsQuery(normalized: string, prefix: boolean): string {
  const mark = prefix ? ':*' : '';
  // Normalized words are letters and digits only (normalizeName), so they are plain lexemes.
  return normalized
    .split(' ')
    .map((word) => [...new Set([word, foldLatin(word)])].map((w) => `'${w}'${mark}`).join(' | '))
    .map((alternatives) => `(${alternatives})`)
    .join(' & ');
}

function wordSources(q: string, { normalized }: { normalized: string }, scope: SQL, from: From): SQL[] {
  // A withheld minor's names never match: a search by the full name must not find the record.
  const named = sql`${scope} and not ${identityWithheld}`;
  const words = (column: SQL, from: SQL, prefix: boolean) =>
    sql`${selected(sql`${prefix ? 1.5 : 2}`)} ${from}
      where ${named} and ${nameWords(column)} @@ to_tsquery('simple'::regconfig, ${wordsQuery(normalized, prefix)})`;
  const name = sql`${persons.nameSearch}`;
  const alias = sql`${personAliases.normalized}`;
  const inProvinces = provincesNamed(normalized);
  const place = sql`(${ftsNormalizedText(sql`coalesce(${persons.city}, '')`)} = ${normalized}${
    inProvinces.length ? sql` or ${persons.province} in ${inProvinces}` : sql``
  })`;
  return [
    words(name, from.persons, false),
    words(name, from.persons, true),
    words(alias, from.aliases, false),
    words(alias, from.aliases, true),
    sql`${selected(sql`0.3`)} ${from.persons} where ${scope} and ${place}`,
    sql`${selected(sql`0.2`)} from ${testimonyRevisions}
      join ${testimonies} on ${testimonies.publishedRevisionId} = ${testimonyRevisions.id}
      join ${testimonyPersons} on ${testimonyPersons.testimonyId} = ${testimonies.id}
      join ${persons} on ${persons.id} = ${testimonyPersons.personId}${from.collection}
      where ${testimonyRevisions.publicSearch} @@ ${ftsQuery(q)} and ${isPublicTestimony} and ${scope}`,
  ];
}

function spellingSources({ normalized: nq, folded: fq }: { normalized: string; folded: string }, scope: SQL, from: From): SQL[] {
  const compact = nq.replace(/ /g, '');
  const match = (col: SQL) =>
    sql`(${col} like ${containsPattern(nq)} or ${col} like ${containsPattern(fq)} or ${nq} <% ${col} or ${fq} <% ${col}
      or replace(${col}, ' ', '') like ${containsPattern(compact)})`;
  const score = (col: SQL) =>
    sql`greatest(word_similarity(${nq}, ${col}), word_similarity(${fq}, ${col}))
      + case when ' ' || ${col} || ' ' like ${wrappedPattern(' ', nq, ' ')} or ' ' || ${col} || ' ' like ${wrappedPattern(' ', fq, ' ')} then 1
             when ' ' || ${col} like ${wrappedPattern(' ', nq, '')} or ' ' || ${col} like ${wrappedPattern(' ', fq, '')} then 0.5
             when replace(${col}, ' ', '') like ${containsPattern(compact)} then 0.4 else 0 end`;
  const named = sql`${scope} and not ${identityWithheld}`;
  // The other spellings that match, found by their trigram indexes first (materialized: under the
  // source's LIMIT the planner would rather test every alias in turn).
  const aliases = sql`(with matching as materialized (select * from ${personAliases} where ${match(sql`${personAliases.normalized}`)})
    select * from matching) ${personAliases}`;
  const fromMatchingAliases = sql`from ${aliases} join ${persons} on ${persons.id} = ${personAliases.personId}${from.collection}`;
  return [
    sql`${selected(score(sql`${persons.nameSearch}`))} ${from.persons} where ${named} and ${match(sql`${persons.nameSearch}`)}`,
    sql`${selected(score(sql`${personAliases.normalized}`))} ${fromMatchingAliases} where ${named}`,
  ];
}

/** Provinces whose Persian or English name is the query (any letter variant or transliteration). */
function provincesNamed(normalized: string): string[] {
  const folded = foldLatin(normalized);
  return provinces
    .filter((p) => normalizeName(p.nameFa) === normalized || foldLatin(normalizeName(p.nameEn)) === folded)
    .map((p) => p.code);
}

