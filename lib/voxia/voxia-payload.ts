// The one definition of a Voxia webhook payload: which fields exist and how each is read.
// Tolerant by design: the only thing a delivery must have is a usable call `id`. Numbers may come as
// strings, booleans as "true"/"false", the summary as objects (current format) or plain strings
// (older format); unknown values and unknown fields are kept as they are.
import type { JsonValue } from "./parse-voxia-json";
import { stageRank } from "./vocabulary";

type JsonObject = { [key: string]: JsonValue };

export type TranscriptEntry = { role: string | null; content: string | null } & JsonObject;

export type KeyAnswer = {
  label: string;
  type: string | null;
  value: JsonValue;
  valueText: string | null;
  order: number | null;
  description: string | null;
  options: JsonValue[] | null;
};

export type CallEventEntry = { type: string | null; data: JsonValue };

/** One delivery, read into typed fields. `null` means "this delivery does not say". */
export type VoxiaDelivery = {
  id: string;
  webhookEvent: string | null;
  stageRank: number;
  createdAt: Date | null;
  campaignId: string | null;
  campaignName: string | null;
  contactId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactData: JsonObject | null;
  status: string | null;
  callStatus: string | null;
  postProcessStatus: string | null;
  hangUpReason: string | null;
  duration: number | null;
  totalDuration: number | null;
  callMeLater: boolean | null;
  doNotCall: boolean | null;
  wrongNumber: boolean | null;
  interestedReached: boolean | null;
  interestedDescription: string | null;
  isTestCall: boolean | null;
  phoneFrom: string | null;
  organizationId: string | null;
  twilioAccountSid: string | null;
  twilioCallSessionId: string | null;
  sessionId: string | null;
  webhookUrl: string | null;
  slackUrl: string | null;
  webhookEvents: JsonValue[] | null;
  webhookStatuses: JsonValue[] | null;
  transcript: TranscriptEntry[] | null;
  summary: JsonObject | null;
  answers: KeyAnswer[];
  events: CallEventEntry[] | null;
  conversationFlow: JsonValue[] | null;
  variables: JsonObject | null;
  /** Top-level fields this version does not know, as sent. */
  extra: JsonObject | null;
};

export type PayloadProblem = { field: string; message: string };

const KNOWN_FIELDS = new Set([
  "id", "_id", "callStatus", "createdAt", "phoneFrom", "status", "postProcessStatus", "hangUpReason",
  "duration", "totalDuration", "contactStatus", "conversationFlow", "summary", "campaign", "contact",
  "twilio", "organizationId", "transcript", "interested", "events", "webhookUrl", "webhookEvent",
  "webhookEvents", "webhookStatuses", "isTestCall", "sessionId", "slackUrl", "variables",
]);

export const MAX_ID_LENGTH = 255;

