/**
 * The lanes of the audit (chunk.ts): worker threads, one per core, or the main thread's own lane.
 * Each piece of JSON Lines, or shard, goes to the worker with the least work waiting; results
 * come back as promises, each worker's in the order given.
 */

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Lane, LaneSetup, LinesJob, LinesResult, ShardJob, ShardRows } from "./chunk";

export interface Runner {
  lines(job: LinesJob): Promise<LinesResult>;
  check(job: ShardJob): Promise<ShardRows>;
  /** Write out what every lane holds; for each lane, the shards it has written to. */
  flush(): Promise<{ lane: number; shards: number[] }[]>;
  close(): Promise<void>;
  /** How many pieces may be waiting before the reader stops to wait. */
  readonly capacity: number;
}

/**
 * Work larger than this (a piece holding one very long line, a shard of one very large process)
 * is done in the main thread, whose heap has no such limit, instead of a worker.
 */
export const WORKER_MAX_BYTES = 8 << 20;

/** Everything in the main thread's lane (small files, tests run from source). */
export function inThread(lane: Lane): Runner {
  return {
    lines: (job) => Promise.resolve(lane.lines(job)),
    check: (job) => Promise.resolve(lane.check(job)),
    flush: () => Promise.resolve([{ lane: lane.lane, shards: lane.flush() }]),
    close: () => Promise.resolve(),
    capacity: 1,
  };
}

/**
 * A worker holds one piece (a few MB of lines) or one shard (a few MB of cut-down releases) at a
 * time: small heaps make V8 collect early, which keeps the audit's peak memory flat.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

interface Slot {
  worker: Worker;
  lane: number;
  waiting: { resolve: (r: unknown) => void; reject: (e: unknown) => void }[];
  /** Ended (after an error): nothing more is sent to it. */
  ended: boolean;
}

class WorkerPool implements Runner {
  private readonly slots: Slot[];
  readonly capacity: number;

  constructor(script: string, count: number, setup: Omit<LaneSetup, "lane">) {
    this.slots = Array.from({ length: count }, (_, i) => {
      const lane = i + 1;
      const workerData: LaneSetup = { ...setup, lane };
      const worker = new Worker(script, { workerData, resourceLimits: WORKER_LIMITS });
      const slot: Slot = { worker, lane, waiting: [], ended: false };
      worker.on("message", (r: unknown) => slot.waiting.shift()?.resolve(r));
      worker.on("error", (e) => {
        slot.ended = true;
        for (const w of slot.waiting.splice(0)) w.reject(e);
      });
      worker.on("exit", (code) => {
        slot.ended = true;
        const e = new Error(`an audit worker thread ended early (exit code ${code})`);
        for (const w of slot.waiting.splice(0)) w.reject(e);
      });
      return slot;
    });
    this.capacity = count * 2;
  }

  private sendTo<T>(slot: Slot, job: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    if (slot.ended) return Promise.reject(new Error("an audit worker thread has ended after an error"));
    return new Promise<T>((resolve, reject) => {
      slot.waiting.push({ resolve: resolve as (r: unknown) => void, reject });
      slot.worker.postMessage(job, transfer);
    });
  }

  private least(): Slot {
    let slot = this.slots[0];
    for (const s of this.slots) if (s.waiting.length < slot.waiting.length) slot = s;
    return slot;
  }

  lines(job: LinesJob): Promise<LinesResult> {
    return this.sendTo(this.least(), job, [job.data.buffer as ArrayBuffer]);
  }

  check(job: ShardJob): Promise<ShardRows> {
    return this.sendTo(this.least(), job);
  }

  flush(): Promise<{ lane: number; shards: number[] }[]> {
    return Promise.all(
      this.slots.map(async (s) => ({
        lane: s.lane,
        shards: await this.sendTo<number[]>(s, { kind: "flush" }),
      })),
    );
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Each lane closes its rows file before its thread ends (a thread that failed has ended already,
    // and its error was given to the job it was doing).
    const running = this.slots.filter((s) => !s.ended);
    await Promise.all(running.map((s) => this.sendTo(s, { kind: "close" })));
    for (const s of this.slots) s.ended = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** The compiled worker script beside this file (lib/cli/audit/worker.js), if there is one. */
export function workerScript(): string | undefined {
  const script = join(__dirname, "worker.js");
  return existsSync(script) ? script : undefined;
}

/**
 * Worker threads, one per core (at most 8), or `TENDER_BUDGET_WORKERS` of them; the main thread's
 * lane when that is 0 or there is no compiled worker script.
 */
export function startRunner(
  env: Record<string, string | undefined>,
  main: Lane,
  setup: Omit<LaneSetup, "lane">,
): Runner {
  const script = workerScript();
  const asked = env.TENDER_BUDGET_WORKERS;
  const count =
    asked !== undefined && /^\d+$/.test(asked.trim())
      ? Math.min(Number(asked), 64)
      : Math.min(availableParallelism(), 8);
  if (script === undefined || count === 0) return inThread(main);
  return new WorkerPool(script, count, setup);
}
