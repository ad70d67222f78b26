-- A campaign's row and a contact's row become a function of the calls currently in them
-- (lib/ingest/write-call-states.ts): the newest call, by (created_at, id), that names a value gives
-- it, last_call_at is the newest call's time, and a campaign or contact no call is in any more has no
-- row — so live tables and a rebuild from the delivery log (`npm run reprocess`) are identical.

-- Each call keeps the campaign name it was sent with. Existing calls take their campaign's current
-- name (`npm run reprocess` recomputes the exact one from the log).
ALTER TABLE "calls" ADD COLUMN "campaign_name" TEXT;
UPDATE "calls" k SET "campaign_name" = c."name" FROM "campaigns" c WHERE k."campaign_id" = c."id" AND c."name" IS NOT NULL;

-- A contact's newest calls, for recomputing its row when a call joins or leaves it.
CREATE INDEX "calls_contact_id_created_at_id_idx" ON "calls"("contact_id", "created_at" DESC, "id" DESC);

-- Campaigns and contacts left behind by calls that moved (listed with 0 calls until now).
DELETE FROM "campaigns" c WHERE NOT EXISTS (SELECT 1 FROM "calls" k WHERE k."campaign_id" = c."id");
DELETE FROM "contacts" c WHERE NOT EXISTS (SELECT 1 FROM "calls" k WHERE k."contact_id" = c."id");
