import fc from "fast-check";
import { isoToExcelSerial } from "../../../src/domain/core/calendar";
import { parseCsv, toCsv } from "../../../src/domain/tables/csv";
import { formatMoney } from "../../../src/domain/core/money";
import {
  type CellValue,
  csvCellRef,
  readLotsTable,
  readLotsTableLayout,
  readTableDate,
  recogniseHeader,
} from "../../../src/domain/tables/lots-table";
import type { InputError, Lot } from "../../../src/domain/core/types";
import { eachGives } from "../../support/cases";

function csvRows(text: string): string[][] {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function lotsFrom(rows: CellValue[][]): Lot[] {
  const r = readLotsTable(rows, { ref: csvCellRef });
  if (!r.ok) throw new Error(`expected the table to read: ${JSON.stringify(r.errors)}`);
  return r.value;
}

function errorsFrom(rows: CellValue[][]): InputError[] {
  const r = readLotsTable(rows, { ref: csvCellRef });
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors;
}

const DFE_CSV =
  "\uFEFFCouncil,Stated value,Start date\r\n" +
  'Barnet,"£107,520",31/08/2017\r\n' +
  "Kirklees,48960,31/08/2017\r\n" +
  'Reading,"£95,040.00",2017-08-31\r\n' +
  "Worcestershire,95040,31 August 2017\r\n";

describe("readLotsTable on CSV", () => {
  it("reads the DfE commissioner lots in pence with ISO dates", () => {
    expect(lotsFrom(csvRows(DFE_CSV))).toEqual([
      { name: "Barnet", statedValue: 10_752_000, startDate: "2017-08-31" },
      { name: "Kirklees", statedValue: 4_896_000, startDate: "2017-08-31" },
      { name: "Reading", statedValue: 9_504_000, startDate: "2017-08-31" },
      { name: "Worcestershire", statedValue: 9_504_000, startDate: "2017-08-31" },
    ]);
  });

  it("reads every column, finds the header under a title row and skips blank rows", () => {
    const rows = csvRows(
      "DfE commissioners 2017,,,,,\n" +
        ",,,,,\n" +
        "LOT NAME, Daily  Rate (£) ,No. of days,Budget (£ ex VAT),Start,End\n" +
        "Barnet,960,112,,01/09/2017,28/02/2018\n" +
        "\n" +
        "Kirklees,£850.50,12.5 days,,2017-09-01,\n",
    );
    const read = readLotsTableLayout(rows, { ref: csvCellRef });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.headerRow).toBe(2);
    expect(read.value.lotRows).toEqual([3, 5]);
    expect(read.value.columns).toEqual({
      name: 0,
      dayRate: 1,
      days: 2,
      statedValue: 3,
      startDate: 4,
      endDate: 5,
    });
    expect(read.value.lots).toEqual([
      { name: "Barnet", dayRate: 96_000, days: 112, startDate: "2017-09-01", endDate: "2018-02-28" },
      { name: "Kirklees", dayRate: 85_050, days: 12.5, startDate: "2017-09-01" },
    ]);
  });
});

describe("readLotsTable on worksheet values", () => {
  const letters = "ABCDEFG";
  const ref = (row: number, col: number): string => `Tender!${letters[col]}${row + 7}`;

  it("reads numbers and Excel serial dates and names cells with the caller's ref", () => {
    const rows: CellValue[][] = [
      ["Lot", "Day rate", "Days", "Value", "Start date", "End date"],
      ["Barnet", 960, 112, 107520, 42978, null],
      ["Kirklees", 960, 51, null, 42978.75, 43159],
    ];
    const r = readLotsTable(rows, { ref });
    expect(r).toEqual({
      ok: true,
      value: [
        { name: "Barnet", dayRate: 96_000, days: 112, statedValue: 10_752_000, startDate: "2017-08-31" },
        { name: "Kirklees", dayRate: 96_000, days: 51, startDate: "2017-08-31", endDate: "2018-02-28" },
      ],
    });
    const bad = readLotsTable(
      [
        ["Lot", "Days"],
        ["Barnet", -3],
      ],
      { ref },
    );
    expect(bad).toEqual({
      ok: false,
      errors: [{ path: "Tender!B8", message: expect.stringMatching(/-3 days is negative/) }],
    });
  });

  it("rejects a boolean where money is expected", () => {
    const [e] = errorsFrom([
      ["Lot", "Stated value"],
      ["Barnet", true],
    ]);
    expect(e.path).toBe('row 2, column "Stated value"');
    expect(e.message).toMatch(/true is not an amount of money/);
  });
});

