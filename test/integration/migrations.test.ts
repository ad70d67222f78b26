// The SQL migrations are written by hand to match prisma/schema.prisma. This migrates an empty
// database and then writes and reads every field of every model through the generated client, so a
// column missing from the SQL, a wrong type or a wrong precision fails here rather than in production.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "../../lib/generated/prisma/client.ts";
import { migrateDatabase } from "../../lib/db/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { contactKeySecretOf, phoneKeyIn } from "../support/contact-keys.ts";

let database: TestDatabase;
let pool: pg.Pool;
let prisma: PrismaClient;
const migrationNames = readdirSync("prisma/migrations", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

before(async () => {
  database = await createTestDatabase("migrations", { migrate: false });
});
after(async () => {
  await prisma?.$disconnect();
  await pool?.end();
  await database?.drop();
});

test("an empty database is migrated, each migration recorded in _prisma_migrations with its checksum", async () => {
  const first = await migrateDatabase(database.url);
  assert.deepEqual(first, { applied: migrationNames, alreadyApplied: 0 });
  const rows = await database.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
  );
  assert.deepEqual(
    rows.map((r) => [r.migration_name, r.checksum, r.finished_at !== null, r.applied_steps_count]),
    migrationNames.map((name) => [
      name,
      createHash("sha256").update(readFileSync(`prisma/migrations/${name}/migration.sql`)).digest("hex"),
      true,
      1,
    ]),
  );
});

test("migrating again applies nothing", async () => {
  assert.deepEqual(await migrateDatabase(database.url), { applied: [], alreadyApplied: migrationNames.length });
});

