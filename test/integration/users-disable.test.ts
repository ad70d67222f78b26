// Disabling a user, over real HTTP against the built app: a disabled user cannot sign in, their
// sessions end at once and their API tokens answer 401 until they are re-enabled; removing a user
// ends their sessions too; nobody can disable or remove themselves, nor the last active admin.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { addUser, cookieOf, readySession, signInAs, tokenFor } from "../support/users.ts";

const API_TOKEN = "users-disable-test-api-token-4f2a";
const env = { DASHBOARD_PASSWORD: "users-disable-test-password", API_TOKEN, WEBHOOK_SECRET: "users-disable-test-secret" };
const bootstrap = { authorization: `Bearer ${API_TOKEN}` };

let database: TestDatabase;
let app: TestApp;

before(async () => {
  database = await createTestDatabase("users_disable");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

function request(path: string, init: RequestInit = {}) {
  return fetch(`${app.url}${path}`, { redirect: "manual", ...init });
}
function patchUser(id: string, body: unknown, headers: Record<string, string> = bootstrap) {
  return request(`/api/users/${id}`, { method: "PATCH", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) });
}
async function listed(id: string) {
  const { users } = (await (await request("/api/users", { headers: bootstrap })).json()) as { users: { id: string; disabled: boolean }[] };
  return users.find((user) => user.id === id);
}

describe("disabling a user", () => {
  test("ends their sessions, stops their tokens and their sign-in; re-enabling lets them back", async () => {
    const member = await addUser(app.url, bootstrap, "member");
    const cookie = await readySession(app.url, member);
    const { token } = await tokenFor(app.url, bootstrap, member.id);
    assert.equal((await request("/api/calls", { headers: { cookie } })).status, 200);
    assert.equal((await request("/api/calls", { headers: { authorization: `Bearer ${token}` } })).status, 200);

    const disabled = await patchUser(member.id, { disabled: true });
    assert.equal(disabled.status, 200);
    assert.equal((await disabled.json()).disabled, true);
    assert.equal((await listed(member.id))?.disabled, true, "the list shows them disabled");
    assert.equal((await request("/api/calls", { headers: { cookie } })).status, 401, "their session ended");
    assert.equal((await request("/api/calls", { headers: { authorization: `Bearer ${token}` } })).status, 401, "their token stopped");
    const refused = await signInAs(app.url, member.email, member.password);
    assert.equal(refused.status, 303);
    assert.match(refused.headers.get("location") ?? "", /error=wrong_email_or_password/);
    assert.equal(refused.headers.get("set-cookie"), null);

    const enabled = await patchUser(member.id, { disabled: false });
    assert.equal(enabled.status, 200);
    assert.equal((await enabled.json()).disabled, false);
    assert.equal((await request("/api/calls", { headers: { authorization: `Bearer ${token}` } })).status, 200, "the token works again");
    assert.equal((await request("/api/calls", { headers: { cookie } })).status, 401, "the old session stays ended");
    const again = cookieOf(await signInAs(app.url, member.email, member.password));
    assert.equal((await request("/api/calls", { headers: { cookie: again } })).status, 200);
  });

  test("a wrong value or a mix with other fields is 400 naming the field", async () => {
    const member = await addUser(app.url, bootstrap, "member");
    for (const body of [{ disabled: "yes" }, { disabled: true, role: "viewer" }]) {
      const res = await patchUser(member.id, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal((await res.json()).error.field, "disabled");
    }
    assert.equal((await patchUser("00000000-0000-4000-8000-000000000000", { disabled: true })).status, 404);
  });

  test("a member cannot disable anyone (403)", async () => {
    const member = await addUser(app.url, bootstrap, "member");
    const other = await addUser(app.url, bootstrap, "viewer");
    const cookie = await readySession(app.url, member);
    assert.equal((await patchUser(other.id, { disabled: true }, { cookie })).status, 403);
    assert.equal((await listed(other.id))?.disabled, false);
  });
});

describe("removing a user", () => {
  test("ends their sessions at once", async () => {
    const viewer = await addUser(app.url, bootstrap, "viewer");
    const cookie = await readySession(app.url, viewer);
    assert.equal((await request("/api/calls", { headers: { cookie } })).status, 200);
    assert.equal((await request(`/api/users/${viewer.id}`, { method: "DELETE", headers: bootstrap })).status, 204);
    assert.equal((await request("/api/calls", { headers: { cookie } })).status, 401);
    assert.equal((await signInAs(app.url, viewer.email, viewer.password)).headers.get("set-cookie"), null);
  });
});

describe("the admins that must stay", () => {
  test("an admin cannot disable or remove themselves (400); the last active admin cannot be disabled, removed or demoted (409)", async () => {
    const first = await addUser(app.url, bootstrap, "admin");
    const cookie = await readySession(app.url, first);
    const self = await patchUser(first.id, { disabled: true }, { cookie });
    assert.equal(self.status, 400);
    assert.match((await self.json()).error.message, /yourself/);
    const selfRemove = await request(`/api/users/${first.id}`, { method: "DELETE", headers: { cookie } });
    assert.equal(selfRemove.status, 400);
    assert.match((await selfRemove.json()).error.message, /yourself/);

    for (const attempt of [
      () => patchUser(first.id, { disabled: true }),
      () => request(`/api/users/${first.id}`, { method: "DELETE", headers: bootstrap }),
      () => patchUser(first.id, { role: "member" }),
    ]) {
      const res = await attempt();
      assert.equal(res.status, 409);
      assert.match((await res.json()).error.message, /last active admin/);
    }
    assert.equal((await request("/api/users", { headers: { cookie } })).status, 200, "still an admin, still signed in");

    // With a second active admin, the first can go.
    const second = await addUser(app.url, bootstrap, "admin");
    assert.equal((await patchUser(first.id, { disabled: true })).status, 200);
    assert.equal((await request("/api/users", { headers: { cookie } })).status, 401);
    const last = await request(`/api/users/${second.id}`, { method: "DELETE", headers: bootstrap });
    assert.equal(last.status, 409, "the disabled admin does not count");
  });
});
