/**
 * A hang guard for code that can hang synchronously (a regular expression backtracking for
 * minutes): jest cannot stop a synchronous test, so the calls run in a worker thread, which is
 * terminated when a call has not finished within a bound. The bound is generous, far above what
 * the call takes when it works: it tells a hang from a finish, it is not a speed target (speed
 * lives in bench/).
 *
 * The worker runs the project's TypeScript through bench/ts-hook.js (transpiled on load); its
 * modules are loaded before any clock starts, so a slow start on a busy machine does not count.
 */
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { ROOT } from "./cli";

const HOOK = join(ROOT, "bench", "ts-hook.js");

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
require(workerData.hook).register();
const modules = Object.fromEntries(workerData.modules.map((m) => [m, require(workerData.root + "/" + m)]));
parentPort.on("message", ({ module, fn, args, pick }) => {
  const value = modules[module][fn](...args);
  const picked = pick.split(".").filter(Boolean).reduce((v, k) => (v == null ? v : v[k]), value);
  parentPort.postMessage({ value: picked });
});
parentPort.postMessage({ loaded: true });
`;

export interface GuardedCall {
  /** One of the worker's modules, from the project root ("src/domain/notice"). */
  module: string;
  fn: string;
  args: unknown[];
  /** The part of the result to send back ("ok", "text"; "" for all of it, which must be cloneable). */
  pick: string;
}

export type GuardedResult = { finished: true; value: unknown } | { finished: false; ms: number };

/** A worker thread holding `modules`; each call is stopped (with its worker) after `boundMs`. */
export class GuardedWorker {
  private worker: Promise<Worker> | undefined;

  constructor(private readonly modules: readonly string[]) {}

  private start(): Promise<Worker> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER, {
        eval: true,
        workerData: { hook: HOOK, root: ROOT, modules: this.modules },
      });
      worker.once("message", () => resolve(worker));
      worker.once("error", reject);
    });
  }

  async run(call: GuardedCall, boundMs: number): Promise<GuardedResult> {
    this.worker ??= this.start();
    const worker = await this.worker;
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const timer = setTimeout(() => {
        worker.off("message", answer);
        this.worker = undefined;
        void worker.terminate();
        resolve({ finished: false, ms: Date.now() - started });
      }, boundMs);
      const answer = (m: { value: unknown }): void => {
        clearTimeout(timer);
        resolve({ finished: true, value: m.value });
      };
      worker.once("message", answer);
      worker.once("error", (e) => {
        clearTimeout(timer);
        this.worker = undefined;
        reject(e);
      });
      worker.postMessage(call);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker).terminate();
  }
}

/** What a test says of a call: "" when it finished, else "did not finish: pattern … on input …". */
export function didNotFinish(pattern: string, input: string, r: GuardedResult): string {
  return r.finished
    ? ""
    : `did not finish: pattern ${pattern} on input ${input} (stopped after ${(r.ms / 1000).toFixed(0)} s)`;
}
