/** Node's socket errors: the connection, not the data. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * Whether an error is about the data of the items being processed (so another
 * batch without one of them may succeed), rather than about the database being
 * unreachable, slow or overloaded (so any batch would fail the same way):
 * PostgreSQL's data exceptions and integrity constraint violations (SQLSTATE
 * classes 22 and 23), or an error our own code threw that is not a connection
 * or timeout error.
 */
export function isDataError(error: unknown): boolean {
  const e = (error ?? {}) as {
    code?: unknown;
    sqlState?: unknown;
    name?: unknown;
    message?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const state =
    typeof e.sqlState === 'string'
      ? e.sqlState
      : code && !CONNECTION_CODES.has(code) && SQLSTATE.test(code)
        ? code
        : undefined;
  if (state) return state.startsWith('22') || state.startsWith('23');
  if (code && CONNECTION_CODES.has(code)) return false;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : '';
  return !/connection|timeout|timed out|terminat/i.test(`${name} ${message}`);
}
