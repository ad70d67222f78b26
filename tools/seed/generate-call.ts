// One seeded call: the webhook deliveries Voxia would send over its life, as the bytes Voxia sends.
// Deterministic in (seed, index). Early deliveries are compact; the post-processing delivery carries
// the transcript, key questions and events, as Voxia's does, so a million calls stay a few GB.
import { WEBHOOK_EVENTS } from "@/lib/voxia/vocabulary";
import {
  AGENT_LINES, AGENT_OPENERS, CAMPAIGNS, CITIES, CLOSERS, COMPANIES, FIRST_NAMES, LAST_NAMES, LEGACY_CAMPAIGN, POSITIONS,
  USER_LINES, VOICEMAIL_LINES, type CampaignSpec, type Outcome,
} from "./catalog";
import { createRng, type Rng } from "./prng";
import type { Timeline } from "./timeline";

type SeedDelivery = { webhookEvent: string | null; body: string; receivedAt: Date };
export type SeededCall = { id: string; deliveries: SeedDelivery[] };

export type SeedPlan = { seed: string; calls: number; timeline: Timeline; organizationId: string };

type Json = { [key: string]: unknown };

const ORG = "org_5f8d0d55b54764421b7156c3";
const SECOND = 1000;

export function generateCall(plan: SeedPlan, index: number): SeededCall {
  const rng = createRng(`${plan.seed}:call:${index}`);
  const createdMs = plan.timeline.timeAt((index + rng.next()) / plan.calls);
  const id = objectId(createdMs, index);
  const isTestCall = rng.chance(0.02);
  if (!isTestCall && rng.chance(0.01)) return legacyCall(rng, plan, id, createdMs, index);

  const campaign = activeCampaign(rng, plan, createdMs);
  const contact = isTestCall ? testContact(index) : contactFor(plan, rng.int(0, contactPoolSize(plan) - 1));
  const created = new Date(createdMs);
  const base: Json = {
    id,
    createdAt: created.toISOString(),
    campaign: { id: campaign.id, name: campaign.name },
    contact: { id: contact.id, name: contact.name, phoneNumber: contact.phoneNumber },
    isTestCall,
  };
  // Sent once the call has ended; progress deliveries stay small.
  const identity: Json = {
    phoneFrom: `+1555010${String(CAMPAIGNS.indexOf(campaign)).padStart(4, "0")}`,
    organizationId: plan.organizationId || ORG,
    twilio: { accountSid: "AC" + hex(rng, 32), callSessionId: "CA" + hex(rng, 32) },
    sessionId: hex(rng, 24),
    webhookUrl: "https://callboard.example.invalid/api/webhooks/voxia",
  };
  if (rng.chance(0.003)) identity.recordingUrl = `https://recordings.voxia.invalid/${id}.mp3`; // a field this version does not know

  const deliveries: SeedDelivery[] = [];
  let at = createdMs + rng.int(200, 1500);
  const send = (webhookEvent: string, fields: Json) => {
    const progress = webhookEvent === "DIALING" || webhookEvent === "CONNECTED" || webhookEvent === "FORWARDED";
    const payload = progress ? { ...base, ...fields, webhookEvent } : { ...base, ...identity, ...fields, webhookEvent };
    deliveries.push({ webhookEvent, receivedAt: new Date(at), body: JSON.stringify(payload) });
  };
  send("DIALING", { status: "NEW", callStatus: "NEW" });

  // Calls placed in the last minutes before the end of the period are still going on.
  const stillRunning = plan.timeline.end - createdMs < 15 * 60 * SECOND;

  const reach = rng.weighted([["answered", 62], ["no_answer", 20], ["busy", 6], ["failed", 3], ["registry", 1], ["voicemail", 8]] as const);
  if (reach === "no_answer" || reach === "busy" || reach === "failed" || reach === "registry") {
    if (stillRunning && rng.chance(0.5)) return { id, deliveries };
    at += rng.int(15, 45) * SECOND;
    if (reach === "no_answer") {
      const status = rng.chance(0.35) ? "PENDING" : "NO_ANSWER"; // PENDING: back in the queue for another attempt
      send("COULD_NOT_CONNECT:NO_ANSWER", { status, callStatus: "NO_ANSWER", duration: 0, totalDuration: 0 });
    } else if (reach === "busy") {
      send("COULD_NOT_CONNECT:BUSY", { status: "BUSY", callStatus: "BUSY", duration: 0, totalDuration: 0 });
    } else if (reach === "registry") {
      send("FAILED", { status: "DO_NOT_CALL", callStatus: "DO_NOT_CALL_REGISTRY_MATCHED", duration: 0, totalDuration: 0 });
    } else {
      const status = rng.weighted([["FAILED", 5], ["OTHER_TECHNICAL_ISSUES", 3], ["SOCKET_DISCONNECTED", 1], ["UNKNOWN", 1]] as const);
      send("FAILED", { status, callStatus: "FAILED", duration: 0, totalDuration: 0 });
    }
    return { id, deliveries };
  }

  at += rng.int(5, 25) * SECOND;
  send("CONNECTED", { status: "IN_PROGRESS", callStatus: "IN_PROGRESS" });
  if (stillRunning && rng.chance(0.6)) return { id, deliveries };

  const words = wordsFor(rng, campaign, contact);
  if (reach === "voicemail") {
    const duration = rng.int(12, 40);
    at += duration * SECOND;
    const transcript = [{ role: "Voxia", content: fill(rng.pick(VOICEMAIL_LINES), words) }];
    send("HANG_UP", ended("VOICE_MAIL_DETECTED", "VOICE_MAIL", null, duration, duration));
    at += rng.int(5, 30) * SECOND;
    send("POST_PROCESSING_FINISHED:VOICE_MAIL", {
      ...ended("VOICE_MAIL", "VOICE_MAIL", null, duration, duration),
      ...finalFields(rng, campaign, contact, null, transcript, []),
    });
    return { id, deliveries };
  }

  const outcome = rng.weighted(campaign.outcomes);
  const turns = outcome === "WRONG_NUMBER" || outcome === "DO_NOT_CALL" ? rng.int(2, 5) : 2 + Math.floor(-Math.log(1 - rng.next()) * 7);
  const transcript = conversation(rng, outcome, turns, words);
  const duration = Math.max(8, Math.round(transcript.reduce((n, t) => n + t.content.length, 0) / 14 + rng.int(0, 20)));
  const forwarded = outcome === "INTERESTED" && rng.chance(0.15);

  // A call that ends without a classified outcome: hung up early, silence, or a technical problem.
  const interrupted = rng.chance(0.06)
    ? rng.weighted([
        ["SILENCE_DETECTED", 3], ["USER_MANUAL_HANGUP", 3], ["ADMIN_MANUAL_HANGUP", 1], ["USER_REQUESTED_HANGUP", 2],
        ["CONVERSATION_LLM_TECHNICAL_ISSUES", 1], ["OTHER_TECHNICAL_ISSUES", 1], ["SOCKET_DISCONNECTED", 1],
      ] as const)
    : null;
  if (interrupted) {
    const short = Math.min(duration, rng.int(3, 40));
    at += short * SECOND;
    const technical = interrupted.includes("TECHNICAL") || interrupted === "SOCKET_DISCONNECTED";
    const hangUp = interrupted.endsWith("HANGUP") ? interrupted : null;
    send("HANG_UP", ended(interrupted, technical ? "FAILED" : "COMPLETED", hangUp, short, short));
    return { id, deliveries };
  }

  let totalDuration = duration;
  if (forwarded) {
    at += Math.floor(duration * 0.7) * SECOND;
    send("FORWARDED", { status: "CALL_FORWARDED", callStatus: "IN_PROGRESS" });
    at += Math.ceil(duration * 0.3) * SECOND;
    send("HANG_UP", ended("CALL_FORWARDED", "COMPLETED", "CALL_FORWARDED", duration, duration));
    totalDuration = duration + rng.int(30, 600);
    at += (totalDuration - duration) * SECOND;
    send("FORWARDED_CALL_FINISHED", ended("CALL_FORWARDED", "COMPLETED", "CALL_FORWARDED", duration, totalDuration));
  } else {
    at += duration * SECOND;
    const hangUp = outcome === "DO_NOT_CALL" || outcome === "WRONG_NUMBER" ? "USER_REQUESTED_HANGUP" : "CALL_FINISHED";
    send("HANG_UP", ended(hangUp === "CALL_FINISHED" ? "CALL_FINISHED" : hangUp, "COMPLETED", hangUp, duration, totalDuration));
  }
  if (stillRunning && rng.chance(0.5)) return { id, deliveries }; // post-processing not finished yet

  const events = callEvents(rng, outcome, forwarded, contact, at);
  at += rng.int(5, 40) * SECOND;
  const hangUpReason = forwarded ? "CALL_FORWARDED" : outcome === "DO_NOT_CALL" || outcome === "WRONG_NUMBER" ? "USER_REQUESTED_HANGUP" : "CALL_FINISHED";
  send(`POST_PROCESSING_FINISHED:${outcome}`, {
    ...ended(outcome, "COMPLETED", hangUpReason, duration, totalDuration),
    ...finalFields(rng, campaign, contact, outcome, transcript, events),
  });
  // Now and then the outcome is re-classified and delivered again with a different status.
  if (rng.chance(0.005)) {
    const revised: Outcome = outcome === "CALL_ME_LATER" ? "INTERESTED" : "CALL_ME_LATER";
    at += rng.int(60, 3600) * SECOND;
    send(`POST_PROCESSING_FINISHED:${revised}`, {
      ...ended(revised, "COMPLETED", hangUpReason, duration, totalDuration),
      ...finalFields(rng, campaign, contact, revised, transcript, events),
    });
  }
  return { id, deliveries };
}

