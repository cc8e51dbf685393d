/** Boundaries of the command line that a tender failing on its own total would hide. */
import { join } from "node:path";
import { ExitCode } from "../../src/cli/args";
import { EXAMPLE_JSON, ROOT, runCliJson } from "../support/cli";
import { readCheckOptions } from "../../src/cli/options";
import { inferDayRate } from "../../src/domain/check/allocation";

const ACTUALS = join(ROOT, "tests", "fixtures", "actuals");

async function run(
  argv: string[],
): Promise<{ code: number; findings: { code: string; severity: string }[] }> {
  const { code, json } = await runCliJson(argv);
  return { code, findings: json.findings };
}

describe("exit status from the invoices alone", () => {
  // --stated-total 346560 makes the DfE lots reconcile, so any exit 1 comes from the invoices.
  const reconciled = ["check", EXAMPLE_JSON, "--stated-total", "346560", "--as-of", "31/12/2017"];

  test("a tender that reconciles with clean invoices exits 0", async () => {
    const r = await run([...reconciled, "--actuals", join(ACTUALS, "dfe-2017-invoices.csv")]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.code).toBe(ExitCode.Ok);
  });

  test("the same tender with a duplicate invoice and a wrong rate exits 1", async () => {
    const r = await run([...reconciled, "--actuals", join(ACTUALS, "dfe-2017-invoices-with-problems.csv")]);
    const errors = r.findings.filter((f) => f.severity === "error").map((f) => f.code);
    expect(errors).not.toContain("TOTAL_MISMATCH");
    expect(errors).toEqual(expect.arrayContaining(["DUPLICATE_INVOICE", "INVOICE_RATE_MISMATCH"]));
    expect(r.code).toBe(ExitCode.Findings);
  });
});

describe("--tolerance-percent", () => {
  const flags = (tolerancePercent: string) =>
    ({ tolerancePercent }) as Parameters<typeof readCheckOptions>[0];

  test("100 is the largest percentage accepted", () => {
    const r = readCheckOptions(flags("100"));
    expect(r.ok && r.value.tolerance).toEqual({ absolute: 0, percent: 100 });
  });

  test("101 and 100.5 are refused, naming the option", () => {
    for (const text of ["101", "100.5"]) {
      const r = readCheckOptions(flags(text));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.errors).toEqual([
          { path: "--tolerance-percent", message: expect.stringContaining("not a percentage from 0 to 100") },
        ]);
      }
    }
  });
});

describe("day-rate inference at the bottom of the £300-£3,000 band", () => {
  test("a common divisor of exactly £300 is a plausible day rate (the band is inclusive)", () => {
    expect(inferDayRate([60_000, 90_000])).toMatchObject({ ok: true, rate: 30_000 });
  });

  test("a common divisor of £299.99 is below the band", () => {
    expect(inferDayRate([59_998, 89_997])).toMatchObject({ ok: false, reason: "below-band", gcd: 29_999 });
  });
});
