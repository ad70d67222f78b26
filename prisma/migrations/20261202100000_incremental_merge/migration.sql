-- Incremental merge (issue 10): each call keeps the fold state of its merge (every field's winner
-- with its provenance, lib/voxia/merge-call-state.ts), so a new delivery is folded into it instead of
-- re-reading all the call's stored bodies.
-- Existing calls are not backfilled here (the merge is JavaScript): a call whose merge_state is NULL
-- is folded from its stored deliveries, streamed in bounded chunks, the next time one of its
-- deliveries arrives; `npm run reprocess` fills every call at once.
-- Large values are stored out of line and compressed (the default for jsonb): the state is read
-- only by ingestion, never by the pages, so it stays out of the way of their scans.
ALTER TABLE "calls" ADD COLUMN "merge_state" JSONB;
