// One hub per instance between the live event log (live_events) and this instance's open streams.
// It reads each new event from the table once and hands it to every stream, however many are open.
//
// How it hears of new events:
// - on a Postgres server, a dedicated connection LISTENs on LIVE_CHANNEL: every instance's commit
//   NOTIFYs it, so a webhook received by any instance reaches streams on every instance;
// - its own commits wake it directly (announceCommitted), which is all the embedded database (one
//   connection, so no LISTEN) needs with one instance;
// - and it polls as a safety net: every POLL_MS while the LISTEN connection is up, every
//   FALLBACK_POLL_MS while it is not (or on the embedded database).
// Whatever woke it, it reads `id > last seen`: the event log's ids become visible in commit order
// (lib/live/live-events.ts), so nothing is skipped.
//
// Resuming (Last-Event-ID): the hub keeps the latest RING_SIZE events in memory; a stream resuming
// from further back is replayed from the table, then joins. The table keeps RETENTION_HOURS; from
// further back than that, the stream is told to reload ("reset").
import pg from "pg";
import { db } from "@/lib/db/client";
import { databaseUrl, isEmbeddedDatabase } from "@/lib/db/database-url";
import { LIVE_CHANNEL, onCommitted } from "./live-events";

export type StoredLiveEvent = { id: bigint; type: string; data: string };

export type LiveSubscriber = {
  /** Receives events in id order, each once; false means it cannot keep up and is to be dropped. */
  send(events: StoredLiveEvent[]): boolean;
  /** Resolves when the stream has room again (replay waits on it, so a long replay is paced by the reader). */
  drained(): Promise<void>;
  /** The stream must start over: the events since its Last-Event-ID are no longer kept. */
  reset(): void;
  /** Dropped by the hub (too slow). */
  drop(): void;
};

export const RETENTION_HOURS = 24;
const RING_SIZE = 2_000;
const BATCH = 500;
const POLL_MS = 5_000;
const FALLBACK_POLL_MS = 1_000;
const RECONNECT_MS = 2_000;
const TRIM_EVERY_MS = 10 * 60_000;

type Entry = { subscriber: LiveSubscriber; cursor: bigint; live: boolean };

export class LiveHub {
  private readonly entries = new Set<Entry>();
  /** The newest events read, ascending; with `floor`: every event with floor < id ≤ head is here. */
  private ring: StoredLiveEvent[] = [];
  private floor = 0n;
  private head = 0n;
  private ready: Promise<void> | null = null;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private listener: pg.Client | null = null;
  private listening = false;
  private pollTimer: NodeJS.Timeout | null = null;
  private lastTrim = 0;

  get size(): number {
    return this.entries.size;
  }

  /**
   * Adds a stream. Without `lastEventId` it receives events committed from now on; with one, every
   * event after that id first (or a reset when they are no longer kept).
   */
  async subscribe(subscriber: LiveSubscriber, lastEventId: bigint | null): Promise<() => void> {
    await this.start();
    await this.read();
    const entry: Entry = { subscriber, cursor: lastEventId ?? this.head, live: false };
    this.entries.add(entry);
    const unsubscribe = () => {
      this.entries.delete(entry);
    };
    try {
      if (entry.cursor > this.head || (await this.isForgotten(entry.cursor))) {
        subscriber.reset();
        entry.cursor = this.head;
      }
      // Replay from the table until the ring takes over; the ring may move on during each await.
      while (this.entries.has(entry) && entry.cursor < this.floor) {
        await subscriber.drained();
        if (!this.entries.has(entry)) break;
        const rows = await readEvents(entry.cursor, this.floor);
        if (!this.entries.has(entry)) break;
        if (rows.length > 0 && !subscriber.send(rows)) {
          this.dropEntry(entry);
          break;
        }
        entry.cursor = rows.length < BATCH ? this.floor : rows[rows.length - 1]!.id;
      }
      if (this.entries.has(entry)) {
        const pending = this.ring.filter((e) => e.id > entry.cursor);
        entry.cursor = this.head;
        entry.live = true;
        if (pending.length > 0 && !subscriber.send(pending)) this.dropEntry(entry);
      }
    } catch (error) {
      this.entries.delete(entry);
      throw error;
    }
    return unsubscribe;
  }

