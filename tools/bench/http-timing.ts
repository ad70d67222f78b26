// Response times of the running app, measured on loopback from request sent to body fully read.
import { percentile } from "./stats";

export type PageTiming = { label: string; status: number; p50: number; p95: number; samples: number; bytes: number };

export async function timePage(baseUrl: string, label: string, paths: string[], repeats: number): Promise<PageTiming> {
  // Warm-up: the first requests of a route load, compile and optimise its code (measured: the 2nd and
  // 3rd request of / still took twice the steady time), which users of a running server do not wait
  // for again. Three requests, and each variant once.
  const first = await fetch(baseUrl + paths[0]!);
  await first.arrayBuffer();
  if (first.status === 404) return { label, status: 404, p50: Number.NaN, p95: Number.NaN, samples: 0, bytes: 0 };
  if (first.status >= 400) throw new Error(`${label}: GET ${paths[0]} answered ${first.status}`);
  for (const path of [paths[0]!, paths[0]!, ...paths.slice(1)]) await (await fetch(baseUrl + path)).arrayBuffer();
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < repeats; i++) {
    const path = paths[i % paths.length]!;
    const started = performance.now();
    const res = await fetch(baseUrl + path);
    const body = await res.arrayBuffer();
    samples.push(performance.now() - started);
    bytes += body.byteLength;
    if (res.status >= 400) throw new Error(`${label}: GET ${path} answered ${res.status}`);
  }
  return { label, status: 200, p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length, bytes: bytes / repeats };
}

/** Streams a CSV export and counts its data rows. */
export async function timeExport(baseUrl: string, path: string): Promise<{ status: number; rows: number; seconds: number }> {
  const started = performance.now();
  const res = await fetch(baseUrl + path);
  if (res.status === 404) {
    await res.arrayBuffer();
    return { status: 404, rows: 0, seconds: 0 };
  }
  if (!res.ok || !res.body) throw new Error(`CSV export: GET ${path} answered ${res.status}`);
  let newlines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
  }
  // The header line is not a row. (Quoted newlines inside fields would overcount; fields are escaped.)
  return { status: res.status, rows: Math.max(0, newlines - 1), seconds: (performance.now() - started) / 1000 };
}
