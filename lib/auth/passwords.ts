// Passwords are stored as bcrypt hashes (bcryptjs: pure JavaScript, nothing to compile). Cost 10
// takes about 70 ms here: slow for a guesser, unnoticeable at sign-in.
import bcrypt from "bcryptjs";

const COST = 10;
export const MIN_PASSWORD_LENGTH = 10;
// bcrypt reads only the first 72 bytes; a longer password would be accepted by its first 72.
const MAX_PASSWORD_BYTES = 72;
// Compared against when no user has the email, so an unknown address takes as long as a known one.
const DUMMY_HASH = bcrypt.hashSync("callboard-no-such-user", COST);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  return bcrypt.compare(password, hash ?? DUMMY_HASH).then((same) => same && hash !== null);
}

/** Why a new password cannot be used, or null. */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== "string") return "the password must be text";
  if (password.length < MIN_PASSWORD_LENGTH) return `the password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return `the password must be at most ${MAX_PASSWORD_BYTES} bytes`;
  return null;
}
