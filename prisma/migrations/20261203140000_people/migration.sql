-- A disabled user keeps their row, role and tokens' rows but cannot sign in, and their sessions and
-- API tokens stop working while disabled (checked on every lookup, so re-enabling needs no re-issue).
ALTER TABLE users ADD COLUMN disabled_at timestamptz(3);

-- One-time sign-in links: an admin hands one to a new user (or one who forgot their password)
-- instead of an initial password. Only the token's sha256 is stored; a link works once, for 72 h.
CREATE TABLE sign_in_links (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_sha256 text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  used_at timestamptz(3)
);
CREATE UNIQUE INDEX sign_in_links_token_sha256_key ON sign_in_links (token_sha256);
CREATE INDEX sign_in_links_user_id_idx ON sign_in_links (user_id);
