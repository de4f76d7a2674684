// The one UUID pattern. Ids arrive from URLs, forms, cursors and file names; each is checked here
// before it reaches SQL, so a malformed one is simply "not found", never a database error.
// Pure: no server-only.

/** The pattern's source, for the few patterns that embed an id (a path's tail, a file name). */
export const uuidSource = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const uuidPattern = new RegExp(`^${uuidSource}$`, 'i');

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
