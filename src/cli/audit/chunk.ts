/**
 * The work of the audit's worker threads (worker.ts), or of the main thread for small inputs:
 *
 * - a piece of a JSON Lines file, whole lines only: each line parsed, its releases cut down to
 *   what the audit reads and sorted into shards by ocid (shards.ts);
 * - a shard: its releases grouped by ocid (in the order read), each process compiled and
 *   checked, the filters applied, and the kept rows returned as JSON with their sort keys.
 */

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
import { shardOf, type ShardRows } from "./shards";

export interface ChunkJob {
  kind: "lines";
  seq: number;
  /** UTF-8 bytes of whole lines (the last piece of a file may lack its final line break). */
  data: Uint8Array;
  /** The file's first piece: a byte order mark at its start is skipped. */
  first: boolean;
  /** How many shards the releases are sorted into. */
  shards: number;
}

export interface ChunkResult {
  seq: number;
  /** Lines in the piece (a final line without a line break counts). */
  lines: number;
  /** Releases read. */
  releases: number;
  /** The shards this piece's releases go to, and for each the lines of their slim texts. */
  shards: number[];
  texts: string[];
  /** [line within the piece, from 1; what is wrong]. */
  problems: [number, string][];
}

/** The bytes as text (Buffer's decoder: several times faster than TextDecoder on ASCII-heavy JSON). */
const utf8 = (data: Uint8Array): string =>
  Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8");

function describeLine(line: string): string {
  const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line;
  return JSON.stringify(shown);
}

export function auditChunk(job: ChunkJob): ChunkResult {
  let text = utf8(job.data);
  if (job.first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const result: ChunkResult = { seq: job.seq, lines: 0, releases: 0, shards: [], texts: [], problems: [] };
  const byShard = new Map<number, string[]>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    result.lines++;
    const lineNo = result.lines;
    const line = text.slice(start, end);
    start = end + 1;
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
        const shard = shardOf(prepared.ocid, job.shards);
        const list = byShard.get(shard);
        if (list === undefined) byShard.set(shard, [prepared.slim]);
        else list.push(prepared.slim);
      } else {
        result.problems.push([lineNo, prepared.error]);
      }
    }
  }
  for (const [shard, slims] of byShard) {
    result.shards.push(shard);
    result.texts.push(slims.join("\n") + "\n");
  }
  return result;
}

/** One shard file's bytes to compile and check. */
export interface ShardJob {
  kind: "shard";
  data: Uint8Array;
  tolerance?: Tolerance;
  filters?: AuditFilters;
}

const encoder = new TextEncoder();

export function checkShard(job: ShardJob): ShardRows {
  const text = utf8(job.data);
  // Each process's releases in the order read (a Map keeps the order its keys were first met).
  const processes = new Map<string, Json[]>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (end > start) {
      const slim = JSON.parse(text.slice(start, end)) as Json;
      const ocid = slim.ocid as string;
      const list = processes.get(ocid);
      if (list === undefined) processes.set(ocid, [slim]);
      else list.push(slim);
    }
    start = end + 1;
  }
  const options = job.tolerance ? { tolerance: job.tolerance } : {};
  const keep = rowFilter(job.filters);
  const statuses = Object.fromEntries(AUDIT_STATUSES.map((s) => [s, 0])) as Record<AuditStatus, number>;
  const out: ShardRows = {
    data: new Uint8Array(0),
    lengths: [],
    keys: [],
    ocids: [],
    leftOut: 0,
    statuses,
    awardAboveEstimate: 0,
  };
  const texts: string[] = [];
  for (const [ocid, releases] of processes) {
    const row = auditProcess(compileReleases(releases), options);
    if (!keep(row)) {
      out.leftOut++;
      continue;
    }
    statuses[row.status]++;
    if (row.findings.some((f) => f.code === "AWARD_ABOVE_ESTIMATE")) out.awardAboveEstimate++;
    const json = JSON.stringify(row);
    texts.push(json);
    out.lengths.push(Buffer.byteLength(json));
    out.keys.push(differenceKey(row));
    out.ocids.push(ocid);
  }
  processes.clear();
  out.data = encoder.encode(texts.join(""));
  return out;
}
