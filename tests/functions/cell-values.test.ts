/**
 * Cell values at the edges of what Excel passes to the TENDER.* functions: an error held as a data
 * type, TRUE/FALSE held as a data type, a cell of spaces, a single cell where a range is expected,
 * and text that is a negative amount. Each case was a survivor of `npm run mutate` on
 * src/functions/arguments.ts (docs/testing.md).
 *
 * Excel.ErrorCellValue has `type: "Error"` and a `basicValue` that is the error's text ("#DIV/0!");
 * Excel.BooleanCellValue has `type: "Boolean"` and a boolean `basicValue`. Source: the Excel
 * JavaScript API reference, Excel.CellValue (learn.microsoft.com/javascript/api/excel/excel.cellvalue).
 */
import { dayrate, enddate, reconcile, value } from "../../src/functions/functions";
import { excelError } from "./helpers";

const START = "2017-08-31";

describe("an Excel error held as a data type", () => {
  it("is refused as an error, not read as the text of its basic value", () => {
    const div0 = { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" } as unknown as number;
    expect(excelError(() => value(div0, 112))).toEqual({
      code: "#VALUE!",
      message: "day_rate must be an amount of money, not an Excel error or a data type",
    });
  });
});

describe("TRUE or FALSE held as a data type", () => {
  it("is read as TRUE or FALSE, and refused as a number of days naming it", () => {
    const yes = { type: "Boolean", basicValue: true } as unknown as number;
    const no = { type: "Boolean", basicValue: false } as unknown as number;
    expect(excelError(() => value(960, yes)).message).toBe(
      "days must be a number of days, such as 112 or 2.5, not TRUE",
    );
    expect(excelError(() => value(960, no)).message).toBe(
      "days must be a number of days, such as 112 or 2.5, not FALSE",
    );
  });
});

describe("a cell of spaces", () => {
  it("is empty: a required amount says so", () => {
    expect(excelError(() => value("   ", 112))).toEqual({
      code: "#VALUE!",
      message: 'day_rate is empty; give an amount such as 107520 or "£107,520"',
    });
  });

  it("is empty: an optional days_per_week left as spaces is the usual five days", () => {
    expect(enddate(START, 20, "  ")).toBe(enddate(START, 20));
  });
});

describe("a range argument given one value", () => {
  it("is a one-cell range", () => {
    const one = (v: unknown) => v as unknown[][];
    expect(reconcile(one(346560), 346000)).toBe("Mismatch: +£560.00");
    expect(reconcile(one("£346,560"), 346000)).toBe("Mismatch: +£560.00");
    expect(reconcile(one({ type: "Double", basicValue: 346000 }), 346000)).toBe(
      reconcile([[346000]], 346000),
    );
  });
});

describe("a negative amount typed as text in a range", () => {
  it("is refused naming the cell and showing the text as typed", () => {
    expect(excelError(() => dayrate([[107520, "-£48,960"]])).message).toBe(
      'column 2 of values is "-£48,960"; amounts must not be negative',
    );
  });
});
