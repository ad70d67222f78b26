// Writes merged call states — calls, key-question answers, events, their campaigns and contacts, and
// the rollup tables (hourly, daily, answers, answers with their calls) — in two set-based statements, however many calls there are.
// Runs inside the caller's transaction, with the calls already locked (lib/ingest/store-deliveries.ts,
// lib/ingest/rebuild-call-tables.ts). Rows travel as one JSON parameter per table, expanded by
// json_to_recordset: jsonParam keeps every key as sent (an own "__proto__" key included) and every
// number's digits (lib/voxia/stringify-json.ts), and the same statements run on a Postgres server
// and on the embedded database.
//
// Lock order, so concurrent batches cannot deadlock: rows are written in key order, every batch
// writes the tables in the same order, and the shared rows (rollups, then campaigns and contacts,
// each in id order) come last, so they stay locked only until commit.
import type { SqlRunner } from "@/lib/db/pg-transaction";
import type { CallState } from "@/lib/voxia/merge-call-state";
import { jsonParam } from "@/lib/voxia/stringify-json";
import {
  DO_NOT_CALL_NUMBERS_SQL,
  KEEPS_CONTACT_FACTS,
  LOCK_CONTACT_STATE_SQL,
  ON_NUMBERS_SQL,
  recomputeContactStateSql,
} from "@/lib/contacts/contact-state-sql";
import type { FollowUpState } from "@/lib/follow-ups/follow-up-vocabulary";
import { NewestWins, answerRecords, callRecord, eventRecords, offerCampaignAndContact } from "./call-table-rows";
import { CALLS, CALL_ANSWERS, CALL_EVENTS, CAMPAIGNS, CONTACTS, columnNames, recordsetColumns } from "./call-table-columns";
import {
  ANSWER_ROLLUP_INPUT_COLUMNS,
  ROLLUP_INPUT_COLUMNS,
  answeredAnswersOfCalls,
  applyAnswerCallRollupDeltaSql,
  applyAnswerRollupDeltaSql,
  applyRollupDeltaSql,
} from "@/lib/rollups/rollup-sql";

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
// The calls' rollup contributions, signed: their rows before the write −1, the rows written +1.
const CALL_CONTRIBUTIONS = `(
       SELECT -1 AS sign, ${ROLLUP_INPUT_NAMES} FROM calls_before
       UNION ALL SELECT 1, ${ROLLUP_INPUT_NAMES} FROM calls_in) AS contributions`;
// Likewise each answered answer with its call's columns, before and as written.
const ANSWER_CALL_CONTRIBUTIONS = `(
       ${answeredAnswersOfCalls("calls_before", "answers_before", "-1")}
       UNION ALL ${answeredAnswersOfCalls("calls_in", "answers_in", "1")}) AS contributions`;

/**
 * `followUps: false` leaves the follow-up items alone: a rebuild from scratch writes contacts a batch
 * of calls at a time, so a contact passes through states it never had live (an old callback request
 * as its latest call), which must not reopen anyone's work; it recomputes them once at the end.
 * `recountContacts` recomputes every contact the batch touches from all its calls, not from its kept
 * facts: for a rebuild, whose purpose is to repair rows (a lost call's contact still counts it).
 */
