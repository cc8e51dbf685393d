/**
 * The work of one thread of the audit, a lane: each worker thread (worker.ts) has one, and the
 * main thread has one for small inputs, JSON documents and work too large for a worker's heap.
 *
 * - A piece of a JSON Lines file (whole lines, bytes handed over from the reader without a copy):
 *   each line decoded and parsed on its own (small strings that stay in V8's young generation),
 *   its releases cut down to what the audit reads and appended to the lane's own shard files,
 *   chosen by a hash of the ocid. A mark `#<piece>` before each piece's lines in a shard file
 *   keeps the order read across lanes.
 * - A shard: its releases read from every lane's file, grouped by ocid in the order read, each
 *   process compiled and checked, the filters applied; the kept rows appended to the lane's rows
 *   file as JSON, and their places and sort keys returned.
 */

import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import {
  AUDIT_STATUSES,
  auditProcess,
  compileReleases,
  differenceKey,
  prepareRelease,
  releasesOf,
  rowFilter,
  type AuditFilters,
  type AuditStatus,
  type Json,
} from "../../domain/audit";
import type { Tolerance } from "../../domain/core/types";

/** FNV-1a over the ocid's UTF-16 code units: the same shard for the same ocid, spread evenly. */
export function shardOf(ocid: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < ocid.length; i++) h = Math.imul(h ^ ocid.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/** Where a lane keeps its files and how many shards there are; lane 0 is the main thread's. */
export interface LaneSetup {
  folder: string;
  shards: number;
  lane: number;
}

export interface LinesJob {
  kind: "lines";
  /** The piece's place in the order read (all files, all lanes). */
  seq: number;
  /** Whole lines in the first `length` bytes (the last piece of a file may lack its final line break). */
  data: Uint8Array;
  length: number;
  /** The file's first piece: a byte order mark at its start is skipped. */
  first: boolean;
}

export interface LinesResult {
  seq: number;
  /** Lines in the piece (a final line without a line break counts). */
  lines: number;
  /** Releases read. */
  releases: number;
  /** [line within the piece, from 1; what is wrong]. */
  problems: [number, string][];
  /** The piece's bytes, handed back for the next piece. */
  data: Uint8Array;
}

/** One shard to compile and check: its files are those of `lanes`. */
export interface ShardJob {
  kind: "shard";
  shard: number;
  lanes: number[];
  tolerance?: Tolerance;
  filters?: AuditFilters;
}

/** What one shard's check gives back: where its kept rows are, and their sort keys. */
export interface ShardRows {
  /** The lane whose rows file holds the rows. */
  lane: number;
  /** Byte offset of each kept row's JSON in that file, and its length. */
  offsets: number[];
  lengths: number[];
  /** Each row's sort key: the size of its difference, -1 when it has none. */
  keys: number[];
  ocids: string[];
  /** Processes left out by the filters. */
  leftOut: number;
  statuses: Record<AuditStatus, number>;
  awardAboveEstimate: number;
}

/** Bytes of a shard's lines held before they are appended to its file. */
const SHARD_BUFFER = 64 << 10;

function describeLine(line: string): string {
  const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line;
  return JSON.stringify(shown);
}

/**
 * Where a process's releases are in a shard's bytes: for each, its start, end and piece, in the
 * order of the shard's files. The releases are parsed only when the process is checked, so the
 * objects made die young (cheap for V8's collector) instead of living through the whole shard.
 */
type Places = number[];

/** `{"ocid":"`: every slim text starts with its ocid (slimRelease puts it first). */
const OCID_START = Buffer.from('{"ocid":"');

/** The ocid of a slim text in bytes[start, stop): read from the bytes, or parsed when escaped. */
function ocidAt(bytes: Buffer, start: number, stop: number): string {
  if (bytes.compare(OCID_START, 0, OCID_START.length, start, start + OCID_START.length) === 0) {
    const from = start + OCID_START.length;
    // Only the ocid's own bytes are looked at: a search to the end of the buffer for each
    // release made reading a shard quadratic in its size.
    let quote = from;
    while (quote < stop && bytes[quote] !== 0x22 && bytes[quote] !== 0x5c) quote++;
    if (quote < stop && bytes[quote] === 0x22) return bytes.toString("utf8", from, quote);
  }
  return (JSON.parse(bytes.toString("utf8", start, stop)) as Json).ocid as string;
}

export const shardFile = (folder: string, shard: number, lane: number): string =>
  join(folder, `shard-${shard}-${lane}.jsonl`);

export const rowsFile = (folder: string, lane: number): string => join(folder, `rows-${lane}.jsonl`);

export class Lane {
  private readonly parts: string[][];
  private readonly held: number[];
  /** The last piece marked in each shard's file. */
  private readonly marked: number[];
  private readonly written: boolean[];
  private readBuffer = Buffer.alloc(0);
  private rowsFd: number | undefined;
  private rowsSize = 0;

  constructor(private readonly setup: LaneSetup) {
    this.parts = Array.from({ length: setup.shards }, () => []);
    this.held = new Array<number>(setup.shards).fill(0);
    this.marked = new Array<number>(setup.shards).fill(-1);
    this.written = new Array<boolean>(setup.shards).fill(false);
  }

  get lane(): number {
    return this.setup.lane;
  }

  /** Keep a release's slim text for its shard (written out in blocks). */
  add(ocid: string, slim: string, seq: number): void {
    const shard = shardOf(ocid, this.setup.shards);
    const parts = this.parts[shard];
    if (this.marked[shard] !== seq) {
      parts.push(`#${seq}`);
      this.marked[shard] = seq;
    }
    parts.push(slim);
    this.held[shard] += slim.length;
    if (this.held[shard] >= SHARD_BUFFER) this.write(shard);
  }

  private write(shard: number): void {
    const parts = this.parts[shard];
    if (parts.length === 0) return;
    const fd = openSync(shardFile(this.setup.folder, shard, this.setup.lane), "a");
    try {
      writeSync(fd, parts.join("\n") + "\n");
    } finally {
      closeSync(fd);
    }
    this.parts[shard] = [];
    this.held[shard] = 0;
    this.written[shard] = true;
  }

  /** Write out what is held; the shards this lane has written to. */
  flush(): number[] {
    const out: number[] = [];
    for (let s = 0; s < this.setup.shards; s++) {
      this.write(s);
      if (this.written[s]) out.push(s);
    }
    return out;
  }

  /** Read a piece of JSON Lines: its releases to the shard files, its broken lines as problems. */
  lines(job: LinesJob): LinesResult {
    const bytes = Buffer.from(job.data.buffer, job.data.byteOffset, job.length);
    const end = job.length;
    const result: LinesResult = { seq: job.seq, lines: 0, releases: 0, problems: [], data: job.data };
    let start = job.first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    while (start < end) {
      let stop = bytes.indexOf(0x0a, start);
      if (stop < 0 || stop > end) stop = end;
      result.lines++;
      const lineNo = result.lines;
      const line = bytes.toString("utf8", start, stop);
      start = stop + 1;
      if (line.trim() === "") continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (e) {
        result.problems.push([
          lineNo,
          `not JSON (${e instanceof Error ? e.message : String(e)}): ${describeLine(line.trim())}`,
        ]);
        continue;
      }
      const got = releasesOf(json);
      if (!got.ok) {
        result.problems.push([lineNo, got.error]);
        continue;
      }
      for (const { release, context } of got.releases) {
        const prepared = prepareRelease(release, context);
        if (prepared.ok) {
          result.releases++;
          this.add(prepared.ocid, prepared.slim, job.seq);
        } else {
          result.problems.push([lineNo, prepared.error]);
        }
      }
    }
    return result;
  }

  /** Read the lanes' files of a shard one after the other into this lane's buffer (then remove them). */
  private readShard(shard: number, lanes: readonly number[]): number {
    const files = lanes.map((lane) => shardFile(this.setup.folder, shard, lane));
    let filled = 0;
    for (const file of files) {
      const fd = openSync(file, "r");
      try {
        const size = fstatSync(fd).size;
        if (filled + size > this.readBuffer.length) {
          const larger = Buffer.allocUnsafe(filled + size + ((filled + size) >> 2));
          this.readBuffer.copy(larger, 0, 0, filled);
          this.readBuffer = larger;
        }
        const end = filled + size;
        while (filled < end) {
          const n = readSync(fd, this.readBuffer, filled, end - filled, null);
          if (n === 0) break;
          filled += n;
        }
      } finally {
        closeSync(fd);
      }
      rmSync(file);
    }
    return filled;
  }

  /** Compile and check one shard; the kept rows go to this lane's rows file. */
  check(job: ShardJob): ShardRows {
    const size = this.readShard(job.shard, job.lanes);
    const bytes = this.readBuffer;
    // Each process's releases in the order of the files (a Map keeps the order its keys were first met).
    const processes = new Map<string, Places>();
    let seq = 0;
    for (let start = 0; start < size;) {
      let stop = bytes.indexOf(0x0a, start);
      if (stop < 0 || stop > size) stop = size;
      if (bytes[start] === 0x23) {
        seq = Number(bytes.toString("latin1", start + 1, stop));
      } else if (stop > start) {
        const ocid = ocidAt(bytes, start, stop);
        const places = processes.get(ocid);
        if (places === undefined) processes.set(ocid, [start, stop, seq]);
        else places.push(start, stop, seq);
      }
      start = stop + 1;
    }
    const options = job.tolerance ? { tolerance: job.tolerance } : {};
    const keep = rowFilter(job.filters);
    const statuses = Object.fromEntries(AUDIT_STATUSES.map((s) => [s, 0])) as Record<AuditStatus, number>;
    const out: ShardRows = {
      lane: this.setup.lane,
      offsets: [],
      lengths: [],
      keys: [],
      ocids: [],
      leftOut: 0,
      statuses,
      awardAboveEstimate: 0,
    };
    const texts: string[] = [];
    let offset = this.rowsSize;
    for (const [ocid, places] of processes) {
      const count = places.length / 3;
      let order: number[] | undefined;
      for (let i = 1; i < count; i++) {
        if (places[i * 3 + 2] < places[i * 3 - 1]) {
          // Pieces read by different lanes: back in the order read (a stable sort by piece).
          order = Array.from({ length: count }, (_, k) => k).sort(
            (a, b) => places[a * 3 + 2] - places[b * 3 + 2],
          );
          break;
        }
      }
      const releases: Json[] = new Array<Json>(count);
      for (let i = 0; i < count; i++) {
        const k = order === undefined ? i : order[i];
        releases[i] = JSON.parse(bytes.toString("utf8", places[k * 3], places[k * 3 + 1])) as Json;
      }
      const row = auditProcess(compileReleases(releases, { owned: true }), options);
      if (!keep(row)) {
        out.leftOut++;
        continue;
      }
      statuses[row.status]++;
      if (row.findings.some((f) => f.code === "AWARD_ABOVE_ESTIMATE")) out.awardAboveEstimate++;
      const json = JSON.stringify(row);
      const length = Buffer.byteLength(json);
      texts.push(json);
      out.offsets.push(offset);
      out.lengths.push(length);
      out.keys.push(differenceKey(row));
      out.ocids.push(ocid);
      offset += length;
    }
    processes.clear();
    if (texts.length > 0) {
      this.rowsFd ??= openSync(rowsFile(this.setup.folder, this.setup.lane), "w");
      writeSync(this.rowsFd, texts.join(""), this.rowsSize);
      this.rowsSize = offset;
    }
    return out;
  }

  /** Close the rows file. */
  close(): void {
    if (this.rowsFd !== undefined) closeSync(this.rowsFd);
    this.rowsFd = undefined;
  }
}
