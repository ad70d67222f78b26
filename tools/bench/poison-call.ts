// A "poison call": one sender re-sending a ~1 MB call with one field changed each time, while other
// calls flow. Before the incremental merge, every delivery of the call re-read and re-parsed all of
// its stored bodies, so its acknowledgements slowed with its history, everyone else waited behind
// it, and the server ran out of heap near the 80th delivery (issue 10).
import { percentile } from "./stats";
import type { Payload } from "./ingestion";
import { poisonBody } from "../../test/support/poison-call.ts";

export type PoisonResult = {
  /** Ack time (ms) of the n-th distinct delivery of the poison call, or null if it failed. */
  poisonAcks: (number | null)[];
  poisonStatuses: number[];
  others: { count: number; p50: number; p99: number; max: number; errors: number };
  seconds: number;
};

/**
 * Sends `count` distinct poison deliveries one after another while `otherSenders` senders post the
 * other payloads (one at a time each) until the poison run is over.
 */
export async function sendPoisonCall(
  webhookUrl: string,
  options: { callId: string; count: number; others: Payload[]; otherSenders: number },
): Promise<PoisonResult> {
  const poisonAcks: (number | null)[] = [];
  const poisonStatuses: number[] = [];
  const otherLatencies: number[] = [];
  let otherErrors = 0;
  let done = false;
  const started = performance.now();
  const post = (body: string) =>
    fetch(webhookUrl, { method: "POST", body, headers: { "content-type": "application/json" } }).then(async (res) => {
      await res.arrayBuffer();
      return res.status;
    });

  const poison = (async () => {
    for (let i = 1; i <= options.count; i++) {
      const body = poisonBody(options.callId, i);
      const sent = performance.now();
      const status = await post(body).catch(() => 0);
      poisonStatuses.push(status);
      poisonAcks.push(status === 200 ? performance.now() - sent : null);
    }
    done = true;
  })();
  let next = 0;
  const others = Array.from({ length: options.otherSenders }, async () => {
    while (!done && next < options.others.length) {
      const payload = options.others[next++]!;
      const sent = performance.now();
      const status = await post(payload.body).catch(() => 0);
      otherLatencies.push(performance.now() - sent);
      if (status !== 200) otherErrors++;
      // Paced a little, like independent calls arriving, rather than a flood.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  await Promise.all([poison, ...others]);
  return {
    poisonAcks,
    poisonStatuses,
    others: {
      count: otherLatencies.length,
      p50: percentile(otherLatencies, 50),
      p99: percentile(otherLatencies, 99),
      max: Math.max(0, ...otherLatencies),
      errors: otherErrors,
    },
    seconds: (performance.now() - started) / 1000,
  };
}
