// Writes merged call states — calls, key-question answers, events, their campaigns and contacts, and
// both rollup tables — in two set-based statements, however many calls there are.
// Runs inside the caller's transaction, with the calls already locked (lib/ingest/store-deliveries.ts,
// lib/ingest/rebuild-call-tables.ts). Rows travel as one JSON parameter per table, expanded by
// json_to_recordset: jsonParam keeps every key as sent (an own "__proto__" key included) and every
// number's digits (lib/voxia/stringify-json.ts), and the same statements run on a Postgres server
// and on the embedded database.
//
// Lock order, so concurrent batches cannot deadlock: rows are written in key order, every batch
// writes the tables in the same order, and the shared rows (rollups, campaigns) come last, so they
// stay locked only until commit.
import type { CallState } from "@/lib/voxia/merge-call-state";
import { jsonParam } from "@/lib/voxia/stringify-json";
import { NewestWins, answerRecords, callRecord, eventRecords, offerCampaignAndContact } from "./call-table-rows";
import { CALLS, CALL_ANSWERS, CALL_EVENTS, CAMPAIGNS, CONTACTS, columnNames, recordsetColumns } from "./call-table-columns";
import {
  ANSWER_ROLLUP_INPUT_COLUMNS,
  ROLLUP_INPUT_COLUMNS,
  applyAnswerRollupDeltaSql,
  applyRollupDeltaSql,
} from "@/lib/rollups/rollup-sql";

/** Runs SQL with $1… parameters inside the caller's transaction. */
export type SqlRunner = {
  query<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]>;
  execute(sql: string, params: unknown[]): Promise<number>;
};

const CALL_COLUMNS = recordsetColumns(CALLS);
const ANSWER_COLUMNS = recordsetColumns(CALL_ANSWERS);
const EVENT_COLUMNS = recordsetColumns(CALL_EVENTS);
const CAMPAIGN_COLUMNS = recordsetColumns(CAMPAIGNS);
const CONTACT_COLUMNS = recordsetColumns(CONTACTS);
const CALL_NAMES = columnNames(CALLS);
const ANSWER_NAMES = columnNames(CALL_ANSWERS);
const EVENT_NAMES = columnNames(CALL_EVENTS);
const CAMPAIGN_NAMES = columnNames(CAMPAIGNS).join(", ");
const CONTACT_NAMES = columnNames(CONTACTS).join(", ");
const ROLLUP_INPUT_NAMES = ROLLUP_INPUT_COLUMNS.join(", ");
const ANSWER_ROLLUP_INPUT_NAMES = ANSWER_ROLLUP_INPUT_COLUMNS.join(", ");

