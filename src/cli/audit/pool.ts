/**
 * Worker threads for the audit: each piece of JSON Lines, or shard, goes to the worker with the least
 * work waiting, and results come back as promises in the order the pieces were given.
 */

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { auditChunk, checkShard, type ChunkJob, type ChunkResult, type ShardJob } from "./chunk";
import type { ShardRows } from "./shards";

export interface ChunkRunner {
  run(job: ChunkJob): Promise<ChunkResult>;
  check(job: ShardJob): Promise<ShardRows>;
  close(): Promise<void>;
  /** How many pieces may be waiting before the reader stops to wait. */
  readonly capacity: number;
}

/**
 * Work larger than this (a piece holding one very long line, a shard of one very large process)
 * is done in the main thread, whose heap has no such limit, instead of a worker.
 */
export const WORKER_MAX_BYTES = 8 << 20;

/** In this thread (small files, tests run from source). */
export const inThread: ChunkRunner = {
  run: (job) => Promise.resolve(auditChunk(job)),
  check: (job) => Promise.resolve(checkShard(job)),
  close: () => Promise.resolve(),
  capacity: 1,
};

/**
 * A worker holds one piece (1 MB of lines) or one shard (about 2 MB of cut-down releases) at a
 * time: small heaps make V8 collect early, which keeps the audit's peak memory flat.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

interface Slot {
  worker: Worker;
  waiting: { resolve: (r: unknown) => void; reject: (e: unknown) => void }[];
}

class WorkerPool implements ChunkRunner {
  private readonly slots: Slot[];
  readonly capacity: number;

  constructor(script: string, count: number) {
    this.slots = Array.from({ length: count }, () => {
      const slot: Slot = { worker: new Worker(script, { resourceLimits: WORKER_LIMITS }), waiting: [] };
      slot.worker.on("message", (r: unknown) => slot.waiting.shift()?.resolve(r));
      slot.worker.on("error", (e) => {
        for (const w of slot.waiting.splice(0)) w.reject(e);
      });
      return slot;
    });
    this.capacity = count * 2;
  }

  private send<T>(job: unknown, transfer: ArrayBuffer[]): Promise<T> {
    let slot = this.slots[0];
    for (const s of this.slots) if (s.waiting.length < slot.waiting.length) slot = s;
    return new Promise<T>((resolve, reject) => {
      slot.waiting.push({ resolve: resolve as (r: unknown) => void, reject });
      slot.worker.postMessage(job, transfer);
    });
  }

  run(job: ChunkJob): Promise<ChunkResult> {
    return this.send(job, [job.data.buffer as ArrayBuffer]);
  }

  check(job: ShardJob): Promise<ShardRows> {
    return this.send(job, [job.data.buffer as ArrayBuffer]);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** The compiled worker script beside this file (lib/cli/audit/worker.js), if there is one. */
export function workerScript(): string | undefined {
  const script = join(__dirname, "worker.js");
  return existsSync(script) ? script : undefined;
}

/**
 * Worker threads, one per core (at most 8), or `TENDER_BUDGET_WORKERS` of them; in this thread
 * when that is 0 or there is no compiled worker script.
 */
export function startRunner(env: Record<string, string | undefined>): ChunkRunner {
  const script = workerScript();
  const asked = env.TENDER_BUDGET_WORKERS;
  const count =
    asked !== undefined && /^\d+$/.test(asked.trim())
      ? Math.min(Number(asked), 64)
      : Math.min(availableParallelism(), 8);
  if (script === undefined || count === 0) return inThread;
  return new WorkerPool(script, count);
}
