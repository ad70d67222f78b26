// What the team works from, derived from calls and kept exact by the ingest transaction
// (lib/ingest/write-call-states.ts) for the contacts and phone numbers a batch touched:
// - contacts: each one's calls summed up (count, campaigns, first/last call, the latest call's
//   outcome, flags);
// - follow_ups: one item per contact and queue while the contact's latest call qualifies for it
//   (callbacks: asked to be called later; leads: interested). Test calls are not work: the queues
//   (and the callbackRequested and interested flags) go by the latest call that is not one. A newer qualifying call reopens a done
//   item and says why. People's states, notes and history are never recomputed: only whether the item
//   is in its queue now (`active`) and which call put it there;
// - suppressed_numbers: per normalised number, the calls that put it on the do-not-call or the
//   wrong-number list.
// The same text, over every contact, rebuilds them after a bulk load (tools/seed).
import { callbackSql, interestedSql } from "@/lib/rollups/call-outcome-sql";

/** The contacts columns this recomputation writes (the ingest writer writes the rest, lib/ingest/call-table-columns.ts). */
export const DERIVED_CONTACT_COLUMNS = [
  "phone_e164", "first_call_at", "call_count", "campaign_ids", "latest_call_id", "latest_status",
  "callback_requested", "interested", "do_not_call", "wrong_number",
  "latest_real_call_id", "name_call_id", "phone_call_id", "data_call_id", "facts_kept",
] as const;

/** Queues, each a condition on a contact's latest call. */
export const FOLLOW_UP_QUEUES = {
  callbacks: { title: "Callbacks", condition: callbackSql("l"), reopenReason: "a newer call asked to be called back" },
  leads: { title: "Hot leads", condition: interestedSql("l"), reopenReason: "a newer call showed interest" },
} as const;
export type FollowUpQueue = keyof typeof FOLLOW_UP_QUEUES;

/**
 * The call puts its number on the do-not-call list: Voxia's reason for it, or NULL. The do-not-call
 * measure's calls (doNotCallSql of lib/rollups/call-outcome-sql.ts), and also those Voxia did not dial
 * because the number is on a registry (callStatus DO_NOT_CALL_REGISTRY_MATCHED).
 */
const doNotCallReason = (k: string) => `CASE
    WHEN ${k}.call_status = 'DO_NOT_CALL_REGISTRY_MATCHED' THEN 'DO_NOT_CALL_REGISTRY_MATCHED'
    WHEN ${k}.status = 'DO_NOT_CALL' OR ${k}.post_process_status = 'DO_NOT_CALL' THEN 'DO_NOT_CALL'
    WHEN ${k}.do_not_call IS TRUE THEN 'contactStatus.doNotCall' END`;
const wrongNumberReason = (k: string) => `CASE
    WHEN ${k}.status = 'WRONG_NUMBER' OR ${k}.post_process_status = 'WRONG_NUMBER' THEN 'WRONG_NUMBER'
    WHEN ${k}.wrong_number IS TRUE THEN 'contactStatus.wrongNumber' END`;
// Written as the partial index calls_suppressing_phone_idx's predicate, so the planner can use it.
const SUPPRESSING_CALL = (k: string) => `(${k}.do_not_call IS TRUE OR ${k}.wrong_number IS TRUE
    OR ${k}.status IN ('DO_NOT_CALL', 'WRONG_NUMBER') OR ${k}.post_process_status IN ('DO_NOT_CALL', 'WRONG_NUMBER')
    OR ${k}.call_status = 'DO_NOT_CALL_REGISTRY_MATCHED')`;

// Newest first: ties on created_at go to the greater id in byte order.
const NEWEST_FIRST = `k.created_at DESC, k.id COLLATE "C" DESC`;
const newest = (column: string) => `(array_agg(k.${column} ORDER BY ${NEWEST_FIRST}) FILTER (WHERE k.${column} IS NOT NULL))[1]`;
const newestCallWith = (column: string) => `(array_agg(k.id ORDER BY ${NEWEST_FIRST}) FILTER (WHERE k.${column} IS NOT NULL))[1]`;