function ended(status: string, callStatus: string, hangUpReason: string | null, duration: number, totalDuration: number): Json {
  return { status, callStatus, hangUpReason, duration, totalDuration };
}

function finalFields(
  rng: Rng,
  campaign: CampaignSpec,
  contact: Contact,
  outcome: Outcome | null,
  transcript: { role: string; content: string }[],
  events: Json[],
): Json {
  const summary: Json = {};
  campaign.questions.forEach((q, i) => {
    summary[q.label] = {
      description: q.description,
      options: q.options ?? [],
      order: i + 1,
      type: q.type,
      value: outcome ? q.answer(rng, outcome) : null,
    };
  });
  return {
    postProcessStatus: outcome,
    contact: { id: contact.id, name: contact.name, phoneNumber: contact.phoneNumber, data: contact.data },
    contactStatus: { callMeLater: outcome === "CALL_ME_LATER", doNotCall: outcome === "DO_NOT_CALL", wrongNumber: outcome === "WRONG_NUMBER" },
    interested: { description: campaign.interest, reached: outcome === "INTERESTED" },
    conversationFlow: [],
    summary,
    transcript,
    events,
    webhookEvents: WEBHOOK_EVENTS,
    ...(campaign.slackUrl ? { slackUrl: campaign.slackUrl } : {}),
  };
}

