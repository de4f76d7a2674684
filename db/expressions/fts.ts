// Full-text search over published testimony text. The same SQL normalization runs on the indexed
// text (a generated column, db/schema/testimonies.ts) and on the query, so the two always agree —
// a JS normalizer on one side and SQL on the other would drift. It mirrors normalizeName():
// Arabic/Persian letter variants unified, harakat and tatweel dropped, ZWNJ and direction marks
// become spaces, Persian/Arabic digits become ASCII, Latin lower-cased. No `server-only`: the
// schema (read by drizzle-kit and the migrator) imports it.
import { type SQL, sql } from 'drizzle-orm';

// Marks removed outright: Arabic harakat (U+064B–U+065F), superscript alef (U+0670), tatweel (U+0640).
const dropMarks = '[\\u064B-\\u065F\\u0670\\u0640]';
// translate() pairs: each character of `from` becomes the character at the same index of `to`.
const pairs: Array<[string, string]> = [
  ['ي', 'ی'],
  ['ى', 'ی'],
  ['ئ', 'ی'],
  ['ك', 'ک'],
  ['ة', 'ه'],
  ['ۀ', 'ه'],
  ['أ', 'ا'],
  ['إ', 'ا'],
  ['ٱ', 'ا'],
  ['آ', 'ا'],
  ['ؤ', 'و'],
  ['\u200c', ' '], // ZWNJ
  ['\u200d', ' '], // ZWJ
  ['\u200e', ' '], // LRM
  ['\u200f', ' '], // RLM
  ...[...'۰۱۲۳۴۵۶۷۸۹'].map((d, i): [string, string] => [d, String(i)]),
  ...[...'٠١٢٣٤٥٦٧٨٩'].map((d, i): [string, string] => [d, String(i)]),
];
const from = pairs.map((p) => p[0]).join('');
const to = pairs.map((p) => p[1]).join('');
// SQL string literals of the constant tables above (sql.raw takes module constants only).
const dropMarksLiteral = `'${dropMarks}'`;
const fromLiteral = `'${from}'`;
const toLiteral = `'${to}'`;

/**
 * The normalized text of a SQL text expression (deterministic and IMMUTABLE: usable in an index).
 * The sql.raw literals are the module's constant tables, never request data: an index expression
 * must be literal SQL, and the query must repeat it exactly for the planner to use the index.
 */
export function ftsNormalizedText(expression: SQL): SQL {
  return sql`translate(regexp_replace(lower(${expression}), ${sql.raw(dropMarksLiteral)}, '', 'g'), ${sql.raw(fromLiteral)}, ${sql.raw(toLiteral)})`;
}

/** The tsvector of a text expression ('simple' configuration: no stemming, any language). */
export function ftsVector(expression: SQL): SQL {
  return sql`to_tsvector('simple'::regconfig, ${ftsNormalizedText(expression)})`;
}

/** A query for the words of `text` (all must occur), normalized like the indexed text. */
export function ftsQuery(text: string): SQL {
  return sql`plainto_tsquery('simple'::regconfig, ${ftsNormalizedText(sql`${text}::text`)})`;
}

/**
 * The words of a column of normalized names (persons.name_search, person_aliases.normalized) as a
 * tsvector, for their word indexes (db/schema/persons.ts) and search (lib/memorial/search-hits.ts):
 * the stored names are normalized already, so only the 'simple' split into words is left to do.
 */
export function nameWords(expression: SQL): SQL {
  return sql`to_tsvector('simple'::regconfig, ${expression})`;
}
