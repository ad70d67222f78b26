// With DASHBOARD_PASSWORD set, nothing that shows call data answers an anonymous request: every
// page and route handler under app/ (discovered, so pages merged later are covered), the sign-in
// flow and its cookie, the API token for scripts, throttled guessing, and webhook token rotation.
// Users' roles: a member or viewer cannot manage users, by session or by their own API token.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";
import { discoverAppEntries } from "../support/app-routes.ts";
import { addUser, readySession, tokenFor, type TestUser } from "../support/users.ts";

const PASSWORD = "correct horse battery staple";
const API_TOKEN = "script-token-5f1c2a";
const NEW_SECRET = "webhook-secret-new-91ab";
const OLD_SECRET = "webhook-secret-old-17cd";
const CALL_ID = "call-access-1";
const NAME = "Zebulon Quist";
const PHONE = "+15559876543";

// Public by design; each still gets checked below for what it must not reveal.
const PUBLIC = new Set(["app/sign-in/page.tsx", "app/sign-in/link/[token]/page.tsx", "app/api/auth/sign-in-link/route.ts", "app/api/auth/sign-in/route.ts", "app/api/auth/sign-out/route.ts", "app/api/health/route.ts"]);
const WEBHOOK = "app/api/webhooks/voxia/route.ts";

let database: TestDatabase;
let app: TestApp;

