// One-time sign-in links over real HTTP against the built app: an admin adds a user with a link
// instead of a password (or makes a new one); opening it lets the person choose a password, which
// signs them in; then the link says it was used. Only the hash is stored; an expired link, an older
// link once a newer one exists, and a disabled user's link say they no longer work.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { signInAs } from "../support/users.ts";

const API_TOKEN = "sign-in-links-test-api-token-9d3e";
const env = { DASHBOARD_PASSWORD: "sign-in-links-test-password", API_TOKEN, WEBHOOK_SECRET: "sign-in-links-test-secret" };
const bootstrap = { authorization: `Bearer ${API_TOKEN}` };

let database: TestDatabase;
let app: TestApp;
let made = 0;

before(async () => {
  database = await createTestDatabase("sign_in_links");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

function request(path: string, init: RequestInit = {}) {
  return fetch(`${app.url}${path}`, { redirect: "manual", ...init });
}
const json = (body: unknown) => ({ method: "POST", headers: { ...bootstrap, "content-type": "application/json" }, body: JSON.stringify(body) });

async function addByLink(role = "member") {
  const email = `link-${++made}@example.com`;
  const res = await request("/api/users", json({ name: `Link Person ${made}`, email, role, signInLink: true }));
  assert.equal(res.status, 201, await res.clone().text());
  const user = (await res.json()) as { id: string; mustChangePassword: boolean; signInLink: { url: string; expiresAt: string } };
  return { ...user, email };
}
const pathOf = (url: string) => new URL(url).pathname;
function choose(token: string, password: string, confirm = password) {
  return request("/api/auth/sign-in-link", { method: "POST", body: new URLSearchParams({ token, password, confirm }), headers: { "content-type": "application/x-www-form-urlencoded" } });
}
const tokenOf = (url: string) => pathOf(url).split("/").at(-1)!;

describe("one-time sign-in links", () => {
  test("adding a user with a link: the link lets them choose a password and signs them in, once", async () => {
    const user = await addByLink();
    assert.match(pathOf(user.signInLink.url), /^\/sign-in\/link\/[A-Za-z0-9_-]{43}$/);
    assert.ok(user.signInLink.url.startsWith(app.url), `${user.signInLink.url} is on the app's origin`);
    const hours = (Date.parse(user.signInLink.expiresAt) - Date.now()) / 3_600_000;
    assert.ok(hours > 71.9 && hours <= 72, `valid 72 h (${hours})`);
    const token = tokenOf(user.signInLink.url);
    // Read straight from the database (not beside a running app on the embedded one, which takes one connection at a time).
    if (!database.embedded) {
      const stored = await database.query<{ token_sha256: string }>(`SELECT token_sha256 FROM sign_in_links WHERE user_id = $1`, [user.id]);
      assert.deepEqual(stored.map((row) => row.token_sha256), [createHash("sha256").update(token).digest("hex")], "only the hash is stored");
    }

    const page = await request(pathOf(user.signInLink.url));
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Choose your password/);
    assert.match(html, new RegExp(user.email));

    const short = await choose(token, "short");
    assert.equal(short.status, 303);
    assert.equal(short.headers.get("location"), `${pathOf(user.signInLink.url)}?error=password`);
    assert.equal(short.headers.get("set-cookie"), null);
    const differ = await choose(token, "a-chosen-password", "another-password");
    assert.equal(differ.headers.get("location"), `${pathOf(user.signInLink.url)}?error=confirm`);

    const done = await choose(token, "a-chosen-password");
    assert.equal(done.status, 303);
    assert.equal(done.headers.get("location"), "/");
    const cookie = done.headers.get("set-cookie")!.split(";")[0]!;
    assert.equal((await request("/api/calls", { headers: { cookie } })).status, 200, "signed in, with no password change asked");

    const again = await choose(token, "a-second-password");
    assert.equal(again.status, 303);
    assert.equal(again.headers.get("set-cookie"), null, "the link works once");
    assert.match(await (await request(pathOf(user.signInLink.url))).text(), /This sign-in link was already used/);
    assert.equal((await signInAs(app.url, user.email, "a-chosen-password")).status, 303);
    assert.ok((await signInAs(app.url, user.email, "a-chosen-password")).headers.get("set-cookie"), "the chosen password signs in");
    assert.equal((await signInAs(app.url, user.email, "a-second-password")).headers.get("set-cookie"), null);
  });

  test("a new link for an existing user ends the older one; an expired link says so", async () => {
    const user = await addByLink("viewer");
    const first = tokenOf(user.signInLink.url);
    const res = await request(`/api/users/${user.id}/sign-in-link`, { method: "POST", headers: bootstrap });
    assert.equal(res.status, 201);
    const second = (await res.json()) as { url: string; expiresAt: string };
    assert.match(await (await request(`/sign-in/link/${first}`)).text(), /This sign-in link (was already used|does not work)/);
    assert.equal((await choose(first, "a-chosen-password")).headers.get("set-cookie"), null);

    if (!database.embedded) {
      // 72 h pass (moved back in the database rather than waited for).
      await database.query(`UPDATE sign_in_links SET expires_at = now() - interval '1 minute' WHERE token_sha256 = $1`, [createHash("sha256").update(tokenOf(second.url)).digest("hex")]);
      assert.match(await (await request(pathOf(second.url))).text(), /This sign-in link has expired/);
      assert.equal((await choose(tokenOf(second.url), "a-chosen-password")).headers.get("set-cookie"), null);
    }
    assert.match(await (await request("/sign-in/link/not-a-token")).text(), /This sign-in link does not work/);
  });

  test("a disabled user's link does not work, and none can be made for them", async () => {
    const user = await addByLink();
    const patched = await request(`/api/users/${user.id}`, { method: "PATCH", headers: { ...bootstrap, "content-type": "application/json" }, body: JSON.stringify({ disabled: true }) });
    assert.equal(patched.status, 200);
    assert.match(await (await request(pathOf(user.signInLink.url))).text(), /This sign-in link does not work/);
    assert.equal((await choose(tokenOf(user.signInLink.url), "a-chosen-password")).headers.get("set-cookie"), null);
    assert.equal((await request(`/api/users/${user.id}/sign-in-link`, { method: "POST", headers: bootstrap })).status, 404);
  });

  test("bad input: a password and a link together, or a non-boolean signInLink, is 400", async () => {
    for (const body of [
      { name: "X", email: "x1@example.com", role: "member", signInLink: true, password: "a-long-password" },
      { name: "X", email: "x2@example.com", role: "member", signInLink: "yes" },
      { name: "X", email: "x3@example.com", role: "member" },
    ]) {
      const res = await request("/api/users", json(body));
      assert.equal(res.status, 400, JSON.stringify(body));
    }
  });
});
