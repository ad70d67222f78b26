// A stop (SIGTERM, SIGINT) that ends in seconds. Next closes its server on the signal and waits for
// every connection to end, and a client holding an idle keep-alive connection — Voxia's sender, a
// browser, a script — holds it until the keep-alive timeout (75 s, lib/http/next-server-options.ts)
// runs out: stops took 73 s. So once the signal came, the process exits as soon as no webhook is
// being received and at least a second has passed (for the responses being written), or after
// HARD_LIMIT_MS whatever is open. A webhook is never cut: it answers only once its delivery is
// stored, and it is what a sender without retries would lose.
const MIN_MS = 1_000;
const HARD_LIMIT_MS = 25_000;
const POLL_MS = 50;
const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 } as const;

const state = ((globalThis as unknown as { callboardShutdown?: { webhooks: number; armed: boolean } }).callboardShutdown ??= {
  webhooks: 0,
  armed: false,
});

/** Runs a webhook's handling, counted as in flight until it has answered. */
export async function receivingWebhook<T>(work: () => Promise<T>): Promise<T> {
  state.webhooks++;
  try {
    return await work();
  } finally {
    state.webhooks--;
  }
}

/** Once per server process (instrumentation.ts). */
export function boundShutdown(): void {
  if (state.armed) return;
  state.armed = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      const started = Date.now();
      const check = () => {
        const elapsed = Date.now() - started;
        if ((elapsed >= MIN_MS && state.webhooks === 0) || elapsed >= HARD_LIMIT_MS) process.exit(EXIT_CODES[signal]);
        setTimeout(check, POLL_MS).unref();
      };
      check();
      // A listener replaces Node's default exit: where nobody else handles the signal, exit as it would.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}
