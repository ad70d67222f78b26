import { test } from "node:test";
import assert from "node:assert/strict";
import { requestOrigin, webhookUrlFor } from "../../lib/connect/webhook-url.ts";

test("the origin is the Host header when no proxy says otherwise", () => {
  assert.equal(requestOrigin(new Headers({ host: "localhost:3000" })), "http://localhost:3000");
});

test("a proxy's X-Forwarded-Proto/Host win, first value of a list", () => {
  const headers = new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "calls.example.com, inner", "x-forwarded-proto": "https,http" });
  assert.equal(requestOrigin(headers), "https://calls.example.com");
});

test("an unexpected forwarded protocol falls back to http rather than being pasted into the URL", () => {
  assert.equal(requestOrigin(new Headers({ host: "a.example", "x-forwarded-proto": "javascript" })), "http://a.example");
});

test("the secret rides along as ?token=, URL-encoded", () => {
  assert.equal(webhookUrlFor("https://x.example", "a/b+c=d&e"), "https://x.example/api/webhooks/voxia?token=a%2Fb%2Bc%3Dd%26e");
  assert.equal(webhookUrlFor("https://x.example", null), "https://x.example/api/webhooks/voxia");
});
