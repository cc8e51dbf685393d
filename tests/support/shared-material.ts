/**
 * Reference material from outside the repository: the seed articles, the official OCDS schemas and
 * the add-in manifest XSDs. They live in a `shared` folder beside the checkout (../shared), or
 * wherever TENDER_BUDGET_SHARED points. A fresh clone has neither: the tests that need the material
 * are then skipped, and one line says what was skipped and how to point at it. Everything else the
 * tests need is in the repository (tests/fixtures, examples/).
 */
import * as fs from "fs";
import * as path from "path";

/** The environment variable that names the folder holding seeds/, ocds/ and manifest-xsd/. */
export const SHARED_ENV = "TENDER_BUDGET_SHARED";

/** The kinds of outside material the tests read, each a sub-folder of the shared folder. */
export type SharedKind = "seeds" | "ocds" | "manifest-xsd";

const ROOT = path.resolve(__dirname, "..", "..");

/** Where the shared folder is looked for: TENDER_BUDGET_SHARED when set, else ../shared. */
export function sharedRoot(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[SHARED_ENV];
  return fromEnv !== undefined && fromEnv.trim() !== ""
    ? path.resolve(fromEnv)
    : path.join(ROOT, "..", "shared");
}

const announced = new Set<string>();

/**
 * The folder of one kind of material, or undefined when it is absent. When absent, prints once
 * per test file and kind: what is skipped and how to point at the material.
 */
export function sharedDir(
  kind: SharedKind,
  skipped: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const dir = path.join(sharedRoot(env), kind);
  if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) return dir;
  const key = `${kind}\n${skipped}`;
  if (!announced.has(key)) {
    announced.add(key);
    process.stderr.write(
      `skipped: ${skipped} — no ${kind}/ folder in ${sharedRoot(env)}; ` +
        `put the shared material beside the checkout as ../shared or set ${SHARED_ENV}=/path/to/shared\n`,
    );
  }
  return undefined;
}

/** `describe` when the material is there, `describe.skip` when it is not. */
export function describeWith(dir: string | undefined): jest.Describe {
  return dir === undefined ? describe.skip : describe;
}

/** `it` when the material is there, `it.skip` when it is not. */
export function itWith(dir: string | undefined): jest.It {
  return dir === undefined ? it.skip : it;
}
