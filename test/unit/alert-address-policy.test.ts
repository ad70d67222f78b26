// The SSRF rule of alert notifications: which resolved addresses a notification may be sent to.
import { test } from "node:test";
import assert from "node:assert/strict";
import { refusedAddressReason } from "../../lib/alerts/address-policy.ts";

test("public IPv4 and IPv6 addresses are allowed", () => {
  for (const address of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "2001:db9::1"]) {
    assert.equal(refusedAddressReason(address), null, address);
  }
});

test("private, loopback, link-local, CGNAT and unspecified IPv4 addresses are refused", () => {
  const cases: [string, string][] = [
    ["10.1.2.3", "private"], ["172.16.0.1", "private"], ["172.31.255.255", "private"], ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"], ["127.255.0.9", "loopback"], ["169.254.169.254", "link-local"],
    ["100.64.0.1", "CGNAT"], ["100.127.255.254", "CGNAT"], ["0.0.0.0", "unspecified"],
  ];
  for (const [address, reason] of cases) assert.equal(refusedAddressReason(address), reason, address);
});

test("loopback, unspecified, unique-local and link-local IPv6 addresses are refused", () => {
  const cases: [string, string][] = [
    ["::1", "loopback"], ["0:0:0:0:0:0:0:1", "loopback"], ["::", "unspecified"],
    ["fc00::1", "unique-local"], ["fd12:3456::1", "unique-local"], ["fe80::1%eth0", "link-local"], ["FE80::abcd", "link-local"],
  ];
  for (const [address, reason] of cases) assert.equal(refusedAddressReason(address), reason, address);
});

test("IPv4-mapped IPv6 addresses are judged as the IPv4 address inside", () => {
  assert.equal(refusedAddressReason("::ffff:127.0.0.1"), "loopback");
  assert.equal(refusedAddressReason("::ffff:7f00:1"), "loopback");
  assert.equal(refusedAddressReason("::ffff:10.0.0.1"), "private");
  assert.equal(refusedAddressReason("::ffff:169.254.169.254"), "link-local");
  assert.equal(refusedAddressReason("::ffff:100.64.1.1"), "CGNAT");
  assert.equal(refusedAddressReason("::ffff:8.8.8.8"), null);
  assert.equal(refusedAddressReason("64:ff9b::a00:1"), "private");
});

test("something that is not an IP address is refused", () => {
  assert.equal(refusedAddressReason("localhost"), "not an IP address");
});