export async function writeCallStates(sql: SqlRunner, states: CallState[]): Promise<void> {
  if (states.length === 0) return;
  const ids = states.map((s) => s.id);
  const campaigns = new NewestWins();
  const contacts = new NewestWins();
  for (const s of states) offerCampaignAndContact(s, campaigns, contacts);
  const campaignRows = jsonParam(campaigns.drain());
  const contactRows = jsonParam(contacts.drain());

  // One statement, so one round trip: all its parts see the database as it was before it, which is
  // what the rollup delta needs (the calls' and answers' old contributions), and the foreign keys
  // are checked at its end, when campaigns, contacts and calls are all in place.
  await sql.execute(
    `WITH
     calls_in AS MATERIALIZED (SELECT * FROM json_to_recordset($1::json) AS r(${CALL_COLUMNS})),
     answers_in AS MATERIALIZED (SELECT * FROM json_to_recordset($2::json) AS r(${ANSWER_COLUMNS})),
     events_in AS MATERIALIZED (SELECT * FROM json_to_recordset($3::json) AS r(${EVENT_COLUMNS})),
     calls_before AS MATERIALIZED (SELECT ${ROLLUP_INPUT_NAMES} FROM calls WHERE id = ANY($6::text[])),
     answers_before AS MATERIALIZED (SELECT ${ANSWER_ROLLUP_INPUT_NAMES} FROM call_answers WHERE call_id = ANY($6::text[])),
     -- Calls reference their campaign and contact: make sure those exist (DO NOTHING takes no lock).
     campaigns_added AS (
       INSERT INTO campaigns (${CAMPAIGN_NAMES})
       SELECT ${CAMPAIGN_NAMES} FROM json_to_recordset($4::json) AS r(${CAMPAIGN_COLUMNS})
       ORDER BY id ON CONFLICT (id) DO NOTHING),
     contacts_added AS (
       INSERT INTO contacts (${CONTACT_NAMES})
       SELECT ${CONTACT_NAMES} FROM json_to_recordset($5::json) AS r(${CONTACT_COLUMNS})
       ORDER BY id ON CONFLICT (id) DO NOTHING),
     calls_written AS (
       INSERT INTO calls (${CALL_NAMES.join(", ")}) SELECT ${CALL_NAMES.join(", ")} FROM calls_in ORDER BY id
       ON CONFLICT (id) DO UPDATE SET ${updateAll(CALL_NAMES, ["id"])}),
     answers_removed AS (
       DELETE FROM call_answers a WHERE a.call_id = ANY($6::text[])
         AND NOT EXISTS (SELECT 1 FROM answers_in n WHERE n.call_id = a.call_id AND n.label = a.label)),
     answers_written AS (
       INSERT INTO call_answers (${ANSWER_NAMES.join(", ")}) SELECT ${ANSWER_NAMES.join(", ")} FROM answers_in ORDER BY call_id, label
       ON CONFLICT (call_id, label) DO UPDATE SET ${updateAll(ANSWER_NAMES, ["call_id", "label"])}),
     events_removed AS (
       DELETE FROM call_events e WHERE e.call_id = ANY($6::text[])
         AND NOT EXISTS (SELECT 1 FROM events_in n WHERE n.call_id = e.call_id AND n.position = e.position)),
     events_written AS (
       INSERT INTO call_events (${EVENT_NAMES.join(", ")}) SELECT ${EVENT_NAMES.join(", ")} FROM events_in ORDER BY call_id, position
       ON CONFLICT (call_id, position) DO UPDATE SET ${updateAll(EVENT_NAMES, ["call_id", "position"])}),
     -- What the calls contributed to the rollups before, subtracted; what they contribute now, added.
     call_rollups_changed AS (${applyRollupDeltaSql(`(
       SELECT -1 AS sign, * FROM calls_before
       UNION ALL SELECT 1, ${ROLLUP_INPUT_NAMES} FROM calls_in) AS contributions`)}),
     answer_rollups_changed AS (${applyAnswerRollupDeltaSql(`(
       SELECT -1 AS sign, * FROM answers_before
       UNION ALL SELECT 1, ${ANSWER_ROLLUP_INPUT_NAMES} FROM answers_in) AS contributions`)})
     SELECT 1`,
    [jsonParam(states.map(callRecord)), jsonParam(states.flatMap(answerRecords)), jsonParam(states.flatMap(eventRecords)),
      campaignRows, contactRows, ids],
  );

  // Newest call wins a campaign's name and a contact's details. Its own statement, after the one
  // above, so it sees campaigns another transaction added meanwhile. Only rows whose values change
  // are locked (in id order, by the MATERIALIZED … FOR NO KEY UPDATE) and written. Not FOR UPDATE:
  // that conflicts with the KEY SHARE locks the calls' foreign keys took above, and two instances'
  // batches holding those on the same campaigns deadlocked (seen in the two-instances test).
  await sql.execute(
    `WITH
     campaigns_in AS (SELECT * FROM json_to_recordset($1::json) AS r(${CAMPAIGN_COLUMNS})),
     campaigns_changed AS MATERIALIZED (
       SELECT c.id FROM campaigns c JOIN campaigns_in r ON r.id = c.id
       WHERE c.last_call_at <= r.last_call_at AND (c.last_call_at < r.last_call_at OR c.name IS DISTINCT FROM COALESCE(r.name, c.name))
       ORDER BY c.id FOR NO KEY UPDATE OF c),
     campaigns_refreshed AS (
       UPDATE campaigns c SET name = COALESCE(r.name, c.name), last_call_at = r.last_call_at
       FROM campaigns_in r JOIN campaigns_changed USING (id) WHERE c.id = r.id),
     contacts_in AS (SELECT * FROM json_to_recordset($2::json) AS r(${CONTACT_COLUMNS})),
     contacts_changed AS MATERIALIZED (
       SELECT c.id FROM contacts c JOIN contacts_in r ON r.id = c.id
       WHERE c.last_call_at <= r.last_call_at
         AND (c.last_call_at < r.last_call_at
           OR c.name IS DISTINCT FROM COALESCE(r.name, c.name)
           OR c.phone_number IS DISTINCT FROM COALESCE(r.phone_number, c.phone_number)
           OR c.data IS DISTINCT FROM COALESCE(r.data, c.data))
       ORDER BY c.id FOR NO KEY UPDATE OF c),
     contacts_refreshed AS (
       UPDATE contacts c SET name = COALESCE(r.name, c.name), phone_number = COALESCE(r.phone_number, c.phone_number),
         data = COALESCE(r.data, c.data), last_call_at = r.last_call_at
       FROM contacts_in r JOIN contacts_changed USING (id) WHERE c.id = r.id)
     SELECT 1`,
    [campaignRows, contactRows],
  );
}

function updateAll(columns: string[], key: string[]): string {
  return columns.filter((c) => !key.includes(c)).map((c) => `${c} = EXCLUDED.${c}`).join(", ");
}
