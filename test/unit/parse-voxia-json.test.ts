// The lenient JSON parser: what it accepts beyond JSON, and how precisely it reports what it refuses.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { JsonNumber, JsonSyntaxError, MAX_NESTING_DEPTH, parseVoxiaJson, parseVoxiaJsonSlowly } from "../../lib/voxia/parse-voxia-json.ts";
import { jsonParam, stringifyJson } from "../../lib/voxia/stringify-json.ts";
import { parseIsoTimestamp } from "../../lib/voxia/iso-timestamp.ts";

const ACCEPTED: [name: string, text: string, expected: unknown][] = [
  ["plain JSON", '{"a": [1, 2.5, -3e2, true, false, null, "x"]}', { a: [1, 2.5, -300, true, false, null, "x"] }],
  ["a byte-order mark", '\uFEFF{"a": 1}', { a: 1 }],
  ["escapes", '{"s": "line\\nbreak \\u00e9 \\"q\\" \\\\"}', { s: 'line\nbreak é "q" \\' }],
  ["new NumberInt(\"1\")", '{"order": new NumberInt("1")}', { order: 1 }],
  ["NumberInt without new", '{"order": NumberInt(7)}', { order: 7 }],
  ["NumberLong beyond 2^53 stays text", '{"n": NumberLong("9007199254740993")}', { n: "9007199254740993" }],
  ["NumberDecimal", '{"n": NumberDecimal("12.50")}', { n: 12.5 }],
  ["ISODate", '{"d": ISODate("2024-03-11T14:56:41.642Z")}', { d: "2024-03-11T14:56:41.642Z" }],
  ["ObjectId", '{"_id": ObjectId("65ef1a2b3c4d5e6f70819203")}', { _id: "65ef1a2b3c4d5e6f70819203" }],
  ["$numberInt", '{"n": {"$numberInt": "42"}}', { n: 42 }],
  ["$numberLong", '{"n": {"$numberLong": "-5"}}', { n: -5 }],
  ["$numberDouble", '{"n": {"$numberDouble": "1.5"}}', { n: 1.5 }],
  ["$numberDouble Infinity stays text", '{"n": {"$numberDouble": "Infinity"}}', { n: "Infinity" }],
  ["$date as ISO text", '{"d": {"$date": "2024-03-11T14:56:41Z"}}', { d: "2024-03-11T14:56:41.000Z" }],
  ["$date as milliseconds", '{"d": {"$date": 1710169001642}}', { d: "2024-03-11T14:56:41.642Z" }],
  ["$date as $numberLong", '{"d": {"$date": {"$numberLong": "1710169001642"}}}', { d: "2024-03-11T14:56:41.642Z" }],
  ["$oid", '{"_id": {"$oid": "abc"}}', { _id: "abc" }],
  ["an object with $numberInt and more keys stays an object", '{"n": {"$numberInt": "1", "x": 2}}', { n: { $numberInt: "1", x: 2 } }],
  ["NUL and lone surrogates become U+FFFD", '{"s": "a\\u0000b\\ud800"}', { s: "a\uFFFDb\uFFFD" }],
  ["__proto__ stays an own key", '{"__proto__": {"x": 1}}', JSON.parse('{"__proto__": {"x": 1}}')],
  ["an integer beyond 2^53 keeps its digits", '{"id": 67212411941217521949}', { id: new JsonNumber("67212411941217521949") }],
  ["2^53 + 1 keeps its digits", "[9007199254740993]", [new JsonNumber("9007199254740993")]],
  ["a double's exact integer stays a number", "[9007199254740992, 1e21]", [9007199254740992, 1e21]],
  ["a decimal a double rounds keeps its digits", "[0.1000000000000000055511151231257827]", [new JsonNumber("0.1000000000000000055511151231257827")]],
  ["a decimal a double holds stays a number", "[0.1, 1.50, -3e2, 2.5e-3]", [0.1, 1.5, -300, 0.0025]],
  ["1e400 keeps its text", '{"v": 1e400}', { v: new JsonNumber("1e400") }],
  ["1e-400 keeps its text", '{"v": -1e-400}', { v: new JsonNumber("-1e-400") }],
  ["a big number inside a constructor", '{"n": NumberLong(12345678901234567890)}', { n: new JsonNumber("12345678901234567890") }],
  ["an offset-less ISODate is UTC", '{"d": ISODate("2024-03-11T14:56:41")}', { d: "2024-03-11T14:56:41.000Z" }],
  ["an impossible ISODate stays text", '{"d": ISODate("2024-02-30T10:00:00Z")}', { d: "2024-02-30T10:00:00Z" }],
];

for (const [name, text, expected] of ACCEPTED) {
  test(`accepts ${name}`, () => {
    assert.deepEqual(parseVoxiaJson(text), expected);
  });
}

