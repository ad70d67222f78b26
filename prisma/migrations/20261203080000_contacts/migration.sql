-- Contacts as a team works them: each contact's calls summed up (kept exact by the ingest
-- transaction, lib/contacts/contact-state-sql.ts), follow-up queue items with their history, and the
-- do-not-call list, one row per normalised phone number.

-- The phone number in one spelling (lib/voxia/phone-number.ts does the same in TypeScript).
CREATE FUNCTION callboard_e164(phone text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT CASE
      WHEN regexp_replace(phone, '[^0-9]', '', 'g') = '' THEN NULL
      WHEN phone ~ '^[ \t]*\+' THEN '+' || regexp_replace(phone, '[^0-9]', '', 'g')
      WHEN phone ~ '^[ \t]*00' THEN '+' || substr(regexp_replace(phone, '[^0-9]', '', 'g'), 3)
      ELSE regexp_replace(phone, '[^0-9]', '', 'g')
    END $$;

-- The contact key of calls without a Voxia contact id (lib/voxia/phone-number.ts, phoneContactKey):
-- a digest of the normalised number, so the key does not show the number to a viewer.
CREATE FUNCTION callboard_phone_contact_key(phone text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT 'phone:' || left(md5(callboard_e164(phone)), 16) $$;

ALTER TABLE "contacts"
  ADD COLUMN "phone_e164" TEXT,
  ADD COLUMN "call_count" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "first_call_at" TIMESTAMPTZ(3),
  ADD COLUMN "campaign_ids" TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN "latest_call_id" TEXT,
  ADD COLUMN "latest_status" TEXT,
  ADD COLUMN "callback_requested" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "interested" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "do_not_call" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "wrong_number" BOOLEAN NOT NULL DEFAULT false;

-- Older-format contacts were keyed by the number as sent; now by the number normalised (as a
-- digest), so "+1 617 555 0198" and "+16175550198" are one person. Re-key their calls (new rows first, for the
-- foreign key), then drop the rows no call is in any more.
INSERT INTO "contacts" ("id", "name", "phone_number", "data", "last_call_at")
SELECT DISTINCT ON (k) k, c."name", c."phone_number", c."data", c."last_call_at"
FROM (SELECT callboard_phone_contact_key(substr("id", 7)) AS k, * FROM "contacts" WHERE "id" LIKE 'phone:%') c
WHERE k IS NOT NULL
ORDER BY k, c."last_call_at" DESC
ON CONFLICT ("id") DO NOTHING;
UPDATE "calls" SET "contact_id" = callboard_phone_contact_key(substr("contact_id", 7))
WHERE "contact_id" LIKE 'phone:%' AND callboard_phone_contact_key(substr("contact_id", 7)) IS DISTINCT FROM "contact_id";
DELETE FROM "contacts" c WHERE c."id" LIKE 'phone:%' AND NOT EXISTS (SELECT 1 FROM "calls" k WHERE k."contact_id" = c."id");


-- Follow-up queue items: one per contact and queue. Not tied to contacts by a foreign key: they are
-- people's work, kept when the call tables are rebuilt (npm run reprocess).
CREATE TABLE "follow_ups" (
  "id" BIGSERIAL PRIMARY KEY,
  "contact_id" TEXT NOT NULL,
  "queue" TEXT NOT NULL,
  "state" TEXT NOT NULL DEFAULT 'open',
  "version" INTEGER NOT NULL DEFAULT 1,
  -- The contact's latest call qualifies for the queue (kept by the ingest transaction).
  "active" BOOLEAN NOT NULL DEFAULT true,
  -- The newest call that put the contact in the queue, and when it was made.
  "trigger_call_id" TEXT NOT NULL,
  "trigger_at" TIMESTAMPTZ(3) NOT NULL,
  -- Since when the contact has been waiting (the call that opened or reopened the item).
  "waiting_since" TIMESTAMPTZ(3) NOT NULL,
  "snooze_until" TIMESTAMPTZ(3),
  "outcome" TEXT,
  "note" TEXT,
  "updated_by" TEXT,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "reopened_reason" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "follow_ups_state_check" CHECK ("state" IN ('open', 'done', 'snoozed')),
  CONSTRAINT "follow_ups_queue_check" CHECK ("queue" IN ('callbacks', 'leads'))
);
CREATE UNIQUE INDEX "follow_ups_contact_queue_key" ON "follow_ups" ("contact_id", "queue");
-- A queue's items in waiting order: open and snoozed ones (a snooze past its date is open), done ones.
-- (state and snooze_until included, so a queue's count reads the index alone.)
CREATE INDEX "follow_ups_waiting_idx" ON "follow_ups" ("queue", "waiting_since", "id") INCLUDE ("state", "snooze_until") WHERE "active" AND "state" <> 'done';
CREATE INDEX "follow_ups_done_idx" ON "follow_ups" ("queue", "waiting_since", "id") WHERE "active" AND "state" = 'done';

-- Every change of an item, by a person or by a call.
CREATE TABLE "follow_up_changes" (
  "id" BIGSERIAL PRIMARY KEY,
  "follow_up_id" BIGINT NOT NULL REFERENCES "follow_ups" ("id") ON DELETE CASCADE,
  "contact_id" TEXT NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  -- Who: a person's name, or null when a call did it.
  "by_name" TEXT,
  "by_user_id" TEXT,
  "state" TEXT NOT NULL,
  "outcome" TEXT,
  "note" TEXT,
  "snooze_until" TIMESTAMPTZ(3),
  -- Why, when a call did it ("opened by call …", "reopened: …").
  "reason" TEXT,
  "call_id" TEXT
);
CREATE INDEX "follow_up_changes_contact_idx" ON "follow_up_changes" ("contact_id", "at" DESC, "id" DESC);
CREATE INDEX "follow_up_changes_item_idx" ON "follow_up_changes" ("follow_up_id", "at" DESC, "id" DESC);

-- Numbers that must not be called again ('do_not_call') and wrong numbers ('wrong_number'), one row
-- per normalised number and list, recomputed from calls by the ingest transaction.
CREATE TABLE "suppressed_numbers" (
  "list" TEXT NOT NULL,
  "phone" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
  "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
  "call_id" TEXT NOT NULL,
  "contact_id" TEXT,
  "contact_name" TEXT,
  "calls" INTEGER NOT NULL,
  PRIMARY KEY ("list", "phone")
);
CREATE INDEX "suppressed_numbers_seen_idx" ON "suppressed_numbers" ("list", "first_seen_at" DESC, "phone" DESC);

-- The calls that put a number on a list, by number, for the recomputation.
CREATE INDEX "calls_suppressing_phone_idx" ON "calls" (callboard_e164("contact_phone"), "created_at")
  WHERE "do_not_call" IS TRUE OR "wrong_number" IS TRUE OR "status" IN ('DO_NOT_CALL', 'WRONG_NUMBER')
    OR "post_process_status" IN ('DO_NOT_CALL', 'WRONG_NUMBER') OR "call_status" = 'DO_NOT_CALL_REGISTRY_MATCHED';

-- Fill the contacts' derived columns, the follow-up queues and the lists from the calls there are:
-- recomputeContactStateSql("all") of lib/contacts/contact-state-sql.ts as of this migration.
WITH
  facts AS MATERIALIZED (
    SELECT k.contact_id AS id, count(*)::int AS call_count, min(k.created_at) AS first_call_at, max(k.created_at) AS last_call_at,
      COALESCE(array_agg(DISTINCT k.campaign_id ORDER BY k.campaign_id) FILTER (WHERE k.campaign_id IS NOT NULL), '{}') AS campaign_ids,
      (array_agg(k.id ORDER BY k.created_at DESC, k.id COLLATE "C" DESC))[1] AS latest_call_id,
      (array_agg(k.id ORDER BY k.created_at DESC, k.id COLLATE "C" DESC) FILTER (WHERE NOT k.is_test_call))[1] AS latest_real_call_id,
      (array_agg(k.contact_name ORDER BY k.created_at DESC, k.id COLLATE "C" DESC) FILTER (WHERE k.contact_name IS NOT NULL))[1] AS name, (array_agg(k.contact_phone ORDER BY k.created_at DESC, k.id COLLATE "C" DESC) FILTER (WHERE k.contact_phone IS NOT NULL))[1] AS phone_number, (array_agg(k.contact_data ORDER BY k.created_at DESC, k.id COLLATE "C" DESC) FILTER (WHERE k.contact_data IS NOT NULL))[1] AS data,
      COALESCE(bool_or(CASE
    WHEN k.call_status = 'DO_NOT_CALL_REGISTRY_MATCHED' THEN 'DO_NOT_CALL_REGISTRY_MATCHED'
    WHEN k.status = 'DO_NOT_CALL' OR k.post_process_status = 'DO_NOT_CALL' THEN 'DO_NOT_CALL'
    WHEN k.do_not_call IS TRUE THEN 'contactStatus.doNotCall' END IS NOT NULL), false) AS do_not_call,
      COALESCE(bool_or(CASE
    WHEN k.status = 'WRONG_NUMBER' OR k.post_process_status = 'WRONG_NUMBER' THEN 'WRONG_NUMBER'
    WHEN k.wrong_number IS TRUE THEN 'contactStatus.wrongNumber' END IS NOT NULL), false) AS wrong_number
    FROM calls k WHERE k.contact_id IS NOT NULL GROUP BY k.contact_id),
  contacts_now AS MATERIALIZED (
    SELECT f.*, callboard_e164(f.phone_number) AS phone_e164, a.status AS latest_status, l.created_at AS real_call_at,
      COALESCE(("l"."call_me_later" IS TRUE OR "l"."status" = 'CALL_ME_LATER' OR "l"."post_process_status" = 'CALL_ME_LATER'), false) AS callback_requested,
      COALESCE(("l"."interested_reached" IS TRUE OR "l"."status" = 'INTERESTED' OR "l"."post_process_status" = 'INTERESTED'), false) AS interested
    FROM facts f JOIN calls a ON a.id = f.latest_call_id LEFT JOIN calls l ON l.id = f.latest_real_call_id),
  contacts_refreshed AS (
    UPDATE contacts c SET name = n.name, phone_number = n.phone_number, phone_e164 = n.phone_e164, data = n.data,
      last_call_at = n.last_call_at, first_call_at = n.first_call_at, call_count = n.call_count, campaign_ids = n.campaign_ids,
      latest_call_id = n.latest_call_id, latest_status = n.latest_status, callback_requested = n.callback_requested,
      interested = n.interested, do_not_call = n.do_not_call, wrong_number = n.wrong_number
    FROM contacts_now n
    WHERE c.id = n.id AND (c.name, c.phone_number, c.phone_e164, c.data, c.last_call_at, c.first_call_at, c.call_count,
        c.campaign_ids, c.latest_call_id, c.latest_status, c.callback_requested, c.interested, c.do_not_call, c.wrong_number)
      IS DISTINCT FROM (n.name, n.phone_number, n.phone_e164, n.data, n.last_call_at, n.first_call_at, n.call_count,
        n.campaign_ids, n.latest_call_id, n.latest_status, n.callback_requested, n.interested, n.do_not_call, n.wrong_number)),
  contacts_emptied AS (
    DELETE FROM contacts c WHERE c.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.id = c.id)),
  suppressing AS MATERIALIZED (
    SELECT v.list, callboard_e164(k.contact_phone) AS phone, v.reason, k.created_at, k.id, k.contact_id, k.contact_name
    FROM calls k CROSS JOIN LATERAL (VALUES ('do_not_call', CASE
    WHEN k.call_status = 'DO_NOT_CALL_REGISTRY_MATCHED' THEN 'DO_NOT_CALL_REGISTRY_MATCHED'
    WHEN k.status = 'DO_NOT_CALL' OR k.post_process_status = 'DO_NOT_CALL' THEN 'DO_NOT_CALL'
    WHEN k.do_not_call IS TRUE THEN 'contactStatus.doNotCall' END), ('wrong_number', CASE
    WHEN k.status = 'WRONG_NUMBER' OR k.post_process_status = 'WRONG_NUMBER' THEN 'WRONG_NUMBER'
    WHEN k.wrong_number IS TRUE THEN 'contactStatus.wrongNumber' END)) AS v(list, reason)
    WHERE callboard_e164(k.contact_phone) IS NOT NULL AND (k.do_not_call IS TRUE OR k.wrong_number IS TRUE
    OR k.status IN ('DO_NOT_CALL', 'WRONG_NUMBER') OR k.post_process_status IN ('DO_NOT_CALL', 'WRONG_NUMBER')
    OR k.call_status = 'DO_NOT_CALL_REGISTRY_MATCHED') AND v.reason IS NOT NULL),
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
    DELETE FROM suppressed_numbers s WHERE s.phone IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM suppressed_now n WHERE n.list = s.list AND n.phone = s.phone)),
  queue_now AS MATERIALIZED (
    SELECT n.id AS contact_id, q.queue, n.latest_real_call_id AS latest_call_id, n.real_call_at AS last_call_at,
      COALESCE(CASE q.queue WHEN 'callbacks' THEN n.callback_requested WHEN 'leads' THEN n.interested END
        AND NOT n.do_not_call AND NOT (EXISTS (SELECT 1 FROM suppressed_now s WHERE s.list = 'do_not_call' AND s.phone = n.phone_e164)
      OR (NOT (n.phone_e164 IS NOT NULL) AND EXISTS (SELECT 1 FROM suppressed_numbers s WHERE s.list = 'do_not_call' AND s.phone = n.phone_e164))), false) AS qualifies
    FROM contacts_now n CROSS JOIN (VALUES ('callbacks'), ('leads')) AS q(queue)),
  items_opened AS (
    INSERT INTO follow_ups (contact_id, queue, trigger_call_id, trigger_at, waiting_since)
    SELECT n.contact_id, n.queue, n.latest_call_id, n.last_call_at, n.last_call_at FROM queue_now n
    WHERE n.qualifies AND NOT EXISTS (SELECT 1 FROM follow_ups u WHERE u.contact_id = n.contact_id AND u.queue = n.queue)
    ORDER BY n.contact_id, n.queue
    ON CONFLICT (contact_id, queue) DO NOTHING
    RETURNING id, contact_id, trigger_call_id),
  -- The items were locked before this statement (LOCK_CONTACT_STATE_SQL), so what it reads of them
  -- is what it updates: a person's change commits before it or waits for it (and then gets a 409).
  items_seen AS MATERIALIZED (
    SELECT x.id, x.state AS old_state, COALESCE(n.qualifies, false) AS qualifies, n.latest_call_id, n.last_call_at,
      COALESCE(n.qualifies AND n.last_call_at > x.trigger_at, false) AS newer,
      CASE x.queue WHEN 'callbacks' THEN 'a newer call asked to be called back' WHEN 'leads' THEN 'a newer call showed interest' END AS reason
    FROM follow_ups x LEFT JOIN queue_now n ON n.contact_id = x.contact_id AND n.queue = x.queue
    WHERE x.contact_id IS NOT NULL),
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
    FROM items_updated WHERE newer)
  SELECT 1;

