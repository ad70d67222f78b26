// Choices for the calls filters: campaigns from the campaigns table; statuses and the other list fields
// from Voxia's documented vocabulary plus any other value calls actually carry (Voxia may add values;
// they must be findable); event types and key questions as the data has them.
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CALL_STATUSES, HANG_UP_REASONS, POST_PROCESS_STATUSES, STATUSES, WEBHOOK_EVENTS } from "@/lib/voxia/vocabulary";

/** A key question as calls answered it: its type and the answers seen most often (for a picker). */
export type QuestionOption = { label: string; type: string | null; values: string[] };

export type FilterOptions = {
  campaigns: { id: string; name: string | null }[];
  statuses: string[];
  callStatuses: string[];
  postProcessStatuses: string[];
  hangUpReasons: string[];
  webhookEvents: string[];
  eventTypes: string[];
  questions: QuestionOption[];
};

/** Values beyond the vocabulary are looked for among this many newest calls (an index range, not a scan). */
const RECENT_CALLS = 5000;
const VALUES_PER_QUESTION = 30;

export async function listFilterOptions(): Promise<FilterOptions> {
  const [campaigns, statusRows, recentRows, eventRows, answerRows] = await Promise.all([
    prisma().campaign.findMany({ orderBy: [{ lastCallAt: "desc" }, { id: "asc" }], select: { id: true, name: true }, take: 1000 }),
    // Distinct statuses by skip scan over the (status, created_at) index: one index probe per value
    // rather than a pass over every call.
    prisma().$queryRaw<{ status: string }[]>(Prisma.sql`
      WITH RECURSIVE s(status) AS (
        (SELECT status FROM calls WHERE status IS NOT NULL ORDER BY status LIMIT 1)
        UNION ALL
        SELECT (SELECT status FROM calls WHERE status > s.status ORDER BY status LIMIT 1) FROM s WHERE s.status IS NOT NULL
      )
      SELECT status FROM s WHERE status IS NOT NULL`),
    // The fields without an index of their own: values Voxia started sending show up among recent calls.
    prisma().$queryRaw<{ call_status: string | null; post_process_status: string | null; hang_up_reason: string | null; webhook_event: string | null }[]>(Prisma.sql`
      SELECT DISTINCT call_status, post_process_status, hang_up_reason, webhook_event
      FROM (SELECT call_status, post_process_status, hang_up_reason, webhook_event FROM calls ORDER BY created_at DESC LIMIT ${RECENT_CALLS}) AS recent`),
    // Event types by skip scan over the call_events (type) index.
    prisma().$queryRaw<{ type: string }[]>(Prisma.sql`
      WITH RECURSIVE t(type) AS (
        (SELECT type FROM call_events WHERE type IS NOT NULL ORDER BY type LIMIT 1)
        UNION ALL
        SELECT (SELECT type FROM call_events WHERE type > t.type ORDER BY type LIMIT 1) FROM t WHERE t.type IS NOT NULL
      )
      SELECT type FROM t WHERE type IS NOT NULL`),
    // Key questions from the answer rollups (one row per campaign × question × day × answer).
    prisma().$queryRaw<{ label: string; type: string | null; value_text: string | null }[]>(Prisma.sql`
      SELECT label, type, value_text FROM call_answer_rollups
      GROUP BY label, type, value_text ORDER BY label, sum(answers) DESC`),
  ]);
  const withPresent = (known: readonly string[], present: (string | null)[]) => {
    const seen = new Set(known);
    const extra = [...new Set(present.filter((v): v is string => v !== null && !seen.has(v)))].sort();
    return [...known, ...extra];
  };
  const questions = new Map<string, QuestionOption>();
  for (const row of answerRows) {
    let question = questions.get(row.label);
    if (!question) questions.set(row.label, (question = { label: row.label, type: row.type, values: [] }));
    if (question.type === null && row.type !== null) question.type = row.type;
    const value = row.value_text?.trim();
    if (value && question.values.length < VALUES_PER_QUESTION && !question.values.includes(value)) question.values.push(value);
  }
  return {
    campaigns,
    statuses: withPresent(STATUSES, statusRows.map((r) => r.status)),
    callStatuses: withPresent(CALL_STATUSES, recentRows.map((r) => r.call_status)),
    postProcessStatuses: withPresent(POST_PROCESS_STATUSES, recentRows.map((r) => r.post_process_status)),
    hangUpReasons: withPresent(HANG_UP_REASONS, recentRows.map((r) => r.hang_up_reason)),
    webhookEvents: withPresent(WEBHOOK_EVENTS, recentRows.map((r) => r.webhook_event)),
    eventTypes: withPresent(["SMS", "FORWARD", "MEETING"], eventRows.map((r) => r.type)),
    questions: [...questions.values()].sort((a, b) => a.label.localeCompare(b.label)),
  };
}
