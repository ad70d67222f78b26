// People with their own sign-in, over real HTTP against the built app: an admin adds a user, who
// must choose a new password at first sign-in; a role change applies to the very next request;
// removing a user or "sign out everywhere" ends sessions at once; a viewer (by session or by API
// token) reads phone numbers masked in the pages, the JSON and the CSV; wrong passwords are counted
// in Postgres, so a second instance (and a restarted one) sees them too.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";
import { csvRecords } from "../support/parse-csv.ts";
import { addUser, changePassword, cookieOf, readySession, signInAs, tokenFor } from "../support/users.ts";

const PASSWORD = "users-test-dashboard-password";
const API_TOKEN = "users-test-api-token-8c1d";
const WEBHOOK_SECRET = "users-test-webhook-secret";
const CALL_ID = "call-users-1";
const PHONE = "+15557654321";
const MASKED = "+1 ••• ••• 4321";
const FROM = "+4930123456789";
const env = { DASHBOARD_PASSWORD: PASSWORD, API_TOKEN, WEBHOOK_SECRET };
const admin = { authorization: `Bearer ${API_TOKEN}` };

let database: TestDatabase;
let app: TestApp;

before(async () => {
  database = await createTestDatabase("users");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded, env });
  const payload = payloadFor({ id: CALL_ID, outcome: "INTERESTED", contact: { id: "ct-u", name: "Quentin Marsh", phoneNumber: PHONE } }, "POST_PROCESSING_FINISHED:INTERESTED", "final");
  const body = JSON.stringify({ ...(payload as object), phoneFrom: FROM });
  assert.equal((await postWebhook(app, body, { query: `?token=${WEBHOOK_SECRET}` })).status, 200);
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

function request(path: string, init: RequestInit = {}) {
  return fetch(`${app.url}${path}`, { redirect: "manual", ...init });
}

