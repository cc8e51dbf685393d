/**
 * Reading a bulk download of published notices in the pane, from a File: JSON Lines (a release or
 * package a line) or a JSON document (a release or record package of many processes, a JSON array),
 * either gzipped. The file is read a piece at a time (progress as it goes), each release cut down
 * and collected by the domain's audit (AuditCollector, releasesOf, prepareRelease), then every
 * process compiled and checked. Nothing here needs Node: gzip is unpacked by the browser's
 * DecompressionStream, and a browser without it is told what to do instead. The pane holds at most
 * PANE_MAX_RELEASES releases; past that it stops and says so, pointing at the command line.
 */
import { JSONParser, type ParsedElementInfo } from "@streamparser/json";
import {
  AuditCollector,
  auditSlims,
  documentPaths,
  documentReader,
  releasesOf,
  type AuditResult,
  type SlimText,
} from "../../domain/audit";
import { PaneError } from "../use-task";

/** Bytes of the file read at a time. */
const PIECE = 1 << 20;
/** Releases the pane holds; a larger download is for `tender-budget audit`. */
export const PANE_MAX_RELEASES = 50_000;
/** Processes checked between two looks at the screen (progress, Cancel). */
const CHECK_BATCH = 250;

export interface BulkProgress {
  phase: "reading" | "checking";
  /** Bytes of the file (as stored) read, of `total`. */
  bytes: number;
  total: number;
  releases: number;
  /** Processes checked so far, of `tenders` (while checking). */
  checked: number;
  tenders: number;
}

export interface BulkAudit {
  fileName: string;
  result: AuditResult;
  /** Each process's releases as read (cut down), to open one in Review. */
  processes: ReadonlyMap<string, readonly SlimText[]>;
  /** Set when the pane stopped at its limit: what it read of the file. */
  capped?: { releases: number; bytes: number; total: number };
}

export interface BulkReadOptions {
  onProgress?: (progress: BulkProgress) => void;
  signal?: AbortSignal;
  /** Releases to hold at most (PANE_MAX_RELEASES). */
  maxReleases?: number;
}

/** Thrown when the user stops the reading. */
export class AuditCancelled extends Error {
  constructor() {
    super("The audit was stopped.");
    this.name = "AuditCancelled";
  }
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === "function") return new Uint8Array(await blob.arrayBuffer());
  // Older browsers' Blob has no arrayBuffer(): FileReader does the same.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsArrayBuffer(blob);
  });
}

/** The file's bytes a piece at a time, as stored; `onBytes` hears how far it has got. */
async function* storedPieces(file: Blob, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < file.size; at += PIECE) {
    const piece = await bytesOf(file.slice(at, at + PIECE));
    onBytes(at + piece.length);
    yield piece;
  }
}

interface DecompressionStreamLike {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}
type DecompressionStreamClass = new (format: "gzip") => DecompressionStreamLike;

const NO_GUNZIP = (name: string) =>
  new PaneError(
    `This browser cannot unpack ${name}`,
    `${name} is gzipped, and this browser (or this version of Excel) has no DecompressionStream to unpack it.`,
    `Unpack it first (gunzip, 7-Zip or "Extract all") and open the .jsonl or .json inside, or audit it on the command line: tender-budget audit ${name}.`,
  );

