// JSON as Voxia actually sends it. Standard JSON, plus what its MongoDB-backed documentation and
// exports contain: shell constructors such as `new NumberInt("1")`, `NumberLong(5)`, `ISODate("…")`,
// `ObjectId("…")`, and Extended JSON wrappers such as {"$numberInt":"1"}, {"$date":…}, {"$oid":…},
// which are unwrapped to plain numbers and strings here so the rest of the app sees ordinary JSON.
// Numbers a double cannot hold exactly are kept as their digits (JsonNumber).
//
// Two parsers give the same result. JSON.parse is the fast path (3-5x faster, docs/performance.md), for
// text a quick scan shows it can read exactly: no number token that a double might round (16+
// digits, or an exponent), no escaped NUL or surrogate; its result is then checked for depth and
// Extended JSON wrappers are unwrapped. Everything else, and whatever JSON.parse refuses, goes to the
// hand-written parser, which reads the shell constructors, keeps every number's digits, bounds the
// nesting depth before any recursion can hurt, and names line and column in its errors. Both keep
// keys like "__proto__" ordinary data (JSON.parse defines own properties too).
import { JsonNumber, numberFromToken } from "./json-number";
import { parseIsoTimestamp } from "./iso-timestamp";

export { JsonNumber };
export type JsonValue = null | boolean | number | JsonNumber | string | JsonValue[] | { [key: string]: JsonValue };

export const MAX_NESTING_DEPTH = 64;

