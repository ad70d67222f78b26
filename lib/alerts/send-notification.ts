// One POST of an alert notification to CALLBOARD_ALERT_WEBHOOK_URL. The host is resolved here and
// every address checked (lib/alerts/address-policy.ts); the request then connects to the checked
// address (its `lookup` answers with it), so a second DNS answer cannot swap in a private one.
// Redirects are not followed: a 3xx is a failed attempt.
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { refusedAddressReason } from "./address-policy";

const TIMEOUT_MS = 10_000;

export type SendOutcome =
  | { outcome: "delivered"; host: string | null; httpStatus: number }
  | { outcome: "failed"; host: string | null; httpStatus: number | null; error: string }
  | { outcome: "refused"; host: string | null; error: string };

export async function sendNotification(url: string, body: string, allowPrivate: boolean): Promise<SendOutcome> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { outcome: "refused", host: null, error: "the URL cannot be read" };
  }
  const host = target.hostname;
  if (target.protocol !== "https:" && target.protocol !== "http:") return { outcome: "refused", host, error: `scheme ${target.protocol} is not http(s)` };
  const bare = host.startsWith("[") ? host.slice(1, -1) : host;
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(bare, { all: true, verbatim: true });
  } catch (error) {
    return { outcome: "failed", host, httpStatus: null, error: `DNS lookup failed: ${(error as NodeJS.ErrnoException).code ?? "error"}` };
  }
  if (addresses.length === 0) return { outcome: "failed", host, httpStatus: null, error: "DNS lookup found no address" };
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const reason = refusedAddressReason(address);
      if (reason) return { outcome: "refused", host, error: `${host} resolves to a ${reason} address (${address}); set CALLBOARD_ALERT_ALLOW_PRIVATE_URLS=1 to allow it` };
    }
  }
  const chosen = addresses[0]!;
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: chosen.address, family: chosen.family }]);
    else callback(null, chosen.address, chosen.family);
  };
  const transport = target.protocol === "https:" ? https : http;
  return new Promise<SendOutcome>((resolve) => {
    const request = transport.request(
      target,
      {
        method: "POST",
        lookup: pinned,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Callboard-alerts" },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      (response) => {
        response.resume();
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve({ outcome: "delivered", host, httpStatus: status });
          else resolve({ outcome: "failed", host, httpStatus: status, error: status >= 300 && status < 400 ? "redirect not followed" : `HTTP ${status}` });
        });
        response.on("error", (error) => resolve({ outcome: "failed", host, httpStatus: status(response), error: error.message }));
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ outcome: "failed", host, httpStatus: null, error: error.name === "AbortError" || error.name === "TimeoutError" ? "timed out after 10 s" : (error.code ?? error.message) }),
    );
    request.end(body);
  });
}

function status(response: http.IncomingMessage): number | null {
  return response.statusCode ?? null;
}
