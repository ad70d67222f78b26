-- A disabled user keeps their row, role and tokens' rows but cannot sign in, and their sessions and
-- API tokens stop working while disabled (checked on every lookup, so re-enabling needs no re-issue).
ALTER TABLE users ADD COLUMN disabled_at timestamptz(3);
