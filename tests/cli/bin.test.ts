/**
 * The real command: lib/ is compiled from src with tsconfig.cli.json (what `npm ci` does through
 * the prepare script), then bin/tender-budget.js runs in a child process.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, ROOT } from "../support/cli";

const BIN = join(ROOT, "bin", "tender-budget.js");

function tenderBudget(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DEBUG: "" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  buildCli();
  expect(existsSync(join(ROOT, "lib", "cli", "main.js"))).toBe(true);
}, 180_000);

describe("bin/tender-budget.js", () => {
  it("checks the headline case: --json figures and exit status 1", () => {
    const r = tenderBudget("check", "examples/dfe-commissioners-2017.json", "--json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.totals.value).toBe(346560);
    expect(report.totals.variance).toBe(560);
    expect(report.inferred.dayRate).toBe(960);
    expect(report.lines.map((l: { days: number }) => l.days)).toEqual([112, 51, 99, 99]);
    expect(report.findings.find((f: { code: string }) => f.code === "TOTAL_MISMATCH").severity).toBe("error");
  });

  it("prints the readable report with £346,560.00 and the £560.00 difference", () => {
    const r = tenderBudget("check", "examples/dfe-commissioners-2017.csv", "--stated-total", "346000");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Total \(ex VAT\) +£346,560\.00$/m);
    expect(r.stdout).toMatch(/^Difference +\+£560\.00/m);
  });

  it("answers bad input with exit status 2 and a message, never a stack trace", () => {
    const r = tenderBudget("check", "tests/fixtures/bad/csv-negative-days.csv");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "tender-budget: tests/fixtures/bad/csv-negative-days.csv cannot be checked:\n" +
        '  row 3, column "Days": -51 days is negative; days of work must be 0 or more\n',
    );
  });

  it("says how to build lib/ when it is missing, not a stack trace, with exit status 2", () => {
    // A copy of the project's bin/ with no lib/ beside it: what a clone is before `npm ci`.
    const dir = mkdtempSync(join(tmpdir(), "tender-budget-"));
    try {
      mkdirSync(join(dir, "bin"));
      copyFileSync(BIN, join(dir, "bin", "tender-budget.js"));
      const r = spawnSync(process.execPath, [join(dir, "bin", "tender-budget.js"), "--help"], {
        encoding: "utf8",
      });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        `tender-budget: the command line is not built yet (${join(dir, "lib", "cli", "main.js")} is missing); ` +
          "run `npm run build:cli` in the project folder (`npm ci` does it too), then try again\n",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops quietly when the reader of its output goes away early", () => {
    // A tender of 20,000 lots prints far more than a pipe holds; `head -1` closes it after one line.
    const lots = Array.from({ length: 20_000 }, (_, i) => ({ name: `Lot ${i}`, days: 10, dayRate: 500 }));
    const dir = mkdtempSync(join(tmpdir(), "tender-budget-"));
    try {
      const file = join(dir, "many.json");
      writeFileSync(file, JSON.stringify({ title: "Many lots", lots }));
      const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" check "${file}" | head -1`], {
        encoding: "utf8",
      });
      expect(r.stdout).toBe("Many lots\n");
      expect(r.stderr).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
