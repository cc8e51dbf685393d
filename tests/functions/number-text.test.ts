/**
 * A number typed as text into a cell (Excel keeps "2.5" typed into a text-formatted cell as text):
 * TENDER.ENDDATE's days_per_week reads it as the number it spells, and refuses text that is not a
 * plain number, naming the argument.
 */
import * as tender from "../../src/functions/functions";
import { excelError } from "./helpers";

const START = "2017-08-31";

describe("days_per_week given as text", () => {
  test.each([
    ["2.5", 2.5],
    [" 3 ", 3],
    ["+4", 4],
    ["1.", 1],
    ["4.25", 4.25],
  ])("%j reads as %d", (text, n) => {
    expect(tender.enddate(START, 20, text)).toBe(tender.enddate(START, 20, n));
  });

  test(".5 reads as a half day a week", () => {
    expect(tender.enddate(START, 2, ".5")).toBe(tender.enddate(START, 2, 0.5));
  });

  test.each(["3x", "x3", "1e3", "3 4", "--3", "."])("%j is refused as not a number", (text) => {
    expect(excelError(() => tender.enddate(START, 20, text))).toEqual({
      code: "#VALUE!",
      message: `days_per_week must be a number, not ${JSON.stringify(text)}`,
    });
  });
});

describe("an amount typed with the letter O for a zero", () => {
  test("TENDER.VALUE names day_rate and says what to type", () => {
    expect(excelError(() => tender.value("96O", 10))).toEqual({
      code: "#VALUE!",
      message: 'day_rate: "96O" has the letter O where a zero seems meant: type 960',
    });
  });

  test("TENDER.ALLOCATE's total says the same", () => {
    expect(excelError(() => tender.allocate("£48,96O", [[1], [1]])).message).toBe(
      'total: "£48,96O" has the letter O where a zero seems meant: type £48,960',
    );
  });
});
