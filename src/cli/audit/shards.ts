/**
 * The audit's memory stays flat however large the download: while reading, each cut-down
 * release is appended to one of N shard files chosen by a hash of its ocid (so all the releases
 * of a process land in the same shard, in the order read); then one shard at a time is compiled
 * and checked, and each row is written to a rows file, keeping only its sort key and where it is.
 * The output reads the rows back in sorted order. Everything lives in one private temporary
 * folder, removed at the end (also on an error, Ctrl-C or a kill).
 */

import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
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

/** FNV-1a over the ocid's UTF-16 code units: the same shard for the same ocid, spread evenly. */
export function shardOf(ocid: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < ocid.length; i++) h = Math.imul(h ^ ocid.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

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

/** Bytes of a shard's lines held before they are written to its file. */
const SHARD_BUFFER = 64 << 10;

/** Collects releases into shard files (see the top of this file) instead of holding them. */
export class ShardedCollector extends AuditCollector {
  private readonly fds: (number | undefined)[];
  private readonly parts: string[][];
  private readonly held: number[];

  constructor(
    private readonly folder: string,
    readonly shards: number,
  ) {
    super();
    this.fds = new Array<number | undefined>(shards).fill(undefined);
    this.parts = Array.from({ length: shards }, () => []);
    this.held = new Array<number>(shards).fill(0);
  }

  private append(shard: number, text: string): void {
    this.parts[shard].push(text);
    this.held[shard] += text.length;
    if (this.held[shard] >= SHARD_BUFFER) this.write(shard);
  }

  private write(shard: number): void {
    if (this.parts[shard].length === 0) return;
    const fd = (this.fds[shard] ??= openSync(this.shardFile(shard), "a"));
    writeSync(fd, this.parts[shard].join(""));
    this.parts[shard] = [];
    this.held[shard] = 0;
  }

  shardFile(shard: number): string {
    return join(this.folder, `shard-${shard}.jsonl`);
  }

  /** A release cut down here (a JSON document read in this thread). */
  override addSlim(ocid: string, slim: SlimText): void {
    this.releases++;
    this.append(shardOf(ocid, this.shards), slim + "\n");
  }

  /** Releases cut down by a worker, already sorted into shards: lines of slim texts per shard. */
  addShardLines(shards: readonly number[], texts: readonly string[], releases: number): void {
    this.releases += releases;
    for (let i = 0; i < shards.length; i++) this.append(shards[i], texts[i]);
  }

  /** Write what is held and close the shard files; the shards that hold releases, in order. */
  finishReading(): number[] {
    const filled: number[] = [];
    for (let s = 0; s < this.shards; s++) {
      this.write(s);
      const fd = this.fds[s];
      if (fd !== undefined) {
        closeSync(fd);
        this.fds[s] = undefined;
        filled.push(s);
      }
    }
    return filled;
  }

  /** Close any open shard file (after an error). */
  close(): void {
    for (const [s, fd] of this.fds.entries()) {
      if (fd !== undefined) closeSync(fd);
      this.fds[s] = undefined;
    }
  }

  /** The parts of the input that could not be read, as rows, in the order met. */
  problemRows(): AuditRow[] {
    return this.problems.map(problemRow);
  }

  get problemCount(): number {
    return this.problems.length;
  }
}

/** What one shard's check gives back: its kept rows as JSON lines, with their keys. */
export interface ShardRows {
  /** UTF-8 of each kept row's JSON, one after the other. */
  data: Uint8Array;
  /** Bytes of each row's JSON in `data`. */
  lengths: number[];
  /** Each row's sort key: the size of its difference, -1 when it has none. */
  keys: number[];
  ocids: string[];
  /** Processes left out by the filters. */
  leftOut: number;
  statuses: Record<AuditStatus, number>;
  awardAboveEstimate: number;
}

/**
 * The checked rows on disk: appended shard by shard, each one's sort key and place kept; read
 * back in audit order (the largest difference first, then by ocid), then the rows of what could
 * not be read.
 */
export class RowStore {
  private readonly fd: number;
  private size = 0;
  private readonly keys: number[] = [];
  private readonly ocids: string[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  leftOut = 0;
  awardAboveEstimate = 0;
  readonly statuses = Object.fromEntries(AUDIT_STATUSES.map((s) => [s, 0])) as Record<AuditStatus, number>;

  constructor(file: string) {
    this.fd = openSync(file, "w+");
  }

  add(shard: ShardRows): void {
    writeSync(this.fd, shard.data, 0, shard.data.length, this.size);
    for (let i = 0; i < shard.lengths.length; i++) {
      this.keys.push(shard.keys[i]);
      this.ocids.push(shard.ocids[i]);
      this.offsets.push(this.size);
      this.lengths.push(shard.lengths[i]);
      this.size += shard.lengths[i];
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

  /** The rows in audit order, read from disk one at a time. */
  *sorted(): Generator<AuditRow> {
    const { keys, ocids } = this;
    const order = Uint32Array.from({ length: keys.length }, (_, i) => i);
    order.sort((a, b) => byKey(keys[a], ocids[a], keys[b], ocids[b]));
    let buffer = Buffer.alloc(64 << 10);
    for (const i of order) {
      const length = this.lengths[i];
      if (length > buffer.length) buffer = Buffer.alloc(length * 2);
      readSync(this.fd, buffer, 0, length, this.offsets[i]);
      yield JSON.parse(buffer.toString("utf8", 0, length)) as AuditRow;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}
