// Realistic Voxia deliveries for tests, built from Voxia's own published example
// (lib/voxia/published-example.json, a byte-for-byte copy of the specification's), so tests exercise
// the shape Voxia really sends.
import { readFileSync } from "node:fs";
import { parseVoxiaJson } from "../../lib/voxia/parse-voxia-json.ts";

export const PUBLISHED_EXAMPLE_PATH = new URL("../../lib/voxia/published-example.json", import.meta.url);
/** Voxia's example byte for byte (not valid JSON: it contains `new NumberInt("1")`). */
export const PUBLISHED_EXAMPLE_BYTES: Buffer = readFileSync(PUBLISHED_EXAMPLE_PATH);

type Json = Record<string, unknown>;

/** The published example as a plain object, to modify and send as ordinary JSON. */
export function examplePayload(): Json {
  return parseVoxiaJson(PUBLISHED_EXAMPLE_BYTES.toString("utf8")) as Json;
}

export type CallSpec = {
  id: string;
  campaign?: { id: string; name: string };
  contact?: { id: string; name: string; phoneNumber: string; data?: Json };
  createdAt?: string;
  /** The outcome after post-processing, e.g. INTERESTED; null for calls that never connected. */
  outcome?: "INTERESTED" | "NOT_INTERESTED" | "CALL_ME_LATER" | "WRONG_NUMBER" | "DO_NOT_CALL" | null;
  /** For calls that did not connect. */
  notConnected?: "BUSY" | "NO_ANSWER" | "FAILED";
  transcript?: { role: string; content: string }[];
  summary?: Json;
  duration?: number;
  isTestCall?: boolean;
};

/** A full payload for one call at one lifecycle stage, in the current format. */
export function payloadFor(spec: CallSpec, webhookEvent: string, stage: "early" | "ended" | "final"): Json {
  const base = examplePayload();
  const outcome = spec.outcome ?? null;
  const connected = !spec.notConnected;
  const final = stage === "final";
  const ended = stage !== "early";
  return {
    ...base,
    id: spec.id,
    createdAt: spec.createdAt ?? "2024-03-11T14:56:41.642Z",
    campaign: spec.campaign ?? base.campaign,
    contact: spec.contact ? { data: {}, ...spec.contact } : base.contact,
    webhookEvent,
    isTestCall: spec.isTestCall ?? false,
    callStatus: !ended ? "IN_PROGRESS" : connected ? "COMPLETED" : spec.notConnected,
    status: final && outcome ? outcome : !ended ? "IN_PROGRESS" : connected ? "CALL_FINISHED" : spec.notConnected,
    postProcessStatus: final ? outcome : null,
    hangUpReason: ended && connected ? "CALL_FINISHED" : null,
    duration: ended ? (spec.duration ?? 128) : 0,
    totalDuration: ended ? (spec.duration ?? 128) + 10 : 0,
    contactStatus: {
      callMeLater: final && outcome === "CALL_ME_LATER",
      doNotCall: final && outcome === "DO_NOT_CALL",
      wrongNumber: final && outcome === "WRONG_NUMBER",
    },
    transcript: ended && connected ? (spec.transcript ?? base.transcript) : [],
    summary: final ? (spec.summary ?? base.summary) : {},
    interested: {
      description: (base.interested as Json).description,
      reached: final ? outcome === "INTERESTED" : false,
    },
    events: final ? base.events : [],
  };
}

/** The deliveries Voxia sends over one call's life, in lifecycle order. */
export function lifecycleDeliveries(spec: CallSpec): { event: string; body: string }[] {
  const stages: [string, "early" | "ended" | "final"][] = spec.notConnected
    ? [
        ["DIALING", "early"],
        [spec.notConnected === "FAILED" ? "FAILED" : `COULD_NOT_CONNECT:${spec.notConnected}`, "ended"],
      ]
    : [
        ["DIALING", "early"],
        ["CONNECTED", "early"],
        ["HANG_UP", "ended"],
        [`POST_PROCESSING_FINISHED:${spec.outcome ?? "NOT_INTERESTED"}`, "final"],
      ];
  return stages.map(([event, stage]) => ({ event, body: JSON.stringify(payloadFor(spec, event, stage)) }));
}
