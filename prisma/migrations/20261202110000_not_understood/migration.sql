-- Known fields Voxia sent in a shape this version cannot read (a summary that is an array, a
-- createdAt that is no date), kept as sent and shown instead of dropped (lib/voxia/voxia-payload.ts).
-- Calls stored before this migration get theirs from `npm run reprocess`.
ALTER TABLE "calls" ADD COLUMN "not_understood" JSONB;
