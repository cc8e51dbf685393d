/**
 * The audit's memory stays flat however large the download: while reading, each cut-down
 * release is appended, by the lane (thread) that read it, to one of N shard files chosen by a
 * hash of its ocid (so all the releases of a process land in the same shard, marked with the
 * piece they came from so that the order read can be put back); then one shard at a time is
 * compiled and checked (chunk.ts), and each row is written to the lane's rows file, keeping only
 * its sort key and where it is. The output reads the rows back in sorted order. Everything lives
 * in one private temporary folder, removed at the end (also on an error, Ctrl-C or a kill).
 */

import { closeSync, mkdtempSync, openSync, readSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AuditCollector,
  AUDIT_STATUSES,
  byKey,
  problemRow,
  type AuditRow,
  type AuditStatus,
  type AuditSummary,
  type SlimText,
} from "../../domain/audit";
import { Lane, rowsFile, type ShardRows } from "./chunk";

export { shardOf } from "./chunk";

/** Input bytes per shard: about 2 MB of cut-down releases, checked at once by one worker. */
const INPUT_PER_SHARD = 8 << 20;
const MAX_SHARDS = 512;

/**
 * How many shards for this much input (a gzipped file counted at 8 times its size), or
 * `TENDER_BUDGET_SHARDS` of them.
 */
export function shardCount(
  files: readonly { size: number; gz: boolean }[],
  env: Record<string, string | undefined>,
): number {
  const asked = env.TENDER_BUDGET_SHARDS;
  if (asked !== undefined && /^\s*\d+\s*$/.test(asked) && Number(asked) > 0)
    return Math.min(Number(asked), MAX_SHARDS);
  const bytes = files.reduce((sum, f) => sum + f.size * (f.gz ? 8 : 1), 0);
  return Math.max(1, Math.min(MAX_SHARDS, Math.ceil(bytes / INPUT_PER_SHARD)));
}

/** A private temporary folder, removed by `remove()`, at the process's exit, or on Ctrl-C / a kill. */
export class TempFolder {
  readonly path: string;
  private removed = false;
  private readonly onExit = (): void => this.remove();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.remove();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };

  constructor() {
    this.path = mkdtempSync(join(tmpdir(), "tender-budget-audit-"));
    process.on("exit", this.onExit);
    process.once("SIGINT", this.onSignal);
    process.once("SIGTERM", this.onSignal);
  }

  remove(): void {
    if (this.removed) return;
    this.removed = true;
    process.off("exit", this.onExit);
    process.off("SIGINT", this.onSignal);
    process.off("SIGTERM", this.onSignal);
    rmSync(this.path, { recursive: true, force: true });
  }
}

/**
 * Collects releases into shard files (see the top of this file) instead of holding them: those cut
 * down in this thread go through the main thread's lane, those of JSON Lines through the lane of
 * the worker that read them. Counts releases and keeps what could not be read.
 */
export class ShardedCollector extends AuditCollector {
  /** The main thread's lane (lane 0). */
  readonly lane: Lane;
  private seq = 0;
  private documentSeq = -1;

  constructor(
    readonly folder: string,
    readonly shards: number,
  ) {
    super();
    this.lane = new Lane({ folder, shards, lane: 0 });
  }

  /** The next piece's place in the order read. */
  nextSeq(): number {
    return this.seq++;
  }

  /** A JSON document's releases are read in this thread, in order: one place for all of them. */
  startDocument(): void {
    this.documentSeq = this.nextSeq();
  }

  /** A release cut down here (a JSON document read in this thread). */
  override addSlim(ocid: string, slim: SlimText): void {
    this.releases++;
    this.lane.add(ocid, slim, this.documentSeq);
  }

  /** The parts of the input that could not be read, as rows, in the order met. */
  problemRows(): AuditRow[] {
    return this.problems.map(problemRow);
  }

  get problemCount(): number {
    return this.problems.length;
  }
}

/**
 * Which lanes' files hold each shard, from what each lane wrote (the main thread's lane and the
 * workers'): the shards that hold releases, in order.
 */
export function shardsToCheck(written: readonly { lane: number; shards: readonly number[] }[]): {
  shard: number;
  lanes: number[];
}[] {
  const byShard = new Map<number, number[]>();
  for (const { lane, shards } of written) {
    for (const shard of shards) {
      const lanes = byShard.get(shard);
      if (lanes === undefined) byShard.set(shard, [lane]);
      else lanes.push(lane);
    }
  }
  return [...byShard.entries()].sort((a, b) => a[0] - b[0]).map(([shard, lanes]) => ({ shard, lanes }));
}

/**
 * The checked rows on disk, in each lane's rows file: each row's sort key and place kept; read
 * back in audit order (the largest difference first, then by ocid), then the rows of what could
 * not be read.
 */
export class RowStore {
  private readonly fds = new Map<number, number>();
  private readonly keys: number[] = [];
  private readonly ocids: string[] = [];
  private readonly lanes: number[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  leftOut = 0;
  awardAboveEstimate = 0;
  readonly statuses = Object.fromEntries(AUDIT_STATUSES.map((s) => [s, 0])) as Record<AuditStatus, number>;

  constructor(private readonly folder: string) {}

  add(shard: ShardRows): void {
    for (let i = 0; i < shard.lengths.length; i++) {
      this.keys.push(shard.keys[i]);
      this.ocids.push(shard.ocids[i]);
      this.lanes.push(shard.lane);
      this.offsets.push(shard.offsets[i]);
      this.lengths.push(shard.lengths[i]);
    }
    this.leftOut += shard.leftOut;
    this.awardAboveEstimate += shard.awardAboveEstimate;
    for (const s of AUDIT_STATUSES) this.statuses[s] += shard.statuses[s];
  }

  get count(): number {
    return this.keys.length;
  }

  summary(releases: number, unreadable: number): AuditSummary {
    return {
      releases,
      tenders: this.count,
      leftOut: this.leftOut,
      statuses: { ...this.statuses },
      awardAboveEstimate: this.awardAboveEstimate,
      unreadable,
    };
  }

  private fd(lane: number): number {
    let fd = this.fds.get(lane);
    if (fd === undefined) {
      fd = openSync(rowsFile(this.folder, lane), "r");
      this.fds.set(lane, fd);
    }
    return fd;
  }

  /** The rows in audit order, read from disk one at a time. */
  *sorted(): Generator<AuditRow> {
    const { keys, ocids } = this;
    const order = Uint32Array.from({ length: keys.length }, (_, i) => i);
    order.sort((a, b) => byKey(keys[a], ocids[a], keys[b], ocids[b]));
    let buffer = Buffer.alloc(64 << 10);
    for (const i of order) {
      const length = this.lengths[i];
      if (length > buffer.length) buffer = Buffer.alloc(length * 2);
      readSync(this.fd(this.lanes[i]), buffer, 0, length, this.offsets[i]);
      yield JSON.parse(buffer.toString("utf8", 0, length)) as AuditRow;
    }
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
