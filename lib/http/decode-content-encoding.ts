// Request bodies sent with a Content-Encoding: gzip and deflate are decoded, with the same 1 MiB limit
// on the decoded bytes as on a plain body. zlib stops as soon as its output would pass the limit, so
// a small body that inflates to gigabytes (a zip bomb) costs at most 1 MiB of memory. Other codings
// (br, zstd, compress) are refused by name rather than read as binary JSON.
import { promisify } from "node:util";
import zlib from "node:zlib";

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);

export type DecodedBody =
  | { ok: true; bytes: Uint8Array; encoding: string | null }
  | { ok: false; problem: "unsupported_encoding"; encoding: string }
  | { ok: false; problem: "too_large"; encoding: string }
  | { ok: false; problem: "corrupt"; encoding: string; message: string };

const DECODED = ["gzip", "x-gzip", "deflate"];

function codingsOf(header: string | null): string[] {
  return (header ?? "").split(",").map((c) => c.trim().toLowerCase()).filter((c) => c !== "" && c !== "identity");
}

/** The first coding in a Content-Encoding header this server does not decode, if any. */
export function unsupportedEncoding(header: string | null): string | null {
  return codingsOf(header).find((c) => !DECODED.includes(c)) ?? null;
}

export async function decodeContentEncoding(bytes: Uint8Array, header: string | null, limit: number): Promise<DecodedBody> {
  // Codings are listed in the order they were applied; undo them last first.
  const codings = codingsOf(header);
  if (codings.length === 0) return { ok: true, bytes, encoding: null };
  const unsupported = unsupportedEncoding(header);
  if (unsupported) return { ok: false, problem: "unsupported_encoding", encoding: unsupported };
  let current: Uint8Array = bytes;
  for (const coding of [...codings].reverse()) {
    const options = { maxOutputLength: limit };
    try {
      if (coding === "deflate") {
        // "deflate" means zlib-wrapped (RFC 9110), but some senders send raw deflate.
        current = await inflate(current, options).catch((error: NodeJS.ErrnoException) => {
          if (error.code === "ERR_BUFFER_TOO_LARGE") throw error;
          return inflateRaw(current, options);
        });
      } else {
        current = await gunzip(current, options);
      }
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) return { ok: false, problem: "too_large", encoding: coding };
      return { ok: false, problem: "corrupt", encoding: coding, message: e.message };
    }
  }
  return { ok: true, bytes: current, encoding: codings.join(", ") };
}
