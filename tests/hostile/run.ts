/**
 * Helpers for the hostile-input tests: run the command in-process with a folder of copies of the
 * inputs, and snapshot the folder so a test can assert that nothing changed that should not.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../support/cli";

export { EXAMPLE_CSV, EXAMPLE_JSON, ROOT, runCli as run, type Run } from "../support/cli";
export const INVOICES = join(ROOT, "tests", "fixtures", "actuals", "dfe-2017-invoices.csv");
export const FIXTURES = join(__dirname, "fixtures");

/** A fresh folder; `files` are copied into it under the given names. */
export function scratch(files: Record<string, string> = {}): {
  dir: string;
  path: (name: string) => string;
  done: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), "tender-budget-hostile-"));
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(dir, name));
  return { dir, path: (name) => join(dir, name), done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Run `test` in a fresh folder holding copies of `files` (as `scratch`), removed afterwards whatever happens. */
export async function inScratch(
  files: Record<string, string>,
  test: (s: ReturnType<typeof scratch>) => Promise<void>,
): Promise<void> {
  const s = scratch(files);
  try {
    await test(s);
  } finally {
    s.done();
  }
}

/** Every entry of a folder: a link's target, a file's hash and permission bits. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) out[name] = `link -> ${readlinkSync(p)}`;
    else if (st.isFile()) {
      const hash = createHash("sha256").update(readFileSync(p)).digest("hex").slice(0, 16);
      out[name] = `file ${hash} mode ${(st.mode & 0o777).toString(8)}`;
    } else out[name] = "other";
  }
  return out;
}
