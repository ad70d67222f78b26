// A JSON number kept as the text it was sent as, for numbers a JavaScript double cannot hold
// exactly (a call id of 20 digits, 1e400, 0.1000000000000000055511151231257827). Numbers a double
// holds exactly stay plain `number`s, so ordinary payloads look exactly as JSON.parse makes them.
// Node 20 has neither JSON.rawJSON nor the reviver's `source` argument, hence this class; it is
// written back as its text by stringifyJson (lib/voxia/stringify-json.ts).
export class JsonNumber {
  constructor(readonly text: string) {}

  /** The nearest double (may be ±Infinity or 0 for numbers out of a double's range). */
  valueOf(): number {
    return Number(this.text);
  }

  toString(): string {
    return this.text;
  }

  // Code that does not go through stringifyJson still keeps the digits (as a string).
  toJSON(): string {
    return this.text;
  }
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** `digits e exponent` with no leading or trailing zeros: equal for equal decimal values. */
function normalizedDecimal(text: string): string | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, int, frac = "", exp = "0"] = match;
  let digits = `${int}${frac}`.replace(/^0+/, "");
  if (digits === "") return "0";
  let exponent = BigInt(exp) - BigInt(frac.length);
  const trailing = digits.length - digits.replace(/0+$/, "").length;
  digits = digits.slice(0, digits.length - trailing);
  exponent += BigInt(trailing);
  return `${sign}${digits}e${exponent}`;
}

/** A number token as a double when the double is exactly the value written, else a JsonNumber. */
export function numberFromToken(token: string): number | JsonNumber {
  const n = Number(token);
  // Up to 15 significant digits without an exponent always survive a double.
  if (token.length <= 15 && !/[eE]/.test(token)) return n;
  // A double writes 10^21 and up as "1e+21": a token sent without an exponent keeps its digits
  // (a call id 1000000000000000000000 is that id, not "1e+21").
  const written = String(n);
  // (Only 22+ digits, which always take the hand parser: the fast path's JSON.parse agrees.)
  if (Math.abs(n) >= 1e21 && !/[eE]/.test(token)) return new JsonNumber(token);
  if (Number.isFinite(n) && normalizedDecimal(token) === normalizedDecimal(written)) return n;
  return new JsonNumber(token);
}

/** Postgres numeric writes a number out in full: 1e400 as 401 digits. */
export const MAX_STORED_DIGITS = 128;

/**
 * Whether Postgres would write the number in at most MAX_STORED_DIGITS digits. Beyond that, a few
 * bytes of exponent would grow into megabytes in the database (1e100000 is 100001 digits), so such
 * a number is stored as its text instead.
 */
export function storesCompactly(number: JsonNumber): boolean {
  const normalized = normalizedDecimal(number.text);
  if (normalized === null || normalized === "0") return normalized !== null;
  const [digits, exp] = normalized.replace(/^-/, "").split("e") as [string, string];
  const exponent = BigInt(exp);
  const length = BigInt(digits.length);
  const written = exponent >= 0n ? length + exponent : length + exponent > 0n ? length : 1n - exponent;
  return written <= BigInt(MAX_STORED_DIGITS);
}
