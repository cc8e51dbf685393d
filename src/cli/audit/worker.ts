/** A worker thread of `tender-budget audit`: pieces of JSON Lines and shards (see chunk.ts). */

import { parentPort } from "node:worker_threads";
import { auditChunk, checkShard, type ChunkJob, type ShardJob } from "./chunk";

const port = parentPort;
if (port === null) throw new Error("worker.ts runs as a worker thread of tender-budget audit");
port.on("message", (job: ChunkJob | ShardJob) => {
  if (job.kind === "shard") {
    const rows = checkShard(job);
    port.postMessage(rows, [rows.data.buffer as ArrayBuffer]);
  } else port.postMessage(auditChunk(job));
});
