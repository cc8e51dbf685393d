/**
 * The letter O typed for a zero ("85O", "£48,96O"): the money reader itself says so and what to
 * type, so the pane, the command line and the TENDER.* functions all give the same answer instead
 * of "use k, m or bn".
 */
import { letterOMessage, parseMoney } from "../../../src/domain/core/money";

function problem(input: string): string {
  const read = parseMoney(input);
  if (read.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return read.error;
}

describe("parseMoney and the letter O typed for a zero", () => {
  test.each([
    ["85O", '"85O" has the letter O where a zero seems meant: type 850'],
    [" 85O ", '"85O" has the letter O where a zero seems meant: type 850'],
    ["£48,96O", '"£48,96O" has the letter O where a zero seems meant: type £48,960'],
    ["1O,OOO", '"1O,OOO" has the letter O where a zero seems meant: type 10,000'],
    ["O.5", '"O.5" has the letter O where a zero seems meant: type 0.5'],
    ["96o", '"96o" has the letter O where a zero seems meant: type 960'],
    ["£1.2Om", '"£1.2Om" has the letter O where a zero seems meant: type £1.20m'],
  ])("%j", (input, message) => {
    expect(problem(input)).toBe(message);
    expect(letterOMessage(input)).toBe(message);
  });

  test("other problems keep the money reader's own words", () => {
    expect(problem("85x")).toBe('"85x" ends in "x", which is not an amount; use k, m (or million) or bn');
    // An O not next to a digit, and an amount still wrong with zeroes for its Os.
    expect(problem("OK")).toMatch(/^"OK" is not an amount of money/);
    expect(problem("8O5.OOO")).toMatch(/^"8O5.OOO" (has more than 2 decimal places|is not an amount)/);
    expect(letterOMessage("85k")).toBeUndefined();
    expect(letterOMessage("8O5.OOO")).toBeUndefined();
  });

  test("amounts that read are untouched", () => {
    expect(parseMoney("850")).toEqual({ ok: true, value: { pence: 85_000, precision: 1_000 } });
    expect(parseMoney("£1.2 million").ok).toBe(true);
  });

  test("a long pasted text is not searched for Os", () => {
    const long = "1" + "O".repeat(200);
    expect(problem(long)).toMatch(/is not an amount of money|ends in/);
    expect(letterOMessage(long)).toBeUndefined();
  });
});
