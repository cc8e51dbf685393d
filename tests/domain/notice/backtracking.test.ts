/**
 * Issue #20, hangs: a pattern that can backtrack within one line (regexp/no-super-linear-backtracking
 * in eslint.config.mjs) is read on the line it would spend the square of its length on. The step
 * counter in tests/hostile/linear-notice.test.ts cannot see work inside one search, so each case
 * here is a line on which the old pattern hangs (at 100,000 spaces it took 7 to 11 s, at 400,000
 * minutes; the new one reads it in well under a second) and which must still give the same reading.
 *
 * A hang inside one regular expression search cannot be stopped by jest, so each reading runs in a
 * worker thread (tests/support/hang-guard.ts), stopped after BOUND_MS and reported as "did not
 * finish: pattern … on input …". The bound is a hang guard, not a speed target: it is some hundred
 * times what the readings take, so that only a hang reaches it on a busy machine.
 */
import { didNotFinish, GuardedWorker, type GuardedCall } from "../../support/hang-guard";

const SPACES_COUNT = 400_000;
const SPACES = " ".repeat(SPACES_COUNT);
const BOUND_MS = 30_000;
/** The worker's start (transpiling the notice reader, a minute or two on a busy machine) comes on top. */
const TEST_MS = 2 * BOUND_MS + 180_000;

const worker = new GuardedWorker(["src/domain/notice", "src/domain/notice/layout"]);
afterAll(() => worker.close());

const notice = (text: string): GuardedCall => ({
  module: "src/domain/notice",
  fn: "parseNotice",
  args: [text, { referenceDate: "2017-07-26" }],
  pick: "ok",
});
const layout = (text: string): GuardedCall => ({
  module: "src/domain/notice/layout",
  fn: "readLayout",
  args: [text],
  pick: "text",
});

async function reading(pattern: string, input: string, call: GuardedCall): Promise<unknown> {
  const r = await worker.run(call, BOUND_MS);
  expect(didNotFinish(pattern, input, r)).toBe("");
  return r.finished ? r.value : undefined;
}

const VALUE_GROSS =
  "valueGross /^(?:estimated\\s+)?value\\s*:\\s*(\\S.*?)(?<=\\S)\\s+gross\\s*:\\s*(\\S.*)$/i";
const SPAN = "span /^(\\S.*?)(?<=\\S)\\s+to\\s+(\\S.*)$/i";
const spaces = `<${SPACES_COUNT.toLocaleString("en-GB")} spaces>`;

describe("layout lines with a long run of spaces are read in one pass", () => {
  it(
    "'Value: a<spaces>x' with no Gross (valueGross)",
    async () => {
      const text = `Value: a${SPACES}x\nThe contract is worth £346,000.`;
      expect(await reading(VALUE_GROSS, `"Value: a${spaces}x" (parseNotice)`, notice(text))).toBe(true);
      const line = `Value: 6000000.0 GBP${SPACES}Gross: 7200000.0 GBP`;
      expect(
        await reading(
          VALUE_GROSS,
          `"Value: 6000000.0 GBP${spaces}Gross: 7200000.0 GBP" (readLayout)`,
          layout(line),
        ),
      ).toContain("Value of contract: £6,000,000");
    },
    TEST_MS,
  );

  it(
    "a 'Contract dates' line 'a<spaces>x' with no 'to' (span)",
    async () => {
      const text = `Contract dates\na${SPACES}x\nThe contract is worth £346,000.`;
      expect(await reading(SPAN, `"Contract dates\\na${spaces}x" (parseNotice)`, notice(text))).toBe(true);
      const lines = `Contract dates\n1 September 2017${SPACES}to 31 March 2018`;
      expect(
        await reading(
          SPAN,
          `"Contract dates\\n1 September 2017${spaces}to 31 March 2018" (readLayout)`,
          layout(lines),
        ),
      ).toContain("Contract start: 1 September 2017");
    },
    TEST_MS,
  );
});
