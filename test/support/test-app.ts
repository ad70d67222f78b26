// The built app (`next build` output) running as a real server on a free port, against a test
// database. Tests talk to it over HTTP, exactly as Voxia and the browser do.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "./free-port.ts";
import { KEEP_ALIVE_TIMEOUT_MS, serverNodeOptions } from "../../lib/http/next-server-options.ts";

export type TestApp = {
  url: string;
  port: number;
  process: ChildProcess;
  /** Output the server printed, for asserting what it logs (and what it must not). */
  output(): string;
  stop(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

export async function startTestApp(options: {
  databaseUrl: string;
  embedded?: boolean;
  env?: Record<string, string>;
  port?: number;
  /** The /api/health status that means "started" (200 unless the test expects a server refusing to serve). */
  healthStatus?: number;
}): Promise<TestApp> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    // A production server refuses to start without WEBHOOK_SECRET and DASHBOARD_PASSWORD; tests that
    // are not about those run open. Tests of the refusal pass CALLBOARD_ALLOW_INSECURE: "".
    CALLBOARD_ALLOW_INSECURE: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    ...(options.embedded ? { CALLBOARD_EMBEDDED_DB: "1" } : {}),
    ...options.env,
  };
  env.NODE_OPTIONS = serverNodeOptions(env.NODE_OPTIONS);
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1", "--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS)], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === (options.healthStatus ?? 200)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the app's health did not answer ${options.healthStatus ?? 200} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  const waitForExit = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
    });
  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: async () => {
      const exited = waitForExit();
      child.kill("SIGTERM");
      await exited;
    },
    kill: async (signal = "SIGKILL") => {
      const exited = waitForExit();
      child.kill(signal);
      await exited;
    },
  };
}

/** POSTs a body to the app's webhook. */
export function postWebhook(app: { url: string }, body: string | Uint8Array<ArrayBuffer> | Buffer, init: { contentType?: string | null; query?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.contentType !== null) headers["content-type"] = init.contentType ?? "application/json";
  return fetch(`${app.url}/api/webhooks/voxia${init.query ?? ""}`, { method: "POST", body: body as BodyInit, headers });
}
