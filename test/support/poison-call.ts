// The "poison call" of issue 10: a sender re-sending one ~1 MB call with one field changed each time.
// Shared by test/integration/poison-call.test.ts and the benchmark's poison row (tools/bench/poison-call.ts).

/** The n-th distinct delivery of one big call: about `bytes` long, `attempt` changing each time. */
export function poisonBody(callId: string, attempt: number, bytes = 1_000_000): string {
  const head = {
    id: callId,
    webhookEvent: "HANG_UP",
    callStatus: "COMPLETED",
    status: "CALL_FINISHED",
    campaign: { id: "poison-campaign", name: "Poison" },
    contact: { id: "poison-contact", name: "P", phoneNumber: "+15550000000" },
    variables: { attempt },
    duration: attempt,
  };
  const filler = Math.max(0, bytes - JSON.stringify(head).length - 200);
  const lines = 40;
  const transcript = Array.from({ length: lines }, (_, i) => ({ role: i % 2 ? "user" : "Voxia", content: "p".repeat(Math.floor(filler / lines)) }));
  return JSON.stringify({ ...head, transcript });
}