/**
 * The values a contact takes from its newest calls, over the calls `k` of one contact (a GROUP BY
 * contact): the latest call, the latest that is not a test call, and the newest name, number and data
 * with the call each comes from.
 */
const NEWEST_VALUES = `(array_agg(k.id ORDER BY ${NEWEST_FIRST}))[1] AS latest_call_id,
      (array_agg(k.id ORDER BY ${NEWEST_FIRST}) FILTER (WHERE NOT k.is_test_call))[1] AS latest_real_call_id,
      ${newest("contact_name")} AS name, ${newest("contact_phone")} AS phone_number, ${newest("contact_data")} AS data,
      ${newestCallWith("contact_name")} AS name_call_id, ${newestCallWith("contact_phone")} AS phone_call_id,
      ${newestCallWith("contact_data")} AS data_call_id`;

/**
 * The new version `now` of a call (formerly `before`) leaves its contact's kept facts (the sums and
 * the calls the newest values come from, contacts.facts_kept) as exact as they were when only added
 * to: it stays with its contact, in its campaign, at its time, a test call or not as before, and
 * whatever it put on the contact (a do-not-call or wrong-number reason, a name, a number, data) it
 * still puts there. Otherwise its contact is recomputed from all its calls. True for nearly every
 * delivery: a call's later stages add to it.
 */
export const KEEPS_CONTACT_FACTS = (before: string, now: string) => `(${now}.contact_id IS NOT DISTINCT FROM ${before}.contact_id
    AND ${now}.created_at IS NOT DISTINCT FROM ${before}.created_at AND ${now}.campaign_id IS NOT DISTINCT FROM ${before}.campaign_id
    AND ${now}.is_test_call IS NOT DISTINCT FROM ${before}.is_test_call
    AND (${doNotCallReason(before)} IS NULL OR ${doNotCallReason(now)} IS NOT NULL)
    AND (${wrongNumberReason(before)} IS NULL OR ${wrongNumberReason(now)} IS NOT NULL)
    AND (${before}.contact_name IS NULL OR ${now}.contact_name IS NOT NULL)
    AND (${before}.contact_phone IS NULL OR ${now}.contact_phone IS NOT NULL)
    AND (${before}.contact_data IS NULL OR ${now}.contact_data IS NOT NULL))`;

/**
 * Recomputes contacts, follow-up items and suppressed numbers. `scope` "batch" takes the contact ids
 * as $1 (text[]) and normalised numbers as $2 (text[]) and returns the follow-up items it changed
 * (CHANGED_ITEMS); "all" recomputes everything (no parameters).
 * A batch adds its calls to the kept facts of its contacts (contacts.facts_kept): $3 (text[]) the
 * contacts to recompute from all their calls instead (a batch call did not keep them,
 * KEEPS_CONTACT_FACTS), $4 (text[]) the batch's calls, $5 (text[]) those of them new to their contact
 * (each counts once more), $6 (text[]) the contacts the batch's calls are with now (the others in $1
 * keep their facts as they are). Contacts whose facts are not kept yet are recomputed from all their calls.
 * The caller holds the locks (LOCK_CONTACT_STATE_SQL) so that this statement, whose snapshot is taken
 * after them, sees every call of these contacts and numbers committed before.
 */
