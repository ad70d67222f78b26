// A stop (SIGTERM) ends in seconds: Next waits for every connection to close, and one whose request
// was in flight at the signal stays open, idle, until its 75 s keep-alive runs out. And a webhook
// still being received when the signal comes is answered and stored, not cut.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";

let database: TestDatabase;
const apps: TestApp[] = [];
const agent = new http.Agent({ keepAlive: true });

before(async () => {
  database = await createTestDatabase("shutdown");
});
after(async () => {
  agent.destroy();
  for (const app of apps) await app.kill();
  await database?.drop();
});

async function start() {
  const app = await startTestApp({ databaseUrl: database.url });
  apps.push(app);
  return app;
}

/** A request over `agent`, whose connection stays open (idle) once it is answered, unless the server says close. */
function request(app: TestApp, path: string, options: { method?: string; body?: (req: http.ClientRequest) => void } = {}) {
  return new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
    const req = http.request(`${app.url}${path}`, { method: options.method ?? "GET", agent, headers: { "content-type": "application/json" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
    });
    req.on("error", reject);
    if (options.body) options.body(req);
    else req.end();
  });
}

const exited = (app: TestApp) => new Promise<void>((resolve) => (app.process.exitCode !== null ? resolve() : app.process.once("exit", () => resolve())));

test("a webhook still arriving when SIGTERM comes is answered 200 and stored, and the server exits within seconds after", async () => {
  const app = await start();
  const body = JSON.stringify(payloadFor({ id: "shutdown-1", outcome: "INTERESTED" }, "POST_PROCESSING_FINISHED:INTERESTED", "final"));
  const half = Math.floor(body.length / 2);
  let signalled = 0;
  const answer = request(app, "/api/webhooks/voxia", {
    method: "POST",
    body: (req) => {
      req.setHeader("content-length", Buffer.byteLength(body));
      req.write(body.slice(0, half));
      // The signal while the body is half sent; the rest well after the server's one-second minimum.
      setTimeout(() => {
        signalled = Date.now();
        app.process.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(half)), 2_500);
      }, 500);
    },
  });
  const { status, body: response, connection } = await answer;
  assert.equal(status, 200, response);
  assert.equal(connection, "close", "told to close the connection it would have kept");
  const answered = Date.now();
  assert.ok(answered - signalled >= 2_500, "answered after the rest of the body arrived");
  await exited(app);
  // Its connection, kept alive by the client, used to hold the stop until the 75 s keep-alive ran out.
  const ms = Date.now() - answered;
  assert.ok(ms < 5_000, `exited ${ms} ms after answering`);
  assert.equal(app.process.exitCode, 143);
  const stored = await database.query<{ id: string; status: string }>(`SELECT id, status FROM calls WHERE id = 'shutdown-1'`);
  assert.deepEqual(stored, [{ id: "shutdown-1", status: "INTERESTED" }]);
});
