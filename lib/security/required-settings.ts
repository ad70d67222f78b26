// What a production server must not run without, and what the Connect page warns about in
// development. A public Callboard without these would accept forged calls and show every
// contact's phone number to anyone.

const ALLOW_INSECURE_VARIABLE = "CALLBOARD_ALLOW_INSECURE";

type Env = Record<string, string | undefined>;

/** One sentence per missing setting, naming the variable to set. */
export function securityWarnings(env: Env = process.env): string[] {
  const warnings: string[] = [];
  if (!env.WEBHOOK_SECRET) {
    warnings.push("WEBHOOK_SECRET is not set: anyone who can reach the webhook URL can add calls. Set it and add ?token=<secret> to the URL in Voxia.");
  }
  if (!env.DASHBOARD_PASSWORD) {
    warnings.push("DASHBOARD_PASSWORD is not set: anyone who can reach this app can read every call, transcript and phone number.");
  }
  return warnings;
}

/** Null when the server may start; otherwise the message that explains why it refuses. */
export function refusalToStart(env: Env = process.env): string | null {
  if (env.NODE_ENV !== "production") return null;
  const warnings = securityWarnings(env);
  if (warnings.length === 0) return null;
  if (env[ALLOW_INSECURE_VARIABLE] === "1") return null;
  return [
    "Callboard refuses to start in production without its secrets:",
    ...warnings.map((warning) => `  - ${warning}`),
    `Set WEBHOOK_SECRET and DASHBOARD_PASSWORD (see docs/deployment.md), or set ${ALLOW_INSECURE_VARIABLE}=1 to run without them on a trusted network.`,
  ].join("\n");
}

/** Prints the refusal and ends the process: a server that would run insecurely must not serve. */
export function exitIfInsecure(env: Env = process.env): void {
  const refusal = refusalToStart(env);
  if (!refusal) return;
  console.error(refusal);
  process.exit(1);
}