export function recomputeContactStateSql(scope: "batch" | "all", { followUps = true }: { followUps?: boolean } = {}): string {
  const contactIn = (column: string) => (scope === "batch" ? `${column} = ANY($1::text[])` : `${column} IS NOT NULL`);
  const phoneIn = (expression: string) => (scope === "batch" ? `${expression} = ANY($2::text[])` : `${expression} IS NOT NULL`);
  // The calls that put a number on a list (never one without a number). A batch's numbers are read one
  // at a time through calls_suppressing_phone_idx: as "= ANY($2)" the planner misjudged the index and
  // ANDed it with a scan of every status index (45 ms a batch at 1M calls, 2 ms so).
  const suppressingCalls =
    scope === "batch"
      ? `(SELECT DISTINCT t.n FROM unnest($2::text[]) AS t(n)) AS touched CROSS JOIN LATERAL (
      SELECT * FROM calls c WHERE callboard_e164(c.contact_phone) = touched.n AND ${SUPPRESSING_CALL("c")}
      ORDER BY callboard_e164(c.contact_phone), c.created_at) AS k`
      : `(SELECT * FROM calls c WHERE ${phoneIn("callboard_e164(c.contact_phone)")} AND ${SUPPRESSING_CALL("c")}) AS k`;
  const recounted = (where: string) => `SELECT k.contact_id AS id, count(*)::int AS call_count, min(k.created_at) AS first_call_at, max(k.created_at) AS last_call_at,
      COALESCE(array_agg(DISTINCT k.campaign_id ORDER BY k.campaign_id) FILTER (WHERE k.campaign_id IS NOT NULL), '{}') AS campaign_ids,
      ${NEWEST_VALUES},
      COALESCE(bool_or(${doNotCallReason("k")} IS NOT NULL), false) AS do_not_call,
      COALESCE(bool_or(${wrongNumberReason("k")} IS NOT NULL), false) AS wrong_number
    FROM calls k WHERE ${where} GROUP BY k.contact_id`;
  const facts =
    scope === "all"
      ? `facts AS MATERIALIZED (${recounted("k.contact_id IS NOT NULL")}),`
      : // Kept contacts: their sums plus the batch's calls new to them; their newest values from the
        // calls they came from and the batch's calls (the only calls that can be newer). Both read
        // calls by id, so a contact with thousands of calls costs what one with three does.
        `kept AS MATERIALIZED (
    SELECT c.id FROM contacts c WHERE c.id = ANY($1::text[]) AND c.facts_kept AND NOT (c.id = ANY($3::text[]))),
  -- Read by id (a join on the ids, not "id = ANY" beside the contact: that was planned as a scan of
  -- every call of the contact, filtered); calls of contacts not kept are left out in facts.
  kept_candidates AS MATERIALIZED (
    SELECT k.* FROM (
        SELECT unnest(ARRAY[c.latest_call_id, c.latest_real_call_id, c.name_call_id, c.phone_call_id, c.data_call_id])
        FROM contacts c WHERE c.id IN (SELECT id FROM kept) AND c.id = ANY($6::text[])
        UNION SELECT unnest($4::text[])) AS candidate(id)
      JOIN calls k ON k.id = candidate.id),
  facts AS MATERIALIZED (
    ${recounted("k.contact_id = ANY(ARRAY(SELECT t.id FROM unnest($1::text[]) AS t(id) WHERE t.id NOT IN (SELECT id FROM kept)))")}
    UNION ALL
    SELECT s.id, s.call_count + (count(*) FILTER (WHERE k.id = ANY($5::text[])))::int, least(s.first_call_at, min(k.created_at)),
      greatest(s.last_call_at, max(k.created_at)),
      ARRAY(SELECT DISTINCT x.id FROM unnest(s.campaign_ids || array_agg(k.campaign_id) FILTER (WHERE k.campaign_id IS NOT NULL)) AS x(id) ORDER BY x.id),
      ${NEWEST_VALUES},
      s.do_not_call OR COALESCE(bool_or(${doNotCallReason("k")} IS NOT NULL), false),
      s.wrong_number OR COALESCE(bool_or(${wrongNumberReason("k")} IS NOT NULL), false)
    FROM contacts s JOIN kept_candidates k ON k.contact_id = s.id WHERE s.id IN (SELECT id FROM kept) AND s.id = ANY($6::text[]) GROUP BY s.id
    UNION ALL
    -- Kept contacts none of the batch's calls is with (others with a number the batch touches): as they are.
    SELECT s.id, s.call_count, s.first_call_at, s.last_call_at, s.campaign_ids, s.latest_call_id, s.latest_real_call_id,
      s.name, s.phone_number, s.data, s.name_call_id, s.phone_call_id, s.data_call_id, s.do_not_call, s.wrong_number
    FROM contacts s WHERE s.id IN (SELECT id FROM kept) AND NOT (s.id = ANY($6::text[]))),`;
  return `WITH
  ${facts}
  contacts_now AS MATERIALIZED (
    SELECT f.*, true AS facts_kept, callboard_e164(f.phone_number) AS phone_e164, a.status AS latest_status, l.created_at AS real_call_at,
      COALESCE(${FOLLOW_UP_QUEUES.callbacks.condition}, false) AS callback_requested,
      COALESCE(${FOLLOW_UP_QUEUES.leads.condition}, false) AS interested
    FROM facts f JOIN calls a ON a.id = f.latest_call_id LEFT JOIN calls l ON l.id = f.latest_real_call_id),
  contacts_refreshed AS (
    UPDATE contacts c SET name = n.name, phone_number = n.phone_number, phone_e164 = n.phone_e164, data = n.data,
      last_call_at = n.last_call_at, first_call_at = n.first_call_at, call_count = n.call_count, campaign_ids = n.campaign_ids,
      latest_call_id = n.latest_call_id, latest_status = n.latest_status, callback_requested = n.callback_requested,
      interested = n.interested, do_not_call = n.do_not_call, wrong_number = n.wrong_number,
      latest_real_call_id = n.latest_real_call_id, name_call_id = n.name_call_id, phone_call_id = n.phone_call_id,
      data_call_id = n.data_call_id, facts_kept = n.facts_kept
    FROM contacts_now n
    WHERE c.id = n.id AND (c.name, c.phone_number, c.phone_e164, c.data, c.last_call_at, c.first_call_at, c.call_count,
        c.campaign_ids, c.latest_call_id, c.latest_status, c.callback_requested, c.interested, c.do_not_call, c.wrong_number,
        c.latest_real_call_id, c.name_call_id, c.phone_call_id, c.data_call_id, c.facts_kept)
      IS DISTINCT FROM (n.name, n.phone_number, n.phone_e164, n.data, n.last_call_at, n.first_call_at, n.call_count,
        n.campaign_ids, n.latest_call_id, n.latest_status, n.callback_requested, n.interested, n.do_not_call, n.wrong_number,
        n.latest_real_call_id, n.name_call_id, n.phone_call_id, n.data_call_id, n.facts_kept)),
  contacts_emptied AS (
    DELETE FROM contacts c WHERE ${contactIn("c.id")} AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.id = c.id)),
  suppressing AS MATERIALIZED (
    SELECT v.list, callboard_e164(k.contact_phone) AS phone, v.reason, k.created_at, k.id, k.contact_id, k.contact_name
    FROM ${suppressingCalls} CROSS JOIN LATERAL (VALUES ('do_not_call', ${doNotCallReason("k")}), ('wrong_number', ${wrongNumberReason("k")})) AS v(list, reason)
    WHERE v.reason IS NOT NULL),
  suppressed_now AS MATERIALIZED (
    SELECT DISTINCT ON (list, phone) list, phone, reason, created_at AS first_seen_at, id AS call_id, contact_id, contact_name,
      max(created_at) OVER w AS last_seen_at, (count(*) OVER w)::int AS calls
    FROM suppressing WINDOW w AS (PARTITION BY list, phone)
    ORDER BY list, phone, created_at, id COLLATE "C"),
  suppressed_written AS (
    INSERT INTO suppressed_numbers AS s (list, phone, reason, first_seen_at, last_seen_at, call_id, contact_id, contact_name, calls)
    SELECT list, phone, reason, first_seen_at, last_seen_at, call_id, contact_id, contact_name, calls FROM suppressed_now
    ORDER BY list, phone
    ON CONFLICT (list, phone) DO UPDATE SET reason = EXCLUDED.reason, first_seen_at = EXCLUDED.first_seen_at,
      last_seen_at = EXCLUDED.last_seen_at, call_id = EXCLUDED.call_id, contact_id = EXCLUDED.contact_id,
      contact_name = EXCLUDED.contact_name, calls = EXCLUDED.calls
    WHERE (s.reason, s.first_seen_at, s.last_seen_at, s.call_id, s.contact_id, s.contact_name, s.calls)
      IS DISTINCT FROM (EXCLUDED.reason, EXCLUDED.first_seen_at, EXCLUDED.last_seen_at, EXCLUDED.call_id, EXCLUDED.contact_id,
        EXCLUDED.contact_name, EXCLUDED.calls)),
  suppressed_emptied AS (
    DELETE FROM suppressed_numbers s WHERE s.list IN ('do_not_call', 'wrong_number') AND ${phoneIn("s.phone")}
      AND NOT EXISTS (SELECT 1 FROM suppressed_now n WHERE n.list = s.list AND n.phone = s.phone))${followUps ? `,
  ${followUpsSql(contactIn, phoneIn)}
  ${scope === "batch" ? CHANGED_ITEMS : "SELECT 1"}` : `
  SELECT 1`}`;
}

