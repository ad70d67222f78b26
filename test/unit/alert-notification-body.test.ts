// What a notification says: Slack's text with links that open (or paths when no public URL is set),
// and the generic JSON with both the path and the absolute URL.
import assert from "node:assert/strict";
import { test } from "node:test";
import { notificationBody } from "../../lib/alerts/deliver-notifications.ts";

const alert = {
  id: "n1", alert_id: "42", attempts: 0, kind: "post_processing_missing", title: "Call a/b <x> & y has no post-processing",
  state: "open", details: { stage: "HANG_UP" }, call_id: "a/b <x>", campaign_id: "camp-1", opened_at: new Date("2026-12-01T10:00:00Z"),
};
const base = new URL("https://callboard.example.com/team/");

test("a Slack notification links the call and the Alerts page, with the title escaped for Slack's markup", () => {
  const { text } = JSON.parse(notificationBody(alert, { webhookFormat: "slack", publicUrl: base })) as { text: string };
  assert.equal(
    text,
    "Callboard alert – Post-processing missing: Call a/b &lt;x&gt; &amp; y has no post-processing " +
      "(<https://callboard.example.com/team/calls/a%2Fb%20%3Cx%3E|open>, <https://callboard.example.com/team/alerts|all alerts>)",
  );
});

test("without a public URL a Slack notification names the paths", () => {
  const { text } = JSON.parse(notificationBody(alert, { webhookFormat: "slack", publicUrl: null })) as { text: string };
  assert.match(text, /\(see \/alerts, \/calls\/a%2Fb%20%3Cx%3E\)$/);
});

test("the JSON notification carries the path and, with a public URL, the absolute URL", () => {
  const withUrl = JSON.parse(notificationBody(alert, { webhookFormat: "json", publicUrl: base })) as { alert: Record<string, unknown> };
  assert.equal(withUrl.alert.link, "/calls/a%2Fb%20%3Cx%3E");
  assert.equal(withUrl.alert.url, "https://callboard.example.com/team/calls/a%2Fb%20%3Cx%3E");
  assert.equal(withUrl.alert.openedAt, "2026-12-01T10:00:00.000Z");
  const withoutUrl = JSON.parse(notificationBody({ ...alert, call_id: null, campaign_id: null }, { webhookFormat: "json", publicUrl: null })) as { alert: Record<string, unknown> };
  assert.equal(withoutUrl.alert.link, "/settings/webhook");
  assert.equal(withoutUrl.alert.url, null);
});
