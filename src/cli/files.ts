/**
 * Writing `--out` files without losing anything:
 *
 * - an output is never one of the inputs, compared by the file itself (device and inode), so a
 *   symbolic or hard link to the input, or its name in another case on a case-insensitive disk,
 *   is refused like the input's own name;
 * - an existing file is replaced only with `--force` (else nothing is written and the message
 *   says so); a replaced file keeps its permissions, and a link is written through, not replaced;
 * - every output is checked (its folder exists, it is not a folder, it is not given twice) before
 *   any is written;
 * - each is written to a new file beside it and then renamed over it, so a full disk or a failed
 *   write leaves every earlier file as it was and no half-written file behind.
 */

import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { type FileContent, type FileIdentity, type ResolvedIo } from "./io";
import type { InputError, Result } from "../domain/core/types";

/** A file the command reads, and how the user gave it ("the file being checked", "--actuals"). */
export interface InputFile {
  file: string;
  role: string;
}

/** An output that may be written: where the bytes go, and the file it replaces, if any. */
export interface CheckedOutput<T> {
  file: string;
  /** The path written: `file`, or the file a link at `file` points to. */
  target: string;
  /** The existing file replaced (with `--force`). */
  replaces?: FileIdentity;
  item: T;
}

const sameFile = (a: FileIdentity, b: FileIdentity): boolean => a.dev === b.dev && a.ino === b.ino;

/**
 * Check every output before any is written: not an input, not given twice (by identity, or by a
 * name that differs only in case), its folder exists, and it does not exist yet unless `force`.
 */
export async function checkOutputs<T>(
  io: ResolvedIo,
  outputs: readonly { file: string; item: T }[],
  inputs: readonly InputFile[],
  force: boolean,
): Promise<Result<CheckedOutput<T>[]>> {
  const inputIds: { input: InputFile; id: FileIdentity }[] = [];
  for (const input of inputs) {
    const id = await io.stat(input.file);
    if (id !== undefined) inputIds.push({ input, id });
  }
  const errors: InputError[] = [];
  const checked: (CheckedOutput<T> & { id?: FileIdentity; folded: string })[] = [];
  for (const { file, item } of outputs) {
    const fail = (message: string): void => {
      errors.push({ path: "--out", message });
    };
    const id = await io.stat(file);
    const folded = resolve(file).normalize("NFC").toLowerCase();
    if (id !== undefined) {
      const input = inputIds.find((i) => sameFile(i.id, id));
      if (input !== undefined) {
        const how =
          resolve(input.input.file) === resolve(file)
            ? ""
            : ` (${input.input.file}, by another name or a link)`;
        fail(`"${file}" is ${input.input.role}${how}; write to another file`);
        continue;
      }
      if (id.isDirectory) {
        fail(`"${file}" is a folder; give the name of a file to write`);
        continue;
      }
    }
    const twice = checked.find(
      (c) => (id !== undefined && c.id !== undefined && sameFile(c.id, id)) || c.folded === folded,
    );
    if (twice !== undefined) {
      const also = twice.file === file ? "" : ` (the same file as "${twice.file}")`;
      fail(`"${file}" is given twice${also}; give each output once`);
      continue;
    }
    if (id === undefined) {
      const folder = await io.stat(dirname(resolve(file)));
      if (folder === undefined || !folder.isDirectory) {
        fail(`cannot write ${file}: its folder does not exist`);
        continue;
      }
      checked.push({ file, target: file, item, folded });
      continue;
    }
    if (!id.isFile) {
      fail(`"${file}" is not an ordinary file (a device or a pipe); give the name of a file to write`);
      continue;
    }
    if (!force) {
      fail(`"${file}" already exists; add --force to replace it, or write to another file`);
      continue;
    }
    checked.push({ file, target: await io.realpath(file), replaces: id, item, id, folded });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: checked.map(({ file, target, replaces, item }) => ({
      file,
      target,
      item,
      ...(replaces ? { replaces } : {}),
    })),
  };
}

/** A write that failed: which file, and the error. */
export interface WriteFailure {
  file: string;
  error: unknown;
  /** Files already in place when a rename failed part way (otherwise none). */
  written: string[];
  /** Temporary files that could not be removed, to name for the user to delete. */
  leftBehind: string[];
}

/**
 * Write every output to a new file beside its target, and only when all are written rename each
 * over its target. If a write fails, the new files are removed and no target has changed.
 */
export async function writeAtomically(
  io: ResolvedIo,
  outputs: readonly (CheckedOutput<unknown> & { data: FileContent })[],
): Promise<{ ok: true } | ({ ok: false } & WriteFailure)> {
  const temps: { out: (typeof outputs)[number]; temp: string }[] = [];
  const removeTemps = async (): Promise<string[]> => {
    const left: string[] = [];
    for (const { temp } of temps) {
      try {
        await io.remove(temp);
      } catch {
        left.push(temp);
      }
    }
    return left;
  };
  for (const out of outputs) {
    const temp = join(dirname(out.target), `.${basename(out.target)}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      temps.push({ out, temp });
      await io.writeFile(temp, out.data);
      if (out.replaces !== undefined) await io.chmod(temp, out.replaces.mode);
    } catch (error) {
      return { ok: false, file: out.file, error, written: [], leftBehind: await removeTemps() };
    }
  }
  const written: string[] = [];
  for (const [i, { out, temp }] of temps.entries()) {
    try {
      await io.rename(temp, out.target);
      written.push(out.file);
    } catch (error) {
      temps.splice(0, i);
      return { ok: false, file: out.file, error, written, leftBehind: await removeTemps() };
    }
  }
  return { ok: true };
}
