// Whether an error means "the database cannot be reached right now" (server down, restarting,
// connection cut), as opposed to a bug or a refused query. Such failures are temporary: the user is
// told to try again, and postgres.js opens new connections by itself once the server is back.

// postgres.js connection codes and Node socket errors.
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);
// SQLSTATE: class 08 (connection exception), 57P01–57P03 (shutting down, crash, not yet accepting).
const unavailableStates = /^(08...|57P0[123])$/;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  // Drizzle wraps driver errors (`cause`); Node wraps multi-address connect failures (`errors`).
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && (connectionCodes.has(code) || unavailableStates.test(code))) return true;
    pending.push(cause);
    if (Array.isArray(errors)) pending.push(...(errors as unknown[]));
  }
  return false;
}
