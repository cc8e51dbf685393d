import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { isoToExcelSerial } from "../../../src/domain/core/calendar";
import { parseCsv } from "../../../src/domain/tables/csv";
import { readActualsCsv, readActualsTable, readActualsTableLayout } from "../../../src/domain/actuals/read";
import { errorsOf } from "../../support/results";

const fixtures = join(__dirname, "../../fixtures/actuals");
const read = (name: string): string => readFileSync(join(fixtures, name), "utf8");

describe("readActualsCsv on the DfE invoices", () => {
  test("reads every line of the headline invoice set into pence, ISO dates and days", () => {
    const result = readActualsCsv(read("dfe-2017-invoices.csv"));
    if (result.ok) expect(result.value.lineRows[19]).toBe(20);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const lines = result.value.lines;
    expect(lines).toHaveLength(20);
    expect(lines[0]).toEqual({
      lot: "Barnet",
      invoiceNumber: "BAR-001",
      invoiceDate: "2017-10-02",
      periodStart: "2017-08-31",
      periodEnd: "2017-09-30",
      days: 10,
      amount: 960_000,
      vat: 192_000,
    });
    expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(16_704_000);
    expect(lines.reduce((s, l) => s + l.days, 0)).toBe(174);
  });

  test("reads the invoice set with problems: the problems are for the checks, not the reader", () => {
    const result = readActualsCsv(read("dfe-2017-invoices-with-problems.csv"));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.lines).toHaveLength(22);
    expect(result.value.lines[0]).toMatchObject({
      lot: "Kirklees",
      periodStart: "2017-08-14",
      days: 5,
      amount: 480_000,
    });
  });
});

describe("readActualsCsv with another separator", () => {
  const asRows = (text: string): string[][] => {
    const rows = parseCsv(text);
    if (!rows.ok) throw new Error(JSON.stringify(rows.errors));
    return rows.value;
  };

  test("reads the invoices copied from Excel, tab-separated, as it reads the CSV file", () => {
    const csv = readActualsCsv(read("dfe-2017-invoices.csv"));
    const pasted = asRows(read("dfe-2017-invoices.csv"))
      .map((row) => row.join("\t"))
      .join("\r\n");
    const tabs = readActualsCsv(pasted);
    if (!tabs.ok) throw new Error(JSON.stringify(tabs.errors));
    expect(tabs).toEqual(csv);
  });

  test("names the separator and the first row when still no header row is found", () => {
    const result = readActualsCsv("Lot|Invoice number|Amount\nBarnet|BAR-001|9600\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        path: "the invoices file",
        message: expect.stringMatching(
          /^no header row found in the invoices file; .*; it was read with commas between cells; its first row is one cell, "Lot\|Invoice number\|Amount", which holds pipes \(\|\) where cells would be: .*$/,
        ),
      },
    ]);
  });
});

