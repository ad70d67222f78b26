import { test } from "node:test";
import assert from "node:assert/strict";
import { maskPhone } from "../../lib/ui/mask-phone.ts";

test("maskPhone keeps the country code and the last four digits only", () => {
  const cases: [string | null | undefined, string | null][] = [
    ["+12345677890", "+1 ••• ••• 7890"],
    ["+1 (234) 567-7890", "+1 ••• ••• 7890"],
    ["+33612345678", "+33 ••• ••• 5678"],
    ["+353871234567", "+353 ••• ••• 4567"],
    ["0612345678", "••• ••• 5678"],
    ["12345", "•••"],
    ["anonymous", "•••"],
    ["", null],
    [null, null],
    [undefined, null],
  ];
  for (const [input, expected] of cases) assert.equal(maskPhone(input), expected, `maskPhone(${JSON.stringify(input)})`);
});

test("a masked number never contains the middle digits", () => {
  const masked = maskPhone("+4915112345678")!;
  assert.ok(!masked.includes("151123"), masked);
  assert.ok(masked.endsWith("5678"));
});