test("every field of every model is written and read back through the generated client", async () => {
  pool = new pg.Pool({ connectionString: database.url, max: 1 });
  prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const at = new Date("2024-03-11T14:56:41.642Z");
  const later = new Date("2024-03-11T15:00:00.001Z");

  const campaign = { id: "camp", name: "Spring", lastCallAt: at };
  const contact = {
    id: "contact", name: "John", phoneNumber: "+1234567890", phoneE164: "+1234567890", data: { email: "john@voxia.ai" }, lastCallAt: at,
    firstCallAt: at, callCount: 2, campaignIds: ["camp", "other"], latestCallId: "call", latestStatus: "INTERESTED",
    callbackRequested: true, interested: true, doNotCall: true, wrongNumber: true,
    latestRealCallId: "call", nameCallId: "call", phoneCallId: "call", dataCallId: "call", factsKept: true,
  };
  const call = {
    id: "call",
    campaignId: "camp",
    campaignName: "Campaign",
    contactId: "contact",
    contactName: "John",
    contactPhone: "+1234567890",
    contactData: { company: "Voxia" },
    status: "INTERESTED",
    callStatus: "COMPLETED",
    postProcessStatus: "INTERESTED",
    hangUpReason: "CALL_FINISHED",
    webhookEvent: "POST_PROCESSING_FINISHED:INTERESTED",
    stageRank: 60,
    duration: 128.5,
    totalDuration: 150.25,
    callMeLater: false,
    doNotCall: true,
    wrongNumber: false,
    interestedReached: true,
    interestedDescription: "wants a demo",
    isTestCall: true,
    createdAt: at,
    phoneFrom: "+15555551234",
    organizationId: "org",
    twilioAccountSid: "AC1",
    twilioCallSessionId: "CA1",
    sessionId: "sess",
    webhookUrl: "https://example.test/hook",
    slackUrl: "https://hooks.slack.test/x",
    webhookEvents: ["HANG_UP"],
    webhookStatuses: ["INTERESTED"],
    transcript: [{ role: "Voxia", content: "Hello" }],
    transcriptText: "Hello",
    summary: { Q: { value: true } },
    conversationFlow: [{ step: 1 }],
    variables: { name: "John" },
    extra: { unknown: { nested: [1, "two"] } },
    notUnderstood: { summary: ["not", "an", "object"] },
    deliveryCount: 3,
    firstReceivedAt: at,
    lastReceivedAt: later,
    mergeState: { v: 1, id: "call", sources: [[60, "a".repeat(64)]], latest: 0 },
  };
  const answer = {
    callId: "call", label: "Q", campaignId: "camp", type: "YES_NO", value: true, valueText: "true", order: 1, description: "d",
    options: ["yes", "no"], createdAt: at, isTestCall: true,
  };
  const rollup = {
    id: 3n, hour: new Date("2024-03-11T13:00:00.000Z"), campaignId: "camp", status: "INTERESTED", callStatus: "COMPLETED", isTestCall: true,
    calls: 5_000_000_000n, durationSum: new Prisma.Decimal("1234567890.125"), durationCount: 4n, totalDurationSum: new Prisma.Decimal("0.5"),
    interested: 1n, callMeLater: 2n, doNotCall: 3n, wrongNumber: 4n, connected: 5n, completed: 6n, outcomeInterested: 7n, callbacks: 8n,
    outcomeDoNotCall: 9n, connectedDurationSum: new Prisma.Decimal("99.75"), connectedDurationCount: 10n, voicemail: 11n,
  };
  const dailyRollup = {
    id: 5n, day: new Date("2024-03-11T00:00:00.000Z"), campaignId: "camp", status: "INTERESTED", callStatus: "COMPLETED", isTestCall: true,
    calls: 5_000_000_001n, durationSum: new Prisma.Decimal("1234567890.375"), durationCount: 14n, totalDurationSum: new Prisma.Decimal("1.5"),
    interested: 11n, callMeLater: 12n, doNotCall: 13n, wrongNumber: 14n, connected: 15n, completed: 16n, outcomeInterested: 17n, callbacks: 18n,
    outcomeDoNotCall: 19n, connectedDurationSum: new Prisma.Decimal("199.75"), connectedDurationCount: 20n, voicemail: 21n,
  };
  const answerRollup = {
    id: 4n, campaignId: "camp", label: "Q", day: new Date("2024-03-11T00:00:00.000Z"), isTestCall: false, type: "YES_NO",
    valueKind: "boolean", valueText: "true", answers: 6_000_000_000n,
  };
  const answerCallRollup = {
    id: 14n, label: "Q", day: new Date("2024-03-11T00:00:00.000Z"), campaignId: "camp", status: "INTERESTED", callStatus: "COMPLETED",
    isTestCall: false, type: "MULTIPLE_CHOICE", value: ["a", 1.5], valueText: "a, 1.5",
    calls: 5_000_000_002n, durationSum: new Prisma.Decimal("1234567890.625"), durationCount: 24n, totalDurationSum: new Prisma.Decimal("2.5"),
    interested: 21n, callMeLater: 22n, doNotCall: 23n, wrongNumber: 24n, connected: 25n, completed: 26n, outcomeInterested: 27n, callbacks: 28n,
    outcomeDoNotCall: 29n, connectedDurationSum: new Prisma.Decimal("299.75"), connectedDurationCount: 30n, voicemail: 31n,
  };
  const event = { callId: "call", position: 0, type: "SMS", data: { sent: true } };
  const delivery = {
    id: 9_007_199_254_740_993n, // beyond 2^53: the column must be a real bigint
    callId: "call",
    sha256: "a".repeat(64),
    body: new Uint8Array([0x7b, 0x00, 0xff, 0x7d]),
    webhookEvent: "HANG_UP",
    contentType: "application/json",
    receivedAt: at,
  };
  const rejected = { id: 7n, receivedAt: at, httpStatus: 400, code: "invalid_json", message: "m", contentType: "text/plain", bodyExcerpt: "x", bodyBytes: 1 };
  const count = { code: "invalid_json", count: 5_000_000_000n, lastAt: at };
  const view = { id: 11n, name: "Hot leads", query: "status=INTERESTED&answer=Budget%3Agte%3A5000", createdAt: at, updatedAt: later };
  const user = { id: "8f14e45f-ceea-467f-a0e6-1f2a3b4c5d6e", name: "Ada", email: "Ada@Example.com", role: "member", passwordHash: "$2b$10$x", mustChangePassword: false, createdAt: at, removedAt: later, disabledAt: later };
  const session = { id: "s".repeat(64), userId: user.id, keyFingerprint: "f", createdAt: at, expiresAt: later, revokedAt: later, lastSeenAt: later };
  const apiToken = { id: "1f14e45f-ceea-467f-a0e6-1f2a3b4c5d6e", userId: user.id, name: "script", tokenSha256: "t".repeat(64), createdAt: at, lastUsedAt: later, revokedAt: later };
  const signInLink = { id: "2f14e45f-ceea-467f-a0e6-1f2a3b4c5d6e", userId: user.id, tokenSha256: "l".repeat(64), createdAt: at, expiresAt: later, usedAt: later };
  const attempt = { clientKey: "203.0.113.9", failures: 3, windowStartedAt: at, lastFailureAt: later, lockedUntil: later };
  const followUp = {
    id: 12n, contactId: "contact", queue: "callbacks", state: "snoozed", version: 3, active: false, triggerCallId: "call", triggerAt: at,
    waitingSince: at, snoozeUntil: later, outcome: "reached", note: "call after 5", updatedBy: "Ann", updatedAt: later,
    reopenedReason: "a newer call asked to be called back", createdAt: at,
  };
  const followUpChange = {
    id: 13n, followUpId: 12n, contactId: "contact", at: later, byName: "Ann", byUserId: "u1", state: "snoozed", outcome: null,
    note: "call after 5", snoozeUntil: later, reason: null, callId: null,
  };
  const suppressed = {
    list: "do_not_call", phone: "+1234567890", reason: "DO_NOT_CALL", firstSeenAt: at, lastSeenAt: later, callId: "call",
    contactId: "contact", contactName: "John", calls: 2,
  };

  // Each model's full set of fields, as the generated client knows them: a field added to the
  // schema fails here until this test (and so the migration) covers it.
  const expectFields = (model: object, fields: object) => assert.deepEqual(Object.keys(model).sort(), Object.keys(fields).sort());
  expectFields(Prisma.CampaignScalarFieldEnum, campaign);
  expectFields(Prisma.ContactScalarFieldEnum, contact);
  expectFields(Prisma.CallScalarFieldEnum, call);
  expectFields(Prisma.CallAnswerScalarFieldEnum, answer);
  expectFields(Prisma.CallRollupScalarFieldEnum, rollup);
  expectFields(Prisma.CallRollupDailyScalarFieldEnum, dailyRollup);
  expectFields(Prisma.CallAnswerRollupScalarFieldEnum, answerRollup);
  expectFields(Prisma.AnswerCallRollupScalarFieldEnum, answerCallRollup);
  expectFields(Prisma.CallEventScalarFieldEnum, event);
  expectFields(Prisma.DeliveryScalarFieldEnum, delivery);
  expectFields(Prisma.RejectedRequestScalarFieldEnum, rejected);
  expectFields(Prisma.RejectionCountScalarFieldEnum, count);
  expectFields(Prisma.SavedViewScalarFieldEnum, view);
  expectFields(Prisma.UserScalarFieldEnum, user);
  expectFields(Prisma.SessionScalarFieldEnum, session);
  expectFields(Prisma.ApiTokenScalarFieldEnum, apiToken);
  expectFields(Prisma.SignInLinkScalarFieldEnum, signInLink);
  expectFields(Prisma.SignInAttemptScalarFieldEnum, attempt);
  expectFields(Prisma.FollowUpScalarFieldEnum, followUp);
  expectFields(Prisma.FollowUpChangeScalarFieldEnum, followUpChange);
  expectFields(Prisma.SuppressedNumberScalarFieldEnum, suppressed);

  await prisma.campaign.create({ data: campaign });
  await prisma.contact.create({ data: contact });
  await prisma.call.create({ data: call });
  await prisma.callAnswer.create({ data: answer });
  await prisma.callEvent.create({ data: event });
  await prisma.callRollup.create({ data: rollup });
  await prisma.callRollupDaily.create({ data: dailyRollup });
  await prisma.callAnswerRollup.create({ data: answerRollup });
  await prisma.answerCallRollup.create({ data: answerCallRollup });
  await prisma.delivery.create({ data: delivery });
  await prisma.rejectedRequest.create({ data: rejected });
  await prisma.rejectionCount.create({ data: count });
  await prisma.savedView.create({ data: view });
  await prisma.user.create({ data: user });
  await prisma.session.create({ data: session });
  await prisma.apiToken.create({ data: apiToken });
  await prisma.signInLink.create({ data: signInLink });
  await prisma.signInAttempt.create({ data: attempt });
  await prisma.followUp.create({ data: followUp });
  await prisma.followUpChange.create({ data: followUpChange });
  await prisma.suppressedNumber.create({ data: suppressed });

  assert.deepEqual(await prisma.campaign.findUniqueOrThrow({ where: { id: "camp" } }), campaign);
  assert.deepEqual(await prisma.contact.findUniqueOrThrow({ where: { id: "contact" } }), contact);
  assert.deepEqual(await prisma.call.findUniqueOrThrow({ where: { id: "call" } }), call);
  assert.deepEqual(await prisma.callAnswer.findUniqueOrThrow({ where: { callId_label: { callId: "call", label: "Q" } } }), answer);
  assert.deepEqual(await prisma.callEvent.findUniqueOrThrow({ where: { callId_position: { callId: "call", position: 0 } } }), event);
  assert.deepEqual(await prisma.callRollup.findUniqueOrThrow({ where: { id: 3n } }), rollup);
  assert.deepEqual(await prisma.callRollupDaily.findUniqueOrThrow({ where: { id: 5n } }), dailyRollup);
  assert.deepEqual(await prisma.callAnswerRollup.findUniqueOrThrow({ where: { id: 4n } }), answerRollup);
  assert.deepEqual(await prisma.answerCallRollup.findUniqueOrThrow({ where: { id: 14n } }), answerCallRollup);
  const storedDelivery = await prisma.delivery.findUniqueOrThrow({ where: { sha256: "a".repeat(64) } });
  assert.deepEqual({ ...storedDelivery, body: new Uint8Array(storedDelivery.body) }, delivery);
  assert.deepEqual(await prisma.rejectedRequest.findUniqueOrThrow({ where: { id: 7n } }), rejected);
  assert.deepEqual(await prisma.rejectionCount.findUniqueOrThrow({ where: { code: "invalid_json" } }), count);
  assert.deepEqual(await prisma.savedView.findUniqueOrThrow({ where: { id: 11n } }), view);
  assert.deepEqual(await prisma.user.findUniqueOrThrow({ where: { id: user.id } }), user);
  assert.deepEqual(await prisma.session.findUniqueOrThrow({ where: { id: session.id } }), session);
  assert.deepEqual(await prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } }), apiToken);
  assert.deepEqual(await prisma.signInLink.findUniqueOrThrow({ where: { id: signInLink.id } }), signInLink);
  assert.deepEqual(await prisma.signInAttempt.findUniqueOrThrow({ where: { clientKey: attempt.clientKey } }), attempt);
  assert.deepEqual(await prisma.followUp.findUniqueOrThrow({ where: { id: 12n } }), followUp);
  assert.deepEqual(await prisma.followUpChange.findUniqueOrThrow({ where: { id: 13n } }), followUpChange);
  assert.deepEqual(await prisma.suppressedNumber.findUniqueOrThrow({ where: { list_phone: { list: "do_not_call", phone: "+1234567890" } } }), suppressed);
  await prisma.followUp.delete({ where: { id: 12n } });
  assert.equal(await prisma.followUpChange.count(), 0, "an item's history is deleted with it");

  // Relations and their cascades exist in the SQL as in the schema.
  const withRelations = await prisma.call.findUniqueOrThrow({ where: { id: "call" }, include: { campaign: true, contact: true, answers: true, events: true } });
  assert.equal(withRelations.campaign?.name, "Spring");
  assert.equal(withRelations.contact?.name, "John");
  await prisma.call.delete({ where: { id: "call" } });
  assert.equal(await prisma.callAnswer.count(), 0, "answers are deleted with their call");
  assert.equal(await prisma.callEvent.count(), 0, "events are deleted with their call");
  const owner = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { sessions: true, apiTokens: true } });
  assert.equal(owner.sessions.length, 1);
  assert.equal(owner.apiTokens.length, 1);
});

