// One phone number, one spelling: calls without a Voxia contact id are grouped by it, and the
// do-not-call list holds one row per number. "+1 (617) 555-0198", "+16175550198" and
// "0016175550198" are all "+16175550198". A number written without "+" or "00" has no country code
// to go by; it keeps its digits, without a "+" (a national number is not guessed into E.164).
//
// The database has the same function, callboard_e164 (prisma/migrations/20261203080000_contacts),
// for its indexes; test/unit/phone-number.test.ts checks the two agree.
export function normalisePhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined) return null;
  const digits = phone.replace(/[^0-9]/g, "");
  if (digits === "") return null;
  if (/^\s*\+/.test(phone)) return `+${digits}`;
  if (/^\s*00/.test(phone)) return `+${digits.slice(2)}`;
  return digits;
}
