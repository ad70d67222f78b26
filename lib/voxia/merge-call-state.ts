// A call's state is a pure function of the set of its deliveries, never of their arrival order:
// deliveries are ordered by lifecycle stage (ties broken by content hash), each field takes the value
// of the latest stage that says anything about it, and transcript, summary and events come from the
// most complete delivery. Ingestion and `npm run reprocess` both compute a call through this module,
// which is why rebuilding from the raw log gives identical rows.
//
// The merge is a fold, `mergeInto(state, delivery)`, that is commutative and associative: every
// field remembers where its winner came from (stage rank and sha256, plus the completeness score for
// transcript, summary and events), so folding a new delivery into a stored state gives exactly what
// merging the whole set again would. Live ingestion folds each new delivery into the call's stored
// MergeState (calls.merge_state) instead of re-reading the call's history (issue 10: a call with 90
// distinct 1 MB deliveries made every further delivery re-parse 90 MB). The state is plain JSON, so
// it is stored as it is and a state read back folds like the one in memory.
import { normalisePhone } from "./phone-number";
import type { JsonValue } from "./parse-voxia-json";
import type { CallEventEntry, KeyAnswer, TranscriptEntry, VoxiaDelivery } from "./voxia-payload";
import { LATEST_WINS, MERGED_OBJECTS, STORED_LATEST_WINS } from "./call-fields";

type JsonObject = { [key: string]: JsonValue };

export type ReceivedDelivery = { delivery: VoxiaDelivery; sha256: string; receivedAt: Date };

export type CallState = Omit<VoxiaDelivery, "createdAt" | "extra" | "contactId" | "isTestCall"> & {
  createdAt: Date;
  isTestCall: boolean;
  /** Voxia's contact id, or "phone:<number in E.164>" for the older format that has none. */
  contactKey: string | null;
  transcriptText: string | null;
  extra: JsonObject | null;
  deliveryCount: number;
  firstReceivedAt: Date;
  lastReceivedAt: Date;
  /** What the call's next delivery is folded into (stored as calls.merge_state). */
  mergeState: MergeState;
};

// Which fields the latest stage that has a value wins, and which objects are merged key by key
// (later stages winning per key, so no delivery blanks another's keys), come from the registry
// (call-fields.ts): the fold treats every entry alike, so one more field is one more entry there.
type LatestWinsField = (typeof LATEST_WINS)[number];
type MergedObjectField = (typeof MERGED_OBJECTS)[number];

/** Where a winning value came from: the later stage wins, a higher sha256 breaks a tie. */
type Won = { value: JsonValue; stageRank: number; sha256: string };
/** The most complete value so far: the higher score wins, then the later stage, then the higher sha256. */
type Best<T> = { value: T; score: number[]; stageRank: number; sha256: string };

/** The fold's accumulator: every winner with its provenance, as plain JSON (times as ISO strings). */
export type MergeState = {
  id: string;
  /** The latest delivery (stage rank, then sha256): the call's stage. */
  latest: { stageRank: number; sha256: string };
  deliveryCount: number;
  firstReceivedAt: string;
  lastReceivedAt: string;
  fields: Partial<Record<LatestWinsField, Won>>;
  objects: Partial<Record<MergedObjectField, { [key: string]: Won }>>;
  transcript: Best<TranscriptEntry[]> | null;
  summary: Best<{ summary: JsonObject; answers: KeyAnswer[] }> | null;
  events: Best<CallEventEntry[]> | null;
};

/** The merged call of a set of deliveries: the fold from nothing, in any order. */
export function mergeCallState(received: readonly ReceivedDelivery[]): CallState {
  if (received.length === 0) throw new Error("mergeCallState needs at least one delivery");
  return callStateOf(received.reduce<MergeState | null>(mergeInto, null)!);
}

