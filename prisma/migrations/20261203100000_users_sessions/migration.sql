-- People with their own sign-in, revocable sessions, API tokens that act as a user, and sign-in
-- throttling that every app instance shares.

CREATE TABLE "users" (
    "id" UUID PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL CHECK ("role" IN ('admin', 'member', 'viewer')),
    "password_hash" TEXT NOT NULL,
    "must_change_password" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    -- A removed user keeps their row (their name stays on what they did) but cannot sign in.
    "removed_at" TIMESTAMPTZ(3)
);

-- One current user per address, whatever its case; a removed user's address can be given again.
CREATE UNIQUE INDEX "users_email_key" ON "users" (lower("email")) WHERE "removed_at" IS NULL;

-- The cookie holds a random token; only its sha256 is stored, so a database dump signs no one in.
-- user_id is null for the bootstrap admin (DASHBOARD_PASSWORD). key_fingerprint ties a session to
-- SESSION_SECRET (or the password it is derived from): changing it ends every session.
CREATE TABLE "sessions" (
    "id" TEXT PRIMARY KEY,
    "user_id" UUID REFERENCES "users" ("id") ON DELETE CASCADE,
    "key_fingerprint" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

CREATE INDEX "sessions_user_id_idx" ON "sessions" ("user_id") WHERE "revoked_at" IS NULL;

CREATE TABLE "api_tokens" (
    "id" UUID PRIMARY KEY,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "name" TEXT NOT NULL,
    -- sha256 hex of the token; the token itself is shown once, when it is made.
    "token_sha256" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3)
);

CREATE UNIQUE INDEX "api_tokens_token_sha256_key" ON "api_tokens" ("token_sha256");
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens" ("user_id");

-- Wrong passwords per client address (and one row, key '*', for all clients together).
CREATE TABLE "sign_in_attempts" (
    "client_key" TEXT PRIMARY KEY,
    "failures" INTEGER NOT NULL,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,
    "last_failure_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3)
);

CREATE INDEX "sign_in_attempts_last_failure_at_idx" ON "sign_in_attempts" ("last_failure_at");
