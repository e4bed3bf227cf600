// Errors that mean "the database is not there right now", not "this request is wrong": a PostgreSQL
// server restarting, shutting down or failing over, or a connection that cannot be made. The API
// answers them with 503 + Retry-After; payroll workers retry their batch.

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, crash recovery,
// cannot connect now), and 53300 (too many connections).
const unavailableSqlState = /^(08|57P0[1-4]|53300$)/;
// postgres.js's own connection error codes, and the socket errors of a server that is gone.
const unavailableDriverCodes = new Set([
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps driver errors (`cause`); look a few levels down.
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (unavailableDriverCodes.has(code) || unavailableSqlState.test(code))) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}
