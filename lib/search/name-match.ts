// The spelling-tolerant name conditions shared by the staff persons list, the review screen's
// likely duplicates and the CSV import's dry run. They compare against a column of normalized
// names (persons.name_search, written with nameSearchText) using the keys of searchKeys(), so
// Arabic/Persian letter variants, ZWNJ, diacritics, digits and Latin transliteration variants
// (Gholipour/Gholipur) all meet. No `server-only`: plain SQL builders.
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { containsPattern } from './like';
import { searchKeys } from './normalize';

type Keys = { normalized: SQL | string; folded: SQL | string };

/**
 * Likely the same name: pg_trgm word similarity (`<%`, served by the column's trigram index) of the
 * normalized or the transliteration-folded name. Keys may be SQL, to match many names in one query.
 */
export function similarName(column: AnyPgColumn | SQL, keys: Keys): SQL {
  return sql`(${keys.normalized} <% ${column} or ${keys.folded} <% ${column})`;
}

/**
 * A name search: the column contains the query (either key), is similar to it, or contains it with
 * spaces ignored (قلی‌پور, قلی پور and قلیپور are one name); null for an empty query.
 */
export function nameSearchCondition(column: AnyPgColumn, query: string): SQL | null {
  const keys = searchKeys(query);
  if (!keys.normalized) return null;
  const compact = keys.normalized.replace(/ /g, '');
  return sql`(${column} like ${containsPattern(keys.normalized)} or ${column} like ${containsPattern(keys.folded)} or ${similarName(column, keys)}
    or replace(${column}, ' ', '') like ${containsPattern(compact)})`;
}
