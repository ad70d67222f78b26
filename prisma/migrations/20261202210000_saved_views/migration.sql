-- Saved views: a named calls filter (its URL query), shared by everyone on this Callboard.
CREATE TABLE "saved_views" (
    "id" BIGSERIAL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

-- One view per name, whatever its case: "Hot leads" and "hot leads" would be two links no one can tell apart.
CREATE UNIQUE INDEX "saved_views_name_key" ON "saved_views" (lower("name"));
