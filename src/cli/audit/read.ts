/**
 * Reading one download for the audit, streamed: a file is never held whole in memory.
 *
 * - JSON Lines (`.jsonl`, `.ndjson`, `.jl`, or any file whose first line is a whole JSON object):
 *   pieces of whole lines go to worker threads (chunk.ts); a broken line becomes a problem naming
 *   its line, and the audit goes on.
 * - A JSON document (a release or record package, a JSON array of releases or packages, a
 *   release): read by a streaming parser (@streamparser/json) that hands over one release or
 *   record at a time.
 * - Either gzipped (`.gz`, node's zlib). A file that breaks off (cut short, a gzip stream that
 *   ends early) is reported with everything read before the break.
 */

import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { JSONParser, type ParsedElementInfo } from "@streamparser/json/index.js";
import { documentPaths, documentReader } from "../../domain/audit";
import type { ChunkJob, ChunkResult } from "./chunk";
import { inThread, WORKER_MAX_BYTES, type ChunkRunner } from "./pool";
import type { ShardedCollector } from "./shards";

/** Bytes of whole lines handed to a worker at a time. */
const PIECE = 1 << 20;
/** A first line longer than this is taken as a JSON document, not JSON Lines. */
const SNIFF_LIMIT = 16 << 20;

export interface ReadOptions {
  /** Runs pieces of JSON Lines (worker threads, or this thread). */
  runner: () => ChunkRunner;
  /** Bytes of the file (as stored, compressed or not) read so far; called as reading goes. */
  onBytes?: (bytes: number) => void;
}

export interface FileOutcome {
  releases: number;
  /** Set when nothing could be read because the file is not what the audit reads. */
  unreadable?: string;
}

const isGzip = (file: string): boolean => /\.gz$/i.test(file);
const isJsonLinesName = (file: string): boolean => /\.(jsonl|ndjson|jl)(\.gz)?$/i.test(file);

function chunkBytes(chunk: unknown): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
}

/** Read one file into the collector. Problems inside it go to the collector as not-checkable rows. */
export async function auditFile(
  file: string,
  collector: ShardedCollector,
  options: ReadOptions,
): Promise<FileOutcome> {
  const before = collector.releases;
  const raw = createReadStream(file, { highWaterMark: PIECE });
  let rawBytes = 0;
  raw.on("data", (c) => {
    rawBytes += (c as Buffer).length;
    options.onBytes?.(rawBytes);
  });
  const source = isGzip(file) ? raw.pipe(createGunzip({ chunkSize: 256 << 10 })) : raw;
  if (isGzip(file)) raw.on("error", (e) => source.destroy(e));
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<unknown>;

  // What the file is: look at its start.
  const prefix: Buffer[] = [];
  let prefixLength = 0;
  let ended = false;
  let firstChar = -1;
  let firstLineEnd = -1;
  try {
    while (!ended) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      const b = chunkBytes(next.value);
      prefix.push(b);
      prefixLength += b.length;
      const joined = prefix.length === 1 ? prefix[0] : Buffer.concat(prefix);
      if (firstChar < 0) {
        let i = 0;
        if (joined[0] === 0xef && joined[1] === 0xbb && joined[2] === 0xbf) i = 3;
        while (
          i < joined.length &&
          (joined[i] === 0x20 || joined[i] === 0x0a || joined[i] === 0x0d || joined[i] === 0x09)
        )
          i++;
        if (i < joined.length) firstChar = joined[i];
      }
      if (firstChar >= 0 && firstChar !== 0x7b) break; // not "{": no need to look further
      if (firstChar === 0x7b) {
        firstLineEnd = joined.indexOf(0x0a, joined.indexOf(0x7b));
        if (firstLineEnd >= 0 || prefixLength > SNIFF_LIMIT) break;
      }
    }
  } catch (e) {
    raw.destroy();
    if (rawBytes === 0 && prefixLength === 0) {
      // A 0-byte .gz holds no gzip data at all: it is empty, not damaged.
      collector.addProblem(`${file} is empty: it holds no releases`);
      return { releases: 0 };
    }
    return { releases: 0, unreadable: `cannot read ${file}: ${readProblem(e)}` };
  }
  const start = Buffer.concat(prefix);
  if (firstChar < 0) {
    collector.addProblem(`${file} is empty: it holds no releases`);
    return { releases: 0 };
  }
  if (firstChar !== 0x7b && firstChar !== 0x5b) {
    raw.destroy();
    const shown = start.subarray(0, 60).toString("utf8").trim().split(/\r?\n/)[0];
    return {
      releases: 0,
      unreadable: `${file} is not JSON (it starts ${JSON.stringify(shown)}); give OCDS releases or packages as JSON or JSON Lines`,
    };
  }
  let lines = isJsonLinesName(file);
  if (!lines && firstChar === 0x7b) {
    const end = firstLineEnd >= 0 ? firstLineEnd : ended ? start.length : -1;
    if (end >= 0) {
      try {
        JSON.parse(start.subarray(0, end).toString("utf8"));
        lines = true;
      } catch {
        lines = false; // a document written over several lines, such as a pretty-printed package
      }
    }
  }
  const rest = { chunks, ended };
  return lines
    ? readLines(file, start, rest, collector, options, before)
    : readDocument(file, start, rest, collector, firstChar === 0x5b, before);
}