function callEvents(rng: Rng, outcome: Outcome, forwarded: boolean, contact: Contact, at: number): Json[] {
  const events: Json[] = [];
  if (forwarded) events.push({ type: "FORWARD", data: { phoneNumber: "+15550199999", contactAsCallerId: rng.chance(0.5) } });
  if ((outcome === "INTERESTED" || outcome === "CALL_ME_LATER") && rng.chance(0.6)) {
    events.push({
      type: "SMS",
      data: {
        sent: true, status: rng.pick(["queued", "sent", "delivered", "failed"]), sentAt: new Date(at).toISOString(),
        sentTo: contact.phoneNumber, sentFrom: "+15550100100", uri: `/2010-04-01/Accounts/AC/Messages/SM${hex(rng, 32)}.json`,
        smsSid: `SM${hex(rng, 32)}`, text: outcome === "INTERESTED" ? "Thanks! Here is your booking link." : "We'll call you back soon.",
      },
    });
  }
  if (outcome === "INTERESTED" && rng.chance(0.4)) {
    const slot = new Date(at + rng.int(1, 14) * 86_400_000);
    slot.setUTCHours(rng.int(14, 22), 0, 0, 0);
    events.push({ type: "MEETING", data: { slot: slot.toISOString(), dateSent: new Date(at).toISOString(), destinationEmail: contact.data.email } });
  }
  if (rng.chance(0.002)) events.push({ type: "CRM_SYNC", data: { crm: "hubspot", ok: true } }); // an event type this version does not know
  return events;
}

type Words = Record<string, string>;

function wordsFor(rng: Rng, campaign: CampaignSpec, contact: Contact): Words {
  return {
    first: contact.name.split(" ")[0]!,
    company: campaign.name.split(" ")[0]! + " " + rng.pick(["Partners", "Group", "Services", "Team"]),
    pitch: rng.pick(campaign.pitch),
    city: rng.pick(CITIES),
    relative: rng.pick(["wife", "husband", "partner", "daughter", "son", "assistant", "manager"]),
    daypart: rng.pick(["morning", "afternoon", "evening"]),
  };
}

function fill(template: string, words: Words): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => words[key] ?? key);
}

function conversation(rng: Rng, outcome: Outcome, turns: number, words: Words) {
  const lines = [{ role: "Voxia", content: fill(rng.pick(AGENT_OPENERS), words) }];
  for (let i = 1; i < turns - 2; i++) {
    lines.push(i % 2 === 1 ? { role: "user", content: fill(rng.pick(USER_LINES), words) } : { role: "Voxia", content: fill(rng.pick(AGENT_LINES), words) });
  }
  const closer = CLOSERS[outcome];
  lines.push({ role: "user", content: fill(rng.pick(closer.user), words) });
  lines.push({ role: "Voxia", content: fill(closer.agent, words) });
  return lines;
}

