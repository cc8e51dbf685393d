/**
 * Issue #20, hangs: the whole notice reader does work in proportion to the text it is given, so a
 * pasted notice cannot freeze the pane. Nothing here is timed: the regular expressions' work is
 * counted (tests/support/regexp-steps.ts) and doubling a text may at most double it, plus a
 * constant. The texts are the issue's ("£1,1,1,…" × 40,000 took 6.6 s; 97 KB of numbers 6 s) and
 * shapes built so that a pattern which searches a sentence again for each figure in it, or from
 * every place in a run of spaces, digits or commas, does work that grows with the square.
 */
import fc from "fast-check";
import { parseNotice } from "../../src/domain/notice";
import { countRegexpSteps } from "../support/regexp-steps";

const steps = (text: string): number =>
  countRegexpSteps(() => parseNotice(text, { referenceDate: "2017-07-26" })).counted.steps;

/**
 * work(2n) ≤ 2·work(n) + c: the second text is the first with twice the repeats. The constant is
 * what the first few figures of a text save, whose windows of words around them (160 characters
 * either side) are cut short by its start; a quadratic search on the shapes below is millions over.
 */
function expectLinear(make: (n: number) => string, n: number): void {
  const once = steps(make(n));
  const twice = steps(make(2 * n));
  expect({ text: make(2).slice(0, 60), twice }).toEqual({
    text: make(2).slice(0, 60),
    twice: Math.min(twice, 2 * once + 20_000),
  });
}

/** Shapes of hostile text, each a function of how many times its piece repeats. */
const SHAPES: Record<string, (n: number) => string> = {
  "£1,1,1,… (the issue's 40,000 groups)": (n) => `The contract is worth £${"1,".repeat(n)}`,
  "numbers, then respectively (97 KB took 6 s)": (n) => `${"1, ".repeat(n)}and respectively`,
  "100 KB of numbers": (n) => "1234567890 ".repeat(n),
  "a run of spaces inside a line": (n) => `Value: a${" ".repeat(n)}b`,
  "a run of spaces at the end of a line": (n) => `Lot 1 Barnet${" ".repeat(n)}x\nLot 2`,
  "days in one long sentence": (n) => "112 days ".repeat(n),
  "day rates in one long sentence": (n) => "£960 per day ".repeat(n),
  "totals in one long sentence": (n) => "the contract total of £346,000 ".repeat(n),
  "amounts in brackets in one long sentence": (n) => "Barnet (£1,000) ".repeat(n),
  "lots run together on one line": (n) => "Lot 1 Barnet ".repeat(n),
  "a title line": (n) => `Title: ${"A ".repeat(n)}`,
  "labelled lines": (n) => "Closing date: 31 July 2017\n".repeat(n),
  "full stops and spaces": (n) => ". ".repeat(n),
  "amounts with decimals": (n) => "£1.1.1.1".repeat(n),
  "places and commas": (n) => `${"Barnet, ".repeat(n)}and Reading`,
  "GBP figures": (n) => "6000000.0 GBP 999 ".repeat(n),
  "digits and commas with GBP at the end": (n) => `${"1,".repeat(n)} GBP`,
  "hard-wrapped lines": (n) =>
    "the contract for the commissioners is worth a great deal of money\n".repeat(n),
  capitals: (n) => "BOROUGH COUNCIL ".repeat(n),
  "Department for": (n) => "Department for ".repeat(n),
  dates: (n) => "31/07/2017 ".repeat(n),
  "dates and amounts in one long sentence": (n) => "Lot 2 £960 31 July 2017 £960 ".repeat(n),
};

describe("the notice reader's work grows in proportion to the text", () => {
  it.each(Object.entries(SHAPES))(
    "%s",
    (_name, make) => {
      expectLinear(make, 2_000);
    },
    60_000,
  );

  it("any mixture of notice words, figures and separators: doubling the text at most doubles the work", () => {
    const pieces = [
      "£960 ",
      "a day ",
      "1,",
      "22, ",
      "and ",
      "112 days ",
      "respectively",
      ". ",
      "\n",
      "\n\n",
      "Lot 2 ",
      "Barnet ",
      "(£107,520) ",
      "Closing date: ",
      "31 July 2017 ",
      "contract ",
      "   ",
      "GBP ",
      "total of £346,000 ",
      "each ",
      "Title: ",
      "BOROUGH COUNCIL",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 60 }), (parts) => {
        const text = parts.join("");
        const repeat = (n: number) => text.repeat(n);
        expectLinear(repeat, 100);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

describe("a long sentence is read in pieces by the date reader, and loses no date", () => {
  it("a closing date 1,500 characters into one sentence is read", () => {
    const text = `The contract is worth £346,000 ${"with more words, ".repeat(90)}and the closing date is 31 July 2017.`;
    expect(text.indexOf("31 July")).toBeGreaterThan(1_500);
    const reading = parseNotice(text, { referenceDate: "2017-07-01" });
    expect(reading.ok && reading.fields.closingDate?.value).toBe("2017-07-31");
  });
});
