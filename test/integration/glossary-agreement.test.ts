// One set of deliveries, in both of Voxia's formats, through the webhook of the built app: every
// measure of the glossary (lib/measures/glossary.ts) must read the same on the Overview, the
// Campaigns list, the campaign page, GET /api/stats and the calls list behind its link
// (GET /api/calls?measure=…'s total) — and equal what the calls sent say, counted here.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { postWebhook, startTestApp, type TestApp } from "../support/test-app.ts";
import { lifecycleDeliveries, payloadFor, type CallSpec } from "../support/voxia-fixtures.ts";

let database: TestDatabase;
let app: TestApp;

const CURRENT = { id: "gl-current", name: "Current format" };
const LEGACY = { id: "gl-legacy", name: "Older format" };
const RANGE = "from=2025-05-01&to=2025-05-31";
const at = (day: number, minute: number) => new Date(Date.UTC(2025, 4, day, 10, minute)).toISOString();

const OUTCOMES = ["INTERESTED", "NOT_INTERESTED", "INTERESTED", "CALL_ME_LATER", "DO_NOT_CALL", "NOT_INTERESTED", "INTERESTED"] as const;
const CURRENT_CALLS: CallSpec[] = [
  ...OUTCOMES.map((outcome, i): CallSpec => ({
    id: `gl-c-${i}`, campaign: CURRENT, createdAt: at(3 + (i % 3), i), outcome, duration: 30 + i * 10,
    contact: { id: `gl-contact-${i}`, name: `Contact ${i}`, phoneNumber: `+1555030${1000 + i}` },
  })),
  { id: "gl-c-busy", campaign: CURRENT, createdAt: at(4, 40), notConnected: "BUSY" },
  { id: "gl-c-noanswer", campaign: CURRENT, createdAt: at(5, 41), notConnected: "NO_ANSWER" },
];
// A voicemail in the current format: Voxia's VOICE_MAIL stage and call status.
const VOICEMAIL = {
  ...payloadFor({ id: "gl-c-voicemail", campaign: CURRENT, createdAt: at(6, 1), notConnected: "NO_ANSWER" }, "POST_PROCESSING_FINISHED:VOICE_MAIL", "ended"),
  callStatus: "VOICE_MAIL",
  status: "VOICE_MAIL",
};
// The older format: `status` is the call status, summary values are plain strings, interest comes
// as `interested.reached` (the format lacks callStatus, postProcessStatus, webhookEvent, events).
const LEGACY_ANSWERS = ["yes", "no", "yes", "maybe", "yes", null, null] as const;
const LEGACY_CALLS = LEGACY_ANSWERS.map((answer, i) => ({
  id: `gl-l-${i}`,
  createdAt: at(7 + (i % 2), i),
  status: answer === null ? (i % 2 ? "NO_ANSWER" : "BUSY") : "COMPLETED",
  duration: answer === null ? 0 : 60 + i,
  campaign: LEGACY,
  contact: { name: `Legacy ${i}`, phoneNumber: `+1555040${1000 + i}` },
  variables: { name: `Legacy ${i}` },
  ...(answer === null ? {} : { interested: { description: "Wants to reactivate", reached: answer === "yes" } }),
  summary: answer === null ? {} : { Interested: answer, Notes: i === 0 ? "" : `note ${i}` },
}));

type Counts = Record<"calls" | "connected" | "completed" | "interested" | "callbacks" | "doNotCall" | "voicemail", number>;
const connectedCurrent = CURRENT_CALLS.filter((c) => !c.notConnected);
const EXPECTED: Record<string, Counts> = {
  [CURRENT.id]: {
    calls: CURRENT_CALLS.length + 1,
    connected: connectedCurrent.length,
    completed: connectedCurrent.length,
    interested: OUTCOMES.filter((o) => o === "INTERESTED").length,
    callbacks: OUTCOMES.filter((o) => o === "CALL_ME_LATER").length,
    doNotCall: OUTCOMES.filter((o) => o === "DO_NOT_CALL").length,
    voicemail: 1,
  },
  [LEGACY.id]: {
    calls: LEGACY_CALLS.length,
    connected: LEGACY_ANSWERS.filter((a) => a !== null).length,
    completed: LEGACY_ANSWERS.filter((a) => a !== null).length,
    interested: LEGACY_ANSWERS.filter((a) => a === "yes").length,
    callbacks: 0,
    doNotCall: 0,
    voicemail: 0,
  },
};
const FILTER_OF: Record<keyof Counts, string | null> = {
  calls: null, connected: "connected", completed: "completed", interested: "interested", callbacks: "callback", doNotCall: "doNotCall", voicemail: "voicemail",
};
const KEYS = Object.keys(FILTER_OF) as (keyof Counts)[];

before(async () => {
  database = await createTestDatabase("glossary_agreement");
  app = await startTestApp({ databaseUrl: database.url, embedded: database.embedded });
  const bodies = [
    ...CURRENT_CALLS.flatMap((spec) => lifecycleDeliveries(spec).map((d) => d.body)),
    JSON.stringify(VOICEMAIL),
    ...LEGACY_CALLS.map((c) => JSON.stringify(c)),
  ];
  for (const body of bodies) assert.equal((await postWebhook(app, body)).status, 200);
});
after(async () => {
  await app?.stop();
  await database?.drop();
});

