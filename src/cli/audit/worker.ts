/** A worker thread of `tender-budget audit`: one lane (chunk.ts) for pieces of JSON Lines and shards. */

import { parentPort, workerData } from "node:worker_threads";
import { Lane, type LaneSetup, type LinesJob, type ShardJob } from "./chunk";

const port = parentPort;
if (port === null) throw new Error("worker.ts runs as a worker thread of tender-budget audit");
const lane = new Lane(workerData as LaneSetup);
port.on("message", (job: LinesJob | ShardJob | { kind: "flush" } | { kind: "close" }) => {
  if (job.kind === "lines") {
    const result = lane.lines(job);
    port.postMessage(result, [result.data.buffer as ArrayBuffer]);
  } else if (job.kind === "shard") port.postMessage(lane.check(job));
  else if (job.kind === "flush") port.postMessage(lane.flush());
  else {
    lane.close();
    port.postMessage(null);
  }
});
