// The outcome colours: every known status has a group and a colour, and any statuses a chart shows
// together are told apart (OKLab distance, a perceptual one: ~0.02 is a just-noticeable difference).
import { readFileSync } from "node:fs";
import { test } from "node:test";
import assert from "node:assert/strict";
import { MIN_DISTANCE, NO_STATUS_COLOR, STATUS_COLORS, UNKNOWN_STATUS_COLORS, outcomeColor, outcomeColors, outcomeGroup } from "../../lib/ui/outcome-colors.ts";
import { NO_STATUS, orderStatuses } from "../../lib/dashboard/status-order.ts";
import { CALL_STATUSES, HANG_UP_REASONS, POST_PROCESS_STATUSES, STATUSES, humanize } from "../../lib/voxia/vocabulary.ts";

// The colours as the page gets them: app/globals.css's --color-outcome-… variables.
const CSS = new Map([...readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8").matchAll(/--color-outcome-([\w-]+):\s*(#[0-9a-f]{6});/g)].map((m) => [m[1]!, m[2]!]));
function hexOf(color: string): string {
  const name = /^var\(--color-outcome-([\w-]+)\)$/.exec(color)?.[1];
  const hex = name && CSS.get(name);
  assert.ok(hex, `${color} is defined in app/globals.css`);
  return hex;
}

function oklab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s, 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s, 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s];
}
const distance = (a: string, b: string) => Math.hypot(...oklab(a).map((v, i) => v - oklab(b)[i]!));
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

const KNOWN = [...new Set<string>([...STATUSES, ...CALL_STATUSES, ...POST_PROCESS_STATUSES, ...HANG_UP_REASONS])];

test("every status Voxia documents has a group by meaning and a colour of its own", () => {
  for (const status of KNOWN) {
    assert.ok(Object.hasOwn(STATUS_COLORS, status), `${status} has a colour`);
    if (status !== "UNKNOWN") assert.notEqual(outcomeGroup(status), "other", `${status} has a group`);
  }
  assert.equal(outcomeGroup("INTERESTED"), "positive");
  assert.equal(outcomeGroup("CALL_ME_LATER"), "callback");
  assert.equal(outcomeGroup("NOT_INTERESTED"), "negative");
  assert.equal(outcomeGroup("NO_ANSWER"), "noContact");
  assert.equal(outcomeGroup("CONVERSATION_LLM_TECHNICAL_ISSUES"), "technical");
  assert.equal(outcomeGroup("SOMETHING_NEW"), "other");
});

test("all the colours, known, none and those for unknown statuses, are pairwise perceptibly distinct", () => {
  const colors = [...Object.keys(STATUS_COLORS).map((s) => [s, hexOf(outcomeColor(s))] as const), [NO_STATUS, hexOf(NO_STATUS_COLOR)] as const, ...UNKNOWN_STATUS_COLORS.map((c, i) => [`unknown ${i}`, hexOf(c)] as const)];
  assert.equal(new Set(colors.map(([, c]) => c)).size, CSS.size, "every colour defined is one of these, none unused");
  let nearest = Infinity;
  for (let i = 0; i < colors.length; i++) {
    for (let j = i + 1; j < colors.length; j++) {
      const d = distance(colors[i]![1], colors[j]![1]);
      nearest = Math.min(nearest, d);
      assert.ok(d >= MIN_DISTANCE, `${colors[i]![0]} ${colors[i]![1]} and ${colors[j]![0]} ${colors[j]![1]} are ${d.toFixed(3)} apart`);
    }
  }
  assert.ok(nearest < MIN_DISTANCE + 0.02, "MIN_DISTANCE says what the palette holds");
});

test("each colour shows on the light and on the dark background", () => {
  for (const color of [...CSS.values()]) {
    const [lightness] = oklab(color);
    assert.ok(lightness >= 0.5 && lightness <= 0.85, `${color} lightness ${lightness.toFixed(2)}`);
    // Against slate-900, the dark background, every segment stands out at 3:1 (WCAG's non-text contrast).
    assert.ok(contrast(color, "#0f172a") >= 3, `${color} on the dark background: ${contrast(color, "#0f172a").toFixed(2)}`);
  }
});

test("unknown statuses get a colour, the same in a badge and a chart, kept apart within a chart", () => {
  const color = outcomeColor("SOMETHING_NEW");
  assert.ok(UNKNOWN_STATUS_COLORS.includes(color));
  assert.equal(outcomeColors(["INTERESTED", "SOMETHING_NEW"]).get("SOMETHING_NEW"), color);
  const unknowns = ["A_NEW_ONE", "B_NEW_ONE", "C_NEW_ONE", "D_NEW_ONE"];
  const chart = outcomeColors(["INTERESTED", ...unknowns, NO_STATUS]);
  assert.equal(new Set(unknowns.map((s) => chart.get(s))).size, unknowns.length, "four unknown statuses, four colours");
  assert.equal(chart.get(NO_STATUS), NO_STATUS_COLOR);
  assert.equal(outcomeColor(null), NO_STATUS_COLOR);
  // A colour is never taken from Object.prototype.
  assert.ok(UNKNOWN_STATUS_COLORS.includes(outcomeColor("constructor")));
});

test("statuses are ordered by meaning, then Voxia's order, unknown ones and no status last", () => {
  assert.deepEqual(orderStatuses([NO_STATUS, "ZZ_NEW", "FAILED", "NO_ANSWER", "NOT_INTERESTED", "CALL_ME_LATER", "COMPLETED", "INTERESTED", "PENDING"]), [
    "INTERESTED", "CALL_ME_LATER", "NOT_INTERESTED", "NO_ANSWER", "FAILED", "COMPLETED", "PENDING", "ZZ_NEW", NO_STATUS,
  ]);
});

test("status labels read as words, acronyms in capitals", () => {
  assert.equal(humanize("CONVERSATION_LLM_TECHNICAL_ISSUES"), "Conversation LLM technical issues");
  assert.equal(humanize("CALL_ME_LATER"), "Call me later");
  assert.equal(humanize("POST_PROCESSING_FINISHED:INTERESTED"), "Post processing finished interested");
  assert.equal(humanize("SMS_SENT"), "SMS sent");
});
