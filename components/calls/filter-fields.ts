// The fields the calls filter bar can add, and the words each active filter is shown with ("Contact
// status: call me later", "Budget ≥ 5000", "Duration 30–120 s"). Pure: used by the client bar and
// testable without a browser. The parameters themselves are lib/calls/call-filters.ts.
import { formatCount } from "@/lib/ui/format";
import { NONE, type AnswerFilter, type AnswerOp, type CallFilters } from "@/lib/calls/call-filters";
import { humanize } from "@/lib/voxia/vocabulary";

/** Filters that hold a list of values, any of which a call may have. */
export type ListField = "campaign" | "status" | "callStatus" | "postProcessStatus" | "hangUpReason" | "webhookEvent" | "contactStatus" | "event" | "contact" | "measure";
export type FieldKey = ListField | "interested" | "duration" | "answer";

export const FIELD_LABELS: Record<FieldKey, string> = {
  campaign: "Campaign",
  status: "Status",
  callStatus: "Call status",
  postProcessStatus: "Outcome",
  hangUpReason: "Hang-up reason",
  webhookEvent: "Latest stage",
  contactStatus: "Contact status",
  interested: "Interested",
  duration: "Duration",
  answer: "Key question",
  event: "Event",
  contact: "Contact",
  measure: "Measure",
};

/** The "+ Filter" menu, in this order. */
export const ADDABLE_FIELDS: FieldKey[] = [
  "campaign",
  "status",
  "callStatus",
  "postProcessStatus",
  "contactStatus",
  "interested",
  "answer",
  "duration",
  "hangUpReason",
  "webhookEvent",
  "event",
  "contact",
];

/** List fields whose "(none)" value means "the call has no value here". */
export const NONE_ALLOWED: ReadonlySet<ListField> = new Set(["campaign", "status", "callStatus", "postProcessStatus", "hangUpReason", "webhookEvent"]);

const CONTACT_STATUS_WORDS: Record<string, string> = { callMeLater: "Call me later", doNotCall: "Do not call", wrongNumber: "Wrong number" };
const MEASURE_WORDS: Record<string, string> = { connected: "Connected", completed: "Completed", interested: "Interested", callback: "Callback requested", doNotCall: "Do not call" };

/** How one value of a list field reads in a menu ("CALL_ME_LATER" → "Call me later"). */
export function valueLabel(field: ListField, value: string, campaignNames: ReadonlyMap<string, string | null> = new Map()): string {
  if (value === NONE) return `No ${FIELD_LABELS[field].toLowerCase()}`;
  if (field === "campaign") return campaignNames.get(value) || value;
  if (field === "contactStatus") return CONTACT_STATUS_WORDS[value] ?? value;
  if (field === "measure") return MEASURE_WORDS[value] ?? value;
  if (field === "contact" || field === "event") return value;
  return humanize(value);
}

const OP_SYMBOLS: Record<AnswerOp, string> = { eq: "=", neq: "≠", gt: ">", gte: "≥", lt: "<", lte: "≤", contains: "contains", exists: "answered", missing: "not answered" };

export const OP_WORDS: Record<AnswerOp, string> = {
  eq: "is",
  neq: "is not",
  gt: "greater than",
  gte: "at least",
  lt: "less than",
  lte: "at most",
  contains: "contains",
  exists: "is answered",
  missing: "is not answered",
};

/** The ops that make sense for a question of this type (Voxia's YES_NO, NUMBER, SELECT, TEXT…). */
export function opsFor(type: string | null): AnswerOp[] {
  if (type === "YES_NO") return ["eq", "neq", "exists", "missing"];
  if (type === "NUMBER") return ["eq", "neq", "gt", "gte", "lt", "lte", "exists", "missing"];
  if (type === "SELECT" || type === "MULTI_SELECT") return ["eq", "neq", "contains", "exists", "missing"];
  return ["eq", "neq", "contains", "gt", "gte", "lt", "lte", "exists", "missing"];
}

export function answerLabel(answer: AnswerFilter): string {
  if (answer.value === null) return `${answer.label} ${OP_SYMBOLS[answer.op]}`;
  const value = answer.value === "true" ? "yes" : answer.value === "false" ? "no" : answer.value;
  return `${answer.label} ${OP_SYMBOLS[answer.op]} ${answer.op === "contains" ? `“${value}”` : value}`;
}

export function durationLabel(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return min === max ? `Duration ${min} s` : `Duration ${min}–${max} s`;
  if (min !== null) return `Duration ≥ ${min} s`;
  return `Duration ≤ ${max} s`;
}

/** One removable chip per active filter (a list field is one chip; each answer condition is one). */
export type Chip = { id: string; field: FieldKey; label: string; answerIndex?: number };

export function activeChips(filters: CallFilters, campaignNames: ReadonlyMap<string, string | null> = new Map()): Chip[] {
  const chips: Chip[] = [];
  const lists: ListField[] = ["campaign", "status", "callStatus", "postProcessStatus", "contactStatus", "hangUpReason", "webhookEvent", "event", "contact", "measure"];
  for (const field of lists) {
    const values = filters[field] as string[];
    if (values.length === 0) continue;
    const name = FIELD_LABELS[field];
    if (values.length === 1 && values[0] === NONE) {
      chips.push({ id: field, field, label: `No ${name.toLowerCase()}` });
      continue;
    }
    const words = values.map((v) => (v === NONE ? "none" : valueLabel(field, v, campaignNames)));
    // Values after the first read in lower case, as a sentence would: "Contact status: call me later".
    const text = words.length > 3 ? `${words.slice(0, 2).join(", ")} +${words.length - 2} more` : words.join(", ");
    const sentence = field === "campaign" || field === "contact" || field === "event" ? text : text.toLowerCase();
    chips.push({ id: field, field, label: `${name}: ${sentence}` });
  }
  if (filters.interested !== null) chips.push({ id: "interested", field: "interested", label: filters.interested ? "Interested" : "Not interested" });
  if (filters.minDuration !== null || filters.maxDuration !== null) {
    chips.push({ id: "duration", field: "duration", label: durationLabel(filters.minDuration, filters.maxDuration) });
  }
  filters.answer.forEach((answer, answerIndex) => chips.push({ id: `answer-${answerIndex}`, field: "answer", label: answerLabel(answer), answerIndex }));
  return chips;
}

/** The filters without the chip's condition. */
export function withoutChip(filters: CallFilters, chip: Chip): CallFilters {
  switch (chip.field) {
    case "interested":
      return { ...filters, interested: null };
    case "duration":
      return { ...filters, minDuration: null, maxDuration: null };
    case "answer":
      return { ...filters, answer: filters.answer.filter((_, i) => i !== chip.answerIndex) };
    default:
      return { ...filters, [chip.field]: [] };
  }
}

/** "357 calls", "1 call", or "10,000+ calls" for a lower bound. */
export function formatCallCount(total: number, isLowerBound: boolean): string {
  return formatCount(total, isLowerBound, ["call", "calls"]);
}