/**
 * What a batch's recomputation returns: the items it opened, moved to a newer call, reopened, or took
 * out of or back into their queue, one row each (id, contact_id, state), for the live events.
 */
const CHANGED_ITEMS = `SELECT id::text, contact_id, state FROM items_opened
  UNION ALL SELECT id::text, contact_id, state FROM items_updated`;

/** The follow-up part of the recomputation: over `contacts_now`, for the items of the contacts in scope. */
function followUpsSql(contactIn: (column: string) => string, phoneIn: (expression: string) => string): string {
  const queues = Object.entries(FOLLOW_UP_QUEUES);
  // On the do-not-call list: as this statement leaves it for the numbers in scope, as it is for others.
  const suppressed = `(EXISTS (SELECT 1 FROM suppressed_now s WHERE s.list = 'do_not_call' AND s.phone = n.phone_e164)
      OR (NOT (${phoneIn("n.phone_e164")}) AND EXISTS (SELECT 1 FROM suppressed_numbers s WHERE s.list = 'do_not_call' AND s.phone = n.phone_e164)))`;
  return `queue_now AS MATERIALIZED (
    SELECT n.id AS contact_id, q.queue, n.latest_real_call_id AS latest_call_id, n.real_call_at AS last_call_at,
      COALESCE(CASE q.queue ${queues.map(([queue]) => `WHEN '${queue}' THEN n.${queue === "callbacks" ? "callback_requested" : "interested"}`).join(" ")} END
        AND NOT n.do_not_call AND NOT ${suppressed}, false) AS qualifies
    FROM contacts_now n CROSS JOIN (VALUES ${queues.map(([queue]) => `('${queue}')`).join(", ")}) AS q(queue)),
  items_opened AS (
    INSERT INTO follow_ups (contact_id, queue, trigger_call_id, trigger_at, waiting_since)
    SELECT n.contact_id, n.queue, n.latest_call_id, n.last_call_at, n.last_call_at FROM queue_now n
    WHERE n.qualifies
    ORDER BY n.contact_id, n.queue
    -- An item the contact has already is its unique key's conflict (a "NOT EXISTS" here was planned
    -- as an anti-join over every item: 36 ms a batch at 1M calls).
    ON CONFLICT (contact_id, queue) DO NOTHING
    RETURNING id, contact_id, trigger_call_id, state),
  -- The items were locked before this statement (LOCK_CONTACT_STATE_SQL), so what it reads of them
  -- is what it updates: a person's change commits before it or waits for it (and then gets a 409).
  items_seen AS MATERIALIZED (
    SELECT x.id, x.state AS old_state, COALESCE(n.qualifies, false) AS qualifies, n.latest_call_id, n.last_call_at,
      COALESCE(n.qualifies AND n.last_call_at > x.trigger_at, false) AS newer,
      CASE x.queue ${queues.map(([queue, q]) => `WHEN '${queue}' THEN '${q.reopenReason}'`).join(" ")} END AS reason
    FROM follow_ups x LEFT JOIN queue_now n ON n.contact_id = x.contact_id AND n.queue = x.queue
    WHERE ${contactIn("x.contact_id")}),
  -- A newer qualifying call moves the item to it and is a change people must see: the version goes
  -- up (a person acting on what they read before gets a 409), and a done item opens again.
  items_updated AS (
    UPDATE follow_ups u SET active = s.qualifies,
      trigger_call_id = CASE WHEN s.newer THEN s.latest_call_id ELSE u.trigger_call_id END,
      trigger_at = CASE WHEN s.newer THEN s.last_call_at ELSE u.trigger_at END,
      version = CASE WHEN s.newer THEN u.version + 1 ELSE u.version END,
      state = CASE WHEN s.newer AND u.state = 'done' THEN 'open' ELSE u.state END,
      waiting_since = CASE WHEN s.newer AND u.state = 'done' THEN s.last_call_at ELSE u.waiting_since END,
      reopened_reason = CASE WHEN s.newer AND u.state = 'done' THEN s.reason ELSE u.reopened_reason END,
      updated_at = CASE WHEN s.newer THEN now() ELSE u.updated_at END
    FROM items_seen s
    WHERE u.id = s.id AND (u.active IS DISTINCT FROM s.qualifies OR s.newer)
    RETURNING u.id, u.contact_id, u.trigger_call_id, u.state, s.newer, s.old_state, s.reason),
  changes_written AS (
    INSERT INTO follow_up_changes (follow_up_id, contact_id, state, reason, call_id)
    SELECT id, contact_id, 'open', 'opened by a call', trigger_call_id FROM items_opened
    UNION ALL
    SELECT id, contact_id, state, CASE WHEN old_state = 'done' THEN 'reopened: ' || reason ELSE reason END, trigger_call_id
    FROM items_updated WHERE newer)`;
}

