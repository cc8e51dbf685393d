/**
 * What the command line needs from the outside world, passed in so `main` can be tested
 * without touching the process. `process` itself fits (stdout, stderr, env); file access
 * defaults to node:fs when not given.
 */

import { createWriteStream, promises as fs } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Which file a path names, whatever the path: device and inode (symbolic and hard links agree). */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
  isFile: boolean;
  isDirectory: boolean;
  /** The permission bits, given back to a file that is replaced. */
  mode: number;
}

export interface Writer {
  /** False when the chunk was queued beyond the stream's buffer: wait for "drain" before the next. */
  write(chunk: string): unknown;
}

/** What a new file holds: bytes, or text in chunks written one after the other. */
export type FileContent = Uint8Array | Iterable<string>;

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  env?: Record<string, string | undefined>;
  /** Read a whole file as bytes. Defaults to node:fs. */
  readFile?: (path: string) => Promise<Uint8Array>;
  /**
   * Write a new file (it must not exist yet), text chunk by chunk with backpressure. Defaults to
   * node:fs.
   */
  writeFile?: (path: string, data: FileContent) => Promise<void>;
  /** The file a path names (following links), or undefined when there is none. Defaults to node:fs. */
  stat?: (path: string) => Promise<FileIdentity | undefined>;
  /** Move a file over another in one step. Defaults to node:fs. */
  rename?: (from: string, to: string) => Promise<void>;
  /** Remove a file. Defaults to node:fs. */
  remove?: (path: string) => Promise<void>;
  /** The path with every link resolved. Defaults to node:fs. */
  realpath?: (path: string) => Promise<string>;
  /** Set a file's permission bits. Defaults to node:fs. */
  chmod?: (path: string, mode: number) => Promise<void>;
}

export interface ResolvedIo {
  stdout: Writer;
  stderr: Writer;
  env: Record<string, string | undefined>;
  readFile: (path: string) => Promise<Uint8Array>;
  writeFile: (path: string, data: FileContent) => Promise<void>;
  stat: (path: string) => Promise<FileIdentity | undefined>;
  rename: (from: string, to: string) => Promise<void>;
  remove: (path: string) => Promise<void>;
  realpath: (path: string) => Promise<string>;
  chmod: (path: string, mode: number) => Promise<void>;
}

async function statFile(path: string): Promise<FileIdentity | undefined> {
  try {
    const s = await fs.stat(path, { bigint: true });
    return {
      dev: s.dev,
      ino: s.ino,
      isFile: s.isFile(),
      isDirectory: s.isDirectory(),
      mode: Number(s.mode & 0o7777n),
    };
  } catch (e) {
    const code = errorCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw e;
  }
}

/**
 * Write a new file: bytes at once; text chunk by chunk through a file stream, each chunk taken
 * only when the stream has room for it (pipeline's backpressure), so the text is never held whole.
 */
async function writeNewFile(path: string, data: FileContent): Promise<void> {
  if (data instanceof Uint8Array) {
    await fs.writeFile(path, data, { flag: "wx" });
    return;
  }
  await pipeline(Readable.from(data), createWriteStream(path, { flags: "wx" }));
}

/** A stream's events, when the writer is one. */
interface WriterEvents {
  once?: (event: string, listener: () => void) => unknown;
  removeListener?: (event: string, listener: () => void) => unknown;
  destroyed?: boolean;
  writableEnded?: boolean;
}

/** Until the stream has room again ("drain"), or can take no more (closed, failed). */
function roomOrEnd(stream: WriterEvents): Promise<void> {
  return new Promise((resolve) => {
    const events = ["drain", "close", "error"];
    const done = (): void => {
      for (const event of events) stream.removeListener?.(event, done);
      resolve();
    };
    for (const event of events) stream.once?.(event, done);
  });
}

/**
 * Write text chunk by chunk to stdout (or any writer), waiting for "drain" whenever a write
 * says the stream's buffer is full, so a long output is not queued whole in memory. Stops when
 * the stream has ended or been destroyed (the reader of a pipe went away: `| head`).
 */
export async function writeChunks(writer: Writer, chunks: Iterable<string>): Promise<void> {
  const stream = writer as WriterEvents;
  for (const chunk of chunks) {
    if (stream.destroyed === true || stream.writableEnded === true) return;
    if (writer.write(chunk) === false && typeof stream.once === "function") await roomOrEnd(stream);
  }
}

/**
 * When the reader of our output goes away (`tender-budget check big.csv | head`), a stream
 * reports EPIPE; the output is no longer wanted, so that is not a failure. Other stream errors
 * are.
 */
function endQuietlyOnClosedPipe(writer: Writer): void {
  const stream = writer as { on?: (event: string, listener: (e: unknown) => void) => unknown };
  if (typeof stream.on !== "function") return;
  stream.on("error", (e: unknown) => {
    if (errorCode(e) !== "EPIPE") throw e;
  });
}

const guarded = new WeakSet<object>();

export function resolveIo(io: CliIo): ResolvedIo {
  for (const writer of [io.stdout, io.stderr]) {
    if (typeof writer === "object" && writer !== null && !guarded.has(writer)) {
      guarded.add(writer);
      endQuietlyOnClosedPipe(writer);
    }
  }
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env ?? {},
    readFile: io.readFile ?? ((path) => fs.readFile(path)),
    writeFile: io.writeFile ?? writeNewFile,
    stat: io.stat ?? statFile,
    rename: io.rename ?? ((from, to) => fs.rename(from, to)),
    remove: io.remove ?? ((path) => fs.rm(path, { force: true })),
    realpath: io.realpath ?? ((path) => fs.realpath(path)),
    chmod: io.chmod ?? ((path, mode) => fs.chmod(path, mode)),
  };
}

/** A file system error's code (ENOENT, EISDIR, EACCES), if it has one. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/** Plain words for why a file could not be read or written. */
export function fileProblem(e: unknown, path: string, reading: boolean): string {
  switch (errorCode(e)) {
    case "ENOENT":
      return reading
        ? `cannot read ${path}: there is no such file; check the name and folder`
        : `cannot write ${path}: its folder does not exist`;
    case "EISDIR":
      return `cannot ${reading ? "read" : "write"} ${path}: it is a folder, not a file`;
    case "ENOSPC":
      return `cannot ${reading ? "read" : "write"} ${path}: the disk is full; free some space and try again`;
    case "EROFS":
      return `cannot write ${path}: the disk is read-only`;
    case "EACCES":
    case "EPERM":
      return `cannot ${reading ? "read" : "write"} ${path}: permission denied`;
    default:
      return `cannot ${reading ? "read" : "write"} ${path}: ${e instanceof Error ? e.message : String(e)}`;
  }
}
