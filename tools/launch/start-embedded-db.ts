// Starts tools/launch/embedded-db.ts as a child process and resolves once it accepts connections.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

export type EmbeddedDb = { url: string; port: number; process: ChildProcess; stop: () => Promise<void> };

export async function startEmbeddedDb(options: { port: number; dataDir?: string; memory?: boolean }): Promise<EmbeddedDb> {
  const args = ["--port", String(options.port)];
  if (options.memory) args.push("--memory");
  else if (options.dataDir) args.push("--data", options.dataDir);
  const child = fork(path.join(import.meta.dirname, "embedded-db.ts"), args, {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error("the embedded database did not start within 60 s")), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
      if (output.includes("[embedded-db] ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the embedded database exited with code ${code} before it was ready`));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url: `postgresql://postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`, port: options.port, process: child, stop };
}
