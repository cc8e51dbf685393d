/** `main` end to end on real files, through an io object that captures the output. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, USAGE } from "../../src/cli/main";
import { EXAMPLE_CSV, EXAMPLE_JSON, ROOT, runCli, runCliJson } from "../support/cli";
import { itWith, sharedDir } from "../support/shared-material";
import { DFE_JSON_TOTALS } from "../support/tenders";

const SEEDS = sharedDir("seeds", "the CLI on seed articles 000 and 001 (2 tests)");
const SEED_000 = join(SEEDS ?? "", "000_558427db4db0902e.txt");
const SEED_001 = join(SEEDS ?? "", "001_6e72c5e86b3c3b56.txt");
const INVOICES = join(ROOT, "tests", "fixtures", "actuals", "dfe-2017-invoices-with-problems.csv");

const run = (argv: string[], env: Record<string, string> = {}) => runCli(argv, { env });

async function runJson(argv: string[]) {
  const { code, json, stderr } = await runCliJson(argv);
  return { code, report: json, stderr };
}

describe("the DfE headline case", () => {
  it("--json: computed total £346,560, variance £560, inferred £960 a day, 112/51/99/99 days, exit 1", async () => {
    const { code, report, stderr } = await runJson(["check", EXAMPLE_JSON]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(report.totals).toEqual(DFE_JSON_TOTALS);
    expect(report.inferred.dayRate).toBe(960);
    expect(report.lines.map((l: { lot: string; days: number }) => [l.lot, l.days])).toEqual([
      ["Barnet", 112],
      ["Kirklees", 51],
      ["Reading", 99],
      ["Worcestershire", 99],
    ]);
    expect(report.tender.closingDate).toBe("2017-07-31");
    expect(report.tender.startDate).toBe("2017-08-31");
    const mismatch = report.findings.filter((f: { code: string }) => f.code === "TOTAL_MISMATCH");
    expect(mismatch).toEqual([expect.objectContaining({ severity: "error", path: "statedTotal" })]);
    expect(report.findings.map((f: { code: string }) => f.code)).not.toContain("TOTAL_ROUNDED");
    expect(report.phasing.financialYears.reduce((s: number, y: { value: number }) => s + y.value, 0)).toBe(
      346560,
    );
  });

  it("reads as a table with the totals, the £560.00 difference and the findings", async () => {
    const { code, stdout, stderr } = await run(["check", EXAMPLE_JSON]);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(stdout).toContain("Buyer: Department for Education");
    expect(stdout).toContain("Closing 31 July 2017 · start 31 August 2017");
    expect(stdout).toMatch(/^Barnet +£960\.00\* +112\* +£107,520\.00 +£107,520\.00$/m);
    expect(stdout).toMatch(/^Kirklees +£960\.00\* +51\* +£48,960\.00 +£48,960\.00$/m);
    expect(stdout).toMatch(/^Total \(ex VAT\) +£346,560\.00$/m);
    expect(stdout).toMatch(/^Stated total +£346,000\.00$/m);
    expect(stdout).toMatch(/^Difference +\+£560\.00 +\+0\.16% of the stated total$/m);
    expect(stdout).toMatch(/^Total inc VAT +£415,872\.00$/m);
    expect(stdout).toContain("* Day rate £960.00 inferred");
    expect(stdout).toContain("Findings: 1 error, 0 warnings, 1 for information");
    expect(stdout).toMatch(/ERROR +TOTAL_MISMATCH \(statedTotal\)/);
    expect(stdout).toMatch(/^ {2}2017\/18 +£346,560\.00$/m);
  });

  it("the CSV example with the tender-level values as options gives the same figures", async () => {
    const { code, report } = await runJson([
      "check",
      EXAMPLE_CSV,
      "--stated-total",
      "£346,000",
      "--closing",
      "31/07/2017",
      "--start",
      "31/08/2017",
      "--buyer",
      "Department for Education",
    ]);
    expect(code).toBe(1);
    // A bare lots table takes its title from the file name in words, in the pane and the command line alike.
    expect(report.tender.title).toBe("dfe commissioners 2017");
    expect(report.tender.buyer).toBe("Department for Education");
    expect(report.tender.lots.map((l: { startDate: string }) => l.startDate)).toEqual(
      Array(4).fill("2017-08-31"),
    );
    expect(report.totals.value).toBe(346560);
    expect(report.totals.variance).toBe(560);
    expect(report.inferred.dayRate).toBe(960);
    expect(report.lines.map((l: { days: number }) => l.days)).toEqual([112, 51, 99, 99]);
  });

  it("the CSV example without a stated total has nothing to reconcile against: exit 0", async () => {
    const { code, report } = await runJson(["check", EXAMPLE_CSV]);
    expect(code).toBe(0);
    expect(report.totals.statedTotal).toBeNull();
    expect(report.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
  });

  it("options replace the file's values: a £1,000 tolerance makes the £560 difference acceptable", async () => {
    const { code, report } = await runJson(["check", EXAMPLE_JSON, "--tolerance", "1000"]);
    expect(code).toBe(0);
    expect(report.findings.filter((f: { code: string }) => f.code === "TOTAL_MISMATCH")).toEqual([
      expect.objectContaining({ severity: "info", message: expect.stringContaining("within the tolerance") }),
    ]);
    const stated = await runJson(["check", EXAMPLE_JSON, "--stated-total", "346560", "--vat", "0"]);
    expect(stated.code).toBe(0);
    expect(stated.report.totals).toMatchObject({ variance: 0, vat: 0, valueIncVat: 346560 });
  });

  it("an explicit day rate that does not divide the values", async () => {
    const { report } = await runJson(["check", EXAMPLE_JSON, "--day-rate", "1000"]);
    expect(report.inferred.dayRate).toBeNull();
    expect(report.lines[0]).toMatchObject({ dayRate: 1000, dayRateSource: "tender", days: 107.52 });
  });
});

describe("findings on a lots table name the row and column", () => {
  it("locates lot findings by CSV cell and tender-level ones by option", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tender-budget-"));
    try {
      const file = join(dir, "lots.csv");
      writeFileSync(
        file,
        "Council,Day rate,Days,Stated value\nBarnet,960,112,107520\nKirklees,960,50,48960\n",
      );
      const argv = ["check", file, "--stated-total", "156000"];
      const { code, report } = await runJson(argv);
      expect(code).toBe(1);
      expect(report.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: "LOT_VALUE_MISMATCH",
            path: "lots[1].statedValue",
            where: 'row 3, column "Stated value"',
          }),
          expect.objectContaining({ code: "TOTAL_ROUNDED", path: "statedTotal", where: "--stated-total" }),
        ]),
      );
      const text = await run(argv);
      expect(text.stdout).toContain(
        'ERROR   LOT_VALUE_MISMATCH (lots[1].statedValue; row 3, column "Stated value")',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("file encodings", () => {
  const withBytes = (file: string, bytes: Uint8Array, extra: string[] = []) =>
    runCli(["check", file, "--json", ...extra], { readFile: async () => bytes });

  it("reads a tender file saved with a byte order mark", async () => {
    const text = "\uFEFF" + readFileSync(EXAMPLE_JSON, "utf8");
    const r = await withBytes("dfe.json", new TextEncoder().encode(text));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).totals.value).toBe(346560);
  });

  it("reads a CSV saved by Excel as plain CSV (Windows-1252, £ as byte A3)", async () => {
    const latin = 'Council,Stated value\r\nBarnet,"\u00a3107,520"\r\nKirklees,\u00a348960\r\n';
    const bytes = Uint8Array.from([...latin].map((c) => c.charCodeAt(0)));
    const r = await withBytes("lots.csv", bytes);
    expect(r.stderr).toBe(
      'tender-budget: read lots.csv as Windows-1252 (Excel\'s plain "CSV"), as it is not UTF-8; if letters look wrong, save it as "CSV UTF-8"\n',
    );
    expect(JSON.parse(r.stdout).lines.map((l: { value: number }) => l.value)).toEqual([107520, 48960]);
  });
});

describe("a notice as FILE", () => {
  itWith(SEEDS)("reads the DfE article into the same figures and lists what it could not find", async () => {
    const { code, report } = await runJson(["check", SEED_000]);
    expect(code).toBe(1);
    expect(report.totals).toMatchObject({ value: 346560, statedTotal: 346000, variance: 560 });
    expect(report.inferred.dayRate).toBe(960);
    expect(report.tender.closingDate).toBe("2017-07-31");
    expect(report.notice.missing).toContain("no end date found");
    expect(report.notice.fields.statedTotal).toEqual(
      expect.objectContaining({ value: "£346,000", sentence: expect.stringContaining("£346,000") }),
    );
    expect(report.notice.lots.map((l: { name: { value: string } }) => l.name.value)).toEqual([
      "Barnet",
      "Kirklees",
      "Reading",
      "Worcestershire",
    ]);
    const text = await run(["check", SEED_000]);
    expect(text.stdout).toContain("Not found in the notice (check and add them):\n  - no day rate found");
  });

  itWith(SEEDS)("text with no tender amounts is invalid input", async () => {
    const r = await run(["check", SEED_001]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("No tender amounts found in the text.");
  });
});

describe("an OCDS release package as FILE", () => {
  it("reads what Contracts Finder publishes for the DfE tender into the same figures", async () => {
    const file = join(ROOT, "tests", "fixtures", "ocds", "contracts-finder-dfe-2017.json");
    const { code, report } = await runJson(["check", file]);
    expect(code).toBe(1);
    expect(report.totals).toMatchObject({ value: 346560, statedTotal: 346000, variance: 560 });
    expect(report.inferred.dayRate).toBe(960);
    expect(report.lines.map((l: { days: number }) => l.days)).toEqual([112, 51, 99, 99]);
  });
});

describe("--out", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "tender-budget-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes every format, and each written tender reads back to the same figures", async () => {
    const out = (name: string): string => join(dir, name);
    const r = await run([
      "check",
      EXAMPLE_JSON,
      "--out",
      out("summary.xlsx"),
      "--out",
      out("allocation.csv"),
      "--out",
      out("tender.ocds.json"),
      "--out",
      out("dfe.tender.csv"),
      "--out",
      out("dfe.findings.csv"),
      "--out",
      out("report.json"),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("tender-budget: wrote "))).toHaveLength(6);

    const allocation = readFileSync(out("allocation.csv"), "utf8");
    expect(allocation.startsWith("\uFEFFLot,Day rate,Days,Value")).toBe(true);
    expect(allocation).toContain("Barnet,960.00,112,107520.00,107520.00");
    expect(readFileSync(out("dfe.findings.csv"), "utf8")).toContain("error,TOTAL_MISMATCH,statedTotal");
    expect(JSON.parse(readFileSync(out("report.json"), "utf8")).totals.variance).toBe(560);
    const ocds = JSON.parse(readFileSync(out("tender.ocds.json"), "utf8"));
    expect(ocds.releases[0].tender.value).toEqual({ amount: 346000, currency: "GBP" });

    for (const written of ["summary.xlsx", "tender.ocds.json", "dfe.tender.csv"]) {
      const back = await runJson(["check", out(written)]);
      expect([written, back.code, back.report.totals.value, back.report.totals.variance]).toEqual([
        written,
        1,
        346560,
        560,
      ]);
      expect(back.report.lines.map((l: { days: number }) => l.days)).toEqual([112, 51, 99, 99]);
    }
  }, 60_000);

  it("writes the OCDS package under the ocid given with --ocid", async () => {
    const file = join(dir, "own.ocds.json");
    const r = await run(["check", EXAMPLE_JSON, "--ocid", "ocds-b5fd17-2017-0142", "--out", file]);
    expect(r.code).toBe(1);
    const pkg = JSON.parse(readFileSync(file, "utf8"));
    expect(pkg.releases[0].ocid).toBe("ocds-b5fd17-2017-0142");
    expect(pkg.releases[0].id.startsWith("ocds-b5fd17-2017-0142-")).toBe(true);
    const without = join(dir, "default.ocds.json");
    await run(["check", EXAMPLE_JSON, "--out", without]);
    expect(JSON.parse(readFileSync(without, "utf8")).releases[0].ocid).toMatch(/^ocds-tenderbudget-/);
  });

  it("refuses an unknown format, the input file itself or a name given twice, writing nothing", async () => {
    const target = join(dir, "never.csv");
    const r = await run([
      "check",
      EXAMPLE_JSON,
      "--out",
      target,
      "--out",
      join(dir, "x.pdf"),
      "--out",
      EXAMPLE_JSON,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out: cannot tell what to write to "');
    expect(r.stderr).toContain(
      'x.pdf"; end its name with .ocds.json, .tender.csv, .findings.csv, .csv, .json, .xlsx',
    );
    expect(r.stderr).toContain("is the file being checked; write to another file");
    expect(() => readFileSync(target)).toThrow();
    const twice = await run(["check", EXAMPLE_JSON, "--out", target, "--out", target]);
    expect(twice.stderr).toContain("is given twice");
  });

  it("names a folder that does not exist", async () => {
    const r = await run(["check", EXAMPLE_JSON, "--out", join(dir, "no", "such", "a.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*a\.csv: its folder does not exist/);
  });
});

describe("--actuals", () => {
  it("adds the invoice findings and the position per lot; exit 1 on their errors", async () => {
    const { code, report } = await runJson([
      "check",
      EXAMPLE_JSON,
      "--actuals",
      INVOICES,
      "--as-of",
      "31/12/2017",
    ]);
    expect(code).toBe(1);
    expect(report.actuals.asOf).toBe("2017-12-31");
    const codes = report.findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(["TOTAL_MISMATCH", "DUPLICATE_INVOICE", "INVOICE_RATE_MISMATCH"]),
    );
    expect(report.actuals.lines.map((l: { lot: string }) => l.lot)).toEqual([
      "Barnet",
      "Kirklees",
      "Reading",
      "Worcestershire",
    ]);
    for (const line of report.actuals.lines) {
      expect(Math.round((line.spent + line.remainingValue) * 100)).toBe(
        Math.round(line.allocatedValue * 100),
      );
    }
    const text = await run(["check", EXAMPLE_JSON, "--actuals", INVOICES, "--as-of", "2017-12-31"]);
    expect(text.stdout).toContain("Contract position at 31 December 2017:");
    expect(text.stdout).toMatch(/DUPLICATE_INVOICE \(actuals\[\d+\]\.invoiceNumber[;)]/);
  });

  it("marks a forecast that runs out before the end, and a lot with no forecast, in the position table", async () => {
    // Barnet's invoices at a pace that spends its allocation before its planned end.
    const invoices = join(ROOT, "tests", "fixtures", "actuals", "dfe-2017-barnet-heavy.csv");
    const argv = ["check", EXAMPLE_JSON, "--actuals", invoices, "--as-of", "2018-01-31"];
    const { report } = await runJson(argv);
    expect(report.actuals.lines[0].exhaustsBeforeEnd).toBe(true);
    const out = (await run(argv)).stdout;
    const lines = out.slice(out.indexOf("Contract position")).split("\n");
    expect(lines.find((l) => l.trimStart().startsWith("Barnet "))).toMatch(/ \(before the end\)$/);
    expect(lines.find((l) => l.trimStart().startsWith("Kirklees "))).toMatch(/ –$/);
  });

  it("names the invoices file's row and column beside each invoice finding, in text and --json", async () => {
    const argv = ["check", EXAMPLE_JSON, "--actuals", INVOICES, "--as-of", "2018-01-31"];
    const where = (row: number, column: string): string =>
      `dfe-2017-invoices-with-problems.csv row ${row}, column "${column}"`;
    const text = await run(argv);
    // RDG-003 is on row 16 of the file; its amount is in the column headed "Amount (ex VAT)".
    expect(text.stdout).toContain(
      `INVOICE_RATE_MISMATCH (actuals[14].amount; ${where(16, "Amount (ex VAT)")})`,
    );
    expect(text.stdout).toContain(
      `INVOICE_OUTSIDE_PERIOD (actuals[0].periodStart; ${where(2, "Period start")})`,
    );
    expect(text.stdout).toContain(`ACTUAL_OVER_BUDGET (actuals[21].days; ${where(23, "Days")})`);
    // The tender's own findings keep their plain path.
    expect(text.stdout).toContain("TOTAL_MISMATCH (statedTotal)\n");
    const { report } = await runJson(argv);
    const rate = report.findings.find((f: { code: string }) => f.code === "INVOICE_RATE_MISMATCH");
    expect(rate).toMatchObject({ path: "actuals[14].amount", where: where(16, "Amount (ex VAT)") });
  });

  it("names the row and column of a bad invoice file, and wants --actuals for --as-of", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tender-budget-"));
    try {
      const bad = join(dir, "invoices.csv");
      writeFileSync(bad, "Lot,Invoice number,Invoice date,Days,Amount\nBarnet,B1,31/02/2017,5,4800\n");
      const r = await run(["check", EXAMPLE_JSON, "--actuals", bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${bad} cannot be checked:`);
      expect(r.stderr).toContain('row 2, column "Invoice date"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const asOf = await run(["check", EXAMPLE_JSON, "--as-of", "2017-12-31"]);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toContain("--as-of: is the date of the contract position; use it with --actuals");
  });
});

describe("help, version and failures", () => {
  it("prints the usage for --help and the version for --version", async () => {
    expect(await run(["--help"])).toEqual({ code: 0, stdout: USAGE, stderr: "" });
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(await run(["--version"])).toEqual({
      code: 0,
      stdout: `tender-budget ${pkg.version}\n`,
      stderr: "",
    });
  });

  it("a usage mistake is exit 2 with one line saying what to do", async () => {
    const r = await run(["check"]);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "tender-budget: check needs a FILE: a tender (.json), a lots table (.csv), a notice (.txt) or a workbook (.xlsx)\n",
    });
  });

  it("an unexpected failure says so without a stack trace, and shows one only with DEBUG set", async () => {
    const failingIo = (env: Record<string, string>) => {
      let stderr = "";
      return {
        io: {
          stdout: {
            write: (): never => {
              throw new Error("stdout closed");
            },
          },
          stderr: { write: (s: string) => (stderr += s) },
          env,
        },
        stderr: () => stderr,
      };
    };
    const quiet = failingIo({});
    expect(await main(["check", EXAMPLE_JSON], quiet.io)).toBe(2);
    expect(quiet.stderr()).toBe(
      "tender-budget: unexpected failure: stdout closed\nSet DEBUG=1 to see the details, and please report this.\n",
    );
    const debug = failingIo({ DEBUG: "1" });
    expect(await main(["check", EXAMPLE_JSON], debug.io)).toBe(2);
    expect(debug.stderr()).toMatch(
      /^tender-budget: unexpected failure: stdout closed\nError: stdout closed\n\s+at /,
    );
  });
});
