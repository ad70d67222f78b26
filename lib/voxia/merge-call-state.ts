// A call's state is a pure function of the set of its deliveries, never of their arrival order:
// deliveries are ordered by lifecycle stage (ties broken by content hash), each field takes the value
// of the latest stage that says anything about it, and transcript, summary and events come from the
// most complete delivery. Ingestion and `npm run reprocess` both compute a call through this function,
// which is why rebuilding from the raw log gives identical rows.
import type { JsonValue } from "./parse-voxia-json";
import type { CallEventEntry, KeyAnswer, TranscriptEntry, VoxiaDelivery } from "./voxia-payload";

type JsonObject = { [key: string]: JsonValue };

export type ReceivedDelivery = { delivery: VoxiaDelivery; sha256: string; receivedAt: Date };

export type CallState = Omit<VoxiaDelivery, "createdAt" | "extra" | "contactId" | "isTestCall"> & {
  createdAt: Date;
  isTestCall: boolean;
  /** Voxia's contact id, or "phone:<number>" for the older format that has none. */
  contactKey: string | null;
  transcriptText: string | null;
  extra: JsonObject | null;
  deliveryCount: number;
  firstReceivedAt: Date;
  lastReceivedAt: Date;
};

// Fields where the latest stage that has a value wins.
const LATEST_WINS = [
  "webhookEvent", "campaignId", "campaignName", "contactId", "contactName", "contactPhone", "status",
  "callStatus", "postProcessStatus", "hangUpReason", "duration", "totalDuration", "callMeLater",
  "doNotCall", "wrongNumber", "interestedReached", "interestedDescription", "isTestCall", "phoneFrom",
  "organizationId", "twilioAccountSid", "twilioCallSessionId", "sessionId", "webhookUrl", "slackUrl",
  "webhookEvents", "webhookStatuses", "conversationFlow", "createdAt",
] as const satisfies readonly (keyof VoxiaDelivery)[];

// Objects merged key by key, later stages winning per key, so no delivery blanks another's keys.
const MERGED_OBJECTS = ["contactData", "variables", "extra", "notUnderstood"] as const satisfies readonly (keyof VoxiaDelivery)[];

export function mergeCallState(received: readonly ReceivedDelivery[]): CallState {
  if (received.length === 0) throw new Error("mergeCallState needs at least one delivery");
  const ordered = [...received].sort(
    (a, b) => a.delivery.stageRank - b.delivery.stageRank || compareText(a.sha256, b.sha256),
  );
  const latest = ordered[ordered.length - 1]!;

  const picked: Partial<Record<(typeof LATEST_WINS)[number], unknown>> = {};
  for (const { delivery } of ordered) {
    for (const field of LATEST_WINS) {
      const value = delivery[field];
      if (value !== null && value !== undefined) picked[field] = value;
    }
  }
  const merged: Partial<Record<(typeof MERGED_OBJECTS)[number], JsonObject>> = {};
  for (const { delivery } of ordered) {
    for (const field of MERGED_OBJECTS) {
      const value = delivery[field];
      if (value) merged[field] = { ...merged[field], ...value };
    }
  }

  const transcriptSource = mostComplete(ordered, (d) => transcriptSize(d.transcript));
  const summarySource = mostComplete(ordered, (d) => summarySize(d.answers, d.summary));
  const eventsSource = mostComplete(ordered, (d) => (d.events ? [d.events.length, JSON.stringify(d.events).length] : null));

  const receivedTimes = received.map((r) => r.receivedAt.getTime());
  const firstReceivedAt = new Date(Math.min(...receivedTimes));
  const transcript: TranscriptEntry[] | null = transcriptSource?.transcript ?? null;
  const answers: KeyAnswer[] = summarySource?.answers ?? [];
  const events: CallEventEntry[] | null = eventsSource?.events ?? null;
  const contactId = (picked.contactId as string | undefined) ?? null;
  const contactPhone = (picked.contactPhone as string | undefined) ?? null;

  return {
    id: latest.delivery.id,
    stageRank: latest.delivery.stageRank,
    webhookEvent: null,
    campaignId: null,
    campaignName: null,
    contactName: null,
    contactPhone: null,
    status: null,
    callStatus: null,
    postProcessStatus: null,
    hangUpReason: null,
    duration: null,
    totalDuration: null,
    callMeLater: null,
    doNotCall: null,
    wrongNumber: null,
    interestedReached: null,
    interestedDescription: null,
    phoneFrom: null,
    organizationId: null,
    twilioAccountSid: null,
    twilioCallSessionId: null,
    sessionId: null,
    webhookUrl: null,
    slackUrl: null,
    webhookEvents: null,
    webhookStatuses: null,
    conversationFlow: null,
    ...(picked as Partial<CallState>),
    // A call whose deliveries never say when it started is dated by its first receipt.
    createdAt: (picked.createdAt as Date | undefined) ?? firstReceivedAt,
    isTestCall: (picked.isTestCall as boolean | undefined) ?? false,
    contactKey: contactId ?? (contactPhone ? `phone:${contactPhone}` : null),
    contactData: merged.contactData ?? null,
    variables: merged.variables ?? null,
    extra: merged.extra ?? null,
    notUnderstood: merged.notUnderstood ?? null,
    transcript,
    transcriptText: transcript ? transcriptToText(transcript) : null,
    summary: summarySource?.summary ?? null,
    answers,
    events,
    deliveryCount: received.length,
    firstReceivedAt,
    lastReceivedAt: new Date(Math.max(...receivedTimes)),
  };
}

/** The delivery scoring highest (compared element by element); the later stage wins a tie. */
function mostComplete(
  ordered: readonly ReceivedDelivery[],
  score: (d: VoxiaDelivery) => number[] | null,
): VoxiaDelivery | null {
  let best: VoxiaDelivery | null = null;
  let bestScore: number[] | null = null;
  for (const { delivery } of ordered) {
    const s = score(delivery);
    if (s && (!bestScore || compareScores(s, bestScore) >= 0)) {
      best = delivery;
      bestScore = s;
    }
  }
  return best;
}

function transcriptSize(transcript: TranscriptEntry[] | null): number[] | null {
  if (!transcript) return null;
  return [transcript.length, transcript.reduce((n, entry) => n + (typeof entry.content === "string" ? entry.content.length : 0), 0)];
}

function summarySize(answers: KeyAnswer[], summary: JsonObject | null): number[] | null {
  if (!summary) return null;
  return [answers.filter((a) => a.valueText !== null).length, answers.length];
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function transcriptToText(transcript: TranscriptEntry[]): string {
  return transcript
    .map((entry) => entry.content)
    .filter((content): content is string => typeof content === "string" && content !== "")
    .join("\n");
}