async function phoneSeenBy(headers: Record<string, string>) {
  const detail = await request(`/api/calls/${CALL_ID}`, { headers });
  assert.equal(detail.status, 200);
  const call = await detail.json();
  const list = await (await request("/api/calls", { headers })).json();
  const csv = csvRecords(await (await request("/api/calls/export", { headers })).text());
  // As a spreadsheet shows the cell: the export writes ="+1…" so digits stay text, and '+… so a "+" starts no formula.
  const cell = (text: string | undefined) => text?.replace(/^="(.*)"$/, "$1").replace(/^'/, "");
  return { detail: call.contact.phoneNumber, from: call.phoneFrom, list: list.calls[0].contact.phoneNumber, csv: cell(csv[0]!["Contact phone"]), csvFrom: cell(csv[0]!["Called from"]) };
}

describe("adding a user and their first sign-in", () => {
  test("bad input is refused with 400 naming the field; a duplicate email (any case) with 409", async () => {
    const good = { name: "Ada Lovelace", email: "ada@example.com", role: "member", password: "a-long-initial-password" };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, name: "" }, "name"],
      [{ ...good, email: "not an email" }, "email"],
      [{ ...good, role: "owner" }, "role"],
      [{ ...good, password: "short" }, "password"],
      [{ ...good, password: 42 }, "password"],
    ];
    for (const [body, field] of cases) {
      const res = await request("/api/users", { method: "POST", headers: { ...admin, "content-type": "application/json" }, body: JSON.stringify(body) });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal((await res.json()).error.field, field);
    }
    const notJson = await request("/api/users", { method: "POST", headers: admin, body: "name=Ada" });
    assert.equal(notJson.status, 400);
    assert.equal((await notJson.json()).error.code, "invalid_json");

    const created = await request("/api/users", { method: "POST", headers: { ...admin, "content-type": "application/json" }, body: JSON.stringify(good) });
    assert.equal(created.status, 201);
    const user = await created.json();
    assert.equal(user.mustChangePassword, true);
    assert.ok(!("passwordHash" in user) && !JSON.stringify(user).includes(good.password), "no password or hash is served");
    const again = await request("/api/users", { method: "POST", headers: { ...admin, "content-type": "application/json" }, body: JSON.stringify({ ...good, email: "ADA@Example.COM" }) });
    assert.equal(again.status, 409);
    assert.equal((await again.json()).error.field, "email");
  });

  test("the initial password signs in (email in any case), but every page leads to /account until a new one is chosen", async () => {
    const user = await addUser(app.url, admin, "member", "Grace Hopper");
    const res = await signInAs(app.url, user.email.toUpperCase(), user.password);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/account");
    const cookie = cookieOf(res);

    const calls = await request("/calls", { headers: { cookie } });
    assert.equal(calls.status, 307);
    assert.equal(calls.headers.get("location"), "/account");
    const api = await request("/api/calls", { headers: { cookie } });
    assert.equal(api.status, 403, "the API waits for the new password too");
    const account = await (await request("/account", { headers: { cookie } })).text();
    assert.match(account, /Choose a new password to continue/);
    assert.match(account, /Grace Hopper/);

    const wrongCurrent = await changePassword(app.url, cookie, "not the password", "a-brand-new-password");
    assert.match(decodeURIComponent(wrongCurrent.headers.get("location") ?? ""), /current password is not right/);
    const mismatch = await changePassword(app.url, cookie, user.password, "a-brand-new-password", "a-different-one-here");
    assert.match(decodeURIComponent(mismatch.headers.get("location") ?? ""), /differ/);
    const same = await changePassword(app.url, cookie, user.password, user.password);
    assert.match(decodeURIComponent(same.headers.get("location") ?? ""), /other than the current one/);
    assert.equal((await request("/calls", { headers: { cookie } })).status, 307, "still waiting for a new password");

    const done = await changePassword(app.url, cookie, user.password, "a-brand-new-password");
    assert.equal(done.headers.get("location"), "/account?changed=1");
    const page = await request("/calls", { headers: { cookie } });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Grace Hopper/, "the header names who is signed in");
    assert.match(html, />member</, "and their role");
    assert.doesNotMatch(html, /href="\/settings\/users"/, "a member gets no Users link");

    assert.equal((await signInAs(app.url, user.email, user.password)).headers.get("location"), "/sign-in?error=wrong_email_or_password", "the initial password is gone");
    const fresh = await signInAs(app.url, user.email, "a-brand-new-password");
    assert.equal(fresh.headers.get("location"), "/", "no password change is asked for any more");
  });

  test("changing the password signs out the user's other sessions", async () => {
    const user = await addUser(app.url, admin, "member");
    const first = await readySession(app.url, user);
    const second = cookieOf(await signInAs(app.url, user.email, user.password));
    assert.equal((await request("/api/calls", { headers: { cookie: second } })).status, 200);
    const changed = await changePassword(app.url, first, user.password, `${user.password}-again`);
    assert.equal(changed.status, 303);
    assert.equal((await request("/api/calls", { headers: { cookie: first } })).status, 200, "the session that changed it stays");
    assert.equal((await request("/api/calls", { headers: { cookie: second } })).status, 401);
  });
});