function readProblem(e: unknown): string {
  const code =
    typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  const message = e instanceof Error ? e.message : String(e);
  if (code === "Z_BUF_ERROR" || /unexpected end of file/i.test(message))
    return "the gzip data ends early (unexpected end of file)";
  if (code.startsWith("Z_")) return `the gzip data is damaged (${message})`;
  return message;
}

async function readLines(
  file: string,
  start: Buffer,
  rest: { chunks: AsyncIterator<unknown>; ended: boolean },
  collector: ShardedCollector,
  options: ReadOptions,
  before: number,
): Promise<FileOutcome> {
  const runner = options.runner();
  const waiting: Promise<ChunkResult>[] = [];
  let seq = 0;
  let linesBefore = 0;
  const apply = (r: ChunkResult): void => {
    collector.addShardLines(r.shards, r.texts, r.releases);
    for (const [line, message] of r.problems) {
      collector.addProblem(`${file} line ${linesBefore + line}: ${message}`);
    }
    linesBefore += r.lines;
  };
  const send = (data: Uint8Array): void => {
    const job: ChunkJob = { kind: "lines", seq, data, first: seq === 0, shards: collector.shards };
    seq++;
    waiting.push((data.length > WORKER_MAX_BYTES ? inThread : runner).run(job));
  };
  let pending: Buffer[] = start.length > 0 ? [start] : [];
  let pendingLength = start.length;
  const flush = (all: boolean): void => {
    const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingLength);
    const cut = all ? joined.length - 1 : joined.lastIndexOf(0x0a);
    if (cut < 0) {
      pending = [joined];
      return;
    }
    const left = joined.subarray(cut + 1);
    pending = left.length > 0 ? [Buffer.from(left)] : [];
    pendingLength = left.length;
    // The piece is handed over to the worker with the memory under it, so that memory must be
    // its own (Buffer.concat of more than a few KB gives a buffer of its own).
    const own = joined.byteOffset === 0 && joined.buffer.byteLength === joined.length;
    send(own ? joined.subarray(0, cut + 1) : Uint8Array.prototype.slice.call(joined, 0, cut + 1));
  };
  let broke: string | undefined;
  try {
    if (!rest.ended) {
      for (;;) {
        const next = await rest.chunks.next();
        if (next.done) break;
        const b = chunkBytes(next.value);
        pending.push(b);
        pendingLength += b.length;
        if (pendingLength >= PIECE) {
          flush(false);
          while (waiting.length >= runner.capacity) apply(await (waiting.shift() as Promise<ChunkResult>));
        }
      }
    }
    if (pendingLength > 0) flush(true);
  } catch (e) {
    broke = readProblem(e);
  }
  try {
    while (waiting.length > 0) apply(await (waiting.shift() as Promise<ChunkResult>));
  } finally {
    await runner.close();
  }
  if (broke !== undefined) {
    const kept = pendingLength > 0 ? `; the incomplete line ${linesBefore + 1} was left out` : "";
    collector.addProblem(
      `${file} breaks off after line ${linesBefore}: ${broke}. The ${collector.releases - before} releases before the break were read${kept}`,
    );
  }
  return { releases: collector.releases - before };
}

async function readDocument(
  file: string,
  start: Buffer,
  rest: { chunks: AsyncIterator<unknown>; ended: boolean },
  collector: ShardedCollector,
  isArray: boolean,
  before: number,
): Promise<FileOutcome> {
  const parser = new JSONParser({ paths: documentPaths(isArray), keepStack: false });
  const reader = documentReader(file, collector, isArray);
  let error: string | undefined;
  parser.onError = (e: Error) => {
    error ??= e.message;
  };
  parser.onValue = (found: ParsedElementInfo) => reader.onValue(found);
  const write = (b: Uint8Array): boolean => {
    if (error === undefined && !parser.isEnded) parser.write(b);
    return error === undefined;
  };
  let broke: string | undefined;
  try {
    if (write(start) && !rest.ended) {
      for (;;) {
        const next = await rest.chunks.next();
        if (next.done) break;
        if (!write(chunkBytes(next.value))) break;
      }
    }
    if (error === undefined && !parser.isEnded) parser.end();
  } catch (e) {
    broke = readProblem(e);
  }
  // A single release (or record) as the whole file.
  if (error === undefined && broke === undefined) reader.finish();
  const read = collector.releases - before;
  if (broke !== undefined || error !== undefined) {
    const why = broke ?? `the JSON breaks off or is broken (${error})`;
    if (read === 0 && broke === undefined && !reader.inPackage && reader.element === 0) {
      return { releases: 0, unreadable: `${file} cannot be read: ${why}` };
    }
    collector.addProblem(`${file} breaks off: ${why}. The ${read} releases before the break were read`);
  }
  return { releases: read };
}
