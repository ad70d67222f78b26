-- Indexes for the filters of lib/calls/call-filters.ts that had none (docs/performance.md, "Filters").
-- Each list filter on a calls column ends with the list's keyset (created_at, id), like the others, so
-- a page of a filter is an index range read in order.
CREATE INDEX "calls_hang_up_reason_created_at_id_idx" ON "calls"("hang_up_reason", "created_at" DESC, "id" DESC);
CREATE INDEX "calls_post_process_status_created_at_id_idx" ON "calls"("post_process_status", "created_at" DESC, "id" DESC);
CREATE INDEX "calls_webhook_event_created_at_id_idx" ON "calls"("webhook_event", "created_at" DESC, "id" DESC);

-- contactStatus: one partial index per flag, holding only the calls where it is true (a few percent).
CREATE INDEX "calls_call_me_later_created_at_id_idx" ON "calls"("created_at" DESC, "id" DESC) WHERE "call_me_later" IS TRUE;
CREATE INDEX "calls_do_not_call_created_at_id_idx" ON "calls"("created_at" DESC, "id" DESC) WHERE "do_not_call" IS TRUE;
CREATE INDEX "calls_wrong_number_created_at_id_idx" ON "calls"("created_at" DESC, "id" DESC) WHERE "wrong_number" IS TRUE;

-- minDuration / maxDuration.
CREATE INDEX "calls_duration_idx" ON "calls"("duration");

-- `event`: the calls with an event of a type, read from the index alone.
DROP INDEX IF EXISTS "call_events_type_idx";
CREATE INDEX "call_events_type_call_id_idx" ON "call_events"("type", "call_id");

-- `answer`: a question's answers by value (eq on a text or option), and the types a label has (the
-- API checks a value against them, reading the distinct types by a skip scan of this index).
CREATE INDEX "call_answers_label_value_text_idx" ON "call_answers"("label", "value_text");
CREATE INDEX "call_answers_label_type_idx" ON "call_answers"("label", "type");

-- `q` in contact.data: the text of its values (not keys), one per line, trigram-indexed. PL/pgSQL so
-- the planner does not inline it: the query's expression must stay the index's expression.
CREATE FUNCTION callboard_contact_data_text(data jsonb) RETURNS text
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  IF jsonb_typeof(data) <> 'object' THEN RETURN NULL; END IF;
  RETURN (SELECT string_agg(value, E'\n' ORDER BY key) FROM jsonb_each_text(data));
END $$;
CREATE INDEX "calls_contact_data_text_trgm_idx" ON "calls" USING GIN (callboard_contact_data_text("contact_data") gin_trgm_ops);