export async function writeCallStates(
  sql: SqlRunner,
  states: CallState[],
  { followUps = true, recountContacts = false }: { followUps?: boolean; recountContacts?: boolean } = {},
): Promise<ChangedFollowUp[]> {
  if (states.length === 0) return [];
  const ids = states.map((s) => s.id);
  const campaigns = new NewestWins();
  const contacts = new NewestWins();
  for (const s of states) offerCampaignAndContact(s, campaigns, contacts);
  const campaignRows = jsonParam(campaigns.drain());
  const contactRows = jsonParam(contacts.drain());

  // One statement, so one round trip: all its parts see the database as it was before it, which is
  // what the rollup delta needs (the calls' and answers' old contributions), and the foreign keys
  // are checked at its end, when campaigns, contacts and calls are all in place.
  const before = await sql.query<{ id: string; campaign_id: string | null; contact_id: string | null; phone: string | null; kept: boolean }>(
    `WITH
     calls_in AS MATERIALIZED (SELECT * FROM json_to_recordset($1::json) AS r(${CALL_COLUMNS})),
     answers_in AS MATERIALIZED (SELECT * FROM json_to_recordset($2::json) AS r(${ANSWER_COLUMNS})),
     events_in AS MATERIALIZED (SELECT * FROM json_to_recordset($3::json) AS r(${EVENT_COLUMNS})),
     calls_before AS MATERIALIZED (SELECT id, ${ROLLUP_INPUT_NAMES} FROM calls WHERE id = ANY($6::text[])),
     answers_before AS MATERIALIZED (SELECT call_id, ${ANSWER_ROLLUP_INPUT_NAMES} FROM call_answers WHERE call_id = ANY($6::text[])),
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
     -- What the calls contributed to the rollups before, subtracted; what they contribute now, added:
     -- per UTC hour and per UTC day, the same contributions into both.
     call_rollups_changed AS (${applyRollupDeltaSql(CALL_CONTRIBUTIONS, "call_rollups")}),
     call_rollups_daily_changed AS (${applyRollupDeltaSql(CALL_CONTRIBUTIONS, "call_rollups_daily")}),
     answer_rollups_changed AS (${applyAnswerRollupDeltaSql(`(
       SELECT -1 AS sign, ${ANSWER_ROLLUP_INPUT_NAMES} FROM answers_before
       UNION ALL SELECT 1, ${ANSWER_ROLLUP_INPUT_NAMES} FROM answers_in) AS contributions`)}),
     answer_call_rollups_changed AS (${applyAnswerCallRollupDeltaSql(ANSWER_CALL_CONTRIBUTIONS)})
     -- The campaigns, contacts and numbers the calls had before (this SELECT sees the rows as they
     -- were), and whether each call's new version leaves its contact's kept facts exact.
     SELECT b.id, b.campaign_id, b.contact_id, callboard_e164(b.contact_phone) AS phone, ${KEEPS_CONTACT_FACTS("b", "n")} AS kept
     FROM calls b JOIN calls_in n ON n.id = b.id WHERE b.id = ANY($6::text[])`,
    [jsonParam(states.map(callRecord)), jsonParam(states.flatMap(answerRecords)), jsonParam(states.flatMap(eventRecords)),
      campaignRows, contactRows, ids],
  );

  // A campaign's and a contact's row is a function of the calls in it now, recomputed for every
  // campaign and contact these calls left or joined (a campaign or contact no call is in any more is
  // deleted), so live tables equal a rebuild from the log; so are the follow-up items and the
  // suppressed numbers (lib/contacts/contact-state-sql.ts). First the rows are locked, in id order
  // (numbers, which may have no row yet, by an advisory lock); then a new statement, whose snapshot is
  // taken after the locks, sees every call committed by a transaction that locked them before — the
  // last to lock computes from all of them. FOR NO KEY UPDATE, not FOR UPDATE: that conflicts with the
  // KEY SHARE locks the calls' foreign keys took above, and two instances' batches holding those on
  // the same campaigns deadlocked (seen in the two-instances test).
  const campaignIds = [...new Set([...states.map((s) => s.campaignId), ...before.map((r) => r.campaign_id)].filter((id): id is string => id !== null))].sort(byCodeUnit);
  const contactIds = [...new Set([...states.map((s) => s.contactKey), ...before.map((r) => r.contact_id)].filter((id): id is string => id !== null))].sort(byCodeUnit);
  const phonesBefore = [...new Set(before.map((r) => r.phone).filter((p): p is string => p !== null))];
  await sql.query(`SELECT id FROM campaigns WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE`, [campaignIds]);
  const [locked] = await sql.query<{ contacts: string[]; numbers: string[] }>(LOCK_CONTACT_STATE_SQL, [contactIds, phonesBefore, ids]);
  const numbers = locked?.numbers ?? [];
  await sql.execute(RECOMPUTE_CAMPAIGNS_SQL, [campaignIds]);
  // A contact a call left or changed in a way that its kept facts cannot follow is recomputed from
  // all its calls; the others add the batch's calls that are new to them.
  const recounted = recountContacts ? contactIds : [...new Set(before.filter((r) => !r.kept && r.contact_id !== null).map((r) => r.contact_id!))];
  const keptCalls = new Set(before.filter((r) => r.kept).map((r) => r.id));
  const joined = ids.filter((id) => !keptCalls.has(id));
  const withCalls = [...new Set(states.map((s) => s.contactKey).filter((id): id is string => id !== null))];
  const parameters = [contactIds, numbers, recounted, ids, joined, withCalls];
  if (!followUps) {
    await sql.execute(RECOMPUTE_CONTACTS_ONLY_SQL, parameters);
    return [];
  }
  // A number that went on or off the do-not-call list takes every other contact with it out of the
  // queues or back in (they were locked with the batch's own): their items are recomputed, their own
  // facts as they are. Most batches share no number with other contacts, or relist none, and so
  // recompute only their own contacts.
  const own = new Set(contactIds);
  const sharing = (locked?.contacts ?? []).filter((id) => !own.has(id));
  const listedBefore = sharing.length > 0 ? await doNotCallNumbers(sql, numbers) : null;
  const items = await sql.query<ChangedItemRow>(RECOMPUTE_CONTACT_STATE_SQL, parameters);
  if (listedBefore) {
    const listedNow = await doNotCallNumbers(sql, numbers);
    const relisted = numbers.filter((n) => listedBefore.has(n) !== listedNow.has(n));
    const others = relisted.length > 0 ? (await sql.query<{ id: string }>(ON_NUMBERS_SQL, [sharing, relisted])).map((r) => r.id) : [];
    if (others.length > 0) items.push(...(await sql.query<ChangedItemRow>(RECOMPUTE_CONTACT_STATE_SQL, [others, [], [], [], [], []])));
  }
  return items.map((row) => ({ followUpId: row.id, contactId: row.contact_id, state: row.state }));
}

