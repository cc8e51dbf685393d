/**
 * One piece of a JSON Lines file, whole lines only: each line parsed, its releases cut down to
 * what the audit reads. Runs in a worker thread (worker.ts) or, for small files, in the main one.
 */

import { auditSlims, prepareRelease, releasesOf, type AuditRow } from "../../domain/audit";
import type { Tolerance } from "../../domain/core/types";

export interface ChunkJob {
  kind: "lines";
  seq: number;
  /** UTF-8 bytes of whole lines (the last piece of a file may lack its final line break). */
  data: Uint8Array;
  /** The file's first piece: a byte order mark at its start is skipped. */
  first: boolean;
}

export interface ChunkResult {
  seq: number;
  /** Lines in the piece (a final line without a line break counts). */
  lines: number;
  /** Each release's ocid and slim text, in the order read. */
  ocids: string[];
  slims: string[];
  /** [line within the piece, from 1; what is wrong]. */
  problems: [number, string][];
}

const decoder = new TextDecoder("utf-8");

function describeLine(line: string): string {
  const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line;
  return JSON.stringify(shown);
}

export function auditChunk(job: ChunkJob): ChunkResult {
  let text = decoder.decode(job.data);
  if (job.first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const result: ChunkResult = { seq: job.seq, lines: 0, ocids: [], slims: [], problems: [] };
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
        result.ocids.push(prepared.ocid);
        result.slims.push(prepared.slim);
      } else {
        result.problems.push([lineNo, prepared.error]);
      }
    }
  }
  return result;
}

/** Processes to compile and check: each one's slim releases in the order read. */
export interface CheckJob {
  kind: "check";
  processes: string[][];
  tolerance?: Tolerance;
}

export interface CheckResult {
  rows: AuditRow[];
}

export function checkProcesses(job: CheckJob): CheckResult {
  const options = job.tolerance ? { tolerance: job.tolerance } : {};
  return { rows: job.processes.map((slims) => auditSlims(slims, options)) };
}
