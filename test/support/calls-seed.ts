// A realistic set of calls for the calls pages and the CSV export: two named campaigns, every kind of
// outcome, a test call, a word that occurs in one transcript only, a contact whose name is a
// spreadsheet formula, and a bulk campaign large enough to need several pages.
import { lifecycleDeliveries, payloadFor, type CallSpec } from "./voxia-fixtures.ts";

export const SPRING = { id: "camp-spring", name: "Spring Promo" };
export const RENEWALS = { id: "camp-renewals", name: "Renewals, Q2" };
export const BULK = { id: "camp-bulk", name: "Bulk list" };
export const ENTERPRISE = { id: "camp-enterprise", name: "Enterprise" };
export const UNIQUE_WORD = "zeppelin";
export const BULK_COUNT = 60;

const at = (minute: number) => new Date(Date.UTC(2025, 4, 12, 9, minute)).toISOString();
const contact = (n: number, name: string, data: Record<string, unknown> = {}) => ({ id: `contact-${n}`, name, phoneNumber: `+1555000${String(n).padStart(4, "0")}`, data });

export const SEEDED_CALLS: CallSpec[] = [
  {
    id: "call-ada", campaign: SPRING, createdAt: at(1), outcome: "INTERESTED", duration: 185,
    summary: {
      "Demo booked": { description: "Did the contact agree to a demo?", options: [], order: 1, type: "YES_NO", value: true },
      "Preferred day": { description: "Which weekday suits the contact?", options: ["Monday", "Thursday"], order: 2, type: "SELECT", value: "Thursday" },
    },
    contact: contact(1, "Ada Lovelace", { company: "Analytical Engines", email: "ada@example.com", tier: 3 }),
    transcript: [
      { role: "Voxia", content: "Good morning, this is Voxia calling for Spring Promo." },
      { role: "user", content: "Morning! I read about your offer, tell me more." },
      { role: "Voxia", content: "We can set up a demo this week. Would Thursday suit you?" },
      { role: "user", content: `Thursday works. I will fly in on the ${UNIQUE_WORD} anyway.` },
      { role: "Voxia", content: "Lovely, I have booked Thursday at ten. Goodbye!" },
    ],
  },
  {
    id: "call-grace", campaign: SPRING, createdAt: at(2), outcome: "CALL_ME_LATER", duration: 42,
    contact: contact(2, "Grace Hopper"),
    transcript: [
      { role: "assistant", content: "Hello, is this Grace?" },
      { role: "user", content: "I am in a meeting, call me next week." },
    ],
  },
  { id: "call-alan", campaign: SPRING, createdAt: at(3), outcome: "NOT_INTERESTED", duration: 61, contact: contact(3, "Alan Turing") },
  { id: "call-busy", campaign: RENEWALS, createdAt: at(4), notConnected: "BUSY", contact: contact(4, "Edsger Dijkstra") },
  { id: "call-barbara", campaign: RENEWALS, createdAt: at(5), outcome: "INTERESTED", duration: 300, contact: contact(5, "Barbara Liskov") },
  { id: "call-formula", campaign: RENEWALS, createdAt: at(6), outcome: "WRONG_NUMBER", duration: 12, contact: contact(6, '=HYPERLINK("http://evil.example","click")') },
  // A number key question, older than the other named calls so they stay the newest.
  ...([["call-seats-big", 8, "Katherine Johnson", 40, 150], ["call-seats-small", 9, "Margaret Hamilton", 8, 200]] as const).map(([id, n, name, seats, duration]): CallSpec => ({
    id, campaign: ENTERPRISE, createdAt: new Date(Date.UTC(2025, 2, 3, 10, n)).toISOString(), outcome: "NOT_INTERESTED", duration,
    summary: { Seats: { description: "How many seats would they need?", options: [], order: 1, type: "NUMBER", value: seats } },
    contact: contact(n, name),
  })),
  { id: "call-test", campaign: SPRING, createdAt: at(7), outcome: "INTERESTED", duration: 30, isTestCall: true, contact: contact(7, "Test Caller") },
];

export const BULK_CALLS: CallSpec[] = Array.from({ length: BULK_COUNT }, (_, i) => ({
  id: `bulk-${String(i).padStart(3, "0")}`,
  campaign: BULK,
  createdAt: new Date(Date.UTC(2025, 3, 1, 8, 0, i)).toISOString(),
  outcome: "NOT_INTERESTED" as const,
  contact: contact(100 + i, `Bulk Contact ${i}`),
}));

/** A delivery in Voxia's older documented format, with things this version does not know. */
export const LEGACY_CALL = {
  id: "call-legacy",
  createdAt: "2025-05-12T08:00:00.000Z",
  status: "COMPLETED",
  contact: { name: "Hedy Lamarr", phoneNumber: "+15550000099" },
  variables: { name: "Hedy Lamarr", phoneNumber: "+15550000099", plan: "Gold" },
  summary: { Budget: "About 5k a year", "Decision maker": "Yes" },
  duration: 95,
  transcript: [
    { role: "system", content: "Call recorded for quality." },
    { role: "agent", content: "Hello Hedy, calling about your renewal." },
    { role: "user", content: "<b>Not</b> now, please." },
  ],
  events: [{ type: "VOICEMAIL_DROP", data: { droppedAt: "2025-05-12T08:01:00Z", clip: "renewal-v2" } }],
  sentimentScore: 0.72,
};

/** Every delivery of the seeded calls: full lifecycles for the named ones, the final one for bulk. */
export function seedDeliveries(): string[] {
  return [
    ...SEEDED_CALLS.flatMap((spec) => lifecycleDeliveries(spec).map((d) => d.body)),
    JSON.stringify(LEGACY_CALL),
    ...BULK_CALLS.map((spec) => JSON.stringify(payloadFor(spec, "POST_PROCESSING_FINISHED:NOT_INTERESTED", "final"))),
  ];
}
