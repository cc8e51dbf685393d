/**
 * Every malformed input in tests/fixtures/bad is answered with exit status 2 and a message on
 * stderr naming the field, or the CSV row and column, and what is wrong. Never a stack trace.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../support/cli";

const BAD = join(__dirname, "..", "fixtures", "bad");
const GOOD_CSV = join(__dirname, "..", "..", "examples", "dfe-commissioners-2017.csv");

const run = runCli;

/** Fixture → a fragment its message must contain (the field, row and column, and the problem). */
const EXPECTED: Record<string, string[]> = {
  "json-currency-usd.json": ["currency: ", "USD"],
  "json-impossible-start-date.json": ["startDate: ", "February 2019 has 28 days"],
  "json-closing-date-words.json": ["closingDate: ", "end of July"],
  "json-negative-days.json": ["lots[1].days: ", "-5 days is negative"],
  "json-days-not-a-number.json": ["lots[0].days: ", "must be a number of days"],
  "json-empty-lots.json": ["lots: "],
  "json-no-lots.json": ["lots: ", "needs a list of lots"],
  "json-lot-without-name.json": ["lots[2].name: "],
  "json-duplicate-lot-names.json": ["lots[3].name: ", "Barnet"],
  "json-stated-total-1.2.3.json": ["statedTotal: ", '"1.2.3" has more than one decimal point'],
  "json-day-rate-boolean.json": ["dayRate: "],
  "json-vat-rate-words.json": ["vatRate: ", "twenty"],
  "json-unknown-region.json": ["region: ", "Wessex", "GB-SCT"],
  "json-lot-not-an-object.json": ["lots[0]: "],
  "json-negative-stated-value.json": ["lots[0].statedValue: ", "must not be negative"],
  "json-lot-end-month-13.json": ["lots[0].endDate: ", "2017-13-01"],
  "json-day-rate-fraction-of-penny.json": ["dayRate: ", "more than 2 decimal places"],
  "json-array-not-object.json": ["tender: "],
  "json-lots-not-a-list.json": ["lots: ", "must be a list of lots"],
  "json-truncated.json": ["json-truncated.json: is not valid JSON"],
  "json-missing-comma.json": [
    "json-missing-comma.json: is not valid JSON at line 4, column 3",
    "missing comma",
  ],
  "json-empty-file.json": ["json-empty-file.json: the file is empty"],
  "csv-row-missing-value.csv": ["\n  row 3 has 4 values but the header has 5 columns"],
  "csv-row-extra-value.csv": ['row 3, column 6: "see note" is beyond the last column of the header'],
  "csv-duplicate-lot.csv": [
    'row 4, column "Council": lot "BARNET" appears twice (also row 2, column "Council")',
  ],
  "csv-impossible-date.csv": [
    'row 2, column "Start date": "30/02/2019" is not a date: February 2019 has 28 days',
  ],
  "csv-negative-days.csv": ['row 3, column "Days": -51 days is negative'],
  "csv-amount-1.2.3.csv": ['row 2, column "Stated value": "1.2.3" has more than one decimal point'],
  "csv-unclosed-quote.csv": ["line 3: a quoted field opened on line 3 is never closed"],
  "csv-no-header.csv": ["no header row found in", "csv-no-header.csv"],
  "csv-header-only.csv": ["row 1: ", "has a header but no lots"],
  "csv-empty.csv": ["csv-empty.csv is empty; give a header row"],
  "csv-blank-lines-only.csv": ["csv-blank-lines-only.csv is empty"],
  "csv-unknown-column.csv": ['row 1, column "Notes": "Notes" is not a column of a lots table'],
  "csv-no-name-column.csv": ["row 1: ", "no column for the lot names"],
  "csv-no-days-or-value-column.csv": ["row 1: ", 'needs a "Days" or a "Stated value" column'],
  "csv-day-rate-text.csv": ['row 2, column "Day rate": "nine hundred and sixty" is not an amount of money'],
  "csv-us-date-order.csv": ['row 2, column "Start date": "08/31/2017" is not a date: there is no month 31'],
  "csv-two-digit-year.csv": ['row 2, column "Start date": "31/08/17": write the year in full'],
  "csv-total-row.csv": ['row 4, column "Council": a "Total" row is not a lot'],
  "csv-empty-lot-name.csv": ['row 3, column "Council": this lot has no name'],
  "csv-days-text.csv": ['row 2, column "Days": must be a number of days', '"ten"'],
  "csv-quote-inside-field.csv": ["line 2: a double quote appears inside an unquoted field"],
  "csv-dollar-amount.csv": ['row 2, column "Stated value": "$107520" is not an amount of money'],
  "csv-two-days-columns.csv": ['row 1, column "Estimated days": a second Days column'],
  "csv-zero-day-rate.csv": ['row 2, column "Day rate": the day rate must be more than £0'],
  "tender.xml": ["tender.xml: is a .xml file; check reads .json, .csv, .txt, .xlsx files"],
};

function expectCleanFailure(
  result: { code: number; stdout: string; stderr: string },
  fragments: string[],
): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  for (const fragment of fragments) expect(result.stderr).toContain(fragment);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/unexpected failure/);
}

describe("bad inputs: exit 2 with the field, row or column named", () => {
  const files = readdirSync(BAD).sort();

  it("has at least 30 fixtures, each with an expected message", () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(Object.entries(EXPECTED))("%s", async (file, fragments) => {
    expectCleanFailure(await run(["check", join(BAD, file)]), fragments);
    expectCleanFailure(await run(["check", join(BAD, file), "--json"]), fragments);
  });
});

describe("bad options and files: exit 2 naming the option or file", () => {
  it.each([
    [["--stated-total", "1.2.3"], ['--stated-total: "1.2.3" has more than one decimal point']],
    // The letter O for a zero: said as the pane says it, not "use k, m or bn".
    [
      ["--stated-total", "85O"],
      ['--stated-total: "85O" has the letter O where a zero seems meant: type 850'],
    ],
    [["--closing", "2019-02-30"], ['--closing: "2019-02-30" is not a date: February 2019 has 28 days']],
    [
      ["--region", "Wessex"],
      ["--region: ", "Wessex"],
    ],
    [["--vat", "120"], ["--vat: 120% is not a VAT rate"]],
    [["--days-per-week", "9"], ["--days-per-week: "]],
    // Six days a week passed the option check and then failed in phasing as an unexpected failure.
    [
      ["--days-per-week", "6"],
      ['--days-per-week: "6" is not a number of days a week from more than 0 up to 5'],
    ],
    [["--ocid", "tender-42"], ['--ocid: "tender-42" is not an ocid; give your organisation\'s prefix']],
    [["--tolerance", "-5"], ["--tolerance: the tolerance cannot be negative"]],
    [["--frobnicate"], ['unknown option "--frobnicate"']],
  ])("%j", async (extra, fragments) => {
    expectCleanFailure(await run(["check", GOOD_CSV, ...extra]), fragments);
  });

  it("names a file that does not exist", async () => {
    expectCleanFailure(await run(["check", join(BAD, "no-such-file.json")]), [
      "no-such-file.json: there is no such file",
    ]);
  });

  it("names a folder given as the file", async () => {
    expectCleanFailure(await run(["check", BAD + ".csv"]), ["there is no such file"]);
  });

  it("refuses UTF-16 text with what to do", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x4c, 0x00]);
    const { code, stderr } = await runCli(["check", "lots.csv"], { readFile: async () => bytes });
    expect(code).toBe(2);
    expect(stderr).toContain(
      'lots.csv: the file is saved as UTF-16 ("Unicode text"); save it as "CSV UTF-8"',
    );
  });
});
