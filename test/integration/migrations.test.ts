// The SQL migrations are written by hand to match prisma/schema.prisma. This migrates an empty
// database and then writes and reads every field of every model through the generated client, so a
// column missing from the SQL, a wrong type or a wrong precision fails here rather than in production.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "../../lib/generated/prisma/client.ts";
import { migrateDatabase } from "../../lib/db/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

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
  const contact = { id: "contact", name: "John", phoneNumber: "+1234567890", data: { email: "john@voxia.ai" }, lastCallAt: at };
  const call = {
    id: "call",
    campaignId: "camp",
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
    deliveryCount: 3,
    firstReceivedAt: at,
    lastReceivedAt: later,
  };
  const answer = { callId: "call", label: "Q", campaignId: "camp", type: "YES_NO", value: true, valueText: "true", order: 1, description: "d", options: ["yes", "no"] };
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

  // Each model's full set of fields, as the generated client knows them: a field added to the
  // schema fails here until this test (and so the migration) covers it.
  const expectFields = (model: object, fields: object) => assert.deepEqual(Object.keys(model).sort(), Object.keys(fields).sort());
  expectFields(Prisma.CampaignScalarFieldEnum, campaign);
  expectFields(Prisma.ContactScalarFieldEnum, contact);
  expectFields(Prisma.CallScalarFieldEnum, call);
  expectFields(Prisma.CallAnswerScalarFieldEnum, answer);
  expectFields(Prisma.CallEventScalarFieldEnum, event);
  expectFields(Prisma.DeliveryScalarFieldEnum, delivery);
  expectFields(Prisma.RejectedRequestScalarFieldEnum, rejected);
  expectFields(Prisma.RejectionCountScalarFieldEnum, count);

  await prisma.campaign.create({ data: campaign });
  await prisma.contact.create({ data: contact });
  await prisma.call.create({ data: call });
  await prisma.callAnswer.create({ data: answer });
  await prisma.callEvent.create({ data: event });
  await prisma.delivery.create({ data: delivery });
  await prisma.rejectedRequest.create({ data: rejected });
  await prisma.rejectionCount.create({ data: count });

  assert.deepEqual(await prisma.campaign.findUniqueOrThrow({ where: { id: "camp" } }), campaign);
  assert.deepEqual(await prisma.contact.findUniqueOrThrow({ where: { id: "contact" } }), contact);
  assert.deepEqual(await prisma.call.findUniqueOrThrow({ where: { id: "call" } }), call);
  assert.deepEqual(await prisma.callAnswer.findUniqueOrThrow({ where: { callId_label: { callId: "call", label: "Q" } } }), answer);
  assert.deepEqual(await prisma.callEvent.findUniqueOrThrow({ where: { callId_position: { callId: "call", position: 0 } } }), event);
  const storedDelivery = await prisma.delivery.findUniqueOrThrow({ where: { sha256: "a".repeat(64) } });
  assert.deepEqual({ ...storedDelivery, body: new Uint8Array(storedDelivery.body) }, delivery);
  assert.deepEqual(await prisma.rejectedRequest.findUniqueOrThrow({ where: { id: 7n } }), rejected);
  assert.deepEqual(await prisma.rejectionCount.findUniqueOrThrow({ where: { code: "invalid_json" } }), count);

  // Relations and their cascades exist in the SQL as in the schema.
  const withRelations = await prisma.call.findUniqueOrThrow({ where: { id: "call" }, include: { campaign: true, contact: true, answers: true, events: true } });
  assert.equal(withRelations.campaign?.name, "Spring");
  assert.equal(withRelations.contact?.name, "John");
  await prisma.call.delete({ where: { id: "call" } });
  assert.equal(await prisma.callAnswer.count(), 0, "answers are deleted with their call");
  assert.equal(await prisma.callEvent.count(), 0, "events are deleted with their call");
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
