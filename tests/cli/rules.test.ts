/**
 * The procurement-rules options of `check`: --buyer-type, --contract-type, --procedure,
 * --published, --award-notice, --options-value; --json's `rules`; the text section; exit codes.
 * Rules and sources: docs/rules.md (PCR 2015 reg 27, http://legislation.gov.uk/uksi/2015/102/regulation/27/made).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExitCode } from "../../src/cli/args";
import { RULE_FIELDS } from "../../src/domain/core/fields";
import { EXAMPLE_CSV, EXAMPLE_JSON, runCli } from "../support/cli";

const run = runCli;

const DFE_RULES = ["--published", "26/07/2017", "--buyer-type", "central", "--contract-type", "services"];

/** `check` of `file` with the DfE rule options and `options`, as --json: the exit code and the report. */
async function checkJson(file: string, ...options: string[]) {
  const r = await run(["check", file, ...DFE_RULES, ...options, "--json"]);
  return { code: r.code, json: JSON.parse(r.stdout) };
}

describe("check with the rule options", () => {
  test("--json gives rules for the DfE 2017 tender: PCR 2015, above £106,047 ex VAT", async () => {
    const { code, json } = await checkJson(EXAMPLE_JSON, "--stated-total", "346560");
    expect(json.rules).toMatchObject({
      regime: "PCR 2015",
      threshold: 106047,
      comparedWith: "ex VAT",
      estimatedValue: 346560,
      aboveThreshold: true,
      tenderingDays: 5,
      minimumTenderingDays: null,
      latestAwardNoticeForStart: "2017-08-20",
    });
    // No procedure given: the period is not checked, so the reconciled tender exits 0.
    expect(code).toBe(ExitCode.Ok);
  });

  test("--procedure open makes the 5-day period an error: exit 1", async () => {
    const { code, json } = await checkJson(EXAMPLE_JSON, "--stated-total", "346560", "--procedure", "open");
    expect(json.rules.minimumTenderingDays).toBe(30);
    expect(json.findings.map((f: { code: string }) => f.code)).toContain("TENDERING_PERIOD_SHORT");
    expect(code).toBe(ExitCode.Findings);
  });

  test("a lots table takes the rule fields from the options, and names the option in the finding", async () => {
    const { json } = await checkJson(
      EXAMPLE_CSV,
      ...["--closing", "31/07/2017", "--start", "31/08/2017", "--procedure", "open"],
      ...["--award-notice", "2017-08-25", "--options-value", "£10,000"],
    );
    expect(json.tender).toMatchObject({
      optionsValue: 10000,
      awardNoticeDate: "2017-08-25",
      procedure: "open",
    });
    expect(json.rules.estimatedValue).toBe(356560);
    expect(json.rules.standstillEnd).toBe("2017-09-04");
    const byCode = Object.fromEntries(
      json.findings.map((f: { code: string; where?: string }) => [f.code, f.where]),
    );
    expect(byCode.TENDERING_PERIOD_SHORT).toBe("--closing");
    expect(byCode.STANDSTILL_NOT_OVER).toBe("--start");
  });

  test("the text report has a procurement rules section", async () => {
    const r = await run(["check", EXAMPLE_JSON, ...DFE_RULES]);
    expect(r.stdout).toContain(
      "Procurement rules (an automated check, not legal advice; see docs/rules.md):",
    );
    expect(r.stdout).toMatch(/Threshold +£106,047 ex VAT, central government supplies and services/);
    expect(r.stdout).toMatch(/Latest award notice +20 August 2017 for the start on 31 August 2017/);
  });

  test("without rule fields the text says which options to give", async () => {
    const r = await run(["check", EXAMPLE_JSON]);
    expect(r.stdout).toContain("Procurement rules: give --published, --buyer-type and --contract-type");
  });

  test("bad values are named by option, nothing else runs: exit 2", async () => {
    const r = await run([
      "check",
      EXAMPLE_JSON,
      "--buyer-type",
      "council",
      "--contract-type",
      "consultancy",
      "--procedure",
      "negotiated",
      "--published",
      "2017-02-30",
      "--award-notice",
      "soon",
      "--options-value",
      "-5",
    ]);
    expect(r.code).toBe(ExitCode.InvalidInput);
    expect(r.stdout).toBe("");
    for (const flag of [
      "--buyer-type",
      "--contract-type",
      "--procedure",
      "--published",
      "--award-notice",
      "--options-value",
    ]) {
      expect(r.stderr).toContain(`${flag}:`);
    }
    expect(r.stderr).toContain('"council" is not one of "central", "sub-central", "utility"');
  });
});

describe("the rule fields survive the files check writes", () => {
  test.each([".tender.csv", ".ocds.json"])(
    "DfE 2017 published 26 July 2017: --out x%s read back gives the same rule fields and rules",
    async (suffix) => {
      const dir = mkdtempSync(join(tmpdir(), "tb-rules-"));
      try {
        const out = join(dir, `dfe${suffix}`);
        const options = [...DFE_RULES, "--procedure", "open", "--award-notice", "14/08/2017"];
        const first = await run([
          "check",
          EXAMPLE_JSON,
          ...options,
          "--options-value",
          "20000",
          "--json",
          "--out",
          out,
        ]);
        const again = await run(["check", out, "--json"]);
        const [a, b] = [JSON.parse(first.stdout), JSON.parse(again.stdout)];
        for (const field of RULE_FIELDS) expect([field, b.tender[field]]).toEqual([field, a.tender[field]]);
        expect(b.tender).toMatchObject({
          publishedDate: "2017-07-26",
          procedure: "open",
          optionsValue: 20000,
        });
        expect(b.rules).toEqual(a.rules);
        expect(again.code).toBe(first.code);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
