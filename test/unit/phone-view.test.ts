import { test } from "node:test";
import assert from "node:assert/strict";
import { phoneViewFor, shownPhone, withPhonesShown } from "../../lib/calls/phone-view.ts";
import { BOOTSTRAP_ADMIN } from "../../lib/auth/viewer.ts";

const member = { userId: "u", name: "M", role: "member" as const };
const viewer = { userId: "v", name: "V", role: "viewer" as const };

test("only the viewer role reads numbers masked", () => {
  assert.deepEqual(phoneViewFor(BOOTSTRAP_ADMIN), { maskPhones: false });
  assert.deepEqual(phoneViewFor(member), { maskPhones: false });
  assert.deepEqual(phoneViewFor(viewer), { maskPhones: true });
  assert.equal(shownPhone("+15551234567", phoneViewFor(member)), "+15551234567");
  assert.equal(shownPhone("+15551234567", phoneViewFor(viewer)), "+1 ••• ••• 4567");
  assert.equal(shownPhone(null, phoneViewFor(viewer)), null);
});

test("numbers inside Voxia's objects are masked by their key; other fields and other shapes are left as they are", () => {
  const sms = { sentTo: "+15551234567", sentFrom: "+4930123456789", text: "Call +15551234567", status: "queued" };
  assert.deepEqual(withPhonesShown(sms, { maskPhones: true }), { sentTo: "+1 ••• ••• 4567", sentFrom: "+49 ••• ••• 6789", text: "Call +15551234567", status: "queued" });
  assert.equal(withPhonesShown(sms, { maskPhones: false }), sms);
  assert.deepEqual(withPhonesShown({ phoneNumber: 42 }, { maskPhones: true }), { phoneNumber: 42 }, "only text is a number to mask");
  assert.deepEqual(withPhonesShown(["+15551234567"], { maskPhones: true }), ["+15551234567"]);
  assert.equal(withPhonesShown(null, { maskPhones: true }), null);
});
