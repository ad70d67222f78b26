// Promise: if the server process dies anyway (out of memory, a crash), `npm start` brings it back
// and says so in its log; SIGTERM still stops everything. Played for real: scripts/run-app.ts start
// against a test database, and its next-server child SIGKILLed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { freePort } from "../support/free-port.ts";
import { postWebhook } from "../support/test-app.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";

let database: TestDatabase;
let supervisor: ChildProcess;
let output = "";
let url: string;

const serverPids = () => [...output.matchAll(/\[callboard\] server started \(pid (\d+)\)/g)].map((m) => Number(m[1]));
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    assert.ok(Date.now() < deadline, `${what} did not happen within ${ms / 1000} s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const healthy = async () => (await fetch(`${url}/api/health`).catch(() => null))?.status === 200;

before(async () => {
  database = await createTestDatabase("supervisor");
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  supervisor = spawn(process.execPath, ["--import", "tsx", "scripts/run-app.ts", "start"], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      ...(database.embedded ? { CALLBOARD_EMBEDDED_DB: "1" } : {}),
      PORT: String(port),
      CALLBOARD_ALLOW_INSECURE: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  supervisor.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  supervisor.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await until("the first start", healthy);
});
after(async () => {
  if (supervisor && supervisor.exitCode === null) supervisor.kill("SIGKILL");
  for (const pid of serverPids()) if (isAlive(pid)) process.kill(pid, "SIGKILL");
  await database?.drop();
});

test("a SIGKILLed server is restarted, the log says so, and it serves what was stored before", async () => {
  assert.equal((await postWebhook({ url }, JSON.stringify(payloadFor({ id: "before-crash" }, "HANG_UP", "ended")))).status, 200);
  const [first] = serverPids();
  assert.ok(first && isAlive(first), output);

  process.kill(first, "SIGKILL");
  await until("the restart", () => serverPids().length === 2);
  assert.match(output, new RegExp(`\\[callboard\\] server \\(pid ${first}\\) exited with code none \\(signal SIGKILL\\); restarting in 1 s`));
  await until("health after the restart", healthy);
  assert.notEqual(serverPids()[1], first);
  assert.equal(supervisor.exitCode, null, "the supervisor itself keeps running");

  const call = await fetch(`${url}/api/calls/before-crash`);
  assert.equal(call.status, 200);
  assert.equal((await postWebhook({ url }, JSON.stringify(payloadFor({ id: "after-crash" }, "HANG_UP", "ended")))).status, 200);
});

test("a second crash soon after waits longer (backoff)", async () => {
  const second = serverPids()[1]!;
  process.kill(second, "SIGKILL");
  await until("the second restart", () => serverPids().length === 3);
  assert.match(output, new RegExp(`server \\(pid ${second}\\) exited with code none \\(signal SIGKILL\\); restarting in 2 s`));
  await until("health after the second restart", healthy);
});

test("SIGTERM stops the supervisor and its server, and nothing is restarted", async () => {
  const current = serverPids().at(-1)!;
  const exited = new Promise<number | null>((resolve) => supervisor.once("exit", (code) => resolve(code)));
  supervisor.kill("SIGTERM");
  assert.equal(await exited, 0);
  await until("the server's exit", () => !isAlive(current), 15_000);
  assert.equal(serverPids().length, 3, "no restart after a requested stop");
  assert.doesNotMatch(output.split(`pid ${current})`).at(-1) ?? "", /restarting in/);
  assert.equal(await healthy(), false);
});
