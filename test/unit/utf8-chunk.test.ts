import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { Utf8Chunk } from "../../lib/csv/utf8-chunk.ts";

test("Utf8Chunk holds exactly the UTF-8 of what was pushed, across growth and takes", () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { maxLength: 30 }), { maxLength: 5 }), (takes) => {
      // A tiny initial capacity, so nearly every push has to grow the buffer.
      const chunk = new Utf8Chunk(8);
      for (const lines of takes) {
        for (const line of lines) chunk.push(line);
        assert.deepEqual(Buffer.from(chunk.take()), Buffer.from(lines.join(""), "utf8"));
      }
    }),
  );
});

test("Utf8Chunk encodes one-byte, two-byte and astral characters and lone surrogates like Buffer.from", () => {
  const chunk = new Utf8Chunk(4);
  const parts = ["plain,ascii\r\n", "Zoë Łódź 日本\r\n", "😀 \u{1F469}\u200D\u{1F4BB}\r\n", "\uD800 lone\r\n"];
  for (const part of parts) chunk.push(part);
  assert.deepEqual(Buffer.from(chunk.take()), Buffer.from(parts.join(""), "utf8"));
  assert.equal(chunk.take().length, 0);
});
