// One phone number, one spelling: calls without a Voxia contact id are grouped by it, and the
// do-not-call list holds one row per number. "+1 (617) 555-0198", "+16175550198" and
// "0016175550198" are all "+16175550198". A number written without "+" or "00" has no country code
// to go by; it keeps its digits, without a "+" (a national number is not guessed into E.164).
//
import { createHash } from "node:crypto";

// The database has the same function, callboard_e164 (prisma/migrations/20261203080000_contacts),
// for its indexes; test/unit/phone-number.test.ts checks the two agree.
export function normalisePhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined) return null;
  const digits = phone.replace(/[^0-9]/g, "");
  if (digits === "") return null;
  // Spaces and tabs only: JavaScript's \s would also take a no-break space, which Postgres' does not.
  if (/^[ \t]*\+/.test(phone)) return `+${digits}`;
  if (/^[ \t]*00/.test(phone)) return `+${digits.slice(2)}`;
  return digits;
}

/**
 * The contact key of calls without a Voxia contact id: "phone:" and a digest of the normalised
 * number keyed with this installation's secret (the `installation` table), so that the key (in URLs,
 * the API, the calls list) does not show the number to a viewer, who sees numbers masked: without
 * the secret a key cannot be matched against candidate numbers. The database computes the same
 * (callboard_phone_contact_key).
 */
export function phoneContactKeyWith(secret: string, phone: string | null | undefined): string | null {
  const number = normalisePhone(phone);
  return number ? `phone:${createHash("sha256").update(`${secret}|${number}`).digest("hex").slice(0, 16)}` : null;
}

// The secret of the database this process works on, set once it is read from there
// (lib/contacts/contact-key-secret.ts) before any call state is built.
let installationSecret: string | null = null;

export function setContactKeySecret(secret: string): void {
  installationSecret = secret;
}

export function hasContactKeySecret(): boolean {
  return installationSecret !== null;
}

export function phoneContactKey(phone: string | null | undefined): string | null {
  if (installationSecret === null) throw new Error("the contact key secret has not been read from the database (ensureContactKeySecret)");
  return phoneContactKeyWith(installationSecret, phone);
}