test("a __proto__ key does not change the parsed object's prototype", () => {
  const parsed = parseVoxiaJson('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
  assert.equal((parsed as { polluted?: unknown }).polluted, undefined);
});

const REFUSED: [name: string, text: string, code: string, line: number, column: number, message: RegExp][] = [
  ["an empty body", "", "invalid_json", 1, 1, /empty/],
  ["only whitespace", "  \n ", "invalid_json", 2, 2, /empty/],
  ["a cut-off object", '{"a": ', "invalid_json", 1, 7, /end of input/],
  ["a cut-off string", '{"a": "abc', "invalid_json", 1, 7, /unterminated string/],
  ["a missing comma", '{\n"a": 1\n"b": 2}', "invalid_json", 3, 1, /expected ',' or '}'/],
  ["a missing colon", '{"a" 1}', "invalid_json", 1, 6, /expected ':' after property name "a"/],
  ["an unquoted key", "{a: 1}", "invalid_json", 1, 2, /double quotes/],
  ["a trailing comma in an array", "[1, 2, ]", "invalid_json", 1, 8, /unexpected/],
  ["a raw newline inside a string", '{"a": "x\ny"}', "invalid_json", 1, 9, /control character/],
  ["a bad escape", '{"a": "\\x"}', "invalid_json", 1, 7, /escape/],
  ["NaN", '{"a": NaN}', "invalid_json", 1, 7, /unexpected/],
  ["a leading +", '{"a": +1}', "invalid_json", 1, 7, /unexpected/],
  ["an unknown constructor", '{"a": new Foo(1)}', "invalid_json", 1, 7, /unexpected/],
  ["a constructor without parentheses", '{"a": NumberInt}', "invalid_json", 1, 16, /expected '\(' after NumberInt/],
  ["an unclosed constructor", '{"a": NumberInt(1}', "invalid_json", 1, 18, /expected '\)'/],
  ["text after the value", '{"a": 1} x', "invalid_json", 1, 10, /after the end/],
  ["nesting one level too deep", "[".repeat(MAX_NESTING_DEPTH + 1), "too_deeply_nested", 1, MAX_NESTING_DEPTH + 1, /deeper than 64/],
  ["nesting far too deep", '{"a":'.repeat(100_000), "too_deeply_nested", 1, 5 * MAX_NESTING_DEPTH + 1, /deeper than 64/],
];

for (const [name, text, code, line, column, message] of REFUSED) {
  test(`refuses ${name} with ${code} at line ${line}, column ${column}`, () => {
    assert.throws(
      () => parseVoxiaJson(text),
      (error: unknown) => {
        assert.ok(error instanceof JsonSyntaxError);
        assert.equal(error.code, code);
        assert.deepEqual([error.line, error.column], [line, column]);
        assert.match(error.message, message);
        if (code === "invalid_json") assert.match(error.message, new RegExp(`\\(line ${line}, column ${column}\\)$`));
        return true;
      },
    );
  });
}

test("nesting exactly 64 levels deep is accepted", () => {
  const text = "[".repeat(MAX_NESTING_DEPTH) + "]".repeat(MAX_NESTING_DEPTH);
  assert.doesNotThrow(() => parseVoxiaJson(text));
});

test("agrees with JSON.parse on any JSON value (property)", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
      const text = JSON.stringify(value);
      const expected = JSON.parse(text, (_key, v) => v);
      // Extended JSON wrappers are unwrapped on purpose; leave generated values that happen to be one.
      fc.pre(!/"\$(numberInt|numberLong|numberDouble|numberDecimal|date|oid)"/.test(text));
      fc.pre(!text.includes("\\u0000") && JSON.stringify(expected) === text);
      assert.deepEqual(parseVoxiaJson(text), expected);
      assert.deepEqual(parseVoxiaJson(JSON.stringify(value, null, 2)), expected);
    }),
    { numRuns: 300 },
  );
});

test("never throws anything but a JsonSyntaxError, whatever the input (property)", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (text) => {
      try {
        parseVoxiaJson(text);
      } catch (error) {
        assert.ok(error instanceof JsonSyntaxError, String(error));
      }
    }),
    { numRuns: 2000 },
  );
});

