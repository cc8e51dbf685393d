/**
 * A Node process run for the bench with its wall time, and its CPU time and peak memory as the
 * rusage hook (rusage-hook.js) writes them when the process exits.
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const HOOK = join(__dirname, "rusage-hook.js");

export interface NodeRun {
  wallMs: number;
  status: number | null;
  stderr: string;
  cpuMs?: number;
  maxRssMiB?: number;
}

/** Runs `node -r rusage-hook.js ...args` in `cwd`; `usageFile` is where the hook writes its figures. */
export function runNode(
  args: readonly string[],
  options: { cwd: string; usageFile: string; env?: Record<string, string> },
): NodeRun {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", HOOK, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, BENCH_RUSAGE_FILE: options.usageFile },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 << 20,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const u = existsSync(options.usageFile)
    ? (JSON.parse(readFileSync(options.usageFile, "utf8")) as {
        maxRssKiB: number;
        userMs: number;
        systemMs: number;
      })
    : undefined;
  return {
    wallMs,
    status: r.status,
    stderr: String(r.stderr),
    ...(u ? { cpuMs: u.userMs + u.systemMs, maxRssMiB: u.maxRssKiB / 1024 } : {}),
  };
}
