// Days in the viewer's zone, end to end over HTTP against the built app: calls near midnight in
// Asia/Kolkata (+05:30, so local midnight cuts a UTC hour in two) and America/New_York (a 23-hour and
// a 25-hour DST day) land in the right bars of the overview's "calls per day" chart, each bar links to
// exactly its calls, and a date-only filter on the calls list read in the cookie's zone selects them.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { payloadFor } from "../support/voxia-fixtures.ts";

let database: TestDatabase;
let app: TestApp;

// Call id → createdAt (UTC), and the local day each must be counted in.
const CALLS: [id: string, createdAt: string, kolkataDay: string, newYorkDay: string][] = [
  ["k-before-midnight", "2026-03-04T18:29:59.999Z", "2026-03-04", "2026-03-04"],
  ["k-cut-hour-early", "2026-03-04T18:10:00.000Z", "2026-03-04", "2026-03-04"],
  ["k-midnight", "2026-03-04T18:30:00.000Z", "2026-03-05", "2026-03-04"],
  ["k-cut-hour-late", "2026-03-04T18:45:00.000Z", "2026-03-05", "2026-03-04"],
  ["k-morning", "2026-03-05T06:00:00.000Z", "2026-03-05", "2026-03-05"],
  ["k-whole-hour", "2026-03-05T12:20:00.000Z", "2026-03-05", "2026-03-05"],
  // 2026-03-08 is 23 hours long in New York: 05:00Z (EST) to 04:00Z the next day (EDT).
  ["n-before-dst-day", "2026-03-08T04:59:59.000Z", "2026-03-08", "2026-03-07"],
  ["n-dst-day-start", "2026-03-08T05:00:00.000Z", "2026-03-08", "2026-03-08"],
  ["n-dst-day-end", "2026-03-09T03:59:59.000Z", "2026-03-09", "2026-03-08"],
  ["n-after-dst-day", "2026-03-09T04:00:00.000Z", "2026-03-09", "2026-03-09"],
  // 2026-11-01 is 25 hours long: 04:00Z (EDT) to 05:00Z the next day (EST).
  ["n-fall-first-hour", "2026-11-01T04:00:00.000Z", "2026-11-01", "2026-11-01"],
  ["n-fall-25th-hour", "2026-11-02T04:30:00.000Z", "2026-11-02", "2026-11-01"],
  ["n-fall-next-day", "2026-11-02T05:00:00.000Z", "2026-11-02", "2026-11-02"],
];