export class JsonSyntaxError extends Error {
  constructor(
    readonly code: "invalid_json" | "too_deeply_nested",
    message: string,
    readonly position: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const WHITESPACE = /[ \t\n\r]*/y;

// Shell constructors and what they become.
const CONSTRUCTORS: Record<string, (arg: JsonValue | undefined) => JsonValue> = {
  NumberInt: toNumber,
  NumberLong: toNumber,
  NumberDecimal: toNumber,
  NumberDouble: toNumber,
  Int32: toNumber,
  Long: toNumber,
  Double: toNumber,
  Decimal128: toNumber,
  ISODate: toIsoDate,
  Date: toIsoDate,
  ObjectId: (arg) => (arg === undefined ? null : String(arg)),
};

export type ParseOptions = {
  /**
   * Keep strings exactly as sent, NUL and lone surrogates included (by default they become U+FFFD,
   * which Postgres can store). For checks that must see what was sent, such as the call id.
   */
  exactStrings?: boolean;
  /**
   * Nesting allowed (default MAX_NESTING_DEPTH). Only for JSON Callboard wrote itself around values
   * that were checked when sent, such as a call's merge state, which nests them a few levels deeper.
   */
  maxDepth?: number;
};

export function parseVoxiaJson(text: string, options: ParseOptions = {}): JsonValue {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const maxDepth = options.maxDepth ?? MAX_NESTING_DEPTH;
  const fast = parseFast(body, maxDepth);
  if (fast !== undefined) return fast;
  return new Parser(body, options.exactStrings === true, maxDepth).parseDocument();
}

/** The hand-written parser alone (for the benchmark and the tests that compare both). */
export function parseVoxiaJsonSlowly(text: string, options: ParseOptions = {}): JsonValue {
  return new Parser(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, options.exactStrings === true, options.maxDepth ?? MAX_NESTING_DEPTH).parseDocument();
}

// What JSON.parse might not read exactly, found by cheap scans (each costs a fraction of JSON.parse;
// a single combined regex cost more than JSON.parse itself). They also match inside strings, which
// only costs the slow path:
// - a number of 16 or more digits (up to 15 significant digits always survive a double): a run of
//   16 digits or dots;
// - a number with an exponent (1e400): a digit then "e", confirmed as a number token by what
//   precedes it, since hex ids ("CA5e3…") have digit-e pairs;
// - an escaped NUL or surrogate, which Postgres cannot store (the hand parser replaces them).
const LONG_DIGIT_RUN = /[\d.]{16}/;
const DIGIT_THEN_E = /\d[eE]/;
const EXPONENT_NUMBER = /(?:^|[:[,])\s*-?\d+(?:\.\d+)?[eE]/;
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

function mayNeedSlowPath(text: string): boolean {
  return (
    LONG_DIGIT_RUN.test(text) ||
    (DIGIT_THEN_E.test(text) && EXPONENT_NUMBER.test(text)) ||
    (text.includes("\\u") && UNSTORABLE_ESCAPE.test(text)) ||
    !text.isWellFormed()
  );
}

/** JSON.parse's result when it is exactly what the hand parser would give, else undefined. */
function parseFast(text: string, maxDepth: number): JsonValue | undefined {
  if (mayNeedSlowPath(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // the hand parser reads it (shell constructors) or says where it breaks
  }
  return settle(value, 0, maxDepth);
}

/** Unwraps Extended JSON bottom-up, as the hand parser does; undefined past the depth limit. */
function settle(value: unknown, depth: number, maxDepth: number): JsonValue | undefined {
  if (value === null || typeof value !== "object") return value as JsonValue;
  if (depth + 1 > maxDepth) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === "object") {
        const settled = settle(item, depth + 1, maxDepth);
        if (settled === undefined) return undefined;
        value[i] = settled;
      }
    }
    return value as JsonValue[];
  }
  const object = value as Record<string, JsonValue>;
  for (const key of Object.keys(object)) {
    const item = object[key];
    if (item !== null && typeof item === "object") {
      const settled = settle(item, depth + 1, maxDepth);
      if (settled === undefined) return undefined;
      if (settled !== item) Object.defineProperty(object, key, { value: settled, enumerable: true, writable: true, configurable: true });
    }
  }
  return unwrapExtendedJson(object);
}

class Parser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly exactStrings: boolean,
    private readonly maxDepth: number,
  ) {}

  parseDocument(): JsonValue {
    this.skipWhitespace();
    if (this.pos >= this.text.length) this.fail("the body is empty; expected a JSON object");
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.describeHere()} after the end of the JSON value`);
    return value;
  }

  private parseValue(depth: number): JsonValue {
    const ch = this.text[this.pos];
    switch (ch) {
      case "{":
        return this.parseObject(depth + 1);
      case "[":
        return this.parseArray(depth + 1);
      case '"':
        return this.parseString();
      case "t":
        return this.parseLiteral("true", true);
      case "f":
        return this.parseLiteral("false", false);
      case "n":
        if (this.text.startsWith("null", this.pos)) return this.parseLiteral("null", null);
        return this.parseConstructor(depth);
      case undefined:
        return this.fail("unexpected end of input; the JSON is cut off");
      default:
        if (ch === "-" || (ch >= "0" && ch <= "9")) return this.parseNumber();
        return this.parseConstructor(depth);
    }
  }

  private parseObject(depth: number): JsonValue {
    this.checkDepth(depth);
    this.pos++; // {
    const result: Record<string, JsonValue> = {};
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail(`expected a property name in double quotes, found ${this.describeHere()}`);
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ":") this.fail(`expected ':' after property name "${truncate(key)}", found ${this.describeHere()}`);
      this.pos++;
      this.skipWhitespace();
      const value = this.parseValue(depth);
      // defineProperty keeps "__proto__" an ordinary own key instead of replacing the prototype.
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ",") {
        this.pos++;
        continue;
      }
      if (next === "}") {
        this.pos++;
        return unwrapExtendedJson(result);
      }
      this.fail(`expected ',' or '}' in an object, found ${this.describeHere()}`);
    }
  }

  private parseArray(depth: number): JsonValue {
    this.checkDepth(depth);
    this.pos++; // [
    const result: JsonValue[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      result.push(this.parseValue(depth));
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ",") {
        this.pos++;
        continue;
      }
      if (next === "]") {
        this.pos++;
        return result;
      }
      this.fail(`expected ',' or ']' in an array, found ${this.describeHere()}`);
    }
  }

  private parseString(): string {
    const start = this.pos;
    let i = start + 1;
    let escaped = false;
    for (;;) {
      const code = this.text.charCodeAt(i);
      if (Number.isNaN(code)) {
        this.pos = start;
        this.fail("unterminated string");
      }
      if (code === 0x22 /* " */) break;
      if (code === 0x5c /* \ */) {
        escaped = true;
        i += 2;
        continue;
      }
      if (code < 0x20) {
        this.pos = i;
        this.fail("control character inside a string (newlines and tabs must be escaped)");
      }
      i++;
    }
    this.pos = i + 1;
    const keep = this.exactStrings ? (s: string) => s : storable;
    if (!escaped) return keep(this.text.slice(start + 1, i));
    try {
      return keep(JSON.parse(this.text.slice(start, i + 1)) as string);
    } catch {
      this.pos = start;
      return this.fail("invalid escape sequence in a string");
    }
  }

  private parseNumber(): number | JsonNumber {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail(`invalid number`);
    this.pos += match[0].length;
    return numberFromToken(match[0]);
  }

  private parseLiteral<T extends JsonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`unexpected ${this.describeHere()}`);
    this.pos += word.length;
    return value;
  }

  // `new NumberInt("1")`, `ISODate("2024-03-11T14:56:41Z")`, `ObjectId("…")`
  private parseConstructor(depth: number): JsonValue {
    const start = this.pos;
    let name = this.readIdentifier();
    if (name === "new") {
      this.skipWhitespace();
      name = this.readIdentifier();
    }
    const convert = name && Object.hasOwn(CONSTRUCTORS, name) ? CONSTRUCTORS[name] : undefined;
    if (!convert) {
      this.pos = start;
      return this.fail(`unexpected ${this.describeHere()}`);
    }
    this.skipWhitespace();
    if (this.text[this.pos] !== "(") this.fail(`expected '(' after ${name}`);
    this.pos++;
    this.skipWhitespace();
    let arg: JsonValue | undefined;
    if (this.text[this.pos] !== ")") {
      arg = this.parseValue(depth);
      this.skipWhitespace();
    }
    if (this.text[this.pos] !== ")") this.fail(`expected ')' to close ${name}(…)`);
    this.pos++;
    return convert(arg);
  }

  private readIdentifier(): string | null {
    IDENTIFIER.lastIndex = this.pos;
    const match = IDENTIFIER.exec(this.text);
    if (!match) return null;
    this.pos += match[0].length;
    return match[0];
  }

  private skipWhitespace() {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  private checkDepth(depth: number) {
    if (depth > this.maxDepth) {
      const { line, column } = lineAndColumn(this.text, this.pos);
      throw new JsonSyntaxError(
        "too_deeply_nested",
        `JSON nesting is deeper than ${this.maxDepth} levels at line ${line}, column ${column}`,
        this.pos,
        line,
        column,
      );
    }
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return "end of input";
    return JSON.stringify(this.text.slice(this.pos, this.pos + 12));
  }

  private fail(reason: string): never {
    const { line, column } = lineAndColumn(this.text, this.pos);
    throw new JsonSyntaxError("invalid_json", `${reason} (line ${line}, column ${column})`, this.pos, line, column);
  }
}

// Postgres text and jsonb cannot hold NUL or unpaired surrogates. The raw body keeps the exact
// bytes, so the parsed copy swaps those for U+FFFD rather than failing the delivery.
function storable(value: string): string {
  const wellFormed = value.isWellFormed() ? value : value.toWellFormed();
  return wellFormed.includes("\u0000") ? wellFormed.replaceAll("\u0000", "\uFFFD") : wellFormed;
}

function lineAndColumn(text: string, position: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < position; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A number when the text is one, else the text unchanged (e.g. a NumberLong beyond 2^53). */
function toNumber(arg: JsonValue | undefined): JsonValue {
  if (typeof arg === "number") return arg;
  if (typeof arg === "string") {
    const trimmed = arg.trim();
    const n = Number(trimmed);
    if (trimmed !== "" && Number.isFinite(n) && (!Number.isInteger(n) || Number.isSafeInteger(n))) return n;
    return arg;
  }
  return arg ?? null;
}

function toIsoDate(arg: JsonValue | undefined): JsonValue {
  if (arg === undefined) return null;
  // Text strictly as ISO 8601 (an offset-less time is UTC, whatever the server's zone); numbers as epoch ms.
  const date = typeof arg === "number" ? new Date(arg) : typeof arg === "string" ? parseIsoTimestamp(arg) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : arg;
}

const EXTENDED_JSON_WRAPPERS: Record<string, (value: JsonValue) => JsonValue> = {
  $numberInt: toNumber,
  $numberLong: toNumber,
  $numberDouble: toNumber,
  $numberDecimal: toNumber,
  $oid: (value) => (typeof value === "string" ? value : JSON.stringify(value)),
  // {"$date": "ISO"} | {"$date": ms} | {"$date": {"$numberLong": "ms"}} (already unwrapped to a number)
  $date: (value) => toIsoDate(typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value),
};

/** {"$numberInt":"1"} → 1 and the like; any other object is returned as it is. */
function unwrapExtendedJson(object: Record<string, JsonValue>): JsonValue {
  const keys = Object.keys(object);
  if (keys.length !== 1) return object;
  const key = keys[0]!;
  const unwrap = Object.hasOwn(EXTENDED_JSON_WRAPPERS, key) ? EXTENDED_JSON_WRAPPERS[key] : undefined;
  return unwrap ? unwrap(object[key]!) : object;
}
