// Runs once when a server instance starts: bring the database schema up to date before serving.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./lib/db/prepare-database");
  await prepareDatabase();
}
