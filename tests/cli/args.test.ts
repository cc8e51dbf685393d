import { ExitCode, parseArgs } from "../../src/cli/args";
import { readCheckOptions } from "../../src/cli/options";
import { errorsOf } from "../support/results";

function command(argv: string[]) {
  const r = parseArgs(argv);
  if (!r.ok) throw new Error(`expected ${argv.join(" ")} to parse: ${r.error}`);
  return r.value;
}

function error(argv: string[]): string {
  const r = parseArgs(argv);
  if (r.ok) throw new Error(`expected ${argv.join(" ")} to fail, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe("parseArgs", () => {
  it("reads check FILE with every option, as separate words or with =", () => {
    expect(
      command([
        "check",
        "lots.csv",
        "--json",
        "--stated-total",
        "£346,000",
        "--day-rate=960",
        "--closing",
        "31/07/2017",
        "--start=2017-08-31",
        "--end",
        "2018-03-31",
        "--region",
        "GB-SCT",
        "--vat",
        "20",
        "--tolerance",
        "500",
        "--tolerance-percent",
        "0.5",
        "--days-per-week",
        "2.5",
        "--title",
        "DfE commissioners",
        "--buyer=Department for Education",
      ]),
    ).toEqual({
      kind: "check",
      file: "lots.csv",
      flags: {
        json: true,
        force: false,
        out: [],
        statedTotal: "£346,000",
        dayRate: "960",
        closing: "31/07/2017",
        start: "2017-08-31",
        end: "2018-03-31",
        region: "GB-SCT",
        vat: "20",
        tolerance: "500",
        tolerancePercent: "0.5",
        daysPerWeek: "2.5",
        title: "DfE commissioners",
        buyer: "Department for Education",
      },
    });
  });

  it("collects --out in order and allows options before the file", () => {
    expect(command(["check", "--out", "a.csv", "t.json", "--out=b.xlsx"])).toEqual({
      kind: "check",
      file: "t.json",
      flags: { json: false, force: false, out: ["a.csv", "b.xlsx"] },
    });
  });

  it("reads --force, which takes no value", () => {
    expect(command(["check", "t.json", "--force", "--out", "a.csv"])).toMatchObject({
      flags: { force: true, out: ["a.csv"] },
    });
    expect(parseArgs(["check", "t.json", "--force=yes"])).toEqual({
      ok: false,
      error: '--force takes no value (got "--force=yes")',
    });
  });

  it("treats everything after -- as a file name", () => {
    expect(command(["check", "--", "--odd-name.json"])).toMatchObject({ file: "--odd-name.json" });
  });

  it("answers --help and --version before anything else", () => {
    expect(command(["--help"])).toEqual({ kind: "help" });
    expect(command(["check", "x.json", "-h"])).toEqual({ kind: "help" });
    expect(command(["help"])).toEqual({ kind: "help" });
    expect(command(["--version"])).toEqual({ kind: "version" });
    expect(command(["-V"])).toEqual({ kind: "version" });
    expect(command(["audit", "a.json", "b.jsonl.gz", "--from", "2024-01-01", "--out", "x.csv"])).toEqual({
      kind: "audit",
      files: ["a.json", "b.jsonl.gz"],
      flags: { json: false, force: false, out: ["x.csv"], from: "2024-01-01" },
    });
  });

  it.each([
    [[], /no command given/],
    [["report", "x.json"], /unknown command "report"; the commands are `check` and `audit`/],
    [["audit"], /audit needs one or more FILEs/],
    [["check"], /check needs a FILE/],
    [["check", "a.json", "b.json"], /check takes one FILE, got 2/],
    [["check", "a.json", "--stated"], /unknown option "--stated" \(did you mean --stated-total\?\)/],
    [["check", "a.json", "--frobnicate"], /unknown option "--frobnicate"; run `tender-budget --help`/],
    [["check", "a.json", "-x"], /unknown option "-x"/],
    [["check", "a.json", "--day-rate"], /--day-rate needs a value, e.g. --day-rate 960/],
    [["check", "a.json", "--day-rate", "--json"], /--day-rate needs a value/],
    [["check", "a.json", "--vat="], /--vat is empty/],
    [["check", "a.json", "--json=yes"], /--json takes no value/],
    [["check", "a.json", "--vat", "20", "--vat", "5"], /--vat is given twice \("20" and "5"\)/],
  ])("%j is refused: %s", (argv, message) => {
    expect(error(argv)).toMatch(message);
  });

  it("uses the exit codes 0, 1 and 2", () => {
    expect([ExitCode.Ok, ExitCode.Findings, ExitCode.InvalidInput]).toEqual([0, 1, 2]);
  });
});

describe("readCheckOptions", () => {
  const flags = (extra: object) => ({ json: false, force: false, out: [], ...extra });

  it("turns the options into pence, ISO dates, a region and numbers", () => {
    expect(
      readCheckOptions(
        flags({
          statedTotal: "£346,000",
          dayRate: "£960",
          closing: "31/07/2017",
          start: "31 August 2017",
          end: "2018-03-31",
          region: "Scotland",
          vat: "17.5%",
          tolerance: "£500",
          daysPerWeek: "2.5",
          title: " DfE ",
        }),
      ),
    ).toEqual({
      ok: true,
      value: {
        overrides: {
          title: "DfE",
          statedTotal: { pence: 34_600_000, precision: 100_000 },
          dayRate: 96_000,
          closingDate: "2017-07-31",
          startDate: "2017-08-31",
          endDate: "2018-03-31",
          region: "GB-SCT",
          vatRate: 17.5,
        },
        tolerance: { absolute: 50_000, percent: 0 },
        daysPerWeek: 2.5,
      },
    });
  });

  it("gives no tolerance when none is asked for, and a percentage alone when that is", () => {
    expect(readCheckOptions(flags({}))).toEqual({ ok: true, value: { overrides: {} } });
    expect(readCheckOptions(flags({ tolerancePercent: "0.5" }))).toEqual({
      ok: true,
      value: { overrides: {}, tolerance: { absolute: 0, percent: 0.5 } },
    });
  });

  it("names the option of every bad value", () => {
    const r = readCheckOptions(
      flags({
        statedTotal: "1.2.3",
        dayRate: "-960",
        closing: "2019-02-30",
        region: "Wessex",
        vat: "120",
        tolerance: "lots",
        tolerancePercent: "x",
        daysPerWeek: "8",
      }),
    );
    // Every bad value's option, in order; what the first five messages say.
    expect(errorsOf(r)).toMatchObject([
      { path: "--stated-total", message: expect.stringMatching(/more than one decimal point/) },
      { path: "--day-rate", message: expect.stringMatching(/more than £0/) },
      { path: "--closing", message: expect.stringMatching(/February 2019 has 28 days/) },
      { path: "--region", message: expect.stringMatching(/"GB-ENG" \(England & Wales\)/) },
      { path: "--vat", message: expect.stringMatching(/120% is not a VAT rate/) },
      { path: "--tolerance" },
      { path: "--tolerance-percent" },
      { path: "--days-per-week" },
    ]);
  });
});
