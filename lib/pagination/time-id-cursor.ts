// Keyset cursors for lists ordered by (timestamp, uuid): page N costs the same as page 1, unlike
// OFFSET. The cursor is opaque to the browser but not secret; a mangled one is `invalid_input`.
import { AppError } from '../errors';

/**
 * "<timestamp as PostgreSQL text>|<id>" in base64url. The database's own text keeps microseconds
 * (a JS Date would drop them and repeat the last row of the page).
 */
export function encodeTimeIdCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

export function decodeTimeIdCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !/^[0-9 :.+-]{19,40}$/.test(at) || !/^[0-9a-f-]{36}$/i.test(id ?? '')) {
    throw new AppError('invalid_input');
  }
  return { at, id: id! };
}