type ChangedItemRow = { id: string; contact_id: string; state: FollowUpState };

async function doNotCallNumbers(sql: SqlRunner, numbers: string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  return new Set((await sql.query<{ phone: string }>(DO_NOT_CALL_NUMBERS_SQL, [numbers])).map((r) => r.phone));
}

/** A follow-up item the batch opened, moved to a newer call, reopened, or took out of or into its queue. */
export type ChangedFollowUp = { followUpId: string; contactId: string; state: FollowUpState };

const RECOMPUTE_CONTACT_STATE_SQL = recomputeContactStateSql("batch");
const RECOMPUTE_CONTACTS_ONLY_SQL = recomputeContactStateSql("batch", { followUps: false });

// Ties on created_at go to the greater id in byte order (COLLATE "C"), as NewestWins does for the seed.
const RECOMPUTE_CAMPAIGNS_SQL = `WITH
  campaigns_now AS MATERIALIZED (
    SELECT t.id, (SELECT max(k.created_at) FROM calls k WHERE k.campaign_id = t.id) AS last_call_at,
      (SELECT k.campaign_name FROM calls k WHERE k.campaign_id = t.id AND k.campaign_name IS NOT NULL
       ORDER BY k.created_at DESC, k.id COLLATE "C" DESC LIMIT 1) AS name
    FROM unnest($1::text[]) AS t(id)),
  campaigns_refreshed AS (
    UPDATE campaigns c SET name = n.name, last_call_at = n.last_call_at FROM campaigns_now n
    WHERE c.id = n.id AND n.last_call_at IS NOT NULL
      AND (c.name IS DISTINCT FROM n.name OR c.last_call_at IS DISTINCT FROM n.last_call_at)),
  campaigns_emptied AS (
    DELETE FROM campaigns c USING campaigns_now n WHERE c.id = n.id AND n.last_call_at IS NULL)
  SELECT 1`;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function updateAll(columns: string[], key: string[]): string {
  return columns.filter((c) => !key.includes(c)).map((c) => `${c} = EXCLUDED.${c}`).join(", ");
}
