// A server-sent events reader over fetch, as a browser's EventSource reads GET /api/events: it keeps
// every event and comment it got, and the last event id (what a reconnect sends as Last-Event-ID).
export type SseEvent = { id: string | null; event: string; data: string };

export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  lastEventId: string | null = null;
  /** The server's `ready`: subscribed, so everything committed from now on will arrive. */
  ready = false;
  /** Set when the server ended the stream (or it failed). */
  ended = false;
  private waiters: (() => void)[] = [];

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: abort.signal });
    const client = new SseClient(response, abort);
    if (response.ok && response.body) void client.pump(response.body);
    return client;
  }

  private async pump(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      const reader = body.getReader();
      for (;;) {
        const { done, value: chunk } = await reader.read();
        if (done) break;
        buffer += decoder.decode(chunk, { stream: true });
        const blocks = buffer.split("\n\n");
        buffer = blocks.pop()!;
        for (const block of blocks) this.parseBlock(block);
        this.notify();
      }
    } catch {
      // aborted by close(), or the server dropped the connection
    }
    this.ended = true;
    this.notify();
  }

  private parseBlock(block: string) {
    let id: string | null = null;
    let event = "message";
    const data: string[] = [];
    let hasField = false;
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) this.comments.push(line.slice(1).trim());
      else {
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id") id = value;
        else if (field === "event") event = value;
        else if (field === "data") data.push(value);
        else continue;
        hasField = true;
      }
    }
    if (event === "ready") {
      this.ready = true;
      return;
    }
    if (!hasField || (data.length === 0 && id === null)) return;
    if (id !== null) this.lastEventId = id;
    this.events.push({ id, event, data: data.join("\n") });
  }

  private notify() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Waits until `done()` holds (checked after each chunk), failing after `timeoutMs`. */
  async waitUntil(done: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (this.ended) throw new Error(`the stream ended before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${this.events.length} events`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The events of one type whose data has `callId`. */
  ofCall(type: string, callId: string): SseEvent[] {
    return this.events.filter((e) => e.event === type && (JSON.parse(e.data) as { callId?: string }).callId === callId);
  }

  close() {
    this.abort.abort();
  }
}
