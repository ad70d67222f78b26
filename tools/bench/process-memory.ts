// Samples the resident memory of a process and all its descendants (next start runs the server in
// child processes), from /proc, and keeps the peak.
import { readdirSync, readFileSync } from "node:fs";

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which may itself contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = byParent.get(ppid) ?? [];
      list.push(Number(entry));
      byParent.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  return byParent;
}

function rssBytes(pid: number): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function treeRss(root: number): number {
  const byParent = children();
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rssBytes(pid);
    stack.push(...(byParent.get(pid) ?? []));
  }
  return total;
}

export function sampleMemory(root: number, everyMs = 250) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(root))), everyMs);
  timer.unref();
  return {
    peak: () => Math.max(peak, treeRss(root)),
    stop: () => clearInterval(timer),
  };
}
