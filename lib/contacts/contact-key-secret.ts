// Reads this installation's contact key secret (lib/voxia/phone-number.ts, phoneContactKey) from the
// database once per process, before the first call state is built. The secret is made by the
// migration 20261207090000_contact_key_secret and travels with the database (a backup restored
// elsewhere keeps its keys).
import type { SqlRunner } from "@/lib/db/pg-transaction";
import { hasContactKeySecret, setContactKeySecret } from "@/lib/voxia/phone-number";

export const CONTACT_KEY_SECRET_SQL = `SELECT contact_key_secret FROM installation WHERE id = 1`;

/** The secret from CONTACT_KEY_SECRET_SQL's rows, whichever client ran it (the app, the seed, tests). */
export function contactKeySecretFrom(rows: { contact_key_secret: string }[]): string {
  const secret = rows[0]?.contact_key_secret;
  if (!secret) throw new Error("the installation table has no contact key secret: the migrations have not run");
  return secret;
}

export async function ensureContactKeySecret(sql: SqlRunner): Promise<void> {
  if (hasContactKeySecret()) return;
  setContactKeySecret(contactKeySecretFrom(await sql.query<{ contact_key_secret: string }>(CONTACT_KEY_SECRET_SQL, [])));
}