export function readVoxiaDelivery(
  body: JsonValue,
): { ok: true; delivery: VoxiaDelivery } | { ok: false; problem: PayloadProblem } {
  if (!isObject(body)) {
    return {
      ok: false,
      problem: { field: "(body)", message: `the body must be a JSON object describing one call, not ${describe(body)}` },
    };
  }
  const rawId = Object.hasOwn(body, "id") ? body.id : body._id;
  const id = typeof rawId === "number" && Number.isFinite(rawId) ? String(rawId) : typeof rawId === "string" ? rawId.trim() : null;
  if (!id) {
    return {
      ok: false,
      problem: {
        field: "id",
        message:
          rawId === undefined
            ? 'the call "id" field is missing'
            : `the call "id" field must be a non-empty string, not ${describe(rawId ?? null)}`,
      },
    };
  }
  if (id.length > MAX_ID_LENGTH) {
    return { ok: false, problem: { field: "id", message: `the call "id" is longer than ${MAX_ID_LENGTH} characters` } };
  }

  const campaign = objectOrNull(body.campaign);
  const contact = objectOrNull(body.contact);
  const contactStatus = objectOrNull(body.contactStatus);
  const interested = objectOrNull(body.interested);
  const twilio = objectOrNull(body.twilio);
  const variables = objectOrNull(body.variables);
  const summary = objectOrNull(body.summary);

  const fields = {
    webhookEvent: text(body.webhookEvent),
    status: text(body.status),
    callStatus: text(body.callStatus),
    postProcessStatus: text(body.postProcessStatus),
    hangUpReason: text(body.hangUpReason),
  };

  const extraEntries = Object.entries(body).filter(([key]) => !KNOWN_FIELDS.has(key));

  return {
    ok: true,
    delivery: {
      id,
      ...fields,
      stageRank: stageRank(fields),
      createdAt: date(body.createdAt),
      campaignId: text(campaign?.id),
      campaignName: text(campaign?.name),
      contactId: text(contact?.id),
      // The older format carries the contact's name and number in `variables`.
      contactName: text(contact?.name) ?? text(variables?.name) ?? text(variables?.contactName),
      contactPhone:
        text(contact?.phoneNumber) ?? text(variables?.phoneNumber) ?? text(variables?.phone) ?? text(variables?.phone_number),
      contactData: objectOrNull(contact?.data),
      duration: number(body.duration),
      totalDuration: number(body.totalDuration),
      callMeLater: boolean(contactStatus?.callMeLater),
      doNotCall: boolean(contactStatus?.doNotCall),
      wrongNumber: boolean(contactStatus?.wrongNumber),
      interestedReached: boolean(interested?.reached),
      interestedDescription: text(interested?.description),
      isTestCall: boolean(body.isTestCall),
      phoneFrom: text(body.phoneFrom),
      organizationId: text(body.organizationId),
      twilioAccountSid: text(twilio?.accountSid),
      twilioCallSessionId: text(twilio?.callSessionId),
      sessionId: text(body.sessionId),
      webhookUrl: text(body.webhookUrl),
      slackUrl: text(body.slackUrl),
      webhookEvents: arrayOrNull(body.webhookEvents),
      webhookStatuses: arrayOrNull(body.webhookStatuses),
      transcript: transcript(body.transcript),
      summary,
      answers: summary ? keyAnswers(summary) : [],
      events: events(body.events),
      conversationFlow: arrayOrNull(body.conversationFlow),
      variables,
      extra: extraEntries.length > 0 ? Object.fromEntries(extraEntries) : null,
    },
  };
}

function transcript(value: JsonValue | undefined): TranscriptEntry[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((entry) => {
    if (isObject(entry)) {
      return { ...entry, role: text(entry.role) ?? text(entry.speaker), content: text(entry.content) ?? text(entry.text) ?? text(entry.message) };
    }
    // A bare string line: keep it, with no role.
    return { role: null, content: text(entry) };
  });
}

/** Summary entries: `{description, options, order, type, value}` now, a plain string in the older format. */
function keyAnswers(summary: JsonObject): KeyAnswer[] {
  return Object.entries(summary).map(([label, entry]) => {
    if (isObject(entry)) {
      const value = entry.value ?? null;
      return {
        label,
        type: text(entry.type),
        value,
        valueText: valueText(value),
        order: integer(entry.order),
        description: text(entry.description),
        options: arrayOrNull(entry.options),
      };
    }
    return { label, type: null, value: entry ?? null, valueText: valueText(entry ?? null), order: null, description: null, options: null };
  });
}

function events(value: JsonValue | undefined): CallEventEntry[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((event) =>
    isObject(event)
      ? { type: text(event.type), data: Object.hasOwn(event, "data") ? (event.data ?? null) : event }
      : { type: null, data: event },
  );
}

function valueText(value: JsonValue): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function objectOrNull(value: JsonValue | undefined): JsonObject | null {
  return isObject(value) ? value : null;
}

function arrayOrNull(value: JsonValue | undefined): JsonValue[] | null {
  return Array.isArray(value) ? value : null;
}

/** Strings as sent (blank means absent); numbers and booleans as their text. */
function text(value: JsonValue | undefined): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return null;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function number(value: JsonValue | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && NUMERIC.test(value.trim())) return Number(value.trim());
  return null;
}

function integer(value: JsonValue | undefined): number | null {
  const n = number(value);
  return n !== null && Number.isSafeInteger(n) && Math.abs(n) <= 2_147_483_647 ? n : null;
}

function boolean(value: JsonValue | undefined): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    const lowered = value.trim().toLowerCase();
    if (lowered === "true" || lowered === "yes" || lowered === "1") return true;
    if (lowered === "false" || lowered === "no" || lowered === "0") return false;
  }
  if (value === 1) return true;
  if (value === 0) return false;
  return null;
}

function date(value: JsonValue | undefined): Date | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const parsed = new Date(value);
  const time = parsed.getTime();
  // Postgres timestamptz holds years 4713 BC – 294276 AD; anything odd is treated as "not said".
  if (Number.isNaN(time) || parsed.getUTCFullYear() < 1970 || parsed.getUTCFullYear() > 9999) return null;
  return parsed;
}

function describe(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
