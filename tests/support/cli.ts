/**
 * Running the `tender-budget` command in tests: in-process through `main` with its output caught
 * (`runCli`, `runCliJson`), or building lib/ for the tests of the built command (`buildCli`).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { main, type CliIo } from "../../src/cli/main";

export const ROOT = join(__dirname, "..", "..");
export const EXAMPLE_JSON = join(ROOT, "examples", "dfe-commissioners-2017.json");
export const EXAMPLE_CSV = join(ROOT, "examples", "dfe-commissioners-2017.csv");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command run in-process with `argv`; what it wrote to stdout and stderr, and its exit code. */
export async function runCli(argv: string[], io: Partial<CliIo> = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    ...io,
  });
  return { code, stdout, stderr };
}

/** The command run with `--json` added; its report parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function runCliJson(argv: string[]): Promise<{ code: number; json: any; stderr: string }> {
  const r = await runCli([...argv, "--json"]);
  return { code: r.code, json: JSON.parse(r.stdout), stderr: r.stderr };
}

/** Build lib/ (tsconfig.cli.json) for the tests that run the built command; throws with tsc's output. */
export function buildCli(): void {
  const tsc = require.resolve("typescript/bin/tsc");
  const build = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`building lib/ failed:\n${build.stdout}${build.stderr}`);
}