before(async () => {
  database = await createTestDatabase("time_zones");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
  for (const [id, createdAt] of CALLS) {
    const body = payloadFor({ id, createdAt, outcome: "INTERESTED", contact: { id: `c-${id}`, name: `Caller ${id}`, phoneNumber: "+15550003333" } }, "POST_PROCESSING_FINISHED:INTERESTED", "final");
    const res = await postWebhook(app, JSON.stringify(body));
    assert.equal(res.status, 200, await res.text());
  }
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

async function page(path: string, zone?: string): Promise<string> {
  const res = await fetch(`${app.url}${path}`, { headers: zone ? { cookie: `callboard_tz=${encodeURIComponent(zone)}` } : {} });
  assert.equal(res.status, 200, path);
  return res.text();
}

/**
 * The calls-per-day chart's bars as the page sends them to the browser (the chart and its table are
 * drawn there from the React payload): each day's count and its one status's link, by day.
 */
function dayBars(html: string): Map<string, { count: number; query: URLSearchParams }> {
  const payload = [...html.matchAll(/self\.__next_f\.push\((\[1,"(?:[^"\\]|\\.)*"\])\)/g)].map((m) => (JSON.parse(m[1]!) as [number, string])[1]).join("");
  const bars = new Map<string, { count: number; query: URLSearchParams }>();
  for (const [, day, values, hrefs] of payload.matchAll(/\{"key":"(\d{4}-\d{2}-\d{2})","label":"[^"]*","values":(\{[^}]*\}),"hrefs":(\{[^}]*\})\}/g)) {
    const counts = Object.values(JSON.parse(values!) as Record<string, number>);
    if (counts.length === 0) continue;
    assert.equal(counts.length, 1, "one status per bar in these calls");
    const href = Object.values(JSON.parse(hrefs!) as Record<string, string>)[0]!;
    bars.set(day!, { count: counts[0]!, query: new URL(href, "http://x").searchParams });
  }
  return bars;
}

function expected(zone: "kolkata" | "newYork", from: string, to: string): Map<string, string[]> {
  const byDay = new Map<string, string[]>();
  for (const [id, , kolkataDay, newYorkDay] of CALLS) {
    const day = zone === "kolkata" ? kolkataDay : newYorkDay;
    if (day >= from && day <= to) byDay.set(day, [...(byDay.get(day) ?? []), id].sort());
  }
  return byDay;
}

async function idsOf(query: URLSearchParams): Promise<string[]> {
  const res = await fetch(`${app.url}/api/calls?${query}&limit=100`);
  assert.equal(res.status, 200);
  return ((await res.json()) as { calls: { id: string }[] }).calls.map((c) => c.id).sort();
}

for (const [zone, name, from, to] of [
  ["Asia/Kolkata", "kolkata", "2026-03-03", "2026-03-09"],
  ["America/New_York", "newYork", "2026-03-03", "2026-03-09"],
  ["America/New_York", "newYork", "2026-10-31", "2026-11-02"],
  ["Asia/Kolkata", "kolkata", "2026-10-31", "2026-11-02"],
] as const) {
  test(`overview in ${zone}, ${from} to ${to}: each call in its local day's bar, each bar's link opens exactly those calls`, async () => {
    const html = await page(`/?from=${from}&to=${to}`, zone);
    assert.match(html, new RegExp(`Times in <strong[^>]*>${zone}</strong>`));
    assert.match(html, new RegExp(`\\(days in ${zone}\\)`));
    const bars = dayBars(html);
    const want = expected(name, from, to);
    assert.deepEqual(new Map([...bars].map(([day, bar]) => [day, bar.count])), new Map([...want].map(([day, ids]) => [day, ids.length])));
    for (const [day, bar] of bars) {
      assert.equal(bar.query.get("tz"), zone, "a bar's link names its zone, so it means the same calls to anyone");
      assert.deepEqual(await idsOf(bar.query), want.get(day), `${zone} ${day}`);
    }
  });
}

test("the same chart narrowed by a search is counted from the calls, in the same local days", async () => {
  const bars = dayBars(await page(`/?from=2026-03-03&to=2026-03-09&q=Caller`, "Asia/Kolkata"));
  assert.deepEqual(new Map([...bars].map(([day, bar]) => [day, bar.count])), new Map([...expected("kolkata", "2026-03-03", "2026-03-09")].map(([d, ids]) => [d, ids.length])));
});

test("a date-only filter on the calls list is a day of the cookie's zone; times are shown in it", async () => {
  const kolkata = await page(`/calls?from=2026-03-05&to=2026-03-05`, "Asia/Kolkata");
  const listed = (html: string) => [...html.matchAll(/href="\/calls\/([kn]-[a-z0-9-]+)\?/g)].map((m) => m[1]).sort();
  assert.deepEqual([...new Set(listed(kolkata))], expected("kolkata", "2026-03-05", "2026-03-05").get("2026-03-05"));
  // 18:30 UTC is midnight in Kolkata: the Time column says so, in the page's zone.
  assert.match(kolkata, /<time dateTime="2026-03-04T18:30:00.000Z" title="[^"]*shown in Asia\/Kolkata"[^>]*>Mar 5, 2026, 12:00\s?AM<\/time>/);
  const newYork = await page(`/calls?from=2026-03-08&to=2026-03-08`, "America/New_York");
  assert.deepEqual([...new Set(listed(newYork))], expected("newYork", "2026-03-08", "2026-03-08").get("2026-03-08"));
  // Without the cookie (a browser's very first page), days and times are UTC and the header says so.
  const first = await page(`/calls?from=2026-03-05&to=2026-03-05`);
  assert.match(first, /Times in <strong[^>]*>UTC<\/strong>/);
  assert.deepEqual([...new Set(listed(first))], ["k-morning", "k-whole-hour"]);
  // A cookie that names no zone is ignored, not an error.
  assert.match(await page(`/calls`, "Mars/Olympus_Mons"), /Times in <strong[^>]*>UTC<\/strong>/);
});