before(async () => {
  database = await createTestDatabase("access");
  app = await startTestApp({
    databaseUrl: database.url,
    embedded: database.embedded,
    env: { DASHBOARD_PASSWORD: PASSWORD, API_TOKEN, WEBHOOK_SECRET: `${NEW_SECRET},${OLD_SECRET}`, CALLBOARD_ALLOW_INSECURE: "" },
  });
  const body = JSON.stringify(payloadFor({ id: CALL_ID, outcome: "INTERESTED", contact: { id: "ct-1", name: NAME, phoneNumber: PHONE } }, "POST_PROCESSING_FINISHED:INTERESTED", "final"));
  const res = await postWebhook(app, body, { query: `?token=${NEW_SECRET}` });
  assert.equal(res.status, 200, await res.text());
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

function request(path: string, init: RequestInit = {}) {
  return fetch(`${app.url}${path}`, { redirect: "manual", ...init });
}

async function signIn(password: string, options: { next?: string; headers?: Record<string, string> } = {}) {
  const form = new URLSearchParams({ password, ...(options.next ? { next: options.next } : {}) });
  return request("/api/auth/sign-in", { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers } });
}

function sessionCookie(response: Response): string {
  const setCookie = response.headers.get("set-cookie");
  assert.ok(setCookie, "a session cookie is set");
  return setCookie.split(";")[0]!;
}

describe("every page and route handler under app/ refuses anonymous requests", () => {
  // A contact's page is asked for the seeded call's contact, so a leak would show its name.
  const entries = discoverAppEntries("app", (_name, segments) => (segments.includes("contacts") ? "ct-1" : CALL_ID));

  test("the walk finds the app's pages and routes", () => {
    const files = entries.map((entry) => entry.file);
    for (const expected of [
      "app/calls/page.tsx",
      "app/calls/[id]/page.tsx",
      "app/api/calls/route.ts",
      "app/api/calls/[id]/route.ts",
      WEBHOOK,
      "app/settings/users/page.tsx",
      "app/account/page.tsx",
      "app/api/users/route.ts",
      "app/api/users/[id]/route.ts",
      "app/api/users/[id]/tokens/route.ts",
      "app/api/users/[id]/tokens/[tokenId]/route.ts",
      "app/api/users/[id]/sign-in-link/route.ts",
      "app/sign-in/link/[token]/page.tsx",
      "app/api/auth/sign-in-link/route.ts",
      "app/api/account/password/route.ts",
      "app/contacts/page.tsx",
      "app/contacts/[id]/page.tsx",
      "app/follow-ups/page.tsx",
      "app/suppression/page.tsx",
      "app/api/events/route.ts",
      "app/live/page.tsx",
      "app/alerts/page.tsx",
      "app/api/alerts/route.ts",
      "app/api/alerts/[id]/route.ts",
      "app/api/alerts/deliveries/route.ts",
    ]) {
      assert.ok(files.includes(expected), `${expected} discovered among ${files.join(", ")}`);
    }
    for (const entry of entries) assert.ok(entry.methods.length > 0, `${entry.file} exports no HTTP method the walk recognises`);
  });

  for (const entry of entries.filter((entry) => !PUBLIC.has(entry.file))) {
    for (const method of entry.methods) {
      test(`${method} ${entry.path} (${entry.file})`, async () => {
        const hasBody = !["GET", "HEAD", "OPTIONS"].includes(method);
        const res = await request(entry.path, { method, ...(hasBody ? { body: "{}", headers: { "content-type": "application/json" } } : {}) });
        const text = await res.text();
        assert.ok(!text.includes(NAME) && !text.includes(PHONE), `${entry.path} revealed call data to an anonymous ${method}`);
        if (entry.kind === "page") {
          assert.ok([303, 307, 308].includes(res.status), `${entry.path}: expected a redirect to /sign-in, got ${res.status}`);
          const location = res.headers.get("location") ?? "";
          assert.match(location, /^\/sign-in(\?|$)/);
          assert.equal(new URL(location, app.url).searchParams.get("next") ?? "/", entry.path, "returns to the page after signing in");
        } else {
          assert.equal(res.status, 401, `${method} ${entry.path}: expected 401, got ${res.status}: ${text.slice(0, 200)}`);
          if (method !== "HEAD") assert.equal(JSON.parse(text).error.code, "unauthorized");
        }
      });
    }
  }

  test("/api/health stays public but reveals no call data", async () => {
    const res = await request("/api/health");
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.ok(!text.includes(NAME) && !text.includes(PHONE) && !text.includes(CALL_ID), text);
  });

  test("a sign-in link's page and form are public, but a made-up link signs nobody in and reveals nothing", async () => {
    const page = await request(`/sign-in/link/${"A".repeat(43)}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /This sign-in link does not work/);
    assert.ok(!html.includes(NAME) && !html.includes(PHONE));
    const post = await request("/api/auth/sign-in-link", { method: "POST", body: new URLSearchParams({ token: "A".repeat(43), password: "any-long-password", confirm: "any-long-password" }), headers: { "content-type": "application/x-www-form-urlencoded" } });
    assert.equal(post.status, 303);
    assert.equal(post.headers.get("set-cookie"), null);
  });

  test("the sign-in page is public", async () => {
    const res = await request("/sign-in?next=%2Fcalls");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /type="password"/);
    assert.match(html, /name="next" value="\/calls"/);
  });
});

describe("signing in", () => {
  test("a wrong password goes back to the form with an error, keeping the return path", async () => {
    const res = await signIn("wrong", { next: "/calls?status=INTERESTED" });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("set-cookie"), null);
    assert.equal(res.headers.get("location"), `/sign-in?error=wrong_password&next=${encodeURIComponent("/calls?status=INTERESTED")}`);
    const page = await (await request(res.headers.get("location")!)).text();
    assert.match(page, /That password is not right/);
  });

  test("the right password sets an HttpOnly SameSite=Lax session cookie and returns to the page", async () => {
    const res = await signIn(PASSWORD, { next: "/calls?status=INTERESTED" });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/calls?status=INTERESTED");
    const setCookie = res.headers.get("set-cookie")!;
    assert.match(setCookie, /^callboard_session=/);
    assert.match(setCookie, /; HttpOnly/);
    assert.match(setCookie, /; SameSite=Lax/);
    assert.doesNotMatch(setCookie, /Secure/, "plain HTTP: a Secure cookie would never come back");

    const cookie = sessionCookie(res);
    const list = await request("/calls", { headers: { cookie } });
    assert.equal(list.status, 200);
    const html = await list.text();
    assert.match(html, new RegExp(NAME));
    assert.ok(!html.includes(PHONE), "the list masks phone numbers");
    assert.match(html, /\+1 ••• ••• 6543/);
    assert.equal((await request(`/calls/${CALL_ID}`, { headers: { cookie } })).status, 200);
    const api = await request("/api/calls", { headers: { cookie } });
    assert.equal(api.status, 200);
    assert.equal((await api.json()).calls[0].contact.phoneNumber, PHONE, "the JSON API keeps full numbers for integrators");
    assert.equal((await request("/sign-in", { headers: { cookie } })).headers.get("location"), "/", "a signed-in viewer skips the form");
  });

  test("over HTTPS (X-Forwarded-Proto) the cookie is __Host- prefixed and Secure", async () => {
    const res = await signIn(PASSWORD, { headers: { "x-forwarded-proto": "https" } });
    const setCookie = res.headers.get("set-cookie")!;
    assert.match(setCookie, /^__Host-callboard_session=/);
    assert.match(setCookie, /; Secure/);
    assert.match(setCookie, /; Path=\//);
    assert.doesNotMatch(setCookie, /Domain=/i);
    const cookie = sessionCookie(res);
    assert.equal((await request("/api/calls", { headers: { cookie, "x-forwarded-proto": "https" } })).status, 200);
  });

  test("a return path off this site is ignored", async () => {
    for (const next of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
      const res = await signIn(PASSWORD, { next });
      assert.equal(res.headers.get("location"), "/", next);
    }
  });

  test("a forged or altered session is refused", async () => {
    const cookie = sessionCookie(await signIn(PASSWORD));
    const [name, value] = cookie.split("=") as [string, string];
    assert.equal((await request("/api/calls", { headers: { cookie } })).status, 200);
    const forged = [
      `${name}=${value.slice(0, -1)}${value.endsWith("A") ? "B" : "A"}`,
      `${name}=${"A".repeat(43)}`,
      `${name}=v1.1.2.${"A".repeat(43)}`, // the stateless format of earlier versions
      `${name}=`,
    ];
    for (const bad of forged) {
      assert.equal((await request("/api/calls", { headers: { cookie: bad } })).status, 401, bad);
      assert.equal((await request("/calls", { headers: { cookie: bad } })).status, 307, bad);
    }
  });

  test("signing out clears the cookie and ends the session: a copy of the cookie no longer works", async () => {
    const cookie = sessionCookie(await signIn(PASSWORD));
    const other = sessionCookie(await signIn(PASSWORD));
    const res = await request("/api/auth/sign-out", { method: "POST", headers: { cookie } });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/sign-in");
    assert.match(res.headers.get("set-cookie") ?? "", /^callboard_session=; Path=\/; Max-Age=0/);
    assert.equal((await request("/api/calls", { headers: { cookie } })).status, 401);
    assert.equal((await request("/api/calls", { headers: { cookie: other } })).status, 200, "another browser stays signed in");
  });
});

describe("scripts with the API token", () => {
  test("Bearer API_TOKEN reads the APIs; a wrong token does not; pages still want a session", async () => {
    const ok = await request("/api/calls", { headers: { authorization: `Bearer ${API_TOKEN}` } });
    assert.equal(ok.status, 200);
    assert.equal((await request(`/api/calls/${CALL_ID}`, { headers: { authorization: `Bearer ${API_TOKEN}` } })).status, 200);
    assert.equal((await request("/api/stats", { headers: { authorization: `Bearer ${API_TOKEN}` } })).status, 200);
    assert.equal((await request("/api/calls", { headers: { authorization: `Bearer ${API_TOKEN}x` } })).status, 401);
    assert.equal((await request("/api/calls", { headers: { authorization: `Bearer ${PASSWORD}` } })).status, 401);
    assert.equal((await request("/calls", { headers: { authorization: `Bearer ${API_TOKEN}` } })).status, 307);
  });
});

describe("password guessing is slowed down per client", () => {
  test("after 5 wrong passwords a client gets 429 with Retry-After, even with the right one; others are unaffected", async () => {
    const attacker = { "x-forwarded-for": "203.0.113.9" };
    for (let i = 0; i < 5; i++) assert.equal((await signIn(`guess-${i}`, { headers: attacker })).status, 303);
    const locked = await signIn(PASSWORD, { headers: { ...attacker, accept: "application/json" } });
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get("retry-after")) >= 1, `Retry-After: ${locked.headers.get("retry-after")}`);
    assert.equal(locked.headers.get("set-cookie"), null);
    assert.equal((await locked.json()).error.code, "too_many_attempts");

    const browser = await signIn("guess", { headers: { ...attacker, accept: "text/html" } });
    assert.equal(browser.status, 429);
    assert.match(await browser.text(), /Too many wrong passwords/);

    const someoneElse = await signIn(PASSWORD, { headers: { "x-forwarded-for": "198.51.100.4" } });
    assert.equal(someoneElse.status, 303);
    assert.ok(someoneElse.headers.get("set-cookie"));
  });
});

describe("webhook secret rotation", () => {
  test("both secrets listed in WEBHOOK_SECRET are accepted during a rotation, nothing else is", async () => {
    for (const [token, status] of [[NEW_SECRET, 200], [OLD_SECRET, 200], ["webhook-secret-unknown", 401], ["", 401]] as const) {
      const body = JSON.stringify(payloadFor({ id: `rotation-${token || "none"}` }, "DIALING", "early"));
      const res = await postWebhook(app, body, { query: token ? `?token=${token}` : "" });
      assert.equal(res.status, status, `token ${JSON.stringify(token)}`);
    }
    // Read back through the app (the embedded database serves the app's one connection only).
    for (const [id, expected] of [[`rotation-${NEW_SECRET}`, 200], [`rotation-${OLD_SECRET}`, 200], ["rotation-webhook-secret-unknown", 404], ["rotation-none", 404]] as const) {
      const res = await fetch(`${app.url}/api/calls/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
      assert.equal(res.status, expected, id);
    }
  });
});

describe("logs", () => {
  test("the app's output never contains the password, tokens, secrets or the phone number", () => {
    const output = app.output();
    assert.ok(output.length > 0);
    for (const secret of [PASSWORD, API_TOKEN, NEW_SECRET, OLD_SECRET, PHONE, PHONE.slice(1)]) {
      assert.ok(!output.includes(secret), `the log contains ${secret}`);
    }
  });
});

describe("roles: only admins manage users", () => {
  const admin = { authorization: `Bearer ${API_TOKEN}` };
  const credentials: { label: string; headers: Record<string, string> }[] = [];
  let target: TestUser;

  before(async () => {
    target = await addUser(app.url, admin, "member", "Target Person");
    for (const role of ["viewer", "member"] as const) {
      const user = await addUser(app.url, admin, role);
      credentials.push({ label: `${role} session`, headers: { cookie: await readySession(app.url, user) } });
      credentials.push({ label: `${role} API token`, headers: { authorization: `Bearer ${(await tokenFor(app.url, admin, user.id)).token}` } });
    }
  });

  test("a viewer or member cannot list, add, change or remove users, nor make or revoke tokens (403), and nothing changes", async () => {
    const attempts: [string, string, unknown?][] = [
      ["GET", "/api/users"],
      ["POST", "/api/users", { name: "Mallory", email: "mallory@example.com", role: "admin", password: "mallory-password" }],
      ["PATCH", `/api/users/${target.id}`, { role: "admin" }],
      ["PATCH", `/api/users/${target.id}`, { disabled: true }],
      ["POST", `/api/users/${target.id}/sign-in-link`],
      ["POST", "/api/users", { name: "Mallory", email: "mallory@example.com", role: "admin", signInLink: true }],
      ["DELETE", `/api/users/${target.id}`],
      ["GET", `/api/users/${target.id}/tokens`],
      ["POST", `/api/users/${target.id}/tokens`, { name: "stolen" }],
      ["DELETE", `/api/users/${target.id}/tokens/00000000-0000-4000-8000-000000000000`],
    ];
    for (const { label, headers } of credentials) {
      for (const [method, path, body] of attempts) {
        const res = await request(path, { method, headers: { ...headers, "content-type": "application/json" }, ...(body ? { body: JSON.stringify(body) } : {}) });
        assert.equal(res.status, 403, `${label}: ${method} ${path}`);
        assert.equal((await res.json()).error.code, "forbidden");
      }
      const page = await request("/settings/users", { headers });
      if (headers.cookie) assert.equal(page.status, 403, `${label}: /settings/users`);
    }
    const users = (await (await request("/api/users", { headers: admin })).json()).users as { email: string; id: string; role: string }[];
    assert.ok(!users.some((user) => user.email === "mallory@example.com"), "no user was added");
    assert.equal(users.find((user) => user.id === target.id)?.role, "member", "the target's role is unchanged");
    assert.equal((users.find((user) => user.id === target.id) as { disabled?: boolean } | undefined)?.disabled, false, "the target is not disabled");
  });

  test("a member and a viewer read calls; the viewer's numbers are masked, the member's are not", async () => {
    for (const { label, headers } of credentials) {
      const res = await request(`/api/calls/${CALL_ID}`, { headers });
      assert.equal(res.status, 200, label);
      const phone = (await res.json()).contact.phoneNumber;
      assert.equal(phone, label.startsWith("viewer") ? "+1 ••• ••• 6543" : PHONE, label);
    }
  });

  test("a viewer changes nothing: every route that takes a change answers a viewer's session and token 403", async () => {
    // Public by design (sign-in, sign-out, the webhook with its own token) or one's own password.
    const own = new Set([...PUBLIC, WEBHOOK, "app/api/account/password/route.ts"]);
    const changing = discoverAppEntries("app", () => CALL_ID).filter((entry) => entry.kind === "route" && !own.has(entry.file));
    let checked = 0;
    for (const { label, headers } of credentials.filter((c) => c.label.startsWith("viewer"))) {
      for (const entry of changing) {
        for (const method of entry.methods.filter((m) => !["GET", "HEAD", "OPTIONS"].includes(m))) {
          const res = await request(entry.path, { method, headers: { ...headers, "content-type": "application/json" }, body: "{}" });
          assert.equal(res.status, 403, `${label}: ${method} ${entry.path} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 8, `checked ${checked} routes`);
  });

  test("everyone reads alerts; a viewer cannot acknowledge or resolve one, and only admins read the delivery log", async () => {
    for (const { label, headers } of credentials) {
      const list = await request("/api/alerts?state=open", { headers });
      assert.equal(list.status, 200, label);
      assert.equal(typeof (await list.json()).total, "number", label);
      if (headers.cookie) assert.equal((await request("/alerts", { headers })).status, 200, `${label}: /alerts`);
      const log = await request("/api/alerts/deliveries", { headers });
      assert.equal(log.status, 403, `${label}: the delivery log`);
      const change = await request("/api/alerts/1", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ state: "acknowledged" }) });
      // A member gets past the role check (no alert 1 here); a viewer does not.
      assert.equal(change.status, label.startsWith("viewer") ? 403 : 404, `${label}: POST /api/alerts/1`);
    }
    assert.equal((await request("/api/alerts/deliveries", { headers: admin })).status, 200);
    assert.equal((await request("/api/alerts?state=nope", { headers: admin })).status, 400);
  });

  test("the admin page answers the bootstrap admin", async () => {
    const cookie = sessionCookie(await signIn(PASSWORD));
    const page = await request("/settings/users", { headers: { cookie } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Target Person/);
  });
});