/** The gzipped pieces unpacked by the browser. */
async function* gunzip(pieces: AsyncGenerator<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
  const Decompression = (globalThis as { DecompressionStream?: DecompressionStreamClass })
    .DecompressionStream;
  if (typeof Decompression !== "function" || typeof ReadableStream !== "function") throw NO_GUNZIP(name);
  const input = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  const reader = input.pipeThrough(new Decompression("gzip")).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** Why reading stopped, in words. */
function readProblem(e: unknown, gzipped: boolean): string {
  const message = e instanceof Error ? e.message : String(e);
  return gzipped ? `the gzip data is damaged or ends early (${message})` : message;
}

function describeLine(line: string): string {
  return JSON.stringify(line.length > 40 ? `${line.slice(0, 40)}…` : line);
}

/** The most releases to hold, and whether the file held more. */
interface Limit {
  max: number;
  reached: boolean;
}

/** Takes decoded text a piece at a time, as JSON Lines or as one JSON document. */
interface TextSink {
  write(text: string): void;
  /** The end of the input: a last line without its line break, a document's end. */
  end(): void;
  /** Where the input stands, for a message about a break: "after line 12". */
  where(): string;
}

function linesSink(name: string, collector: AuditCollector, limit: Limit): TextSink {
  let pending = "";
  let line = 0;
  const take = (text: string) => {
    line++;
    const trimmed = text.trim();
    if (trimmed === "") return;
    if (collector.releases >= limit.max) {
      limit.reached = true;
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      collector.addProblem(`${name} line ${line}: not JSON (${why}): ${describeLine(trimmed)}`);
      return;
    }
    const got = releasesOf(json);
    if (!got.ok) collector.addProblem(`${name} line ${line}: ${got.error}`);
    else for (const r of got.releases) collector.addRelease(r.release, r.context, `${name} line ${line}`);
  };
  return {
    write(text) {
      pending += text;
      let start = 0;
      for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n", start)) {
        take(pending.slice(start, end));
        start = end + 1;
      }
      pending = pending.slice(start);
    },
    end() {
      if (pending.trim() !== "") take(pending);
      pending = "";
    },
    where: () => `after line ${line}`,
  };
}