/** Folds one more (distinct) delivery into a call's state. Pure: `state` is not changed. */
export function mergeInto(state: MergeState | null, received: ReceivedDelivery): MergeState {
  const { delivery, sha256 } = received;
  const at = { stageRank: delivery.stageRank, sha256 };
  const receivedAt = received.receivedAt.toISOString();
  if (!state) {
    state = {
      id: delivery.id, latest: at, deliveryCount: 0, firstReceivedAt: receivedAt, lastReceivedAt: receivedAt,
      fields: {}, objects: {}, transcript: null, summary: null, events: null,
    };
  }

  const fields = { ...state.fields };
  for (const field of LATEST_WINS) {
    const value = delivery[field];
    if (value === null || value === undefined) continue;
    const current = fields[field];
    if (!current || isLater(at, current)) fields[field] = { value: value instanceof Date ? value.toISOString() : value, ...at };
  }
  const objects = { ...state.objects };
  for (const field of MERGED_OBJECTS) {
    const value = delivery[field];
    if (!value) continue;
    // Keys as sent, "__proto__" included: built with defineProperty, never by assignment.
    const merged: { [key: string]: Won } = { ...objects[field] };
    for (const [key, entry] of Object.entries(value)) {
      const current = Object.hasOwn(merged, key) ? merged[key] : undefined;
      if (!current || isLater(at, current)) {
        Object.defineProperty(merged, key, { value: { value: entry, ...at }, enumerable: true, writable: true, configurable: true });
      }
    }
    objects[field] = merged;
  }

  return {
    id: isLater(at, state.latest) ? delivery.id : state.id,
    latest: isLater(at, state.latest) ? at : state.latest,
    deliveryCount: state.deliveryCount + 1,
    firstReceivedAt: Date.parse(receivedAt) < Date.parse(state.firstReceivedAt) ? receivedAt : state.firstReceivedAt,
    lastReceivedAt: Date.parse(receivedAt) > Date.parse(state.lastReceivedAt) ? receivedAt : state.lastReceivedAt,
    fields,
    objects,
    transcript: moreComplete(state.transcript, delivery.transcript, transcriptSize(delivery.transcript), at),
    summary: moreComplete(
      state.summary,
      delivery.summary ? { summary: delivery.summary, answers: delivery.answers } : null,
      summarySize(delivery.answers, delivery.summary),
      at,
    ),
    events: moreComplete(state.events, delivery.events, delivery.events ? [delivery.events.length, JSON.stringify(delivery.events).length] : null, at),
  };
}

/** The call's columns from its fold state. */
export function callStateOf(state: MergeState): CallState {
  const picked: Partial<Record<LatestWinsField, unknown>> = {};
  for (const field of LATEST_WINS) {
    const won = state.fields[field];
    if (won) picked[field] = won.value;
  }
  const merged: Partial<Record<MergedObjectField, JsonObject>> = {};
  for (const field of MERGED_OBJECTS) {
    const won = state.objects[field];
    if (won) merged[field] = Object.fromEntries(Object.entries(won).map(([key, entry]) => [key, entry.value]));
  }
  const firstReceivedAt = new Date(state.firstReceivedAt);
  const transcript: TranscriptEntry[] | null = state.transcript?.value ?? null;
  const answers: KeyAnswer[] = state.summary?.value.answers ?? [];
  const events: CallEventEntry[] | null = state.events?.value ?? null;
  const contactId = (picked.contactId as string | undefined) ?? null;
  const contactPhone = (picked.contactPhone as string | undefined) ?? null;

  return {
    id: state.id,
    stageRank: state.latest.stageRank,
    ...(Object.fromEntries(STORED_LATEST_WINS.map((field) => [field, null])) as Record<(typeof STORED_LATEST_WINS)[number], null>),
    ...(picked as Partial<CallState>),
    // A call whose deliveries never say when it started is dated by its first receipt.
    createdAt: picked.createdAt ? new Date(picked.createdAt as string) : firstReceivedAt,
    isTestCall: (picked.isTestCall as boolean | undefined) ?? false,
    contactKey: contactId ?? contactKeyOfPhone(contactPhone),
    ...(Object.fromEntries(MERGED_OBJECTS.map((field) => [field, merged[field] ?? null])) as Record<MergedObjectField, JsonObject | null>),
    transcript,
    transcriptText: transcript ? transcriptToText(transcript) : null,
    summary: state.summary?.value.summary ?? null,
    answers,
    events,
    deliveryCount: state.deliveryCount,
    firstReceivedAt,
    lastReceivedAt: new Date(state.lastReceivedAt),
    mergeState: state,
  };
}

function isLater(a: { stageRank: number; sha256: string }, b: { stageRank: number; sha256: string }): boolean {
  return a.stageRank - b.stageRank > 0 || (a.stageRank === b.stageRank && compareText(a.sha256, b.sha256) > 0);
}

/** Keeps the more complete of the current best and a delivery's value (scored element by element). */
function moreComplete<T>(current: Best<T> | null, value: T | null, score: number[] | null, at: { stageRank: number; sha256: string }): Best<T> | null {
  if (value === null || !score) return current;
  if (current) {
    const diff = compareScores(score, current.score);
    if (diff < 0 || (diff === 0 && !isLater(at, current))) return current;
  }
  return { value, score, ...at };
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

/** A contact without Voxia's id is its phone number, normalised ("phone:+16175550198"). */
function contactKeyOfPhone(phone: string | null | undefined): string | null {
  const number = normalisePhone(phone);
  return number ? `phone:${number}` : null;
}
