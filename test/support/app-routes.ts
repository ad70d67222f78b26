// Every page and route handler under app/, found by walking the file system, so a test over them
// covers pages added later without anyone remembering to list them.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export type AppEntry = {
  /** e.g. "app/calls/[id]/page.tsx" */
  file: string;
  kind: "page" | "route";
  /** The URL path with dynamic segments filled in, e.g. "/calls/abc". */
  path: string;
  /** For routes: the HTTP methods the file exports. Pages: ["GET"]. */
  methods: string[];
};

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function discoverAppEntries(appDir = "app", fillSegment: (name: string, routeSegments: string[]) => string = () => "dummy-id"): AppEntry[] {
  const entries: AppEntry[] = [];
  for (const file of (readdirSync(appDir, { recursive: true }) as string[]).sort()) {
    const name = file.split(sep).at(-1)!;
    const kind = /^page\.(tsx|ts|jsx|js|mdx)$/.test(name) ? "page" : /^route\.(ts|js)$/.test(name) ? "route" : null;
    if (!kind) continue;
    const segments = file.split(sep).slice(0, -1);
    if (segments.some((segment) => segment.startsWith("_"))) continue; // private folders are not routes
    const urlSegments = segments
      .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"))
      .map((segment) => {
        const dynamic = /^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/.exec(segment);
        return dynamic ? encodeURIComponent(fillSegment(dynamic[1]!, segments)) : segment;
      });
    const source = readFileSync(join(appDir, file), "utf8");
    const methods =
      kind === "page"
        ? ["GET"]
        : METHODS.filter((method) => new RegExp(`export\\s+(?:async\\s+)?(?:function\\s+${method}\\b|const\\s+${method}\\b)|export\\s*\\{[^}]*\\b${method}\\b`).test(source));
    entries.push({ file: relative(".", join(appDir, file)), kind, path: `/${urlSegments.join("/")}`, methods });
  }
  return entries;
}
