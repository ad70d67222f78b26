-- Contact keys of calls without a Voxia contact id were an unkeyed digest of the number: a viewer (who
-- sees numbers masked) could hash candidate numbers and so read a key back into its number. They are
-- now keyed with a secret of this installation, made here from the server's strong random source, and
-- every row that names such a contact is re-keyed (lib/voxia/phone-number.ts computes the same).
CREATE TABLE "installation" (
  "id" INTEGER PRIMARY KEY DEFAULT 1,
  "contact_key_secret" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "installation_one_row" CHECK ("id" = 1)
);
INSERT INTO "installation" ("contact_key_secret")
VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

CREATE OR REPLACE FUNCTION callboard_phone_contact_key(phone text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE STRICT AS $$
    SELECT 'phone:' || left(encode(sha256(convert_to(i."contact_key_secret" || '|' || callboard_e164(phone), 'UTF8')), 'hex'), 16)
    FROM "installation" i WHERE i."id" = 1 $$;

-- Old key → new key for every contact without a Voxia id (their number is the key's source).
CREATE TABLE "contact_rekey" AS
SELECT "id" AS "old_id", callboard_phone_contact_key("phone_e164") AS "new_id"
FROM "contacts" WHERE "id" LIKE 'phone:%' AND "phone_e164" IS NOT NULL;

-- The calls follow their contact's id through the foreign key (ON UPDATE CASCADE); the tables of
-- people's work name contacts without one.
UPDATE "contacts" c SET "id" = r."new_id" FROM "contact_rekey" r WHERE c."id" = r."old_id";
UPDATE "follow_ups" f SET "contact_id" = r."new_id" FROM "contact_rekey" r WHERE f."contact_id" = r."old_id";
UPDATE "follow_up_changes" f SET "contact_id" = r."new_id" FROM "contact_rekey" r WHERE f."contact_id" = r."old_id";
UPDATE "suppressed_numbers" s SET "contact_id" = r."new_id" FROM "contact_rekey" r WHERE s."contact_id" = r."old_id";
-- A saved view filtering on such a contact (contact=phone%3A<digest>) keeps finding them.
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT k.* FROM "contact_rekey" k WHERE EXISTS (SELECT 1 FROM "saved_views" v WHERE strpos(v."query", substr(k."old_id", 7)) > 0) LOOP
    UPDATE "saved_views" SET "query" = replace("query", substr(r."old_id", 7), substr(r."new_id", 7)) WHERE strpos("query", substr(r."old_id", 7)) > 0;
  END LOOP;
END $$;
DROP TABLE "contact_rekey";