-- The contacts list's order, filters and search (after the fill, which rewrites every contact row).
CREATE INDEX "contacts_last_call_idx" ON "contacts" ("last_call_at" DESC, "id" DESC);
CREATE INDEX "contacts_phone_idx" ON "contacts" ("phone_e164");
CREATE INDEX "contacts_campaigns_idx" ON "contacts" USING gin ("campaign_ids");
CREATE INDEX "contacts_latest_status_idx" ON "contacts" ("latest_status", "last_call_at" DESC, "id" DESC);
CREATE INDEX "contacts_name_trgm_idx" ON "contacts" USING gin ("name" gin_trgm_ops);
CREATE INDEX "contacts_phone_trgm_idx" ON "contacts" USING gin ("phone_number" gin_trgm_ops);
-- A flag filter (callbackRequested, interested, doNotCall, wrongNumber) in list order, and counted.
CREATE INDEX "contacts_callback_idx" ON "contacts" ("last_call_at" DESC, "id" DESC) WHERE "callback_requested";
CREATE INDEX "contacts_interested_idx" ON "contacts" ("last_call_at" DESC, "id" DESC) WHERE "interested";
CREATE INDEX "contacts_do_not_call_idx" ON "contacts" ("last_call_at" DESC, "id" DESC) WHERE "do_not_call";
CREATE INDEX "contacts_wrong_number_idx" ON "contacts" ("last_call_at" DESC, "id" DESC) WHERE "wrong_number";
-- Search in contact.data (an email, a company), as the calls list's.
CREATE INDEX "contacts_data_text_trgm_idx" ON "contacts" USING gin (callboard_contact_data_text("data") gin_trgm_ops);