test("defaults and unique keys the code relies on exist in the SQL", async () => {
  const before = Date.now();
  const made = await prisma.delivery.create({ data: { callId: "c2", sha256: "b".repeat(64), body: new Uint8Array([1]) } });
  assert.equal(typeof made.id, "bigint");
  assert.ok(made.receivedAt.getTime() >= before - 60_000, "received_at defaults to now");
  const call = await prisma.call.create({
    data: { id: "c2", stageRank: 0, createdAt: new Date(), deliveryCount: 1, firstReceivedAt: new Date(), lastReceivedAt: new Date() },
  });
  assert.equal(call.isTestCall, false, "is_test_call defaults to false");
  // Last: after an SQL error the embedded database's connection is dropped (a quirk of PGlite behind Prisma: the next query fails once).
  await assert.rejects(
    prisma.delivery.create({ data: { callId: "c3", sha256: "b".repeat(64), body: new Uint8Array([2]) } }),
    (error: { code?: string }) => error.code === "P2002",
    "sha256 is unique",
  );
});

test("upgrading a database that already holds calls fills the new rollup measures and answer rollups exactly", async () => {
  const { ROLLUP_KEY_SQL, ROLLUP_MEASURES_SQL, rollupKeySql } = await import("../../lib/rollups/rollup-sql.ts");
  const upgraded = await createTestDatabase("migrations_upgrade", { migrate: false });
  const earlier = mkdtempSync(path.join(tmpdir(), "callboard-migrations-"));
  try {
    const dashboardRollups = migrationNames.findIndex((name) => name.endsWith("_dashboard_rollups"));
    assert.ok(dashboardRollups > 0);
    for (const name of migrationNames.slice(0, dashboardRollups)) cpSync(`prisma/migrations/${name}`, path.join(earlier, name), { recursive: true });
    await migrateDatabase(upgraded.url, earlier);

    // Calls in every combination of the fields the KPI definitions read, with answers, in the old schema.
    await upgraded.query(`INSERT INTO campaigns (id, name, last_call_at) VALUES ('camp-a', 'A', now()), ('camp-b', 'B', now())`);
    await upgraded.query(`
      INSERT INTO calls (id, campaign_id, status, call_status, post_process_status, hang_up_reason, webhook_event, duration,
                         call_me_later, do_not_call, is_test_call, stage_rank, created_at, delivery_count, first_received_at, last_received_at)
      SELECT 'call-' || i,
             (ARRAY['camp-a', 'camp-b', NULL])[1 + i % 3],
             (ARRAY['INTERESTED', 'CALL_ME_LATER', 'DO_NOT_CALL', 'COMPLETED', 'USER_REQUESTED_HANGUP', 'NO_ANSWER', NULL])[1 + i % 7],
             (ARRAY['COMPLETED', 'NO_ANSWER', 'BUSY', NULL])[1 + i % 4],
             (ARRAY['INTERESTED', 'NOT_INTERESTED', NULL, NULL, NULL])[1 + i % 5],
             (ARRAY['CALL_FINISHED', NULL])[1 + i % 2],
             (ARRAY['CONNECTED', 'HANG_UP', 'DIALING', NULL, 'FAILED', 'POST_PROCESSING_FINISHED:INTERESTED'])[1 + i % 6],
             (ARRAY[128.5, 0, NULL])[1 + i % 3],
             (ARRAY[true, false, NULL])[1 + i % 3],
             i % 11 = 0,
             i % 13 = 0,
             40, timestamptz '2026-10-01 00:00Z' + i * interval '37 minutes', 1, now(), now()
      FROM generate_series(1, 420) AS i`);
    await upgraded.query(`
      INSERT INTO call_answers (call_id, label, campaign_id, type, value, value_text, position)
      SELECT c.id, q.label, c.campaign_id, q.type, q.value, q.value #>> '{}', q.position
      FROM calls c CROSS JOIN LATERAL (VALUES
        ('Interested', 'YES_NO', to_jsonb(right(c.id, 1)::int % 2 = 0), 1),
        ('Budget', 'NUMBER', to_jsonb(right(c.id, 2)::int), 2),
        ('Notes', 'TEXT', CASE WHEN right(c.id, 1) = '3' THEN NULL ELSE to_jsonb('note ' || right(c.id, 1)) END, 3)
      ) AS q(label, type, value, position)`);

    // And calls of one group over two days, so a day's row sums many hours' rows.
    await upgraded.query(`
      INSERT INTO calls (id, campaign_id, status, call_status, post_process_status, hang_up_reason, webhook_event, duration,
                         call_me_later, do_not_call, is_test_call, stage_rank, created_at, delivery_count, first_received_at, last_received_at)
      SELECT 'same-' || i, 'camp-a', 'INTERESTED', 'COMPLETED', 'INTERESTED', 'CALL_FINISHED', 'POST_PROCESSING_FINISHED:INTERESTED',
             60.25 + i, i % 2 = 0, false, false, 40, timestamptz '2026-10-20 00:00Z' + i * interval '50 minutes', 1, now(), now()
      FROM generate_series(0, 59) AS i`);

    await migrateDatabase(upgraded.url);
    const exact = await upgraded.query<{ row: string }>(
      `SELECT (${ROLLUP_KEY_SQL}, ${ROLLUP_MEASURES_SQL})::text AS row FROM calls GROUP BY ${ROLLUP_KEY_SQL} ORDER BY 1`,
    );
    const rollups = await upgraded.query<{ row: string }>(`
      SELECT (hour, campaign_id, status, call_status, is_test_call, calls, duration_sum, duration_count, total_duration_sum, interested,
              call_me_later, do_not_call, wrong_number, connected, completed, outcome_interested, callbacks, outcome_do_not_call,
              connected_duration_sum, connected_duration_count, voicemail)::text AS row
      FROM call_rollups ORDER BY 1`);
    assert.ok(exact.length > 50);
    assert.deepEqual(rollups, exact);
    // The daily rollups the migration filled from the hourly ones equal a scan per UTC day.
    const dailyKey = rollupKeySql("call_rollups_daily");
    const exactDaily = await upgraded.query<{ row: string }>(
      `SELECT (${dailyKey}, ${ROLLUP_MEASURES_SQL})::text AS row FROM calls GROUP BY ${dailyKey} ORDER BY 1`,
    );
    const daily = await upgraded.query<{ row: string }>(`
      SELECT (day, campaign_id, status, call_status, is_test_call, calls, duration_sum, duration_count, total_duration_sum, interested,
              call_me_later, do_not_call, wrong_number, connected, completed, outcome_interested, callbacks, outcome_do_not_call,
              connected_duration_sum, connected_duration_count, voicemail)::text AS row
      FROM call_rollups_daily ORDER BY 1`);
    assert.ok(exactDaily.length > 10 && exactDaily.length < exact.length - 40, "several UTC days, fewer rows than hours");
    assert.deepEqual(daily, exactDaily);

    const unmatched = await upgraded.query(`
      SELECT a.call_id FROM call_answers a JOIN calls c ON c.id = a.call_id
      WHERE a.created_at IS DISTINCT FROM c.created_at OR a.is_test_call IS DISTINCT FROM c.is_test_call`);
    assert.deepEqual(unmatched, [], "every answer carries its call's time and test flag");
    const answerTotals = await upgraded.query<{ label: string; value_kind: string | null; answers: string }>(
      `SELECT label, value_kind, sum(answers)::text AS answers FROM call_answer_rollups GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    assert.deepEqual(answerTotals, [
      { label: "Budget", value_kind: "number", answers: "420" },
      { label: "Interested", value_kind: "boolean", answers: "420" },
      { label: "Notes", value_kind: "string", answers: "378" },
      { label: "Notes", value_kind: null, answers: "42" },
    ]);
    // answer_call_rollups, filled by its migration: the answered answers with their calls' sums, as a scan gives them.
    const { ANSWER_CALL_ROLLUP_COLUMNS, EXACT_ANSWER_CALL_ROLLUPS_SQL } = await import("../../lib/rollups/rollup-sql.ts");
    const answerCallRow = `(${ANSWER_CALL_ROLLUP_COLUMNS.join(", ")})::text AS row`;
    const answerCalls = await upgraded.query(`SELECT ${answerCallRow} FROM answer_call_rollups ORDER BY 1`);
    assert.ok(answerCalls.length > 100);
    assert.deepEqual(answerCalls, await upgraded.query(`SELECT ${answerCallRow} FROM (${EXACT_ANSWER_CALL_ROLLUPS_SQL}) AS exact ORDER BY 1`));
    const answeredCalls = await upgraded.query<{ label: string; calls: string }>(`SELECT label, sum(calls)::text AS calls FROM answer_call_rollups GROUP BY 1 ORDER BY 1`);
    assert.deepEqual(answeredCalls, [
      { label: "Budget", calls: "420" },
      { label: "Interested", calls: "420" },
      { label: "Notes", calls: "378" },
    ], "only answered answers, each call once");
  } finally {
    rmSync(earlier, { recursive: true, force: true });
    await upgraded.drop();
  }
});

/** A database migrated up to, not including, the first migration whose name ends with `suffix`. */
async function databaseBefore(suffix: string, label: string): Promise<TestDatabase> {
  const upgraded = await createTestDatabase(label, { migrate: false });
  const earlier = mkdtempSync(path.join(tmpdir(), "callboard-migrations-"));
  try {
    const at = migrationNames.findIndex((name) => name.endsWith(suffix));
    assert.ok(at > 0, `a migration ending in ${suffix}`);
    for (const name of migrationNames.slice(0, at)) cpSync(`prisma/migrations/${name}`, path.join(earlier, name), { recursive: true });
    await migrateDatabase(upgraded.url, earlier);
    return upgraded;
  } catch (error) {
    await upgraded.drop();
    throw error;
  } finally {
    rmSync(earlier, { recursive: true, force: true });
  }
}

test("upgrading to contacts re-keys numbers without an id by their normalised number and fills contacts, queues and lists", async () => {
  const upgraded = await databaseBefore("_contacts", "migrations_contacts");
  try {

    // Two spellings of one number, keyed apart by the old code; a contact with a Voxia id asking for a callback.
    await upgraded.query(`INSERT INTO contacts (id, name, phone_number, last_call_at) VALUES
      ('phone:+1 617 555 0198', 'Old', '+1 617 555 0198', '2026-10-01T10:00Z'),
      ('phone:+16175550198', 'New', '+16175550198', '2026-10-02T10:00Z'),
      ('c-ann', 'Ann', '+16175550101', '2026-10-03T10:00Z')`);
    await upgraded.query(`
      INSERT INTO calls (id, contact_id, contact_name, contact_phone, status, post_process_status, do_not_call, stage_rank, created_at,
                         delivery_count, first_received_at, last_received_at) VALUES
        ('k1', 'phone:+1 617 555 0198', 'Old', '+1 617 555 0198', 'NOT_INTERESTED', 'NOT_INTERESTED', false, 60, '2026-10-01T10:00Z', 1, now(), now()),
        ('k2', 'phone:+16175550198', 'New', '+16175550198', 'DO_NOT_CALL', 'DO_NOT_CALL', true, 60, '2026-10-02T10:00Z', 1, now(), now()),
        ('k3', 'c-ann', 'Ann', '+16175550101', 'CALL_ME_LATER', 'CALL_ME_LATER', false, 60, '2026-10-03T10:00Z', 1, now(), now())`);

    await migrateDatabase(upgraded.url);
    const key = await phoneKeyIn(upgraded, "+16175550198");
    assert.deepEqual(
      await upgraded.query(`SELECT id, name, call_count, latest_status, do_not_call, callback_requested FROM contacts ORDER BY id`),
      [
        { id: "c-ann", name: "Ann", call_count: 1, latest_status: "CALL_ME_LATER", do_not_call: false, callback_requested: true },
        { id: key, name: "New", call_count: 2, latest_status: "DO_NOT_CALL", do_not_call: true, callback_requested: false },
      ],
    );
    assert.deepEqual(await upgraded.query(`SELECT DISTINCT contact_id FROM calls WHERE id IN ('k1', 'k2')`), [{ contact_id: key }]);
    assert.deepEqual(await upgraded.query(`SELECT contact_id, queue, state, trigger_call_id FROM follow_ups`), [
      { contact_id: "c-ann", queue: "callbacks", state: "open", trigger_call_id: "k3" },
    ]);
    assert.deepEqual(await upgraded.query(`SELECT list, phone, reason, call_id FROM suppressed_numbers`), [
      { list: "do_not_call", phone: "+16175550198", reason: "DO_NOT_CALL", call_id: "k2" },
    ]);
  } finally {
    await upgraded.drop();
  }
});

test("upgrading to keyed contact keys re-keys contacts without an id everywhere they are named, with a secret of this database", async () => {
  const upgraded = await databaseBefore("_contact_key_secret", "migrations_contact_keys");
  try {
    // The old key: an unkeyed digest anyone could compute from a number.
    const oldKey = `phone:${createHash("md5").update("+16175550198").digest("hex").slice(0, 16)}`;
    await upgraded.query(`INSERT INTO contacts (id, name, phone_number, phone_e164, last_call_at, do_not_call, callback_requested) VALUES
      ($1, 'Pat', '+1 617 555 0198', '+16175550198', '2026-10-02T10:00Z', true, true), ('c-ann', 'Ann', '+16175550101', '+16175550101', '2026-10-03T10:00Z', false, false)`, [oldKey]);
    await upgraded.query(`
      INSERT INTO calls (id, contact_id, contact_name, contact_phone, status, post_process_status, stage_rank, created_at, delivery_count, first_received_at, last_received_at) VALUES
        ('p1', $1, 'Pat', '+1 617 555 0198', 'CALL_ME_LATER', 'CALL_ME_LATER', 60, '2026-10-01T10:00Z', 1, now(), now()),
        ('p2', $1, 'Pat', '+16175550198', 'DO_NOT_CALL', 'DO_NOT_CALL', 60, '2026-10-02T10:00Z', 1, now(), now()),
        ('a1', 'c-ann', 'Ann', '+16175550101', 'INTERESTED', 'INTERESTED', 60, '2026-10-03T10:00Z', 1, now(), now())`, [oldKey]);
    const [item] = await upgraded.query<{ id: string }>(`INSERT INTO follow_ups (contact_id, queue, trigger_call_id, trigger_at, waiting_since)
      VALUES ($1, 'callbacks', 'p1', '2026-10-01T10:00Z', '2026-10-01T10:00Z') RETURNING id::text`, [oldKey]);
    await upgraded.query(`INSERT INTO follow_up_changes (follow_up_id, contact_id, state, reason, call_id) VALUES ($1, $2, 'open', 'opened', 'p1')`, [item!.id, oldKey]);
    await upgraded.query(`INSERT INTO suppressed_numbers (list, phone, reason, first_seen_at, last_seen_at, call_id, contact_id, contact_name, calls)
      VALUES ('do_not_call', '+16175550198', 'DO_NOT_CALL', '2026-10-02T10:00Z', '2026-10-02T10:00Z', 'p2', $1, 'Pat', 1)`, [oldKey]);
    await upgraded.query(`INSERT INTO saved_views (name, query) VALUES ('Pat', $1), ('Ann', 'contact=c-ann')`, [`contact=${encodeURIComponent(oldKey)}&status=CALL_ME_LATER`]);

    await migrateDatabase(upgraded.url);
    const secret = await contactKeySecretOf(upgraded);
    const key = await phoneKeyIn(upgraded, "+16175550198");
    assert.notEqual(key, oldKey);
    assert.match(key, /^phone:[0-9a-f]{16}$/);
    assert.deepEqual(await upgraded.query(`SELECT id, name FROM contacts ORDER BY name`), [{ id: "c-ann", name: "Ann" }, { id: key, name: "Pat" }]);
    assert.deepEqual(await upgraded.query(`SELECT id, contact_id FROM calls ORDER BY id`), [{ id: "a1", contact_id: "c-ann" }, { id: "p1", contact_id: key }, { id: "p2", contact_id: key }]);
    assert.deepEqual(await upgraded.query(`SELECT contact_id FROM follow_ups`), [{ contact_id: key }]);
    assert.deepEqual(await upgraded.query(`SELECT contact_id FROM follow_up_changes`), [{ contact_id: key }]);
    assert.deepEqual(await upgraded.query(`SELECT contact_id FROM suppressed_numbers`), [{ contact_id: key }]);
    assert.deepEqual(await upgraded.query(`SELECT name, query FROM saved_views ORDER BY name`), [
      { name: "Ann", query: "contact=c-ann" },
      { name: "Pat", query: `contact=${encodeURIComponent(key)}&status=CALL_ME_LATER` },
    ]);
    assert.equal((await upgraded.query(`SELECT to_regclass('contact_rekey') AS t`))[0]!.t, null, "the mapping is not left behind");
    // Another database has a secret of its own.
    assert.notEqual(secret, await contactKeySecretOf(database));
  } finally {
    await upgraded.drop();
  }
});
