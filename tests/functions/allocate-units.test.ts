/**
 * TENDER.ALLOCATE's unit argument takes the words a user types for each unit, in any case and with
 * spaces around them: "pence", "penny", "p"; "pounds", "pound", "£"; "days", "day", "units", "unit",
 * "whole". A total of 10.5 split 1:2 tells the three apart: to the penny it is 3.50 and 7.00, while
 * whole pounds and whole days each refuse 10.5 with their own message.
 */
import { allocate } from "../../src/functions/functions";

function outcome(unit: string): unknown {
  try {
    return allocate(10.5, [[1], [2]], unit);
  } catch (error) {
    return (error as Error).message;
  }
}

describe("TENDER.ALLOCATE's unit words", () => {
  it("tells pence, whole pounds and whole days apart", () => {
    expect(outcome("pence")).toEqual([[3.5], [7]]);
    expect(outcome("pounds")).toBe('total must be whole pounds with unit "pounds", not 10.5');
    expect(outcome("days")).toBe('total must be a whole number of days or units with unit "days", not 10.5');
  });

  test.each(["penny", "p", " Pence ", "P"])("%j is pence", (word) => {
    expect(outcome(word)).toEqual(outcome("pence"));
  });

  test.each(["pound", "£", "POUNDS", " pound "])("%j is whole pounds", (word) => {
    expect(outcome(word)).toEqual(outcome("pounds"));
  });

  test.each(["day", "units", "unit", "whole", "Days"])("%j is whole days or units", (word) => {
    expect(outcome(word)).toEqual(outcome("days"));
  });

  it("a word that is no unit is refused", () => {
    expect(outcome("hours")).not.toEqual(outcome("pence"));
    expect(String(outcome("hours"))).toMatch(/unit/);
  });
});
