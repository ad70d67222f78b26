// GET /api/events as a server-sent events stream: each committed change as
//   id: <event id>\nevent: <type>\ndata: <JSON>\n\n
// `event: ready` once the stream is subscribed (everything committed after it will come), a comment
// line as heartbeat (so proxies keep the connection open), `retry:` for the browser's reconnect
// delay, and `event: reset` when the events since the client's Last-Event-ID are no
// longer kept (older than RETENTION_HOURS): the client reloads what it shows instead.
//
// Memory is bounded per stream: the stream's queue holds at most BACKLOG_BYTES beyond its
// high-water mark. A reader that falls that far behind (stalled, or too slow) is dropped — it
// reconnects with its Last-Event-ID and catches up from the table, paced by what it reads. And each
// instance keeps at most MAX_STREAMS open; the next is refused with 503 and Retry-After.
import { apiError } from "@/lib/http/api-error";
import { liveHub, type LiveSubscriber, type StoredLiveEvent } from "./live-hub";

const HIGH_WATER_BYTES = 16 * 1024;

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const maxStreams = () => setting("CALLBOARD_MAX_EVENT_STREAMS", 500);
const heartbeatMs = () => setting("CALLBOARD_EVENTS_HEARTBEAT_SECONDS", 15) * 1000;
const backlogBytes = () => setting("CALLBOARD_EVENT_STREAM_BACKLOG_BYTES", 1024 * 1024);
/** Every this many heartbeats the stream checks its reader is still signed in (sign-out, a removed user). */
const RECHECK_EVERY = 4;
const RETRY_MS = 3000;

// The open streams' endings, per process. On SIGTERM they end at once: a stream never ends by itself,
// and the server, closing gracefully, would wait for it forever. Browsers reconnect (to another
// instance, or to this one restarted) with Last-Event-ID and lose nothing.
const globalForStreams = globalThis as unknown as { callboardOpenStreams?: Set<() => void> };
const open = (globalForStreams.callboardOpenStreams ??= registerShutdown(new Set()));

function registerShutdown(streams: Set<() => void>): Set<() => void> {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      [...streams].forEach((end) => end());
      // A listener replaces Node's default exit: where nobody else handles the signal, exit as it would.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
  return streams;
}

export type EventStreamOptions = {
  /** The Last-Event-ID header (or ?lastEventId=), as sent. */
  lastEventId: string | null;
  signal: AbortSignal;
  /** Whether the reader may still read (their session not revoked). */
  stillAllowed: () => Promise<boolean>;
};

export function openEventStream(options: EventStreamOptions): Response {
  let lastEventId: bigint | null = null;
  if (options.lastEventId !== null && options.lastEventId.trim() !== "") {
    if (!/^\d{1,18}$/.test(options.lastEventId.trim())) {
      return apiError(400, "invalid_request", `"Last-Event-ID" must be the id of an event this stream sent (a whole number)`);
    }
    lastEventId = BigInt(options.lastEventId.trim());
  }
  const max = maxStreams();
  if (open.size >= max) {
    const refused = apiError(503, "server_busy", `this instance already has ${max} open event streams, the most it keeps; retry shortly`, { retryable: true });
    refused.headers.set("Retry-After", "10");
    return refused;
  }

  const encoder = new TextEncoder();
  const limit = backlogBytes();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let waiting: (() => void) | null = null;

  const finish = (error?: Error) => {
    if (closed) return;
    closed = true;
    open.delete(end);
    if (heartbeat) clearInterval(heartbeat);
    unsubscribe?.();
    waiting?.();
    options.signal.removeEventListener("abort", onAbort);
    try {
      // An error discards what is queued, so a stalled reader's backlog is freed at once.
      if (error) controller.error(error);
      else controller.close();
    } catch {
      // already closed by the reader
    }
  };
  const onAbort = () => finish();
  // An error, not a clean end: the connection is then closed, not kept alive for a next request
  // that would hold up the server's graceful close.
  const end = () => finish(new Error("the server is stopping"));
  open.add(end);
  const dropSlow = () => {
    console.warn(`[live] dropped an event stream: its reader fell more than ${Math.round(limit / 1024)} KiB behind (it can reconnect with Last-Event-ID)`);
    finish(new Error("the reader fell too far behind"));
  };
  /**
   * Queues text; false, queuing nothing, when the reader has not taken what was queued before and is
   * more than the backlog behind. So a stream holds at most the backlog plus one batch of the hub's.
   */
  const push = (text: string): boolean => {
    if (closed) return false;
    if ((controller.desiredSize ?? 0) < -limit) return false;
    controller.enqueue(encoder.encode(text));
    return true;
  };

  const subscriber: LiveSubscriber = {
    send: (events) => push(events.map(formatEvent).join("")),
    reset: () => void push(`event: reset\ndata: {}\n\n`),
    drop: () => dropSlow(),
    drained: () =>
      closed || (controller.desiredSize ?? 0) > 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiting = resolve;
          }),
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        push(`retry: ${RETRY_MS}\n\n`);
        options.signal.addEventListener("abort", onAbort);
        let beats = 0;
        heartbeat = setInterval(() => {
          if (!push(`: heartbeat\n\n`)) return dropSlow();
          if (++beats % RECHECK_EVERY === 0) void options.stillAllowed().then((ok) => ok || finish(), () => {});
        }, heartbeatMs());
        liveHub()
          .subscribe(subscriber, lastEventId)
          .then((stop) => {
            if (closed) return stop();
            unsubscribe = stop;
            // Only now: a client that has this gets everything committed from here on.
            push(`event: ready\ndata: {}\n\n`);
          })
          .catch((error: Error) => {
            console.warn(`[live] could not open an event stream: ${error.message}`);
            finish(error);
          });
      },
      pull() {
        const resolve = waiting;
        waiting = null;
        resolve?.();
      },
      cancel() {
        finish();
      },
    },
    { highWaterMark: HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
  );

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: no compression (it would hold events back to fill a block); nor any proxy's.
      "Cache-Control": "no-cache, no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

function formatEvent(event: StoredLiveEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${event.data}\n\n`;
}
