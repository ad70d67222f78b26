// The work lists page forwards and back over exactly their rows: /contacts, /follow-ups (each order)
// and /suppression, followed as a person clicks "More"/"Earlier" to the end and "Previous"/"Later"/
// "Newer" back to the start — every row once, in the list's order, and the same pages both ways.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor, type CallSpec } from "../support/voxia-fixtures.ts";

let database: TestDatabase;
let app: TestApp;
const CAMPAIGN = { id: "camp-paging", name: "Paging" };
const CALLBACKS = 110; // three pages of 50 follow-up items, and of contacts with the others
const DO_NOT_CALL = 105; // two pages of 100 numbers

async function send(spec: CallSpec & { outcome: NonNullable<CallSpec["outcome"]> }) {
  const response = await postWebhook(app, JSON.stringify(payloadFor(spec, `POST_PROCESSING_FINISHED:${spec.outcome}`, "final")));
  assert.equal(response.status, 200, await response.text());
}

before(async () => {
  database = await createTestDatabase("list_paging");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
  const specs: (CallSpec & { outcome: NonNullable<CallSpec["outcome"]> })[] = [];
  // Minutes apart, and pairs at the same instant, so ties on the time are paged by id.
  const at = (i: number) => new Date(Date.UTC(2026, 10, 1) + Math.floor(i / 2) * 60_000).toISOString();
  for (let i = 0; i < CALLBACKS; i++) {
    specs.push({ id: `cb-${i}`, outcome: "CALL_ME_LATER", campaign: CAMPAIGN, createdAt: at(i), contact: { id: `ct-cb-${i}`, name: `Callback ${i}`, phoneNumber: `+1617555${String(1000 + i)}` } });
  }
  for (let i = 0; i < DO_NOT_CALL; i++) {
    specs.push({ id: `dnc-${i}`, outcome: "DO_NOT_CALL", campaign: CAMPAIGN, createdAt: at(i), contact: { id: `ct-dnc-${i}`, name: `Stop ${i}`, phoneNumber: `+1617556${String(1000 + i)}` } });
  }
  for (let i = 0; i < specs.length; i += 8) await Promise.all(specs.slice(i, i + 8).map(send));
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

type Page = { ids: string[]; next: string | null; prev: string | null };

async function page(path: string, rowAttribute: string): Promise<Page> {
  const response = await fetch(`${app.url}${path}`);
  assert.equal(response.status, 200, path);
  const html = await response.text();
  const ids = [...html.matchAll(new RegExp(`<(?:tr|li)[^>]* ${rowAttribute}="([^"]+)"`, "g"))].map((m) => m[1]!);
  const link = (rel: string) => {
    const tag = [...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]).find((a) => a.includes(`rel="${rel}"`));
    return tag ? tag.match(/href="([^"]+)"/)![1]!.replaceAll("&amp;", "&") : null;
  };
  return { ids, next: link("next"), prev: link("prev") };
}

/** Follows "next" from the first page to the last, then "prev" back; returns both walks' pages. */
async function walk(first: string, rowAttribute: string): Promise<{ forwards: string[][]; backwards: string[][] }> {
  const forwards: string[][] = [];
  let current = await page(first, rowAttribute);
  forwards.push(current.ids);
  while (current.next) {
    current = await page(current.next, rowAttribute);
    forwards.push(current.ids);
    assert.ok(forwards.length < 20, "the pages end");
  }
  const backwards: string[][] = [current.ids];
  while (current.prev) {
    current = await page(current.prev, rowAttribute);
    backwards.unshift(current.ids);
    assert.ok(backwards.length < 20, "the pages end going back");
  }
  return { forwards, backwards };
}

function assertWalk(result: { forwards: string[][]; backwards: string[][] }, expected: string[], pageSize: number) {
  const all = result.forwards.flat();
  assert.deepEqual(all, expected, "forwards: every row once, in order");
  assert.ok(result.forwards.slice(0, -1).every((p) => p.length === pageSize), "full pages but the last");
  assert.deepEqual(result.backwards, result.forwards, "back the same pages to the first");
}

test("contacts page forwards and back, most recently called first", async () => {
  const expected = (await database.query<{ id: string }>(`SELECT id FROM contacts ORDER BY last_call_at DESC, id DESC`)).map((r) => r.id);
  assert.equal(expected.length, CALLBACKS + DO_NOT_CALL);
  assertWalk(await walk("/contacts", "data-contact"), expected, 50);
});

test("a follow-up queue pages forwards and back, longest waiting first and newest first", async () => {
  const ids = (await database.query<{ id: string }>(`SELECT id::text FROM follow_ups WHERE queue = 'callbacks' AND active ORDER BY waiting_since, follow_ups.id`)).map((r) => r.id);
  assert.equal(ids.length, CALLBACKS);
  assertWalk(await walk("/follow-ups?queue=callbacks&state=open", "data-follow-up"), ids, 50);
  assertWalk(await walk("/follow-ups?queue=callbacks&state=open&order=newest", "data-follow-up"), [...ids].reverse(), 50);
});

test("the do-not-call list pages forwards and back, newest first", async () => {
  const expected = (await database.query<{ call_id: string }>(`SELECT call_id FROM suppressed_numbers WHERE list = 'do_not_call' ORDER BY first_seen_at DESC, phone DESC`)).map((r) => r.call_id);
  assert.equal(expected.length, DO_NOT_CALL);
  assertWalk(await walk("/suppression?list=do_not_call", "data-number"), expected, 100);
});