const text = async (path: string) => {
  const res = await fetch(`${app.url}${path}`);
  assert.equal(res.status, 200, path);
  return res.text();
};
const json = async (path: string) => {
  const res = await fetch(`${app.url}${path}`);
  assert.equal(res.status, 200, path);
  return res.json();
};
/** The `data-count` of the first element carrying all of `attributes`, or of the first element inside it that has one. */
function countIn(html: string, attributes: string[]): number {
  const tags = [...html.matchAll(/<[a-z]+ [^>]*>/g)];
  const tag = tags.find((t) => attributes.every((a) => t[0].includes(a)));
  assert.ok(tag, `no element with ${attributes.join(" ")}`);
  const count = /data-count="(\d+)"/.exec(html.slice(tag.index, tag.index + 2000));
  assert.ok(count, `no data-count in or after the element with ${attributes.join(" ")}`);
  return Number(count[1]);
}

test("the figures equal what the calls sent say, for both formats", async () => {
  const stats = await json(`/api/stats?${RANGE}`);
  for (const campaign of [CURRENT, LEGACY]) {
    const row = stats.campaigns.find((c: { campaign: { id: string } }) => c.campaign.id === campaign.id);
    assert.ok(row, campaign.id);
    const got = Object.fromEntries(KEYS.map((k) => [k, row.measures[k]]));
    assert.deepEqual(got, EXPECTED[campaign.id], campaign.id);
  }
  // The older format counts interest like the current one: its "yes" answers are its interested calls.
  assert.equal(stats.campaigns.find((c: { campaign: { id: string } }) => c.campaign.id === LEGACY.id).measures.interestRate, 3 / 5);
});

test("overview, campaigns list, campaign page, /api/stats and the linked list's total agree on every measure", async () => {
  const campaignsPage = await text(`/campaigns?${RANGE}`);
  for (const campaign of [CURRENT, LEGACY]) {
    const scope = `campaign=${campaign.id}&${RANGE}`;
    const stats = await json(`/api/stats?${scope}`);
    const [overview, page] = await Promise.all([text(`/?${scope}`), text(`/campaigns/${campaign.id}?${RANGE}`)]);
    const expected = EXPECTED[campaign.id]!;
    for (const key of KEYS) {
      const list = await json(`/api/calls?${scope}${FILTER_OF[key] ? `&measure=${FILTER_OF[key]}` : ""}`);
      assert.equal(list.total, expected[key], `${campaign.id} ${key}: /api/calls total`);
      assert.equal(stats.measures[key], expected[key], `${campaign.id} ${key}: /api/stats`);
    }
    // Campaigns list: calls, connected and interested columns.
    const row = campaignsPage.slice(campaignsPage.indexOf(`data-campaign="${campaign.id}"`));
    for (const key of ["calls", "connected", "interested"] as const) {
      assert.equal(countIn(row, [`data-measure="${key}"`]), expected[key], `${campaign.id} ${key}: campaigns list`);
    }
    // Overview and campaign page: the KPI cards, the links under the rates, and the funnel.
    for (const [name, html] of [["overview", overview], ["campaign page", page]] as const) {
      assert.equal(countIn(html, ['data-kpi="calls"']), expected.calls, `${name} calls`);
      assert.equal(countIn(html, ['data-measure="connected"']), expected.connected, `${name} connected`);
      assert.equal(countIn(html, ['data-measure="interested"']), expected.interested, `${name} interested`);
      assert.equal(countIn(html, ['data-kpi="callbacks"']), expected.callbacks, `${name} callbacks`);
      assert.equal(countIn(html, ['data-kpi="doNotCall"']), expected.doNotCall, `${name} do-not-call`);
    }
    for (const [step, key] of [["Calls", "calls"], ["Connected", "connected"], ["Interested", "interested"]] as const) {
      assert.equal(countIn(page, [`data-funnel-step="${step}"`]), expected[key], `${campaign.id} funnel ${step}`);
    }
    assert.doesNotMatch(page, /data-funnel-step="Completed"/, "Completed cannot differ from Connected: not a step");
  }
});

test("a key question's counts are the totals of the lists they link to", async () => {
  const page = await text(`/campaigns/${LEGACY.id}?${RANGE}`);
  const scope = `campaign=${LEGACY.id}&${RANGE}`;
  const yes = countIn(page, ['data-answer="yes"']);
  assert.equal(yes, EXPECTED[LEGACY.id]!.interested, "yes answers are the interested calls");
  assert.equal((await json(`/api/calls?${scope}&answer=Interested:eq:yes`)).total, yes);
  // Answered: a non-empty value, as answer=<label>:exists selects (one Notes answer is "").
  const answered = Number(/data-question="Notes"[\s\S]*?data-answered="(\d+)"/.exec(page)![1]);
  assert.equal(answered, LEGACY_ANSWERS.filter((a) => a !== null).length - 1);
  assert.equal((await json(`/api/calls?${scope}&answer=Notes:exists`)).total, answered);
});
