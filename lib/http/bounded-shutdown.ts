// A stop (SIGTERM, SIGINT) that ends in seconds without cutting what is being answered. Next closes
// its server on the signal and waits for every connection to end; a connection whose request was in
// flight at that moment is kept alive after its response, idle, until its keep-alive timeout (75 s,
// lib/http/next-server-options.ts) runs out: stops took 73–77 s. So, from the signal on, every
// response closes its connection once it has been sent (`Connection: close` where the headers are
// still to be written), which lets Next's own close finish; and the process exits as soon as no
// request is in flight — a webhook being received is answered first, and one arriving on a
// connection kept alive from before is answered too (and told to close) — or at HARD_LIMIT_MS
// whatever is open (a long CSV export), before `npm start`'s supervisor and `docker stop` would
// SIGKILL it at 10 s. Open live-update streams end at the signal (lib/live/event-stream.ts).
import diagnostics from "node:diagnostics_channel";
import type { ServerResponse } from "node:http";

const HARD_LIMIT_MS = 8_000;
const POLL_MS = 50;
const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 } as const;

type State = { inFlight: Set<ServerResponse>; stopping: boolean; armed: boolean };
const state = ((globalThis as unknown as { callboardShutdown?: State }).callboardShutdown ??= {
  inFlight: new Set(),
  stopping: false,
  armed: false,
});

function closeAfterResponse(response: ServerResponse) {
  if (!response.headersSent) response.setHeader("Connection", "close");
}

/** Once per server process (instrumentation.ts). */
export function boundShutdown(): void {
  if (state.armed) return;
  state.armed = true;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { response } = message as { response: ServerResponse };
    state.inFlight.add(response);
    if (state.stopping) closeAfterResponse(response);
  });
  diagnostics.subscribe("http.server.response.finish", (message) => {
    const { response } = message as { response: ServerResponse };
    state.inFlight.delete(response);
    // Sent: a connection kept alive would hold Next's close until its timeout.
    if (state.stopping) response.socket?.end();
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      state.stopping = true;
      for (const response of state.inFlight) closeAfterResponse(response);
      const started = Date.now();
      const check = () => {
        if (state.inFlight.size === 0 || Date.now() - started >= HARD_LIMIT_MS) process.exit(EXIT_CODES[signal]);
        setTimeout(check, POLL_MS).unref();
      };
      // After the other listeners (Next's close, the streams' ends) have run.
      setImmediate(check);
    });
  }
}
