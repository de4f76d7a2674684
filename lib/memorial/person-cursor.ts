// The search and browse page cursor: where the next page starts in the list's order, as the sort
// keys of the last person shown plus their id (the tie-breaker that makes the order total). Keyset
// paging costs the same on page 500 as on page 1 and never repeats or skips a person when others
// are published between two clicks, as OFFSET did. It travels in the query string (`?after=`), so
// every page is a plain GET link; it is opaque but not secret, and anything that does not decode to
// the exact shape of its sort is dropped by parsePersonQuery (first page, never an error).
// Pure: no server-only.
import { z } from '@/lib/validation/zod';

// Timestamps to the microsecond, as the database writes them (a JS Date would drop microseconds
// and repeat the last person of a page).
const instant = z.iso.datetime({ precision: 6 }).nullable();

const shapes = z.union([
  // Ranked search: the relevance score (float8, exact through JSON), then newest publication.
  z.tuple([z.literal('relevance'), z.number(), instant, z.uuid()]),
  z.tuple([z.literal('recent'), instant, z.uuid()]),
  z.tuple([z.literal('date'), z.iso.date().nullable(), z.uuid()]),
  z.tuple([z.literal('name'), z.string(), z.uuid()]),
]);

export type PersonCursor = z.infer<typeof shapes>;
export type PersonCursorSort = PersonCursor[0];

type SortValue = string | number | null;

/** A cursor from the sort keys of a person and their id, in the order of the sort's shape. */
export function personCursor(sort: PersonCursorSort, keys: SortValue[], id: string): PersonCursor {
  return [sort, ...keys, id] as PersonCursor;
}

/** The sort keys and the id of a cursor. */
export function cursorPosition(cursor: PersonCursor): { keys: SortValue[]; id: string } {
  return { keys: cursor.slice(1, -1) as SortValue[], id: cursor.at(-1) as string };
}

export function encodePersonCursor(cursor: PersonCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodePersonCursor(value: string): PersonCursor | null {
  try {
    const parsed = shapes.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
