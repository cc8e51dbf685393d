/** A worker thread of `tender-budget audit`: parses pieces of JSON Lines (see chunk.ts). */

import { parentPort } from "node:worker_threads";
import { auditChunk, checkProcesses, type CheckJob, type ChunkJob } from "./chunk";

const port = parentPort;
if (port === null) throw new Error("worker.ts runs as a worker thread of tender-budget audit");
port.on("message", (job: ChunkJob | CheckJob) => {
  port.postMessage(job.kind === "check" ? checkProcesses(job) : auditChunk(job));
});