describe("readActualsTable on worksheet values", () => {
  const ref = (row: number, col: number): string => `Actuals!${String.fromCharCode(65 + col)}${row + 1}`;

  test("accepts Excel serial dates, numbers for money and invoice numbers, and skips blank rows", () => {
    const rows = [
      ["Lot", "Invoice no.", "Date", "From", "To", "Days worked", "Net", "VAT"],
      [
        "Barnet ",
        1001,
        isoToExcelSerial("2017-10-02"),
        isoToExcelSerial("2017-08-31"),
        isoToExcelSerial("2017-09-30"),
        4.5,
        4320,
        864,
      ],
      [null, null, null, null, null, null, null, null],
      ["Kirklees", "K/7", "2 October 2017", "2017-09-01", "30/09/2017", "0.25 days", "£240.00", ""],
    ];
    const result = readActualsTableLayout(rows, { ref });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.lineRows).toEqual([1, 3]);
    expect(result.value.columns).toEqual({
      lot: 0,
      invoiceNumber: 1,
      invoiceDate: 2,
      periodStart: 3,
      periodEnd: 4,
      days: 5,
      amount: 6,
      vat: 7,
    });
    expect(result.value.lines).toEqual([
      {
        lot: "Barnet",
        invoiceNumber: "1001",
        invoiceDate: "2017-10-02",
        periodStart: "2017-08-31",
        periodEnd: "2017-09-30",
        days: 4.5,
        amount: 432_000,
        vat: 86_400,
      },
      {
        lot: "Kirklees",
        invoiceNumber: "K/7",
        invoiceDate: "2017-10-02",
        periodStart: "2017-09-01",
        periodEnd: "2017-09-30",
        days: 0.25,
        amount: 24_000,
      },
    ]);
  });

  test("names the workbook cell of each problem, every problem at once, and returns no lines", () => {
    const rows = [
      ["Lot", "Invoice number", "Invoice date", "Days", "Amount"],
      ["Barnet", "B1", "2017-10-02", 10, 9600],
      ["Reading", true, "31/09/2017", -1, "12,34"],
    ];
    const errors = errorsOf(readActualsTable(rows, { ref }));
    expect(errors.map((e) => e.path)).toEqual(["Actuals!B3", "Actuals!C3", "Actuals!D3", "Actuals!E3"]);
    expect(errors[1].message).toMatch(/September 2017 has 30 days/);
    expect(errors[2].message).toMatch(/days cannot be negative/);
    expect(errors[3].message).toMatch(/commas in the wrong places/);
  });

  test("amounts computed by worksheet formulas are read to the penny; a real part penny is refused", () => {
    const rows = [
      ["Lot", "Invoice number", "Invoice date", "Days", "Amount", "VAT"],
      ["Barnet", "B1", "02/10/2017", 0.1 + 0.2, 960 * (0.1 + 0.2), 0.1 + 0.2],
      ["Barnet", "B2", "02/10/2017", 1, 960.005, 192],
    ];
    const result = readActualsTable(rows, { ref });
    expect(!result.ok && result.errors).toEqual([
      {
        path: "Actuals!E3",
        message: '"960.005" has more than 2 decimal places; amounts are in pounds and pence, like 1,000.10',
      },
    ]);
    const good = readActualsTable(rows.slice(0, 2), { ref });
    expect(good.ok && good.value[0]).toMatchObject({ days: 0.3, amount: 28_800, vat: 30 });
  });

  test("an actuals table with a header and no invoices yet is read as no lines", () => {
    const result = readActualsTable([["Lot", "Invoice number", "Invoice date", "Days", "Amount"]], { ref });
    expect(result).toEqual({ ok: true, value: [] });
  });

  test("with ignoreUnknownColumns, extra columns such as notes are skipped", () => {
    const rows = [
      ["Lot", "Invoice number", "Invoice date", "Days", "Amount", "Approved by"],
      ["Barnet", "B1", "02/10/2017", 10, 9600, "J. Smith"],
    ];
    expect(readActualsTable(rows, { ref }).ok).toBe(false);
    const lenient = readActualsTable(rows, { ref, ignoreUnknownColumns: true });
    expect(lenient.ok && lenient.value[0].amount).toBe(960_000);
  });
});

