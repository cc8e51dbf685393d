/**
 * What the command line needs from the outside world, passed in so `main` can be tested
 * without touching the process. `process` itself fits (stdout, stderr, env); file access
 * defaults to node:fs when not given.
 */

import { promises as fs } from "node:fs";

export interface Writer {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  env?: Record<string, string | undefined>;
  /** Read a whole file as bytes. Defaults to node:fs. */
  readFile?: (path: string) => Promise<Uint8Array>;
  /** Write a whole file. Defaults to node:fs. */
  writeFile?: (path: string, data: string | Uint8Array) => Promise<void>;
}

export interface ResolvedIo {
  stdout: Writer;
  stderr: Writer;
  env: Record<string, string | undefined>;
  readFile: (path: string) => Promise<Uint8Array>;
  writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
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
    writeFile: io.writeFile ?? ((path, data) => fs.writeFile(path, data)),
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
    case "EACCES":
    case "EPERM":
      return `cannot ${reading ? "read" : "write"} ${path}: permission denied`;
    default:
      return `cannot ${reading ? "read" : "write"} ${path}: ${e instanceof Error ? e.message : String(e)}`;
  }
}