/**
 * Locks the contacts ($1, text[]), the other contacts with a number a batch touches (one on the
 * do-not-call list takes them all out of the queues), their follow-up items, and the numbers — those
 * the batch's calls ($3, text[]) had before ($2, text[], normalised) and have now — in
 * a fixed order, so that concurrent batches recompute them one after the other. FOR NO KEY UPDATE, not
 * FOR UPDATE: that conflicts with the KEY SHARE locks the calls' foreign keys take, and two instances'
 * batches holding those deadlocked (seen in the two-instances test). A number has no row of its own
 * to lock (it may be on no list yet): a transaction-level advisory lock stands for it.
 */
export const LOCK_CONTACT_STATE_SQL = `WITH
  numbers AS MATERIALIZED (
    SELECT p FROM (SELECT p FROM unnest($2::text[]) AS t(p)
      UNION SELECT callboard_e164(contact_phone) FROM calls WHERE id = ANY($3::text[])) AS touched
    WHERE p IS NOT NULL),
  contacts_locked AS MATERIALIZED (
    -- Both sides as arrays, so that the plan is a BitmapOr of the two indexes: with "phone_e164 IN
    -- (SELECT …)" it filtered every contact (180 ms a batch at 1M calls, 35 webhooks/s).
    SELECT id FROM contacts WHERE id = ANY($1::text[]) OR phone_e164 = ANY(ARRAY(SELECT p FROM numbers)) ORDER BY id FOR NO KEY UPDATE),
  items_locked AS (
    SELECT id FROM follow_ups WHERE contact_id IN (SELECT id FROM contacts_locked) ORDER BY id FOR NO KEY UPDATE),
  numbers_locked AS (
    SELECT pg_advisory_xact_lock(hashtextextended('callboard-number:' || p, 0))
    FROM (SELECT p FROM numbers ORDER BY p COLLATE "C") AS ordered)
  SELECT (SELECT count(*) FROM items_locked) AS items, (SELECT count(*) FROM numbers_locked) AS locked,
    ARRAY(SELECT id FROM contacts_locked) AS contacts, ARRAY(SELECT p FROM numbers) AS numbers`;

/** The numbers among $1 (text[]) on the do-not-call list. */
export const DO_NOT_CALL_NUMBERS_SQL = `SELECT phone FROM suppressed_numbers WHERE list = 'do_not_call' AND phone = ANY($1::text[])`;

/**
 * The contacts among $1 (text[]) with one of the numbers $2 (text[]): when a number goes on or off the
 * do-not-call list, each of them goes out of or back into the queues.
 */
export const ON_NUMBERS_SQL = `SELECT id FROM contacts WHERE id = ANY($1::text[]) AND phone_e164 = ANY($2::text[]) ORDER BY id`;
