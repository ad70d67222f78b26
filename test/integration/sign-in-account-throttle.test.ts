// Sign-in throttling per account, over real HTTP on two app instances sharing one Postgres: wrong
// passwords for one email from many addresses refuse that email (429, Retry-After, a message saying
// when) on both instances, even with the right password from a fresh address, until the window ends;
// other accounts are not affected, and after the window the right password signs in.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { addUser, signInAs } from "../support/users.ts";

const API_TOKEN = "account-throttle-test-api-token-2c9e";
const env = { DASHBOARD_PASSWORD: "account-throttle-test-password", API_TOKEN, WEBHOOK_SECRET: "account-throttle-test-secret" };
const bootstrap = { authorization: `Bearer ${API_TOKEN}` };
const needsServer = { skip: process.env.DATABASE_URL ? false : "needs a Postgres server: two instances cannot share the embedded database" };

let database: TestDatabase;
let app: TestApp;
let second: TestApp | undefined;

before(async () => {
  database = await createTestDatabase("account_throttle");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env });
});
after(async () => {
  await second?.stop();
  await app?.stop();
  await database?.drop();
});

const from = (n: number) => ({ "x-forwarded-for": `203.0.113.${n}`, accept: "application/json" });

describe("sign-in throttling per account", () => {
  test("ten wrong passwords for one email from ten addresses refuse it everywhere until the window ends", needsServer, async () => {
    const user = await addUser(app.url, bootstrap, "member");
    const bystander = await addUser(app.url, bootstrap, "member");
    second = await startTestApp({ databaseUrl: database.url, env });
    for (let i = 0; i < 10; i++) {
      const wrong = await signInAs(i % 2 ? second.url : app.url, user.email.toUpperCase(), `guess-${i}`, from(i + 1));
      assert.equal(wrong.status, 303, `failure ${i + 1} is answered as a wrong password`);
    }
    for (const target of [app, second]) {
      const refused = await signInAs(target.url, user.email, user.password, from(99));
      assert.equal(refused.status, 429, "the right password from a fresh address is refused too");
      const retryAfter = Number(refused.headers.get("retry-after"));
      assert.ok(retryAfter > 14 * 60 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, "too_many_attempts");
      assert.match(body.error.message, /for this account: try again in \d+ s/);
      assert.equal(refused.headers.get("set-cookie"), null);
    }
    const page = await signInAs(app.url, user.email, user.password, { "x-forwarded-for": "203.0.113.98", accept: "text/html" });
    assert.equal(page.status, 429);
    assert.match(await page.text(), /Too many wrong passwords for this account\. Try again in 15 minutes\./);

    const other = await signInAs(second.url, bystander.email, bystander.password, from(99));
    assert.equal(other.status, 303, "another account is not affected");
    assert.ok(other.headers.get("set-cookie"));

    const stored = await database.query<{ client_key: string }>(`SELECT client_key FROM sign_in_attempts WHERE client_key LIKE 'account:%'`);
    assert.ok(stored.length > 0 && stored.every((row) => !row.client_key.includes("@")), "no email is stored");

    // The window ends (moved back in the database rather than waited for): the right password works.
    await database.query(`UPDATE sign_in_attempts SET window_started_at = window_started_at - interval '15 minutes' WHERE client_key LIKE 'account:%'`);
    const afterWindow = await signInAs(second.url, user.email, user.password, from(99));
    assert.equal(afterWindow.status, 303);
    assert.ok(afterWindow.headers.get("set-cookie"), "signed in once the window is over");
  });
});
