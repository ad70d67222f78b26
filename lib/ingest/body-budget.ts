// Memory held by webhook bodies while they are read and decoded, before ingestion counts them
// (ingest-delivery.ts, MAX_PENDING_BYTES). Each request reserves the most its body can take in
// memory — its declared length (1 MiB when it declares none), plus 1 MiB more when it must be
// decoded — and gives it back when it is answered; past the budget a request is answered 503
// server_busy without its body being read.
import { MAX_BODY_BYTES } from "@/lib/http/read-limited-body";

export const MAX_READING_BYTES = 64 * 1024 * 1024;

const globalForBudget = globalThis as unknown as { callboardReadingBytes?: { bytes: number } };

export function bodyReservation(contentLength: string | null, contentEncoding: string | null): number {
  const declared = Number(contentLength);
  const raw = contentLength !== null && Number.isFinite(declared) && declared >= 0 ? Math.min(declared, MAX_BODY_BYTES) : MAX_BODY_BYTES;
  const encoded = contentEncoding !== null && contentEncoding.trim() !== "" && contentEncoding.trim().toLowerCase() !== "identity";
  return raw + (encoded ? MAX_BODY_BYTES : 0);
}

/** Reserves `bytes`, or null when that would pass the budget; the returned function gives them back (once). */
export function reserveBodyBytes(bytes: number, budget = MAX_READING_BYTES): (() => void) | null {
  const reading = (globalForBudget.callboardReadingBytes ??= { bytes: 0 });
  // One request alone always goes through, whatever it reserves.
  if (reading.bytes > 0 && reading.bytes + bytes > budget) return null;
  reading.bytes += bytes;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    reading.bytes -= bytes;
  };
}
