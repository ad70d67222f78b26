// Errors that mean "the database cannot be reached right now" (as opposed to a bug in a query).
// The webhook answers these with 503 so the sender knows to try again; nothing was committed.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "EAI_AGAIN",
  "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "53300",
  "P1001", "P1002", "P1017", "P2024",
]);
const CONNECTION_MESSAGES =
  /connection (terminated|refused|timeout|closed|error)|timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|ECONNRESET|server closed the connection|the database system is (starting up|shutting down)|Transaction API error|Unable to start a transaction|terminating connection|Client has encountered a connection error|Can't reach database server|timed out fetching a new connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: unknown; message?: unknown; cause?: unknown; errorCode?: unknown };
    if (typeof candidate.code === "string" && CONNECTION_CODES.has(candidate.code)) return true;
    if (typeof candidate.errorCode === "string" && CONNECTION_CODES.has(candidate.errorCode)) return true;
    if (typeof candidate.message === "string" && CONNECTION_MESSAGES.test(candidate.message)) return true;
    e = candidate.cause;
  }
  return false;
}
