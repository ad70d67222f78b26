// The lenient JSON parser: what it accepts beyond JSON, and how precisely it reports what it refuses.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { JsonSyntaxError, MAX_NESTING_DEPTH, parseVoxiaJson } from "../../lib/voxia/parse-voxia-json.ts";

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
