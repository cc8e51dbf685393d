/**
 * Issue #20, hangs: the notice reader's list of days ("…112, 51, 99 and 99 days respectively")
 * does work in proportion to the text. The test counts steps, not time: doubling the text at most
 * doubles the steps, plus a constant.
 */
import fc from "fast-check";
import { findDaysList } from "../../src/domain/notice/days";

const steps = (text: string): number => {
  const counter = { steps: 0 };
  findDaysList(text, counter);
  return counter.steps;
};

describe("findDaysList is linear", () => {
  it("reads the lot-by-lot list as before", () => {
    expect(findDaysList("an estimated 112, 51, 99 and 99 days respectively.")).toEqual({
      days: [112, 51, 99, 99],
      start: 13,
      end: 36,
    });
    expect(findDaysList("for 10, 20, and 30 working days, respectively")?.days).toEqual([10, 20, 30]);
    expect(findDaysList("for 10, 20 and 30 days. The rest respectively")).toBeNull();
    expect(findDaysList("for 10 and 30 days respectively")).toBeNull();
    expect(findDaysList("1, 2, 3 and 4 weeks; then 5, 6 and 7 days respectively")?.days).toEqual([5, 6, 7]);
  });

  it("doubling the text at most doubles the steps, plus a constant (97 KB of numbers took 6 s)", () => {
    const pieces = ["1, ", "22, ", "333 ", "and ", "4 days ", "respectively ", ". ", "x ", "12345, ", ";"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 200 }), (parts) => {
        const text = parts.join("");
        const once = steps(text);
        const twice = steps(text + text);
        expect(twice).toBeLessThanOrEqual(2 * once + 10);
      }),
    );
  });

  it("the issue's worst case: a run of numbers with 'respectively' at the end", () => {
    const run = (n: number) => "1, ".repeat(n) + "and respectively";
    const small = steps(run(10_000));
    const large = steps(run(20_000));
    expect(large).toBeLessThanOrEqual(2 * small + 10);
    expect(small).toBeLessThan(10 * 10_000);
  });
});