describe("recogniseHeader", () => {
  eachGives("%j → %s", recogniseHeader, [
    ["Lot", "name"],
    ["  council ", "name"],
    ["Local Authority", "name"],
    ["DAY RATE", "dayRate"],
    ["day_rate", "dayRate"],
    ["Rate", "dayRate"],
    ["Daily rate (£)", "dayRate"],
    ["Estimated days", "days"],
    ["Number of days", "days"],
    ["Stated value", "statedValue"],
    ["Amount (£, ex VAT)", "statedValue"],
    ["Allocation", "statedValue"],
    ["Start", "startDate"],
    ["end date", "endDate"],
  ]);

  it("does not recognise other words", () => {
    expect(recogniseHeader("Notes")).toBeUndefined();
    expect(recogniseHeader("")).toBeUndefined();
    expect(recogniseHeader("Lots of days")).toBeUndefined();
  });
});

describe("readTableDate", () => {
  it.each([
    ["31/08/2017", "2017-08-31"],
    ["1/9/2017", "2017-09-01"],
    ["31-08-2017", "2017-08-31"],
    ["31.08.2017", "2017-08-31"],
    ["2017-08-31", "2017-08-31"],
    ["31 August 2017", "2017-08-31"],
    ["31st Aug 2017", "2017-08-31"],
    ["1 Sept 2017", "2017-09-01"],
    ["29/02/2020", "2020-02-29"],
    // Date cells exported with their time of day.
    ["31/08/2017 00:00", "2017-08-31"],
    ["31/08/2017 14:30:05", "2017-08-31"],
    ["2017-08-31T00:00:00", "2017-08-31"],
    ["2017-08-31 00:00:00.000", "2017-08-31"],
    ["31 August 2017, 9:00 am", "2017-08-31"],
  ])("%s → %s", (text, isoDate) => {
    expect(readTableDate(text)).toEqual({ ok: true, value: isoDate });
  });

  it.each([
    ["2019-02-30", /February 2019 has 28 days/],
    ["30/02/2019", /February 2019 has 28 days/],
    ["12/31/2017", /no month 31 \(dates are day\/month\/year\)/],
    ["31/08/17", /year in full/],
    ["next week", /is not a date/],
    ["31 Augustus 2017", /is not a date/],
    ["2017-08-31T23:30:00Z", /has a time zone; give the date alone, such as 2017-08-31/],
    ["2017-08-31T00:00:00+01:00", /has a time zone/],
    ["31/02/2017 00:00", /February 2017 has 28 days/],
    ["12:00", /is not a date/],
  ])("%s is rejected", (text, message) => {
    const r = readTableDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it("rejects Excel serial 60, the 29 February 1900 that never was", () => {
    expect(readTableDate(60).ok).toBe(false);
    expect(readTableDate(61)).toEqual({ ok: true, value: "1900-03-01" });
  });
});

describe("readLotsTable errors name the row and column", () => {
  const header = ["Lot", "Day rate", "Days", "Stated value", "Start date"];

  it("names every bad cell, not only the first", () => {
    const errors = errorsFrom([
      header,
      ["Barnet", "960", "112", "1.2.3", "30/02/2019"],
      ["Kirklees", "nine hundred", "-4", "", ""],
      ["", "960", "10", "", ""],
    ]);
    expect(errors.map((e) => e.path)).toEqual([
      'row 2, column "Stated value"',
      'row 2, column "Start date"',
      'row 3, column "Day rate"',
      'row 3, column "Days"',
      'row 4, column "Lot"',
    ]);
    expect(errors[0].message).toMatch(/more than one decimal point/);
    expect(errors[1].message).toMatch(/February 2019 has 28 days/);
    expect(errors[3].message).toMatch(/-4 days is negative/);
    expect(errors[4].message).toMatch(/no name/);
  });

  it("rejects duplicate lot names whatever their case, naming both rows", () => {
    const [e] = errorsFrom([header.slice(0, 3), ["Barnet", "960", "10"], ["barnet ", "960", "12"]]);
    expect(e).toEqual({
      path: 'row 3, column "Lot"',
      message: expect.stringContaining('appears twice (also row 2, column "Lot")'),
    });
  });

  it("rejects rows with missing or extra values", () => {
    const errors = errorsFrom([header.slice(0, 3), ["Barnet", "960"], ["Kirklees", "960", "51", "x"]]);
    expect(errors).toEqual([
      { path: "row 2", message: expect.stringMatching(/row 2 has 2 values but the header has 3 columns/) },
      { path: "row 3, column 4", message: expect.stringMatching(/beyond the last column of the header/) },
    ]);
  });

  it("accepts extra empty cells at the end of a row (trailing commas)", () => {
    expect(lotsFrom(csvRows("Lot,Days\nBarnet,112,,\n"))).toEqual([{ name: "Barnet", days: 112 }]);
  });

  it("rejects a column it does not know, a second column for the same field and a column without a header", () => {
    const errors = errorsFrom([
      ["Lot", "Days", "Notes", "", "Estimated days"],
      ["Barnet", "112", "x", "oops", "3"],
    ]);
    expect(errors).toEqual([
      {
        path: 'row 1, column "Notes"',
        message: expect.stringMatching(/"Notes" is not a column of a lots table/),
      },
      { path: "row 1, column 4", message: expect.stringMatching(/values but no header/) },
      {
        path: 'row 1, column "Estimated days"',
        message: 'a second Days column (the first is headed "Days"); keep only one',
      },
    ]);
  });

  it("can skip unknown columns when asked", () => {
    const r = readLotsTable(
      [
        ["Lot", "Days", "Notes"],
        ["Barnet", "112", "lead authority"],
      ],
      { ref: csvCellRef, ignoreUnknownColumns: true },
    );
    expect(r).toEqual({ ok: true, value: [{ name: "Barnet", days: 112 }] });
  });

  it("needs a lot name column and a Days or Stated value column", () => {
    expect(
      errorsFrom([
        ["Days", "Day rate"],
        ["112", "960"],
      ]),
    ).toEqual([{ path: "row 1", message: expect.stringMatching(/no column for the lot names/) }]);
    expect(
      errorsFrom([
        ["Lot", "Day rate"],
        ["Barnet", "960"],
      ]),
    ).toEqual([
      { path: "row 1", message: expect.stringMatching(/needs a "Days" or a "Stated value" column/) },
    ]);
  });

  it("rejects an empty table, a header with no lots and a table without a header", () => {
    expect(errorsFrom([])[0]).toEqual({ path: "the lots table", message: expect.stringMatching(/is empty/) });
    expect(errorsFrom([[""], [""]])[0].message).toMatch(/is empty/);
    expect(
      errorsFrom([
        ["Lot", "Days"],
        ["", ""],
      ])[0],
    ).toEqual({
      path: "row 1",
      message: expect.stringMatching(/has a header but no lots/),
    });
    const r = readLotsTable([["Barnet", "112"]], { ref: csvCellRef, tableName: "lots.csv" });
    expect(r).toEqual({
      ok: false,
      errors: [{ path: "lots.csv", message: expect.stringMatching(/no header row found in lots.csv/) }],
    });
  });

  it("rejects a total row, which is not a lot", () => {
    const [e] = errorsFrom([
      ["Lot", "Stated value"],
      ["Barnet", "107520"],
      ["Total", "107520"],
    ]);
    expect(e.path).toBe('row 3, column "Lot"');
    expect(e.message).toMatch(/"Total" row is not a lot/);
  });

  it('"but the last row": a lot may be called "Total 3" or "=SUM(1,2)"; a last row so named is a totals line', () => {
    const rows = [
      ["Lot", "Days"],
      ["Total 3", "1"],
      ["=SUM(1,2)", "2"],
      ["Barnet", "3"],
      ["Total", "6"],
      ["", ""],
    ];
    const read = readLotsTable(rows, { ref: csvCellRef, totalNamesAreLots: "but the last row" });
    expect(read).toEqual({
      ok: false,
      errors: [{ path: 'row 5, column "Lot"', message: expect.stringMatching(/"Total" row is not a lot/) }],
    });
    expect(
      readLotsTable(rows.slice(0, 4), { ref: csvCellRef, totalNamesAreLots: "but the last row" }),
    ).toEqual({
      ok: true,
      value: [
        { name: "Total 3", days: 1 },
        { name: "=SUM(1,2)", days: 2 },
        { name: "Barnet", days: 3 },
      ],
    });
  });

  it("rejects a zero day rate and days in thousandths, but takes zero days and 1,000 days", () => {
    const errors = errorsFrom([
      ["Lot", "Day rate", "Days"],
      ["Barnet", "0", "2.125"],
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/day rate must be more than £0/),
      expect.stringMatching(/more than 2 decimal places/),
    ]);
    expect(
      lotsFrom([
        ["Lot", "Days"],
        ["Barnet", "0"],
        ["Kirklees", "1,000 days"],
      ]),
    ).toEqual([
      { name: "Barnet", days: 0 },
      { name: "Kirklees", days: 1000 },
    ]);
  });

  it("needs days or a stated value for each lot", () => {
    expect(
      errorsFrom([
        ["Lot", "Day rate", "Days"],
        ["Barnet", "960", ""],
      ]),
    ).toEqual([
      {
        path: "row 2",
        message: 'Lot "Barnet" has neither days nor a stated value; give at least one of them',
      },
    ]);
  });
});

describe("readLotsTable properties", () => {
  const isoDate = fc
    .record({
      y: fc.integer({ min: 1990, max: 2060 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  const lot = fc.record(
    {
      dayRate: fc.integer({ min: 1, max: 500_000 }),
      days: fc.integer({ min: 0, max: 100_000 }).map((h) => h / 100),
      statedValue: fc.integer({ min: 0, max: 10_000_000_000 }),
      startDate: isoDate,
      endDate: isoDate,
    },
    { requiredKeys: ["statedValue"] },
  );
  const lots = fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), lot), {
    minLength: 1,
    maxLength: 8,
    selector: ([name]) => name.trim().replace(/\s+/g, " ").toLowerCase(),
  });

  it("reads back, through CSV, any lots written in money and date forms people use", () => {
    fc.assert(
      fc.property(lots, fc.boolean(), (generated, ukDates) => {
        const named = generated
          .map(([name, l]) => ({ ...l, name: name.trim().replace(/\s+/g, " ") }))
          .filter(
            (l) =>
              l.name !== "" &&
              !/^(total|totals|grand ?total|sum|sub ?total)$/i.test(l.name.replace(/[^a-z ]/gi, "")),
          );
        fc.pre(named.length > 0 && named.every((l) => !/^[\s,"]*$/.test(l.name)));
        const uk = (d: string | undefined): string =>
          d === undefined ? "" : ukDates ? `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : d;
        const rows = [
          ["Lot", "Day rate", "Days", "Stated value", "Start date", "End date"],
          ...named.map((l) => [
            l.name,
            l.dayRate === undefined ? "" : formatMoney(l.dayRate),
            l.days === undefined ? "" : String(l.days),
            String(l.statedValue / 100),
            uk(l.startDate),
            uk(l.endDate),
          ]),
        ];
        const read = readLotsTable(csvRows(toCsv(rows)), { ref: csvCellRef });
        expect(read).toEqual({ ok: true, value: named.map((l) => ({ ...l })) });
      }),
    );
  });

  it("reads Excel serial dates as the dates they stand for", () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const read = readLotsTable(
          [
            ["Lot", "Days", "Start date"],
            ["Barnet", 10, isoToExcelSerial(d)],
          ],
          { ref: csvCellRef },
        );
        expect(read).toEqual({ ok: true, value: [{ name: "Barnet", days: 10, startDate: d }] });
      }),
    );
  });

  it("never throws, whatever the cells hold", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom(
        "Lot",
        "Days",
        "Day rate",
        "Stated value",
        "Start date",
        "End",
        "£1.2m",
        "31/02/2019",
        "Total",
      ),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 8 }), (grid) => {
        const read = readLotsTable(grid, { ref: csvCellRef });
        if (!read.ok) expect(read.errors.length).toBeGreaterThan(0);
      }),
    );
  });
});
