-- A contact's sums (call count, first and last call, campaigns, flags) are kept as its calls arrive,
-- instead of being recomputed from every call of the contact in each batch: a contact with thousands
-- of calls cost a batch 20–70 ms at 1M calls. The newest values (latest call, latest call that is not
-- a test call, name, number, data) are kept as the call each comes from, so that a batch compares its
-- own calls with those (lib/contacts/contact-state-sql.ts).
ALTER TABLE "contacts"
  ADD COLUMN "latest_real_call_id" TEXT,
  ADD COLUMN "name_call_id" TEXT,
  ADD COLUMN "phone_call_id" TEXT,
  ADD COLUMN "data_call_id" TEXT,
  -- The columns above and the sums are exact for this contact's calls: false for rows from before
  -- this migration and rows just added by the ingest writer, which the next batch that touches them
  -- recomputes from all their calls (and so makes true).
  ADD COLUMN "facts_kept" BOOLEAN NOT NULL DEFAULT false;
