// The contact key a test database gives a number without a Voxia contact id: keyed with that
// database's own secret, as the app computes it (lib/voxia/phone-number.ts).
import { phoneContactKeyWith } from "../../lib/voxia/phone-number.ts";
import { CONTACT_KEY_SECRET_SQL, contactKeySecretFrom } from "../../lib/contacts/contact-key-secret.ts";
import type { TestDatabase } from "./test-database.ts";

export async function contactKeySecretOf(database: Pick<TestDatabase, "query">): Promise<string> {
  return contactKeySecretFrom(await database.query<{ contact_key_secret: string }>(CONTACT_KEY_SECRET_SQL));
}

export async function phoneKeyIn(database: Pick<TestDatabase, "query">, phone: string): Promise<string> {
  return phoneContactKeyWith(await contactKeySecretOf(database), phone)!;
}
