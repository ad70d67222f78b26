// Every call matching the filters as CSV, produced in keyset batches so memory stays flat however many
// calls match: one row per call, a column per call field, then one column per key question.
import { prisma } from "@/lib/db/client";
import { csvRow } from "@/lib/csv/csv-cell";
import { callWhere, type CallFilters } from "./call-filters";
import { afterCursor, type CallCursor } from "./list-calls";
import { CALL_LIST_SELECT } from "./call-json";

const BATCH_SIZE = 1000;

// The list's columns, plus what only the export carries.
const EXPORT_SELECT = {
  ...CALL_LIST_SELECT,
  organizationId: true,
  sessionId: true,
  twilioAccountSid: true,
  twilioCallSessionId: true,
  contactData: true,
  firstReceivedAt: true,
} as const;

type ExportRow = Awaited<ReturnType<typeof fetchBatch>>[number];

/** Column name → value; names follow the read API's (Voxia's) field names. */
const CALL_COLUMNS: [string, (row: ExportRow) => unknown][] = [
  ["id", (r) => r.id],
  ["createdAt", (r) => r.createdAt.toISOString()],
  ["campaign.id", (r) => r.campaignId],
  ["campaign.name", (r) => r.campaign?.name],
  ["contact.id", (r) => r.contactId],
  ["contact.name", (r) => r.contactName],
  ["contact.phoneNumber", (r) => r.contactPhone],
  ["status", (r) => r.status],
  ["callStatus", (r) => r.callStatus],
  ["postProcessStatus", (r) => r.postProcessStatus],
  ["hangUpReason", (r) => r.hangUpReason],
  ["webhookEvent", (r) => r.webhookEvent],
  ["duration", (r) => r.duration],
  ["totalDuration", (r) => r.totalDuration],
  ["contactStatus.callMeLater", (r) => r.callMeLater],
  ["contactStatus.doNotCall", (r) => r.doNotCall],
  ["contactStatus.wrongNumber", (r) => r.wrongNumber],
  ["interested.reached", (r) => r.interestedReached],
  ["interested.description", (r) => r.interestedDescription],
  ["isTestCall", (r) => r.isTestCall],
  ["phoneFrom", (r) => r.phoneFrom],
  ["organizationId", (r) => r.organizationId],
  ["sessionId", (r) => r.sessionId],
  ["twilio.accountSid", (r) => r.twilioAccountSid],
  ["twilio.callSessionId", (r) => r.twilioCallSessionId],
  ["contact.data", (r) => r.contactData],
  ["deliveryCount", (r) => r.deliveryCount],
  ["firstReceivedAt", (r) => r.firstReceivedAt.toISOString()],
  ["lastReceivedAt", (r) => r.lastReceivedAt.toISOString()],
];

function fetchBatch(filters: CallFilters, cursor: CallCursor | null) {
  const where = callWhere(filters);
  return prisma().call.findMany({
    where: cursor ? { AND: [where, afterCursor(cursor)] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: BATCH_SIZE,
    select: EXPORT_SELECT,
  });
}

/** Key-question labels present among the matching calls, in the campaigns' question order. */
async function keyQuestionLabels(filters: CallFilters): Promise<string[]> {
  const groups = await prisma().callAnswer.groupBy({
    by: ["label"],
    where: { call: callWhere(filters) },
    _min: { order: true },
  });
  return groups
    .sort((a, b) => (a._min.order ?? Infinity) - (b._min.order ?? Infinity) || a.label.localeCompare(b.label))
    .map((g) => g.label);
}

/** The CSV text, a chunk per batch of calls (the header first). */
export async function* exportCallsCsv(filters: CallFilters): AsyncGenerator<string> {
  const labels = await keyQuestionLabels(filters);
  yield "\uFEFF" + csvRow([...CALL_COLUMNS.map(([name]) => name), ...labels.map((label) => `keyQuestion: ${label}`)]);
  let cursor: CallCursor | null = null;
  for (;;) {
    const rows = await fetchBatch(filters, cursor);
    if (rows.length === 0) return;
    const answers = labels.length
      ? await prisma().callAnswer.findMany({
          where: { callId: { in: rows.map((r) => r.id) } },
          select: { callId: true, label: true, valueText: true },
        })
      : [];
    const answerOf = new Map(answers.map((a) => [`${a.callId}\u0000${a.label}`, a.valueText]));
    yield rows
      .map((row) => csvRow([...CALL_COLUMNS.map(([, value]) => value(row)), ...labels.map((l) => answerOf.get(`${row.id}\u0000${l}`))]))
      .join("");
    if (rows.length < BATCH_SIZE) return;
    const last = rows[rows.length - 1]!;
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}
