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

import { createReadStream, promises as fs } from "node:fs";
import { createGunzip } from "node:zlib";
import { JSONParser, type ParsedElementInfo } from "@streamparser/json/index.js";
import { documentPaths, documentReader } from "../../domain/audit";
import type { LinesJob, LinesResult } from "./chunk";
import { inThread, WORKER_MAX_BYTES, type Runner } from "./pool";
import type { ShardedCollector } from "./shards";

/** Bytes read at a time while finding out what the file is. */
const SNIFF = 1 << 20;
/** Bytes of whole lines handed to a lane at a time (the memory under them is used again). */
const PIECE = 4 << 20;
/** A first line longer than this is taken as a JSON document, not JSON Lines. */
const SNIFF_LIMIT = 16 << 20;

export interface ReadOptions {
  /** Runs pieces of JSON Lines (worker threads, or this thread). */
  runner: Runner;
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
  const raw = createReadStream(file, { highWaterMark: SNIFF });
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
  if (!lines) {
    collector.startDocument();
    return readDocument(file, start, rest, collector, firstChar === 0x5b, before);
  }
  if (isGzip(file)) return readLines(file, start, rest, collector, options, before);
  // Not compressed: the rest is read straight from the file, into memory used again and again.
  raw.destroy();
  return readLines(file, start, { ...rest, fromFile: start.length }, collector, options, before);
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

/**
 * The memory pieces are read into: a few blocks of PIECE bytes used again and again (fresh
 * memory costs the operating system's page faults on every use), handed to a worker and back.
 */
class Blocks {
  private readonly free: ArrayBuffer[] = [];
  take(size = PIECE): Uint8Array {
    if (size <= PIECE) {
      const b = this.free.pop();
      if (b !== undefined) return new Uint8Array(b);
    }
    return new Uint8Array(Math.max(size, PIECE));
  }
  give(block: Uint8Array): void {
    if (block.buffer.byteLength === PIECE && this.free.length < 8)
      this.free.push(block.buffer as ArrayBuffer);
  }
}

/** Where the bytes after the first ones come from: the file itself, or the gunzip stream's chunks. */
interface Source {
  /** Bytes read into `into` from `at` (at most `into.length - at`); 0 at the end. */
  read(into: Uint8Array, at: number): Promise<number>;
  close(): Promise<void>;
}

function fileSource(file: string, from: number, onBytes?: (n: number) => void): Source {
  let handle: fs.FileHandle | undefined;
  let position = from;
  return {
    async read(into, at) {
      handle ??= await fs.open(file, "r");
      const { bytesRead } = await handle.read(into, at, into.length - at, position);
      position += bytesRead;
      onBytes?.(position);
      return bytesRead;
    },
    async close() {
      await handle?.close();
    },
  };
}

function chunkSource(chunks: AsyncIterator<unknown>): Source {
  let left: Buffer | undefined;
  return {
    async read(into, at) {
      if (left === undefined || left.length === 0) {
        const next = await chunks.next();
        if (next.done) return 0;
        left = chunkBytes(next.value);
      }
      const n = Math.min(left.length, into.length - at);
      into.set(left.subarray(0, n), at);
      left = left.subarray(n);
      return n;
    },
    close: () => Promise.resolve(),
  };
}

async function readLines(
  file: string,
  start: Buffer,
  rest: { chunks: AsyncIterator<unknown>; ended: boolean; fromFile?: number },
  collector: ShardedCollector,
  options: ReadOptions,
  before: number,
): Promise<FileOutcome> {
  const runner = options.runner;
  const mainLane = inThread(collector.lane);
  const blocks = new Blocks();
  const waiting: Promise<LinesResult>[] = [];
  let first = true;
  let linesBefore = 0;
  const apply = (r: LinesResult): void => {
    blocks.give(r.data);
    collector.releases += r.releases;
    for (const [line, message] of r.problems) {
      collector.addProblem(`${file} line ${linesBefore + line}: ${message}`);
    }
    linesBefore += r.lines;
  };
  const send = (data: Uint8Array, length: number): void => {
    const job: LinesJob = { kind: "lines", seq: collector.nextSeq(), data, length, first };
    first = false;
    waiting.push((length > WORKER_MAX_BYTES ? mainLane : runner).lines(job));
  };
  const source =
    rest.fromFile !== undefined ? fileSource(file, rest.fromFile, options.onBytes) : chunkSource(rest.chunks);
  let block = blocks.take(start.length);
  block.set(start);
  let filled = start.length;
  let broke: string | undefined;
  /** Hand over the whole lines of the block (all of it at the end), keeping the rest for the next. */
  const cut = (all: boolean): void => {
    const at = all ? filled - 1 : block.lastIndexOf(0x0a, filled - 1);
    if (at < 0) {
      // One line longer than the block: a larger block.
      if (filled === block.length) {
        const larger = blocks.take(block.length * 2);
        larger.set(block.subarray(0, filled));
        block = larger;
      }
      return;
    }
    const next = blocks.take(filled - at - 1);
    next.set(block.subarray(at + 1, filled));
    send(block, at + 1);
    block = next;
    filled -= at + 1;
  };
  try {
    while (!rest.ended) {
      const n = await source.read(block, filled);
      if (n === 0) break;
      filled += n;
      if (filled === block.length) {
        cut(false);
        while (waiting.length >= runner.capacity) apply(await (waiting.shift() as Promise<LinesResult>));
      }
    }
  } catch (e) {
    broke = readProblem(e);
  } finally {
    await source.close();
  }
  if (broke === undefined) {
    if (filled > 0) cut(true);
  } else if (filled > 0) {
    // Everything before the break is read; only a line it cuts short is left out.
    const at = block.lastIndexOf(0x0a, filled - 1);
    if (at >= 0) {
      const next = blocks.take(filled - at - 1);
      next.set(block.subarray(at + 1, filled));
      send(block, at + 1);
      block = next;
      filled -= at + 1;
    }
  }
  while (waiting.length > 0) apply(await (waiting.shift() as Promise<LinesResult>));
  if (broke !== undefined) {
    const kept = filled > 0 ? `; the incomplete line ${linesBefore + 1} was left out` : "";
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