function documentSink(name: string, collector: AuditCollector, isArray: boolean): TextSink {
  const parser = new JSONParser({ paths: documentPaths(isArray), keepStack: false });
  const reader = documentReader(name, collector, isArray);
  let error: string | undefined;
  parser.onError = (e: Error) => {
    error ??= e.message;
  };
  parser.onValue = (found: ParsedElementInfo) => reader.onValue(found);
  return {
    write(text) {
      if (error === undefined && !parser.isEnded) parser.write(text);
      if (error !== undefined) throw new Error(`the JSON is broken (${error})`);
    },
    end() {
      if (error === undefined && !parser.isEnded) parser.end();
      if (error !== undefined) throw new Error(`the JSON breaks off or is broken (${error})`);
      // A single release (or record) as the whole file.
      reader.finish();
    },
    where: () => (isArray ? `after item ${reader.element} of the list` : "part-way through"),
  };
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Read and audit a bulk download. Parts that cannot be read (a broken line, a file cut short)
 * become not-checkable rows naming the line; a file with no release at all is a PaneError.
 */
export async function readBulkFile(file: File, options: BulkReadOptions = {}): Promise<BulkAudit> {
  const name = file.name;
  const max = options.maxReleases ?? PANE_MAX_RELEASES;
  const collector = new AuditCollector();
  const progress: BulkProgress = {
    phase: "reading",
    bytes: 0,
    total: file.size,
    releases: 0,
    checked: 0,
    tenders: 0,
  };
  const report = () => options.onProgress?.({ ...progress, releases: collector.releases });
  const stopIfCancelled = () => {
    if (options.signal?.aborted) throw new AuditCancelled();
  };
  const limit: Limit = { max, reached: false };
  // A line past the limit sets `reached`; a document's piece may take it past the limit.
  const full = () => limit.reached || collector.releases > max;

  const magic = await bytesOf(file.slice(0, 2));
  const gzipped = magic[0] === 0x1f && magic[1] === 0x8b;
  const stored = storedPieces(file, (n) => (progress.bytes = n));
  const pieces = gzipped ? gunzip(stored, name) : stored;
  const decoder = new TextDecoder("utf-8");

  let sink: TextSink | undefined;
  let head = "";
  let broke: string | undefined;
  try {
    for await (const piece of pieces) {
      stopIfCancelled();
      const text = decoder.decode(piece, { stream: true });
      if (sink === undefined) {
        head += text;
        sink = chooseSink(head, name, collector, limit, false);
        if (sink !== undefined) sink.write(head);
      } else sink.write(text);
      report();
      if (full()) break;
      await pause();
    }
    if (!full()) {
      const rest = decoder.decode();
      if (sink === undefined) {
        head += rest;
        sink = chooseSink(head, name, collector, limit, true);
        sink?.write(head);
      } else if (rest !== "") sink.write(rest);
      sink?.end();
    }
  } catch (e) {
    if (e instanceof AuditCancelled || e instanceof PaneError) throw e;
    broke = readProblem(e, gzipped);
  }
  if (sink === undefined && broke === undefined) throw emptyFile(name);
  if (broke !== undefined) {
    if (collector.releases === 0) {
      throw new PaneError(
        `Could not read ${name}`,
        `${name} breaks off ${sink?.where() ?? "at its start"}: ${broke}. No release was read before the break.`,
        "Download the file again, or open the release package or JSON Lines file it was unpacked from.",
      );
    }
    collector.addProblem(
      `${name} breaks off ${sink?.where() ?? ""}: ${broke}. The ${collector.releases} releases before the break were read`,
    );
  }
  if (collector.releases === 0) throw noReleases(name, collector);
  const capped = full() ? { releases: max, bytes: progress.bytes, total: file.size } : undefined;

  // Check every process, a batch at a time so that the pane can show how far it has got.
  const processes = collector.takeProcesses();
  progress.phase = "checking";
  progress.tenders = processes.size;
  const rows = [];
  for (const slims of processes.values()) {
    rows.push(auditSlims(slims));
    if (rows.length % CHECK_BATCH === 0) {
      progress.checked = rows.length;
      report();
      await pause();
      stopIfCancelled();
    }
  }
  const result = collector.finishChecked(rows);
  return { fileName: name, result, processes, ...(capped ? { capped } : {}) };
}

/** JSON Lines when the first line is a whole JSON value; a document otherwise; undefined: read more. */
function chooseSink(
  head: string,
  name: string,
  collector: AuditCollector,
  limit: Limit,
  ended: boolean,
): TextSink | undefined {
  const start = head.search(/\S/);
  if (start < 0) return undefined;
  const first = head[start];
  if (first !== "{" && first !== "[") {
    const shown = head.slice(start, start + 60).split(/\r?\n/)[0];
    throw new PaneError(
      `${name} is not a download of notices`,
      `${name} is not JSON (it starts ${JSON.stringify(shown)}).`,
      "Open OCDS releases or packages as JSON or JSON Lines (.jsonl), such as Contracts Finder and Find a Tender publish, optionally gzipped (.gz).",
    );
  }
  if (first === "[") return documentSink(name, collector, true);
  const lineEnd = head.indexOf("\n", start);
  if (lineEnd < 0 && !ended) return undefined;
  try {
    JSON.parse(head.slice(start, lineEnd < 0 ? head.length : lineEnd));
    return linesSink(name, collector, limit);
  } catch {
    return documentSink(name, collector, false); // a document written over several lines
  }
}

function emptyFile(name: string): PaneError {
  return new PaneError(
    `${name} is empty`,
    `${name} holds no releases.`,
    "Open a download of notices: OCDS release or record packages, a JSON array of releases, or JSON Lines.",
  );
}

function noReleases(name: string, collector: AuditCollector): PaneError {
  const { rows } = collector.finishChecked([]);
  const reasons = rows.slice(0, 3).map((r) => r.reason ?? "");
  const more = rows.length > 3 ? ` (and ${rows.length - 3} more problems)` : "";
  return new PaneError(
    `No release could be read from ${name}`,
    reasons.length > 0 ? `${reasons.join("; ")}${more}.` : `${name} holds no OCDS releases.`,
    "Open OCDS releases or packages as JSON or JSON Lines, such as Contracts Finder and Find a Tender publish.",
  );
}