describe("roles", () => {
  test("a role change applies to the user's very next request, in the pages, the JSON and the CSV", async () => {
    const user = await addUser(app.url, admin, "member");
    const cookie = await readySession(app.url, user);
    assert.deepEqual(await phoneSeenBy({ cookie }), { detail: PHONE, from: FROM, list: PHONE, csv: PHONE, csvFrom: FROM });
    const callPage = await (await request(`/calls/${CALL_ID}`, { headers: { cookie } })).text();
    assert.match(callPage, new RegExp(`href="tel:\\${PHONE}"`), "a member can call the number");

    const patched = await request(`/api/users/${user.id}`, { method: "PATCH", headers: { ...admin, "content-type": "application/json" }, body: JSON.stringify({ role: "viewer" }) });
    assert.equal(patched.status, 200);
    assert.equal((await patched.json()).role, "viewer");

    assert.deepEqual(await phoneSeenBy({ cookie }), { detail: MASKED, from: "+49 ••• ••• 6789", list: MASKED, csv: MASKED, csvFrom: "+49 ••• ••• 6789" });
    const masked = await (await request(`/calls/${CALL_ID}`, { headers: { cookie } })).text();
    assert.ok(!masked.includes(PHONE) && !masked.includes(PHONE.slice(1)), "the call page shows the number to a viewer nowhere, raw bodies included");
    assert.ok(!masked.includes(FROM.slice(1)), "nor the number called from");
    assert.match(masked, /\+1 ••• ••• 4321/);
    const detail = await (await request(`/api/calls/${CALL_ID}`, { headers: { cookie } })).json();
    const sms = detail.events.find((event: { type: string }) => event.type === "SMS");
    assert.ok(sms && !String(sms.data.sentTo).includes("999999999"), `an SMS event's number is masked too: ${JSON.stringify(sms?.data)}`);
    assert.doesNotMatch(masked, /href="tel:/);
    assert.match(masked, />viewer</);

    const promoted = await request(`/api/users/${user.id}`, { method: "PATCH", headers: { ...admin, "content-type": "application/json" }, body: JSON.stringify({ role: "admin" }) });
    assert.equal(promoted.status, 200);
    assert.equal((await request("/settings/users", { headers: { cookie } })).status, 200, "the new admin opens the users page at once");
    const selfDemote = await request(`/api/users/${user.id}`, { method: "PATCH", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ role: "member" }) });
    assert.equal(selfDemote.status, 400, "an admin cannot demote themselves");
  });

  test("a viewer's API token reads masked numbers and gets 403 on admin routes; revoked, it gets 401", async () => {
    const viewer = await addUser(app.url, admin, "viewer");
    const { id, token } = await tokenFor(app.url, admin, viewer.id, "dashboard tv");
    assert.match(token, /^cb_[A-Za-z0-9_-]{43}$/);
    const headers = { authorization: `Bearer ${token}` };
    assert.deepEqual(await phoneSeenBy(headers), { detail: MASKED, from: "+49 ••• ••• 6789", list: MASKED, csv: MASKED, csvFrom: "+49 ••• ••• 6789" });
    assert.equal((await request("/api/users", { headers })).status, 403);
    const post = { name: "Eve", email: "eve@example.com", role: "admin", password: "eve-wants-admin" };
    assert.equal((await request("/api/users", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(post) })).status, 403);
    assert.equal((await request(`/api/users/${viewer.id}`, { method: "PATCH", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ role: "admin" }) })).status, 403);

    const listed = await (await request(`/api/users/${viewer.id}/tokens`, { headers: admin })).json();
    assert.deepEqual(listed.tokens.map((t: { name: string }) => t.name), ["dashboard tv"]);
    assert.ok(!JSON.stringify(listed).includes(token), "the token is shown only when it is made");
    assert.equal((await request(`/api/users/${viewer.id}/tokens/${id}`, { method: "DELETE", headers: admin })).status, 204);
    assert.equal((await request("/api/calls", { headers })).status, 401);
  });
});

