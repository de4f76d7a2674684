// The one page-cursor codec. A cursor says where the next page starts in a list's order: the sort
// keys of the last row shown plus its id (the tie-breaker that makes the order total). Keyset pages
// cost the same on page 500 as on page 1 and never repeat or skip a row when others are added
// between two clicks, as OFFSET did.
//
// Encoding: base64url of a JSON array of the keys. Cursors travel in URLs (`?cursor=`, `?after=`)
// and API responses (`pagination.next`); they are opaque, so clients follow them instead of
// building positions, but not secret. Failure: `decodeCursor` returns null for anything that does
// not decode to the exact shape of its list, so a forged, truncated or foreign cursor never reaches
// SQL as anything but the keys' own types. What null means is the caller's: the search page starts
// at the first page, the open-data API answers 400, the staff lists `invalid_input`.
// Pure: no server-only.
import { z } from '@/lib/validation/zod';
import { isUuid } from '@/lib/validation/uuid';

type Key = string | number | null;

export function encodeCursor(keys: readonly Key[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

export function decodeCursor<T>(shape: z.ZodType<T>, value: string): T | null {
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const id = z.string().refine(isUuid);
// Timestamps to the microsecond, as the database writes them (a JS Date would drop microseconds
// and repeat the last row of a page). Public lists: ISO (`to_char(… 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`).
const instant = z.iso.datetime({ offset: true, precision: 6 });
// Staff lists: PostgreSQL's own text of a timestamptz (`column::text`).
const databaseTime = z.string().regex(/^[0-9 :.+-]{19,40}$/);

/** Staff lists ordered by (timestamp, id): the moderation queue, staff persons, notifications. */
export const timeIdCursor = z.tuple([databaseTime, id]).transform(([at, id]) => ({ at, id }));

/** A person's public testimonies and the open-data testimony list, oldest publication first. */
export const testimonyCursor = z.tuple([instant.nullable(), id]).transform(([at, id]) => ({ at, id }));

/** The search and browse pages and `/api/v1/persons`: one shape per sort, the sort's name first. */
export const personCursorShape = z.union([
  // Ranked search: the relevance score (float8, exact through JSON), then newest publication.
  z.tuple([z.literal('relevance'), z.number(), instant.nullable(), id]),
  z.tuple([z.literal('recent'), instant.nullable(), id]),
  z.tuple([z.literal('date'), z.iso.date().nullable(), id]),
  z.tuple([z.literal('name'), z.string(), id]),
]);

export type PersonCursor = z.infer<typeof personCursorShape>;
export type PersonCursorSort = PersonCursor[0];

/** A person cursor from the sort keys of a person and their id, in the order of the sort's shape. */
export function personCursor(sort: PersonCursorSort, keys: Key[], id: string): PersonCursor {
  return [sort, ...keys, id] as PersonCursor;
}

/** The sort keys and the id of a person cursor. */
export function cursorPosition(cursor: PersonCursor): { keys: Key[]; id: string } {
  return { keys: cursor.slice(1, -1) as Key[], id: cursor.at(-1) as string };
}