function activeCampaign(rng: Rng, plan: SeedPlan, createdMs: number): CampaignSpec {
  const position = (createdMs - plan.timeline.start) / (plan.timeline.end - plan.timeline.start);
  const active = CAMPAIGNS.filter((c) => position >= c.activeFrom && position <= c.activeTo);
  return rng.weighted((active.length > 0 ? active : CAMPAIGNS).map((c) => [c, c.weight] as const));
}

type Contact = { id: string; name: string; phoneNumber: string; data: { email: string; company: string; position: string; city: string } };

/** Contacts are called more than once (retries, call-me-later), about 2.5 calls each on average, many in several campaigns. */
function contactPoolSize(plan: SeedPlan): number {
  return Math.max(10, Math.floor(plan.calls * 0.4));
}

function contactFor(plan: SeedPlan, n: number): Contact {
  const rng = createRng(`${plan.seed}:contact:${n}`);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const company = rng.pick(COMPANIES);
  return {
    id: "c0" + n.toString(16).padStart(22, "0"),
    name: `${first} ${last}`,
    phoneNumber: fictionalPhone(n),
    data: {
      email: `${first}.${last}`.toLowerCase().normalize("NFD").replace(/[^a-z.]/g, "") + `${n % 100}@example.com`,
      company,
      position: rng.pick(POSITIONS),
      city: rng.pick(CITIES),
    },
  };
}

function testContact(index: number): Contact {
  return {
    id: "c0test" + String(index % 5).padStart(18, "0"),
    name: "Test Call",
    phoneNumber: `+1555010${String(9000 + (index % 5))}`,
    data: { email: "qa@example.com", company: "Callboard QA", position: "Tester", city: "Austin" },
  };
}

function fictionalPhone(n: number): string {
  // +1 (NPA) 555-01xx is reserved for fiction; spread over area codes for variety. UK: +44 7700 900xxx.
  if (n % 10 === 9) return `+447700900${String(n % 1000).padStart(3, "0")}`;
  const areaCodes = ["202", "212", "305", "312", "415", "512", "617", "702", "720", "206"];
  return `+1${areaCodes[n % areaCodes.length]}55501${String(Math.floor(n / 10) % 100).padStart(2, "0")}${String(Math.floor(n / 1000) % 100).padStart(2, "0")}`;
}

/** The older documented format: one delivery, `status` = call status, summary as plain strings, no contact id. */
function legacyCall(rng: Rng, plan: SeedPlan, id: string, createdMs: number, index: number): SeededCall {
  const contact = contactFor(plan, rng.int(0, contactPoolSize(plan) - 1));
  const answered = rng.chance(0.7);
  const duration = answered ? rng.int(20, 240) : 0;
  const interest = answered ? rng.pick(["yes", "no", "maybe"]) : null;
  const body: Json = {
    id,
    createdAt: new Date(createdMs).toISOString(),
    phoneFrom: "+15550100777",
    status: answered ? "COMPLETED" : rng.pick(["NO_ANSWER", "BUSY", "FAILED"]),
    duration,
    campaign: { id: LEGACY_CAMPAIGN.id, name: LEGACY_CAMPAIGN.name },
    contact: { name: contact.name, phoneNumber: contact.phoneNumber },
    variables: { name: contact.name, phoneNumber: contact.phoneNumber, company: contact.data.company },
    // The older format sends `interested` like the current one (webhook.md lists what it lacks): the
    // contact's "yes" to the Interested question is the interest criterion reached.
    ...(answered ? { interested: { description: "The contact wants to reactivate.", reached: interest === "yes" } } : {}),
    summary: answered
      ? { [LEGACY_CAMPAIGN.questions[0]!]: interest, [LEGACY_CAMPAIGN.questions[1]!]: rng.pick(["morning", "after 5pm", ""]), [LEGACY_CAMPAIGN.questions[2]!]: `call ${index % 7 === 0 ? "again" : "done"}` }
      : {},
    transcript: answered ? [{ role: "assistant", content: `Hi ${contact.name}, calling about your account.` }, { role: "user", content: rng.pick(USER_LINES).replace(/\{\w+\}/g, "there") }] : [],
    organizationId: plan.organizationId || ORG,
    isTestCall: false,
  };
  return { id, deliveries: [{ webhookEvent: null, receivedAt: new Date(createdMs + (duration + rng.int(5, 60)) * SECOND), body: JSON.stringify(body) }] };
}

/** A MongoDB-style id: 8 hex digits of the creation second, then the call's index. */
function objectId(createdMs: number, index: number): string {
  return Math.floor(createdMs / 1000).toString(16).padStart(8, "0") + index.toString(16).padStart(16, "0");
}

function hex(rng: Rng, length: number): string {
  let out = "";
  while (out.length < length) out += Math.floor(rng.next() * 0x100000000).toString(16).padStart(8, "0");
  return out.slice(0, length);
}