describe("the people who work the queues", () => {
  test("a member's follow-up is done by their name; a viewer sees the queue masked and cannot act", async () => {
    const payload = payloadFor({ id: "call-users-callback", outcome: "CALL_ME_LATER", contact: { id: "ct-cb", name: "Callback Carla", phoneNumber: "+15550009876" } }, "POST_PROCESSING_FINISHED:CALL_ME_LATER", "final");
    assert.equal((await postWebhook(app, JSON.stringify(payload), { query: `?token=${WEBHOOK_SECRET}` })).status, 200);
    const member = await addUser(app.url, admin, "member", "Mona Member");
    const cookie = await readySession(app.url, member);
    const viewer = { authorization: `Bearer ${(await tokenFor(app.url, admin, (await addUser(app.url, admin, "viewer")).id)).token}` };

    const seen = await (await request("/api/follow-ups?queue=callbacks&state=open", { headers: viewer })).json();
    const forViewer = seen.followUps.find((f: { contact: { id: string } }) => f.contact.id === "ct-cb");
    assert.equal(forViewer.contact.phoneNumber, "+1 ••• ••• 9876");
    const refused = await request(`/api/follow-ups/${forViewer.id}`, { method: "POST", headers: { ...viewer, "content-type": "application/json" }, body: JSON.stringify({ state: "done", outcome: "reached", version: forViewer.version }) });
    assert.equal(refused.status, 403);

    const list = await (await request("/api/follow-ups?queue=callbacks&state=open", { headers: { cookie } })).json();
    const item = list.followUps.find((f: { contact: { id: string } }) => f.contact.id === "ct-cb");
    assert.equal(item.contact.phoneNumber, "+15550009876");
    const done = await request(`/api/follow-ups/${item.id}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ state: "done", outcome: "reached", note: "ok", version: item.version }) });
    assert.equal(done.status, 200, await done.clone().text());
    assert.equal((await done.json()).updatedBy, "Mona Member");
  });
});

describe("ending sessions", () => {
  test("an admin's password reset signs the user out; the new initial password must be replaced again", async () => {
    const user = await addUser(app.url, admin, "member");
    const cookie = await readySession(app.url, user);
    const reset = await request(`/api/users/${user.id}`, { method: "PATCH", headers: { ...admin, "content-type": "application/json" }, body: JSON.stringify({ password: "reset-by-the-admin" }) });
    assert.equal(reset.status, 200);
    assert.equal((await reset.json()).mustChangePassword, true);
    assert.equal((await request("/api/calls", { headers: { cookie } })).status, 401);
    assert.equal((await signInAs(app.url, user.email, user.password)).headers.get("location"), "/sign-in?error=wrong_email_or_password");
    assert.equal((await signInAs(app.url, user.email, "reset-by-the-admin")).headers.get("location"), "/account");
    const short = await request(`/api/users/${user.id}`, { method: "PATCH", headers: { ...admin, "content-type": "application/json" }, body: JSON.stringify({ password: "short" }) });
    assert.equal(short.status, 400);
    assert.equal((await short.json()).error.field, "password");
  });

  test("removing a user ends their sessions and tokens at once; they cannot sign in again", async () => {
    const user = await addUser(app.url, admin, "member");
    const cookie = await readySession(app.url, user);
    const { token } = await tokenFor(app.url, admin, user.id);
    assert.equal((await request("/api/calls", { headers: { cookie } })).status, 200);
    assert.equal((await request("/api/calls", { headers: { authorization: `Bearer ${token}` } })).status, 200);

    assert.equal((await request(`/api/users/${user.id}`, { method: "DELETE", headers: admin })).status, 204);
    assert.equal((await request("/api/calls", { headers: { cookie } })).status, 401);
    assert.equal((await request("/calls", { headers: { cookie } })).status, 307);
    assert.equal((await request("/api/calls", { headers: { authorization: `Bearer ${token}` } })).status, 401);
    assert.equal((await signInAs(app.url, user.email, user.password)).headers.get("location"), "/sign-in?error=wrong_email_or_password");
    const users = (await (await request("/api/users", { headers: admin })).json()).users as { id: string }[];
    assert.ok(!users.some((listed) => listed.id === user.id), "no longer listed");
    assert.equal((await request(`/api/users/${user.id}`, { method: "DELETE", headers: admin })).status, 404);
    // The address can be given to someone new.
    const again = await request("/api/users", { method: "POST", headers: { ...admin, "content-type": "application/json" }, body: JSON.stringify({ name: "New", email: user.email, role: "viewer", password: "another-initial-pw" }) });
    assert.equal(again.status, 201);
  });

  test("sign out everywhere ends every session of that person, and only theirs", async () => {
    const user = await addUser(app.url, admin, "member");
    const laptop = await readySession(app.url, user);
    const phone = cookieOf(await signInAs(app.url, user.email, user.password));
    const colleague = await readySession(app.url, await addUser(app.url, admin, "member"));
    const bootstrap = cookieOf(await request("/api/auth/sign-in", { method: "POST", body: new URLSearchParams({ password: PASSWORD }), headers: { "content-type": "application/x-www-form-urlencoded" } }));

    const account = await (await request("/account", { headers: { cookie: phone } })).text();
    assert.match(account, /Sign out everywhere/);
    const res = await request("/api/auth/sign-out", { method: "POST", headers: { cookie: phone, "content-type": "application/x-www-form-urlencoded" }, body: "everywhere=1" });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/sign-in?signed_out=everywhere");
    for (const cookie of [laptop, phone]) assert.equal((await request("/api/calls", { headers: { cookie } })).status, 401);
    for (const cookie of [colleague, bootstrap]) assert.equal((await request("/api/calls", { headers: { cookie } })).status, 200);

    // The bootstrap admin's "everywhere" is every DASHBOARD_PASSWORD session, not the users'.
    const other = cookieOf(await request("/api/auth/sign-in", { method: "POST", body: new URLSearchParams({ password: PASSWORD }), headers: { "content-type": "application/x-www-form-urlencoded" } }));
    await request("/api/auth/sign-out", { method: "POST", headers: { cookie: bootstrap, "content-type": "application/x-www-form-urlencoded" }, body: "everywhere=1" });
    assert.equal((await request("/api/calls", { headers: { cookie: other } })).status, 401);
    assert.equal((await request("/api/calls", { headers: { cookie: colleague } })).status, 200);
  });
});

describe("sign-in throttling is kept in Postgres", () => {
  test(
    "wrong passwords counted by one instance lock the client out of another, and out of a restarted one",
    { skip: process.env.DATABASE_URL ? false : "needs a Postgres server: two instances cannot share the embedded database" },
    async () => {
      const user = await addUser(app.url, admin, "viewer");
      const client = { "x-forwarded-for": "198.51.100.77", accept: "application/json" };
      const second = await startTestApp({ databaseUrl: database.url, env });
      try {
        // The fifth failure locks for 1 s: the second instance is asked straight after it.
        for (let i = 0; i < 5; i++) assert.equal((await signInAs(app.url, user.email, `guess-${i}`, client)).status, 303);
        const locked = await signInAs(second.url, user.email, user.password, client);
        assert.equal(locked.status, 429, "the second instance knows the failures of the first");
        assert.ok(Number(locked.headers.get("retry-after")) >= 1);
        assert.equal((await locked.json()).error.code, "too_many_attempts");
        const elsewhere = await signInAs(second.url, user.email, user.password, { "x-forwarded-for": "198.51.100.78" });
        assert.equal(elsewhere.status, 303, "another client is not locked out");
        assert.ok(elsewhere.headers.get("set-cookie"));
        // A session made by one instance is honoured by the other.
        assert.equal((await fetch(`${app.url}/api/calls`, { headers: { cookie: cookieOf(elsewhere) } })).status, 403, "(must change password first: known to the first instance too)");
      } finally {
        await second.stop();
      }
      const rows = await database.query<{ failures: number }>(`SELECT failures FROM sign_in_attempts WHERE client_key = '198.51.100.77'`);
      assert.equal(rows[0]?.failures, 5, "kept in the database, so a restart forgets nothing");
    },
  );
});

describe("the admin page", () => {
  test("lists users with their roles and has the forms to add, change, remove and make tokens", async () => {
    const cookie = cookieOf(await request("/api/auth/sign-in", { method: "POST", body: new URLSearchParams({ password: PASSWORD }), headers: { "content-type": "application/x-www-form-urlencoded" } }));
    const res = await request("/settings/users", { headers: { cookie } });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Grace Hopper/);
    assert.match(html, /Add user/);
    assert.match(html, /Create token/);
    assert.match(html, /href="\/settings\/users"/, "admins get the Users link in the nav");
    assert.match(html, /Admin.*admin/s, "the header says who: the bootstrap admin");
  });

  test("the log holds no password, token or phone number", () => {
    const output = app.output();
    for (const secret of [PASSWORD, API_TOKEN, "a-brand-new-password", "initial-member-password", PHONE.slice(1)]) {
      assert.ok(!output.includes(secret), `the log contains ${secret}`);
    }
  });
});