/** Each bad file, the place its first error names and what that error says. */
const BAD: [file: string, path: string, message: RegExp][] = [
  ["no-amount-column.csv", "row 1", /no column for the amount invoiced ex VAT; add a column headed "Amount"/],
  [
    "impossible-date.csv",
    'row 3, column "Invoice date"',
    /"30\/02\/2018" is not a date: February 2018 has 28 days/,
  ],
  [
    "us-date-order.csv",
    'row 2, column "Invoice date"',
    /there is no month 31 \(dates are day\/month\/year\)/,
  ],
  ["two-digit-year.csv", 'row 2, column "Invoice date"', /write the year in full/],
  ["negative-days.csv", 'row 3, column "Days"', /days cannot be negative \("-2"\)/],
  ["days-in-words.csv", 'row 2, column "Days"', /"ten" is not a number of days/],
  ["amount-two-points.csv", 'row 2, column "Amount"', /"1\.2\.3" has more than one decimal point/],
  ["amount-fraction-of-penny.csv", 'row 2, column "Amount"', /"9600\.005" has more than 2 decimal places/],
  ["missing-invoice-number.csv", 'row 3, column "Invoice number"', /no invoice number given/],
  ["missing-lot.csv", 'row 2, column "Lot"', /no lot given/],
  ["extra-value.csv", "row 3, column 9", /"paid" is beyond the last column of the header/],
  ["short-row.csv", "row 3", /row 3 has 6 values but the header has 8 columns/],
  [
    "period-end-before-start.csv",
    'row 2, column "Period end"',
    /ends \(01\/09\/2017\) before it starts \(30\/09\/2017\)/,
  ],
  ["period-without-end.csv", 'row 2, column "Period end"', /has a start but no end/],
  ["unknown-column.csv", 'row 1, column "Hours"', /"Hours" is not a column of the invoices file/],
  ["gross-amount-column.csv", 'row 1, column "Amount inc VAT"', /looks like an amount including VAT/],
  [
    "two-days-columns.csv",
    'row 1, column "Days worked"',
    /a second Days column \(the first is headed "Days"\)/,
  ],
  ["no-dates.csv", "row 1", /has no dates; add an "Invoice date" column/],
  ["total-row.csv", 'row 3, column "Lot"', /a "Total" row is not an invoice/],
  ["days-three-decimals.csv", 'row 2, column "Days"', /"0\.333" has more than two decimal places/],
  ["negative-amount.csv", 'row 2, column "Amount"', /the amount cannot be negative/],
  [
    "credit-note-in-brackets.csv",
    'row 3, column "Amount"',
    /the amount cannot be negative \("\(£960\.00\)"\); correct the original invoice line/,
  ],
  ["missing-days.csv", 'row 2, column "Days"', /no days given/],
  ["missing-amount.csv", 'row 2, column "Amount"', /no amount given/],
  ["vat-not-money.csv", 'row 2, column "VAT"', /"twenty percent" is not an amount of money/],
  ["unclosed-quote.csv", "line 2", /a quoted field opened on line 2 is never closed/],
  ["empty.csv", "the invoices file", /the invoices file is empty; give a header row/],
  ["no-header.csv", "the invoices file", /no header row found in the invoices file/],
];

describe("bad invoice files are answered with errors naming the row and column", () => {
  test("every file in fixtures/actuals/bad has an expectation", () => {
    expect(readdirSync(join(fixtures, "bad")).sort()).toEqual(BAD.map(([f]) => f).sort());
  });

  test.each(BAD)("%s", (file, path, message) => {
    const result = readActualsCsv(read(join("bad", file)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].path).toBe(path);
    expect(result.errors[0].message).toMatch(message);
  });

  test("a credit note in brackets, as accounts show it, is refused as negative in both money columns", () => {
    const result = readActualsCsv(read("bad/credit-note-in-brackets.csv"));
    expect(!result.ok && result.errors.map((e) => [e.path, e.message])).toEqual([
      [
        'row 3, column "Amount"',
        'the amount cannot be negative ("(£960.00)"); correct the original invoice line instead of adding a credit',
      ],
      [
        'row 3, column "VAT"',
        'the VAT cannot be negative ("(£192.00)"); correct the original invoice line instead of adding a credit',
      ],
    ]);
  });

  test("an amount that is not money is shown how to write an invoice's amount, not a tender's value", () => {
    const result = readActualsCsv(read("bad/vat-not-money.csv"));
    expect(!result.ok && result.errors[0].message).toBe(
      '"twenty percent" is not an amount of money; write the VAT like 1920 or £1,920.00',
    );
  });

  test("the negative-days file names each bad cell of the row, not only the first", () => {
    const result = readActualsCsv(read("bad/negative-days.csv"));
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual([
      'row 3, column "Days"',
      'row 3, column "Amount"',
      'row 3, column "VAT"',
    ]);
  });
});
