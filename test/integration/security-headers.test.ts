// Every response carries the security headers; pages carry a CSP whose nonce is fresh per response
// and is on every script Next.js writes, so no inline script runs without it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

let database: TestDatabase;
let app: TestApp;
before(async () => {
  database = await createTestDatabase("headers");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`${app.url}${path}`, { redirect: "manual", headers });
}

function assertCommonHeaders(res: Response, what: string) {
  assert.equal(res.headers.get("x-content-type-options"), "nosniff", what);
  assert.equal(res.headers.get("referrer-policy"), "strict-origin-when-cross-origin", what);
  assert.equal(res.headers.get("x-frame-options"), "DENY", what);
  assert.match(res.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/, what);
  assert.equal(res.headers.get("x-powered-by"), null, what);
}

test("pages: a nonce-based CSP, fresh per response, on every script tag", async () => {
  const nonces = new Set<string>();
  for (const path of ["/calls", "/calls", "/sign-in", "/calls/no-such-call", "/no-such-page"]) {
    const res = await get(path);
    assertCommonHeaders(res, path);
    const policy = res.headers.get("content-security-policy")!;
    const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src"))!;
    assert.doesNotMatch(scriptSrc, /unsafe-inline|unsafe-eval/, `${path}: ${scriptSrc}`);
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    assert.ok(nonce, `${path}: ${policy}`);
    nonces.add(nonce);
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(scripts.length > 0, `${path} has scripts`);
    for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `${path}: script without this response's nonce: ${tag}`);
    assert.doesNotMatch(html, /\son[a-z]+="/i, `${path}: an inline event handler attribute`);
  }
  assert.equal(nonces.size, 5, "each response has its own nonce");
});

test("APIs and static files get the headers too; APIs a policy that loads nothing", async () => {
  const api = await get("/api/calls");
  assertCommonHeaders(api, "/api/calls");
  assert.equal(api.headers.get("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
  const webhook = await fetch(`${app.url}/api/webhooks/voxia`, { method: "POST", body: "{", headers: { "content-type": "application/json" } });
  assertCommonHeaders(webhook, "webhook");

  const html = await (await get("/calls")).text();
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  assert.ok(asset);
  const res = await get(asset);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
});

test("HSTS only when the browser's side is HTTPS", async () => {
  for (const path of ["/calls", "/api/calls", "/sign-in"]) {
    assert.equal((await get(path)).headers.get("strict-transport-security"), null, `${path} over http`);
    const https = await get(path, { "x-forwarded-proto": "https" });
    assert.match(https.headers.get("strict-transport-security") ?? "", /max-age=\d{7,}/, `${path} over https`);
  }
  const page = await get("/calls", { "x-forwarded-proto": "https" });
  assert.match(page.headers.get("content-security-policy")!, /upgrade-insecure-requests/);
});
