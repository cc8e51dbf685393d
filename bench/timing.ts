/**
 * Timing: a clean heap before each measured run, so one run's garbage is not charged to the next; wall
 * time, and the CPU time the process spent (user + system, all its threads), which other processes on
 * a busy machine inflate far less than wall time.
 */
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { median } from "./report";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Collect garbage now (before a measured run). */
export function collect(): void {
  gc();
}

export interface Timed<T> {
  /** Wall-clock milliseconds. */
  ms: number;
  /** CPU milliseconds of this process (user + system). */
  cpuMs: number;
  value: T;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** One call of `f`, timed after collecting garbage. */
export function timeOnce<T>(f: () => T): Timed<T> {
  collect();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = f();
  const ms = performance.now() - start;
  return { ms, cpuMs: cpuSince(cpu), value };
}

/** As timeOnce, for a promise. */
export async function timeAsync<T>(f: () => Promise<T>): Promise<Timed<T>> {
  collect();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await f();
  const ms = performance.now() - start;
  return { ms, cpuMs: cpuSince(cpu), value };
}

export interface Medians {
  ms: number;
  cpuMs: number;
  runs: number;
  /** The fastest and slowest run's wall time: how much the runs spread on this machine. */
  fastestMs?: number;
  slowestMs?: number;
}

/** Medians of wall and CPU time over `runs` timed calls of `f`, after `warmups` untimed ones. */
export function timeMedian(f: () => unknown, runs: number, warmups = 1): Medians {
  for (let i = 0; i < warmups; i++) f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = timeOnce(f);
    wall.push(t.ms);
    cpu.push(t.cpuMs);
  }
  return {
    ms: median(wall),
    cpuMs: median(cpu),
    runs,
    fastestMs: Math.min(...wall),
    slowestMs: Math.max(...wall),
  };
}
