// The one comparison of a presented secret (webhook token, dashboard password, API token, session
// signature) with the expected one. Both are hashed first: timingSafeEqual needs equal lengths, and
// comparing digests means the time taken says nothing about either value, not even its length.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

export function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}
