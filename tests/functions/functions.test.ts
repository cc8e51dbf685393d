/**
 * TENDER.* called the way Excel calls them: numbers, strings, date serials, optional arguments
 * left out (null or undefined), and ranges as 2-D arrays with "" for blank cells.
 */
import {
  allocate,
  dayrate,
  enddate,
  finyear,
  reconcile,
  value,
  workdays,
} from "../../src/functions/functions";
import { excelError } from "./helpers";

const VALUE_ERROR = "#VALUE!";

/** Excel's serial for an ISO date (from March 1900). */
function isoSerial(date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
const NA_ERROR = "#N/A";

describe("TENDER.VALUE", () => {
  it("multiplies the day rate by the days exactly to the penny", () => {
    expect(value(960, 112)).toBe(107520);
    expect(value(960, 51)).toBe(48960);
    expect(value(960, 99)).toBe(95040);
    expect(value(452.5, 2.5)).toBe(1131.25);
  });

  it("rounds a part penny half away from zero, like Excel's ROUND", () => {
    expect(value(333.33, 0.5)).toBe(166.67); // 166.665
    expect(value(0.01, 0.5)).toBe(0.01); // half a penny
    expect(value(0.03, 0.5)).toBe(0.02); // 1.5p
    expect(value(412.35, 0.1)).toBe(41.24); // 41.235
  });

  it("reads a day rate typed as text the way procurement people write it", () => {
    expect(value("£960", 112)).toBe(107520);
    expect(value("£1,250.50", 3)).toBe(3751.5);
  });

  it("takes a computed day rate at the figure Excel shows (15 significant digits)", () => {
    expect(value(0.1 + 0.2, 10)).toBe(3); // the cell shows 0.3
  });

  it("counts zero days as nothing", () => {
    expect(value(960, 0)).toBe(0);
  });

  it("answers a bad day rate with #VALUE! and says what is wrong", () => {
    expect(excelError(() => value(0, 10))).toEqual({
      code: VALUE_ERROR,
      message: "day_rate must be a positive amount",
    });
    expect(excelError(() => value(-960, 10)).message).toBe("day_rate must be a positive amount");
    expect(excelError(() => value("", 10)).message).toMatch(/^day_rate is empty/);
    expect(excelError(() => value(null as unknown as number, 10)).message).toMatch(/^day_rate is empty/);
    expect(excelError(() => value("nine hundred", 10)).message).toMatch(
      /^day_rate: "nine hundred" is not an amount of money/,
    );
    expect(excelError(() => value(960.123, 10)).message).toMatch(
      /^day_rate: "960.123" has more than 2 decimal/,
    );
    expect(excelError(() => value(true as unknown as number, 10)).message).toBe(
      "day_rate must be an amount of money, not TRUE",
    );
  });

  it("reads days typed as text, and says what is wrong with days it cannot use", () => {
    expect(value(960, "2.5")).toBe(2400);
    expect(excelError(() => value(960, "2 days"))).toEqual({
      code: VALUE_ERROR,
      message: 'days must be a number of days, such as 112 or 2.5, not "2 days"',
    });
    expect(excelError(() => value(960, true as unknown as number)).message).toBe(
      "days must be a number of days, such as 112 or 2.5, not TRUE",
    );
    expect(excelError(() => enddate("2017-08-31", false as unknown as number)).message).toBe(
      "days must be a number of days, such as 112 or 2.5, not FALSE",
    );
  });

  it("takes a one-cell range like the cell itself, and names a larger range as one", () => {
    expect(value([[960]] as unknown as number, [[112]] as unknown as number)).toBe(107520);
    expect(finyear([[42978]] as unknown as number)).toBe("2017/18");
    expect(workdays([["2017-08-31"]] as unknown as string, 43069, [["Scotland"]] as unknown as string)).toBe(
      65,
    );
    expect(excelError(() => value([[960], [970]] as unknown as number, 1)).message).toBe(
      "day_rate must be an amount of money, not a range of 2 cells; give one cell",
    );
    expect(excelError(() => finyear([[42978, 42979]] as unknown as number)).message).toBe(
      "date must be a date (an Excel date, 2017-08-31 or 31/08/2017), not a range of 2 cells; give one cell",
    );
  });

  it("answers bad days with #VALUE! naming days", () => {
    expect(excelError(() => value(960, -1))).toEqual({
      code: VALUE_ERROR,
      message: "days: -1 days is negative; days of work must be 0 or more",
    });
    expect(excelError(() => value(960, "lots" as unknown as number)).message).toBe(
      'days must be a number of days, such as 112 or 2.5, not "lots"',
    );
    expect(excelError(() => value(960, Number.NaN)).message).toMatch(/^days must be a number of days/);
    expect(excelError(() => value(960, 1.234)).message).toBe(
      "days: 1.234 days has more than 2 decimal places; give days like 2.5 or 0.25",
    );
  });
});

describe("TENDER.WORKDAYS", () => {
  it("counts England & Wales working days, both ends included", () => {
    expect(workdays("2017-08-31", "2017-11-30")).toBe(66);
    expect(workdays("2017-01-01", "2017-12-31")).toBe(252);
  });

  it("accepts Excel date serials and UK day/month/year text alike", () => {
    // 42978 is 31 August 2017, 43069 is 30 November 2017.
    expect(workdays(42978, 43069)).toBe(66);
    expect(workdays("31/08/2017", "30/11/2017")).toBe(66);
    expect(workdays("1/1/2017", 43100)).toBe(252);
    expect(workdays(42978.75, 43069.2)).toBe(66); // a time of day is ignored
    expect(workdays("31 August 2017", "30 Nov 2017")).toBe(66);
  });

  it("uses another region's bank holidays when asked", () => {
    // Scotland 2017: 2 and 3 January, St Andrew's Day, no Easter Monday; NI: St Patrick's and 12 July.
    expect(workdays("2017-01-01", "2017-12-31", "Scotland")).toBe(251);
    expect(workdays("2017-01-01", "2017-12-31", "GB-NIR")).toBe(250);
    expect(workdays("2017-08-31", "2017-11-30", "scotland")).toBe(65);
    expect(workdays("2017-01-01", "2017-12-31", "England & Wales")).toBe(252);
  });

  it("treats a left-out or blank region as England & Wales", () => {
    expect(workdays("2017-01-01", "2017-12-31", undefined)).toBe(252);
    expect(workdays("2017-01-01", "2017-12-31", null as unknown as string)).toBe(252);
    expect(workdays("2017-01-01", "2017-12-31", "")).toBe(252);
  });

  it("counts a single bank holiday or weekend as no working days", () => {
    expect(workdays("2017-08-28", "2017-08-28")).toBe(0); // summer bank holiday
    expect(workdays("2017-09-02", "2017-09-03")).toBe(0);
    expect(workdays("2017-09-04", "2017-09-04")).toBe(1);
  });

  it("answers dates it cannot read with #VALUE! naming the argument", () => {
    expect(excelError(() => workdays("2019-02-30", "2019-03-31"))).toEqual({
      code: VALUE_ERROR,
      message:
        'start: "2019-02-30" is not a date: February 2019 has 28 days; write it as dd/mm/yyyy (31/08/2017) or yyyy-mm-dd (2017-08-31)',
    });
    expect(excelError(() => workdays("2019-02-01", "31/02/2019")).message).toBe(
      'end: "31/02/2019" is not a date: February 2019 has 28 days; write it as dd/mm/yyyy (31/08/2017) or yyyy-mm-dd (2017-08-31)',
    );
    expect(excelError(() => workdays("next week", 43069)).message).toBe(
      'start: "next week" is not a date; write it as dd/mm/yyyy (31/08/2017) or yyyy-mm-dd (2017-08-31)',
    );
    expect(excelError(() => workdays("", 43069)).message).toMatch(/^start is empty/);
    expect(excelError(() => workdays(0, 43069)).message).toMatch(/^start: 0 is not a date/);
    expect(excelError(() => workdays(60, 43069)).message).toMatch(/^start: 60 is not a date/);
    expect(excelError(() => workdays(true as unknown as number, 43069)).message).toBe(
      "start must be a date (an Excel date, 2017-08-31 or 31/08/2017), not TRUE",
    );
    expect(excelError(() => finyear({ type: "Error" } as unknown as number)).message).toBe(
      "date must be a date (an Excel date, 2017-08-31 or 31/08/2017), not an Excel error or a data type",
    );
  });

  it("says so when the end is before the start", () => {
    expect(excelError(() => workdays("2017-11-30", "2017-08-31")).message).toBe(
      "end (2017-08-31) is before start (2017-11-30)",
    );
  });

  it("works out working days for 1970 to 2100 only, as in Excel, and says so for other years", () => {
    // The add-in carries bank holidays for 1970 to 2100; Node has rules for any year, Excel does not.
    expect(workdays("1970-01-05", "1970-01-09")).toBe(5);
    expect(workdays("2100-12-01", "2100-12-31")).toBe(21);
    expect(excelError(() => workdays("1960-01-01", "1960-12-31"))).toEqual({
      code: VALUE_ERROR,
      message:
        "start (1960-01-01) is before 1970: working days are worked out for 1970 to 2100, the years whose bank holidays are known",
    });
    expect(excelError(() => workdays(1, 43069)).message).toMatch(/^start \(1900-01-01\) is before 1970/);
    expect(excelError(() => workdays("2017-01-01", "2101-01-03")).message).toBe(
      "end (2101-01-03) is after 2100: working days are worked out for 1970 to 2100, the years whose bank holidays are known",
    );
  });

  it("names the regions it knows when given another", () => {
    const e = excelError(() => workdays("2017-01-01", "2017-12-31", "France"));
    expect(e.code).toBe(VALUE_ERROR);
    expect(e.message).toBe(
      'region: "France" is not a bank-holiday region; use "GB-ENG" (England & Wales), "GB-SCT" (Scotland) or "GB-NIR" (Northern Ireland)',
    );
  });
});

describe("TENDER.ENDDATE", () => {
  it("returns the Excel date on which the days of work end", () => {
    // 66 working days from 31 August 2017 end on 30 November 2017 (serial 43069).
    expect(enddate("2017-08-31", 66)).toBe(43069);
    expect(enddate(42978, 1)).toBe(42978);
    // Friday 25 August 2017 + 2 days: the Monday is the summer bank holiday, so Tuesday 29th.
    expect(enddate("25/08/2017", 2)).toBe(42976);
  });

  it("spreads work at fewer days a week", () => {
    expect(enddate("2017-08-31", 33, 2.5)).toBe(43069);
    expect(enddate("2017-08-31", 13.2, 1)).toBe(43069);
  });

  it("uses another region's bank holidays when asked", () => {
    // St Andrew's Day (30 November) is a Scottish bank holiday: the 66th day is 1 December.
    expect(enddate("2017-08-31", 66, null as unknown as number, "Scotland")).toBe(43070);
    expect(enddate("2017-08-31", 66, undefined, "GB-ENG")).toBe(43069);
  });

  it("says so when the work would end after 2100, instead of running on", () => {
    expect(enddate("2100-12-01", 21)).toBe(isoSerial("2100-12-31"));
    const tooLate =
      "the work would end after 2100: working days are worked out for 1970 to 2100, the years whose bank holidays are known; check days and days_per_week";
    expect(excelError(() => enddate("2100-12-01", 22))).toEqual({ code: VALUE_ERROR, message: tooLate });
    expect(excelError(() => enddate("2017-08-31", 100_000)).message).toBe(tooLate);
    // 66 days at 1e-10 days a week is a date beyond 2100, said at once rather than counted towards.
    expect(excelError(() => enddate("2017-08-31", 66, 1e-10)).message).toBe(tooLate);
    expect(excelError(() => enddate("1969-12-31", 1)).message).toMatch(
      /^start \(1969-12-31\) is before 1970/,
    );
  });

  it("answers bad arguments with #VALUE! naming the argument", () => {
    expect(excelError(() => enddate("2017-08-31", 0)).message).toBe("days must be more than 0, not 0");
    expect(excelError(() => enddate("2017-08-31", 10, 6)).message).toBe(
      "days_per_week must be more than 0 and at most 5 (leave it out for 5 a week), not 6",
    );
    // Excel on Windows passes an empty cell as 0: the message says how to get the default.
    expect(excelError(() => enddate("2017-08-31", 10, 0)).message).toBe(
      "days_per_week must be more than 0 and at most 5 (leave it out for 5 a week), not 0",
    );
    expect(excelError(() => enddate("2017-08-31", 10, 0)).code).toBe(VALUE_ERROR);
    expect(excelError(() => enddate("31.08.17", 10)).message).toMatch(
      /^start: "31.08.17": write the year in full/,
    );
    expect(excelError(() => enddate("2017-08-31", 100_001)).message).toBe(
      "days: 100001 days is more than 100,000; check the number of days",
    );
  });
});

describe("TENDER.DAYRATE", () => {
  const dfe = [[107520], [48960], [95040], [95040]];

  it("finds the DfE tender's £960 day rate from its four stated values", () => {
    expect(dayrate(dfe)).toBe(960);
    expect(dayrate([[107520, 48960, 95040, 95040]])).toBe(960);
  });

  it("skips blank cells and reads amounts pasted as text", () => {
    expect(dayrate([["£107,520"], [""], [null], ["£48,960.00"], [95040]])).toBe(960);
    expect(dayrate([[0], [107520], [48960]])).toBe(960); // a zero is no stated value
  });

  it("answers #N/A with the reason when no plausible day rate divides the values", () => {
    expect(excelError(() => dayrate([[1000], [1001]]))).toEqual({
      code: NA_ERROR,
      message:
        "No plausible day rate: the largest amount that divides every value is £1.00, below the plausible range of £300 to £3,000 a day",
    });
    expect(excelError(() => dayrate([[6000], [12000]])).message).toBe(
      "No plausible day rate: the largest amount that divides every value is £6,000.00, above the plausible range of £300 to £3,000 a day",
    );
    expect(excelError(() => dayrate([[107520], [""]]))).toEqual({
      code: NA_ERROR,
      message: "A day rate needs at least two stated values above zero; values has 1",
    });
  });

  it("answers text, negative amounts or an empty range with #VALUE! naming the cell", () => {
    expect(excelError(() => dayrate([[107520], ["Barnet"], [95040]]))).toEqual({
      code: VALUE_ERROR,
      message:
        'row 2 of values: "Barnet" is not an amount of money; write it like 107520, £107,520, £107,520.00, £1.2m or £346k',
    });
    expect(excelError(() => dayrate([[107520, -48960]])).message).toBe(
      "column 2 of values is -48960; amounts must not be negative",
    );
    expect(excelError(() => dayrate([[107520], [true]])).message).toBe(
      "row 2 of values is TRUE, not an amount of money",
    );
    expect(excelError(() => dayrate([[""], [""]])).message).toBe(
      "values has no amounts; give the stated values of the lots",
    );
  });
});

describe("TENDER.ALLOCATE", () => {
  it("splits a budget to the penny by days, the parts adding up exactly", () => {
    const parts = allocate(346000, [[112], [51], [99], [99]]);
    expect(parts).toEqual([[107346.26], [48880.88], [94886.43], [94886.43]]);
    const pence = parts.flat().map((p) => Math.round((p as number) * 100));
    expect(pence.reduce((a, b) => a + b, 0)).toBe(34600000);
  });

  it("splits in whole pounds or whole days when asked, ties going to the earlier row", () => {
    expect(allocate("£346,000", [[112], [51], [99], [99]], "pounds")).toEqual([
      [107346],
      [48881],
      [94887],
      [94886],
    ]);
    expect(allocate(10, [[1], [1], [1]], "days")).toEqual([[4], [3], [3]]);
  });

  it("says what is wrong with a total or weight it cannot split exactly", () => {
    expect(allocate(999_999_999_999_999, [[1], [2]], "days")).toEqual([
      [333_333_333_333_333],
      [666_666_666_666_666],
    ]);
    expect(excelError(() => allocate(1e20, [[1], [2]], "days"))).toEqual({
      code: VALUE_ERROR,
      message:
        'total 100000000000000000000 is too large to split exactly with unit "days"; give at most 15 digits',
    });
    expect(excelError(() => allocate(10, [[1], [true], [1]])).message).toBe(
      "row 2 of weights is TRUE; weights must be numbers",
    );
  });

  it("spills in the shape of the weights: a row for a row", () => {
    expect(allocate(1, [[1, 1, 1]])).toEqual([[0.34, 0.33, 0.33]]);
  });

  it("gives a blank part for a blank weight and splits between the rest", () => {
    expect(allocate(10, [[3], [""], [2.5], [null]], "days")).toEqual([[5], [""], [5], [""]]);
    expect(allocate(10, [[3], [""], [0], [2.5]])).toEqual([[5.45], [""], [0], [4.55]]);
  });

  it("answers text in the weights with #VALUE! naming the cell", () => {
    expect(excelError(() => allocate(100, [[1], [""], ["two"]]))).toEqual({
      code: VALUE_ERROR,
      message: 'row 3 of weights is "two"; weights must be numbers',
    });
    expect(excelError(() => allocate(100, [[1], ["112"]])).message).toBe(
      'row 2 of weights is the text "112"; weights must be numbers (convert the cell to a number)',
    );
    expect(
      excelError(() =>
        allocate(100, [
          [1, 2],
          [3, "x"],
        ]),
      ).message,
    ).toBe('row 2, column 2 of weights is "x"; weights must be numbers');
  });

  it("answers bad totals, weights and units with #VALUE!", () => {
    expect(excelError(() => allocate(100, [[1], [-1]])).message).toBe(
      "row 2 of weights is -1; weights must be zero or more",
    );
    expect(excelError(() => allocate(100, [[0], [0]])).message).toBe(
      "weights are all zero, so there is no proportion to split by",
    );
    expect(excelError(() => allocate(100, [[""], [""]])).message).toBe(
      "weights has no numbers to split the total by",
    );
    expect(excelError(() => allocate(10.5, [[1]], "days")).message).toBe(
      'total must be a whole number of days or units with unit "days", not 10.5',
    );
    expect(excelError(() => allocate(10.5, [[1]], "pounds")).message).toBe(
      'total must be whole pounds with unit "pounds", not 10.5',
    );
    expect(excelError(() => allocate(100, [[1]], "hours")).message).toMatch(/^unit "hours" is not known/);
    expect(excelError(() => allocate("lots", [[1]])).message).toMatch(/^total: "lots" is not an amount/);
  });
});

describe("TENDER.RECONCILE", () => {
  const dfe = [[107520], [48960], [95040], [95040]];

  it("finds the DfE tender's lots £560 over its stated £346,000", () => {
    expect(reconcile(dfe, 346000)).toBe("Mismatch: +£560.00");
    expect(reconcile(dfe, "£346,000")).toBe("Mismatch: +£560.00");
    expect(reconcile([[107520, 48960, 95040, 95040]], 346000)).toBe("Mismatch: +£560.00");
  });

  it("says OK when the values add up exactly", () => {
    expect(reconcile(dfe, 346560)).toBe("OK");
    expect(reconcile(dfe, "£346,560.00")).toBe("OK");
  });

  it("says Rounded when the stated total is the sum rounded to the precision it was stated to", () => {
    expect(reconcile([[600000], [602500]], "£1.2m")).toBe("Rounded");
    expect(reconcile(dfe, 347000)).toBe("Rounded"); // £346,560 to the nearest £1,000
    expect(reconcile(dfe, "£346.6k")).toBe("Rounded"); // to the nearest £100
    // Stated to the penny, a figure is not a rounding of anything.
    expect(reconcile(dfe, "£347,000.00")).toBe("Mismatch: -£440.00");
  });

  it("gives a shortfall with a minus sign", () => {
    expect(reconcile(dfe, 347500)).toBe("Mismatch: -£940.00");
  });

  it("allows a tolerance in pounds or as a percentage", () => {
    expect(reconcile(dfe, 346000, 560)).toBe("OK");
    expect(reconcile(dfe, 346000, "£560")).toBe("OK");
    expect(reconcile(dfe, 346000, 559.99)).toBe("Mismatch: +£560.00");
    // 0.29 * 100 is 28.999999999999996 in floating point: still 29p.
    expect(reconcile([[100], [0.29]], 100, 0.29)).toBe("OK");
    expect(reconcile([[100], [0.3]], 100, 0.29)).toBe("Mismatch: +£0.30");
    expect(reconcile(dfe, 346000, "0.5%")).toBe("OK"); // £560 is 0.16% of £346,000
    expect(reconcile(dfe, 346000, "0.1%")).toBe("Mismatch: +£560.00");
    expect(reconcile(dfe, 346000, "")).toBe("Mismatch: +£560.00");
    expect(reconcile(dfe, 346000, null as unknown as number)).toBe("Mismatch: +£560.00");
  });

  it("skips blank cells, reads amounts pasted as text and counts credits", () => {
    expect(reconcile([["£107,520"], [""], [null], [48960], ["95,040"], [95040]], 346000)).toBe(
      "Mismatch: +£560.00",
    );
    expect(reconcile([[1000], [-100]], 900)).toBe("OK");
  });

  it("answers text and bad totals or tolerances with #VALUE! naming the argument or cell", () => {
    expect(excelError(() => reconcile([[107520], ["Kirklees"]], 346000))).toEqual({
      code: VALUE_ERROR,
      message:
        'row 2 of values: "Kirklees" is not an amount of money; write it like 107520, £107,520, £107,520.00, £1.2m or £346k',
    });
    expect(excelError(() => reconcile([[""]], 346000)).message).toBe(
      "values has no amounts; give the values of the lots",
    );
    expect(excelError(() => reconcile(dfe, "")).message).toMatch(/^stated_total is empty/);
    expect(excelError(() => reconcile(dfe, 0)).message).toBe("stated_total must be a positive amount");
    expect(excelError(() => reconcile(dfe, "£1.2.3m")).message).toMatch(
      /^stated_total: "£1.2.3m" has more than one/,
    );
    expect(excelError(() => reconcile(dfe, 346000, 0.005)).message).toBe(
      'tolerance 0.005 is not whole pence; give pounds such as 600 or "£600", or a percentage as text such as "0.5%"',
    );
    expect(excelError(() => reconcile(dfe, 346000, -5)).message).toMatch(/^tolerance must be zero or more/);
    expect(excelError(() => reconcile(dfe, 346000, "half%")).message).toMatch(
      /^tolerance "half%" is not a percentage/,
    );
  });
});

describe("TENDER.RECONCILE tolerance", () => {
  it("reads a percentage written without its leading zero", () => {
    expect(reconcile([[107520], [48960], [95040], [95040]], 346000, ".5%")).toBe("OK");
    expect(reconcile([[107520], [48960], [95040], [95040]], 346000, ".1%")).toBe("Mismatch: +£560.00");
  });
});

describe("TENDER.FINYEAR", () => {
  it("names the UK financial year of a date", () => {
    expect(finyear(42978)).toBe("2017/18");
    expect(finyear("2017-03-31")).toBe("2016/17");
    expect(finyear("01/04/2017")).toBe("2017/18");
    expect(finyear("1999-12-31")).toBe("1999/00");
  });

  it("answers a blank or a non-date with #VALUE!", () => {
    expect(excelError(() => finyear(""))).toEqual({
      code: VALUE_ERROR,
      message: "date is empty; give a date: an Excel date, 2017-08-31 or 31/08/2017",
    });
    expect(excelError(() => finyear("FY17")).code).toBe(VALUE_ERROR);
  });
});

/**
 * functions.json declares allowCustomDataForDataTypeAny (the metadata generator writes it), so Excel
 * passes a cell holding a data type to an `any` parameter as the data type itself: a formatted
 * number as {type: "FormattedNumber", basicValue, numberFormat}, a number, text or TRUE/FALSE as
 * {type: "Double" | "String" | "Boolean", basicValue}. Sources: "Custom functions and data types"
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-overview) and the
 * Excel.CellValue types in the Excel JavaScript API reference (DoubleCellValue, StringCellValue,
 * BooleanCellValue, FormattedNumberCellValue: basicValue; EntityCellValue: text and properties).
 */
describe("a cell holding a data type", () => {
  const double = (basicValue: number): number => ({ type: "Double", basicValue }) as unknown as number;
  const formatted = (basicValue: number): number =>
    ({ type: "FormattedNumber", basicValue, numberFormat: "£#,##0" }) as unknown as number;
  const text = (basicValue: string): string => ({ type: "String", basicValue }) as unknown as string;

  it("is read by its basic value, in one-cell arguments and in ranges", () => {
    expect(value(formatted(960), double(112))).toBe(107520);
    expect(finyear(text("31/08/2017"))).toBe("2017/18");
    expect(dayrate([[formatted(107520)], [double(48960)], [95040], [text("£95,040")]])).toBe(960);
    expect(reconcile([[formatted(107520)], [48960], [95040], [95040]], formatted(346000))).toBe(
      "Mismatch: +£560.00",
    );
  });

  it("that has no basic value (an entity) is named as such", () => {
    const entity = { type: "Entity", text: "Barnet", properties: {} } as unknown as number;
    expect(excelError(() => value(entity, 112)).message).toBe(
      'day_rate must be an amount of money, not a data type ("Barnet")',
    );
  });
});