  /** Something may have been committed: read it (once, however many ask meanwhile). */
  wake = (): void => {
    if (this.ready) void this.read().catch((error: Error) => console.warn(`[live] could not read events: ${error.message}`));
  };

  private start(): Promise<void> {
    this.ready ??= (async () => {
      const rows = await db().pool.query<{ head: string }>(`SELECT coalesce(max(id), 0)::text AS head FROM live_events`);
      this.head = this.floor = BigInt(rows.rows[0]!.head);
      onCommitted(this.wake);
      if (!isEmbeddedDatabase()) void this.listen();
      this.schedulePoll();
    })().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  private read(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = (async () => {
      try {
        do {
          this.readAgain = false;
          let rows: StoredLiveEvent[];
          do {
            rows = await readEvents(this.head, null);
            if (rows.length > 0) this.deliver(rows);
          } while (rows.length === BATCH);
        } while (this.readAgain);
        await this.trimIfDue();
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }

  private deliver(rows: StoredLiveEvent[]): void {
    this.ring.push(...rows);
    this.head = rows[rows.length - 1]!.id;
    if (this.ring.length > RING_SIZE) {
      const dropped = this.ring.splice(0, this.ring.length - RING_SIZE);
      this.floor = dropped[dropped.length - 1]!.id;
    }
    for (const entry of this.entries) {
      if (!entry.live) continue;
      const fresh = entry.cursor >= rows[0]!.id ? rows.filter((e) => e.id > entry.cursor) : rows;
      entry.cursor = this.head;
      if (fresh.length > 0 && !entry.subscriber.send(fresh)) this.dropEntry(entry);
    }
  }

  private dropEntry(entry: Entry): void {
    this.entries.delete(entry);
    entry.subscriber.drop();
  }

  /** True when events after `cursor` may have been deleted (older than the table keeps). */
  private async isForgotten(cursor: bigint): Promise<boolean> {
    if (cursor >= this.head) return false;
    const rows = await db().pool.query<{ oldest: string | null }>(`SELECT min(id)::text AS oldest FROM live_events`);
    const oldest = rows.rows[0]!.oldest;
    return oldest === null ? cursor < this.head : cursor < BigInt(oldest) - 1n;
  }

  private async trimIfDue(): Promise<void> {
    if (Date.now() - this.lastTrim < TRIM_EVERY_MS) return;
    this.lastTrim = Date.now();
    await db().pool.query(`DELETE FROM live_events WHERE created_at < now() - make_interval(hours => $1)`, [RETENTION_HOURS]);
  }

  private schedulePoll(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => {
      if (this.entries.size > 0) this.wake();
      this.schedulePoll();
    }, this.listening ? POLL_MS : FALLBACK_POLL_MS);
    this.pollTimer.unref();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl() });
    this.listener = client;
    const lost = (error?: Error) => {
      if (this.listener !== client) return;
      this.listener = null;
      this.listening = false;
      if (error) console.warn(`[live] event listener lost: ${error.message}; polling until it is back`);
      client.end().catch(() => {});
      setTimeout(() => void this.listen(), RECONNECT_MS).unref();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    client.on("notification", this.wake);
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      this.listening = true;
      // Whatever was committed while not listening.
      this.wake();
    } catch (error) {
      lost(error as Error);
    }
  }
}

async function readEvents(after: bigint, through: bigint | null): Promise<StoredLiveEvent[]> {
  // ORDER BY the table's id, not the output column of the same name (text, which would sort "10" before "9").
  const rows = await db().pool.query<{ id: string; type: string; data: string }>(
    `SELECT id::text, type, (payload - 'type')::text AS data FROM live_events
     WHERE id > $1::bigint AND ($2::bigint IS NULL OR id <= $2::bigint) ORDER BY live_events.id LIMIT ${BATCH}`,
    [after.toString(), through?.toString() ?? null],
  );
  return rows.rows.map((r) => ({ id: BigInt(r.id), type: r.type, data: r.data }));
}

// One hub per process, shared by every route bundle and kept across dev-server reloads.
const globalForHub = globalThis as unknown as { callboardLiveHub?: LiveHub };

export function liveHub(): LiveHub {
  globalForHub.callboardLiveHub ??= new LiveHub();
  return globalForHub.callboardLiveHub;
}
