// Runs once when a server instance starts: refuse an insecure production start, then bring the
// database schema up to date before serving.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitIfInsecure } = await import("./lib/security/required-settings");
  exitIfInsecure();
  const { prepareDatabase } = await import("./lib/db/prepare-database");
  await prepareDatabase();
}
