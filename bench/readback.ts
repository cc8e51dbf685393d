/**
 * "The tool must read back any workbook it writes" (issue #20) at the supported size: the command
 * writes the 100,000-lot bench tender as an .xlsx (`check t.tender.csv --out t.xlsx --out a.json`),
 * then reads that workbook (`check t.xlsx --out b.json`); the two reports must give the same tender,
 * lines and totals. Each command runs in a child process of its own (bench/cli.js, from the sources),
 * timed, with its CPU time and peak memory (bench/rusage-hook.js). Minutes, not a unit test.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { isDeepStrictEqual } from "util";
import { runNode } from "./node-run";
import { tenderToCsv } from "../src/domain/formats/csv-export";
import { benchTender } from "./tenders";

const CLI = join(__dirname, "cli.js");

export interface CommandRun {
  wallMs: number;
  cpuMs?: number;
  maxRssMiB?: number;
  /** The exit status: 0 or 1 is a check that ran (1: findings are errors), 2 a refusal. */
  status: number | null;
  stderr: string;
}

export interface ReadBack {
  lots: number;
  write: CommandRun;
  read: CommandRun;
  workbookBytes: number;
  /** The tender, lines and totals of the two reports are the same. */
  same: boolean;
  /** What differs, or why there is nothing to compare. */
  note?: string;
}

function runCommand(args: string[], cwd: string): CommandRun {
  const usage = join(cwd, `usage-${Date.now()}.json`);
  return runNode([CLI, ...args], { cwd, usageFile: usage });
}

interface ReportParts {
  tender: unknown;
  lines: unknown;
  totals: unknown;
}

function parts(file: string): ReportParts {
  const { tender, lines, totals } = JSON.parse(readFileSync(file, "utf8")) as ReportParts;
  return { tender, lines, totals };
}

export function measureReadBack(lots: number): ReadBack {
  const dir = mkdtempSync(join(tmpdir(), "tb-readback-"));
  try {
    writeFileSync(join(dir, "t.tender.csv"), tenderToCsv(benchTender(lots)));
    const write = runCommand(["check", "t.tender.csv", "--out", "t.xlsx", "--out", "a.json"], dir);
    const wrote = existsSync(join(dir, "t.xlsx")) && existsSync(join(dir, "a.json"));
    const workbookBytes = wrote ? statSync(join(dir, "t.xlsx")).size : 0;
    const read = wrote
      ? runCommand(["check", "t.xlsx", "--out", "b.json"], dir)
      : { wallMs: 0, status: null, stderr: "not run: the workbook was not written" };
    if (!wrote || !existsSync(join(dir, "b.json"))) {
      const why = (wrote ? read.stderr : write.stderr).trim().slice(0, 300);
      return { lots, write, read, workbookBytes, same: false, note: `nothing to compare: ${why}` };
    }
    const a = parts(join(dir, "a.json"));
    const b = parts(join(dir, "b.json"));
    const differ = (["tender", "lines", "totals"] as const).filter((k) => !isDeepStrictEqual(a[k], b[k]));
    return {
      lots,
      write,
      read,
      workbookBytes,
      same: differ.length === 0,
      ...(differ.length > 0 ? { note: `the ${differ.join(", ")} differ` } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
