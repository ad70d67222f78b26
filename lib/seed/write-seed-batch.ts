// Writes a batch of seeded calls in a handful of statements: each table's rows travel as one JSON
// array parameter, expanded by json_to_recordset. No COPY needed, so it works the same on a Postgres
// server and on the embedded database; on this machine it loads well over 2,000 calls/s.
import type pg from "pg";

type Row = Record<string, unknown>;

export type SeedBatch = {
  campaigns: Row[];
  contacts: Row[];
  calls: Row[];
  answers: Row[];
  events: Row[];
  deliveries: Row[];
};

const CALL_COLUMNS = `id text, campaign_id text, contact_id text, contact_name text, contact_phone text, contact_data jsonb,
  status text, call_status text, post_process_status text, hang_up_reason text, webhook_event text, stage_rank int,
  duration float8, total_duration float8, call_me_later boolean, do_not_call boolean, wrong_number boolean,
  interested_reached boolean, interested_description text, is_test_call boolean, created_at timestamptz, phone_from text,
  organization_id text, twilio_account_sid text, twilio_call_session_id text, session_id text, webhook_url text,
  slack_url text, webhook_events jsonb, webhook_statuses jsonb, transcript jsonb, transcript_text text, summary jsonb,
  conversation_flow jsonb, variables jsonb, extra jsonb, delivery_count int, first_received_at timestamptz,
  last_received_at timestamptz`;
const CALL_NAMES = CALL_COLUMNS.split(",").map((c) => c.trim().split(/\s+/)[0]).join(", ");

const profile = process.env.SEED_PROFILE === "1" ? new Map<string, number>() : null;

/** Runs inside the caller's transaction. */
export async function writeSeedBatch(rawClient: pg.ClientBase, batch: SeedBatch): Promise<void> {
  const client = profile ? profiled(rawClient) : rawClient;
  // The same upserts as ingestion (lib/ingest/recompute-call.ts): the newest call's name wins.
  if (batch.campaigns.length > 0) {
    await client.query(
      `INSERT INTO campaigns (id, name, last_call_at)
       SELECT id, name, last_call_at FROM json_to_recordset($1::json) AS r(id text, name text, last_call_at timestamptz)
       ON CONFLICT (id) DO UPDATE SET name = COALESCE(EXCLUDED.name, campaigns.name), last_call_at = EXCLUDED.last_call_at
       WHERE campaigns.last_call_at <= EXCLUDED.last_call_at`,
      [JSON.stringify(batch.campaigns)],
    );
  }
  if (batch.contacts.length > 0) {
    await client.query(
      `INSERT INTO contacts (id, name, phone_number, data, last_call_at)
       SELECT id, name, phone_number, data, last_call_at
       FROM json_to_recordset($1::json) AS r(id text, name text, phone_number text, data jsonb, last_call_at timestamptz)
       ON CONFLICT (id) DO UPDATE SET
         name = COALESCE(EXCLUDED.name, contacts.name),
         phone_number = COALESCE(EXCLUDED.phone_number, contacts.phone_number),
         data = COALESCE(EXCLUDED.data, contacts.data),
         last_call_at = EXCLUDED.last_call_at
       WHERE contacts.last_call_at <= EXCLUDED.last_call_at`,
      [JSON.stringify(batch.contacts)],
    );
  }
  await client.query(
    `INSERT INTO calls (${CALL_NAMES}) SELECT ${CALL_NAMES} FROM json_to_recordset($1::json) AS r(${CALL_COLUMNS})`,
    [JSON.stringify(batch.calls)],
  );
  if (batch.answers.length > 0) {
    await client.query(
      `INSERT INTO call_answers (call_id, label, campaign_id, type, value, value_text, position, description, options)
       SELECT call_id, label, campaign_id, type, value, value_text, position, description, options
       FROM json_to_recordset($1::json) AS r(call_id text, label text, campaign_id text, type text, value jsonb,
         value_text text, position int, description text, options jsonb)`,
      [JSON.stringify(batch.answers)],
    );
  }
  if (batch.events.length > 0) {
    await client.query(
      `INSERT INTO call_events (call_id, position, type, data)
       SELECT call_id, position, type, data FROM json_to_recordset($1::json) AS r(call_id text, position int, type text, data jsonb)`,
      [JSON.stringify(batch.events)],
    );
  }
  await client.query(
    `INSERT INTO deliveries (call_id, sha256, body, webhook_event, content_type, received_at)
     SELECT call_id, sha256, convert_to(body, 'UTF8'), webhook_event, 'application/json', received_at
     FROM json_to_recordset($1::json) AS r(call_id text, sha256 text, body text, webhook_event text, received_at timestamptz)`,
    [JSON.stringify(batch.deliveries)],
  );
}


function profiled(client: pg.ClientBase) {
  return {
    async query(sql: string, params: unknown[]) {
      const started = performance.now();
      const result = await client.query(sql, params);
      const key = sql.trim().split(/\s+/).slice(0, 3).join(" ");
      profile!.set(key, (profile!.get(key) ?? 0) + performance.now() - started);
      return result;
    },
  };
}

if (profile) process.on("exit", () => console.log("\n[seed] time per statement (ms):", Object.fromEntries([...profile].map(([k, v]) => [k, Math.round(v)]))));