test("the fast path and the hand parser agree, big numbers and Extended JSON included (property)", () => {
  const bigNumber = fc.oneof(
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => n.toString()),
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -500, max: 500 })).map(([m, e]) => `${m}e${e}`),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => String(n)),
  );
  const wrapper = fc.tuple(fc.constantFrom("$numberInt", "$numberLong", "$numberDouble", "$date", "$oid"), fc.oneof(fc.string(), bigNumber)).map(([k, v]) => `{"${k}": ${JSON.stringify(v)}}`);
  const leaf = fc.oneof(bigNumber, wrapper, fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)));
  const doc = fc.array(fc.tuple(fc.string({ maxLength: 8 }), leaf), { maxLength: 6 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(", ")}}`);
  fc.assert(
    fc.property(doc, (text) => {
      assert.deepEqual(parseVoxiaJson(text), parseVoxiaJsonSlowly(text));
      // And the digits survive a write and a read.
      assert.deepEqual(parseVoxiaJson(stringifyJson(parseVoxiaJson(text))), parseVoxiaJson(text));
    }),
    { numRuns: 500 },
  );
});

test("the fast path keeps the depth limit: 65 levels of valid JSON are refused with the hand parser's error", () => {
  const text = "[".repeat(MAX_NESTING_DEPTH + 1) + "]".repeat(MAX_NESTING_DEPTH + 1);
  assert.throws(() => parseVoxiaJson(text), (error: unknown) => error instanceof JsonSyntaxError && error.code === "too_deeply_nested" && error.column === MAX_NESTING_DEPTH + 1);
});

test("exactStrings keeps NUL and lone surrogates as sent", () => {
  assert.deepEqual(parseVoxiaJson('{"id": "a\\u0000\\ud800"}', { exactStrings: true }), { id: "a\u0000\ud800" });
});

test("stringifyJson writes JsonNumbers as their digits, pretty-printed like JSON.stringify", () => {
  const value = { id: new JsonNumber("67212411941217521949"), list: [1, new JsonNumber("1e400"), "x"], when: new Date(0), empty: {} };
  const plain = { id: "67212411941217521949", list: [1, "1e400", "x"], when: new Date(0), empty: {} };
  assert.equal(stringifyJson(value), '{"id":67212411941217521949,"list":[1,1e400,"x"],"when":"1970-01-01T00:00:00.000Z","empty":{}}');
  assert.equal(stringifyJson(value, 2), JSON.stringify(plain, null, 2).replace('"67212411941217521949"', "67212411941217521949").replace('"1e400"', "1e400"));
  assert.equal(stringifyJson({ a: 1 }), '{"a":1}');
  const proto = parseVoxiaJson('{"__proto__": {"n": 12345678901234567890}}');
  assert.equal(stringifyJson(proto), '{"__proto__":{"n":12345678901234567890}}');
});

test("jsonParam writes a number Postgres would write out in more than 128 digits as its text", () => {
  const numbers = ["1e127", "1e128", "1e400", "1e200000", "-1e-127", "-1e-128", "1.5e-120", "67212411941217521949", "0.1000000000000000055511151231257827"];
  assert.equal(
    jsonParam(numbers.map((n) => new JsonNumber(n))),
    '[1e127,"1e128","1e400","1e200000",-1e-127,"-1e-128",1.5e-120,67212411941217521949,0.1000000000000000055511151231257827]',
  );
});

const TIMESTAMPS: [text: string, iso: string | null][] = [
  ["2024-03-11T14:56:41.642Z", "2024-03-11T14:56:41.642Z"],
  ["2024-03-11T14:56:41", "2024-03-11T14:56:41.000Z"],
  ["2024-03-11 14:56", "2024-03-11T14:56:00.000Z"],
  ["2024-03-11", "2024-03-11T00:00:00.000Z"],
  ["2024-03-11T14:56:41+09:00", "2024-03-11T05:56:41.000Z"],
  ["2024-03-11T14:56:41-0530", "2024-03-11T20:26:41.000Z"],
  ["2024-03-11T14:56:41.1234567Z", "2024-03-11T14:56:41.123Z"],
  ["2024-02-29T10:00:00Z", "2024-02-29T10:00:00.000Z"],
  ["2024-02-30T10:00:00Z", null],
  ["2023-02-29T10:00:00Z", null],
  ["2024-04-31", null],
  ["2024-13-01", null],
  ["2024-03-11T24:00:00Z", null],
  ["2024-03-11T14:60:00Z", null],
  ["March 11, 2024", null],
  ["2024-3-11", null],
];
for (const [text, iso] of TIMESTAMPS) {
  test(`parseIsoTimestamp(${JSON.stringify(text)}) is ${iso}`, () => {
    assert.equal(parseIsoTimestamp(text)?.toISOString() ?? null, iso);
  });
}

test("extendedJson: false reads JSON Callboard wrote itself as plain JSON (stored unknown fields named $oid stay objects)", () => {
  for (const parse of [parseVoxiaJson, parseVoxiaJsonSlowly]) {
    assert.deepEqual(parse('{"$oid":"x"}', { extendedJson: false }), { $oid: "x" });
    assert.deepEqual(parse('{"extra":{"$date":["x",0]}}', { extendedJson: false }), { extra: { $date: ["x", 0] } });
    assert.deepEqual(parse('{"$numberLong":["12345678901234567890",1]}', { extendedJson: false }), { $numberLong: ["12345678901234567890", 1] });
    // Sent by Voxia, the same text is still unwrapped.
    assert.equal(parse('{"$oid":"x"}'), "x");
  }
});
