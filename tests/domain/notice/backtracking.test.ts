/**
 * Issue #20, hangs: a pattern that can backtrack within one line (regexp/no-super-linear-backtracking
 * in eslint.config.mjs) is read on the line it would spend the square of its length on. The step
 * counter in tests/hostile/linear-notice.test.ts cannot see work inside one search, so each case
 * here is a line on which the old pattern hangs (at 100,000 spaces it took 7 to 11 s, at 400,000
 * minutes; the new one reads it in under a second) and which must still give the same reading.
 */
import { parseNotice } from "../../../src/domain/notice";
import { readLayout } from "../../../src/domain/notice/layout";

const SPACES = " ".repeat(400_000);

describe("layout lines with a long run of spaces are read in one pass", () => {
  it("'Value: a<spaces>x' with no Gross (valueGross)", () => {
    const reading = parseNotice(`Value: a${SPACES}x\nThe contract is worth £346,000.`, {
      referenceDate: "2017-07-26",
    });
    expect(reading.ok).toBe(true);
    expect(readLayout(`Value: 6000000.0 GBP${SPACES}Gross: 7200000.0 GBP`).text).toContain(
      "Value of contract: £6,000,000",
    );
  }, 10_000);

  it("a 'Contract dates' line 'a<spaces>x' with no 'to'", () => {
    const reading = parseNotice(`Contract dates\na${SPACES}x\nThe contract is worth £346,000.`, {
      referenceDate: "2017-07-26",
    });
    expect(reading.ok).toBe(true);
    expect(readLayout(`Contract dates\n1 September 2017${SPACES}to 31 March 2018`).text).toContain(
      "Contract start: 1 September 2017",
    );
  }, 10_000);
});
