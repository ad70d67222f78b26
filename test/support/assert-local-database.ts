// Tests create and drop databases: refuse to do that anywhere but this machine.
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host) && process.env.CALLBOARD_ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(`refusing to run destructive test setup against ${host}: tests only use a local database`);
  }
}
