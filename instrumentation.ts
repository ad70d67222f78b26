// Runs once when a server instance starts: refuse an insecure production start, then bring the
// database schema up to date before serving, and start the alert checker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitIfInsecure } = await import("./lib/security/required-settings");
  exitIfInsecure();
  // A stop ends in seconds, not when idle keep-alive connections time out (lib/http/bounded-shutdown.ts).
  const { boundShutdown } = await import("./lib/http/bounded-shutdown");
  boundShutdown();
  const { prepareDatabase } = await import("./lib/db/prepare-database");
  await prepareDatabase();
  // Alerts are checked by the app itself: no extra service to run (lib/alerts/check-alerts.ts).
  const { startAlertChecker } = await import("./lib/alerts/check-alerts");
  startAlertChecker();
}
