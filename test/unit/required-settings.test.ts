import { test } from "node:test";
import assert from "node:assert/strict";
import { refusalToStart, securityWarnings } from "../../lib/security/required-settings.ts";

test("production refuses to start without WEBHOOK_SECRET and DASHBOARD_PASSWORD, naming what is missing", () => {
  const both = refusalToStart({ NODE_ENV: "production" });
  assert.match(both!, /WEBHOOK_SECRET is not set/);
  assert.match(both!, /DASHBOARD_PASSWORD is not set/);
  assert.match(both!, /CALLBOARD_ALLOW_INSECURE=1/);
  const one = refusalToStart({ NODE_ENV: "production", WEBHOOK_SECRET: "s" });
  assert.doesNotMatch(one!, /WEBHOOK_SECRET is not set/);
  assert.match(one!, /DASHBOARD_PASSWORD is not set/);
  assert.equal(refusalToStart({ NODE_ENV: "production", WEBHOOK_SECRET: "s", DASHBOARD_PASSWORD: "p" }), null);
  assert.equal(refusalToStart({ NODE_ENV: "production", CALLBOARD_ALLOW_INSECURE: "1" }), null);
  assert.notEqual(refusalToStart({ NODE_ENV: "production", CALLBOARD_ALLOW_INSECURE: "yes" }), null, "only the documented value opts out");
});

test("development starts, and the Connect page gets one warning per missing setting", () => {
  assert.equal(refusalToStart({ NODE_ENV: "development" }), null);
  assert.equal(securityWarnings({}).length, 2);
  assert.equal(securityWarnings({ WEBHOOK_SECRET: "s" }).length, 1);
  assert.deepEqual(securityWarnings({ WEBHOOK_SECRET: "s", DASHBOARD_PASSWORD: "p" }), []);
});
