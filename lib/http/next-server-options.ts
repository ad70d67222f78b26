// How `npm start` (scripts/run-app.ts) and the tests' server (test/support/test-app.ts) run
// `next start`, so tests and benchmarks measure the server users run.

// How long an idle keep-alive connection stays open. Node's default is 5 s: a sender reusing a
// connection just as the server closes it gets "other side closed", and as Voxia documents no
// retries the delivery may be lost (seen under load: 2 of 6,000 test requests, none with 75 s).
// 75 s outlasts the 60 s idle timeout of common clients and proxies, so they close first.
export const KEEP_ALIVE_TIMEOUT_MS = 75_000;

// V8 grows its heap towards a limit set from the machine's memory (gigabytes here) before it
// collects in earnest, so the server's memory rose with every page served (459 MB after the
// benchmark's pages at 1M calls) although what it keeps alive is small. 256 MB of old space: 297 MB
// after the same pages, at the same latencies. An operator's own --max-old-space-size wins.
const MAX_OLD_SPACE_MB = 256;

export function serverNodeOptions(current: string | undefined): string {
  if (current?.includes("--max-old-space-size")) return current;
  return [current, `--max-old-space-size=${MAX_OLD_SPACE_MB}`].filter(Boolean).join(" ");
}
