import { checkTender } from "../../../src/domain/check/check";
import { parseTender } from "../../../src/domain/check/tender";
import { parseNotice } from "../../../src/domain/notice";

const PARAGRAPH =
  "Sandwell Council is seeking a consultant to provide data protection officer support to its maintained " +
  "schools for 120 days at a day rate of £1,100. A total of £130,000 has been allocated. Bids close on " +
  "14 March 2026 and work starts on 1 April 2026.";

function read(text: string) {
  const reading = parseNotice(text);
  if (!reading.ok) throw new Error(reading.error);
  return reading;
}

describe("a notice whose total is a budget", () => {
  test("'has been allocated' makes the total a ceiling, and the one lot is valued by its days", () => {
    const reading = read(PARAGRAPH);
    expect(reading.input.statedTotal).toBe("£130,000");
    expect(reading.input.statedTotalIsCeiling).toBe(true);
    expect(reading.input.lots).toEqual([{ name: "Sandwell", days: 120 }]);
    expect(reading.notes).toContain(
      "The stated total £130,000 is read as a ceiling (“has been allocated”): lots that go over it are an error, whatever its rounding. Untick “The stated total is a ceiling” on Review if it is only an estimate.",
    );
  });

  test("checked, the work is £2,000 over budget: an error, not a rounding, and no lot error", () => {
    const tender = parseTender(read(PARAGRAPH).input);
    if (!tender.ok) throw new Error(JSON.stringify(tender.errors));
    const findings = checkTender(tender.value).findings;
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.code, f.path])).toEqual([["TOTAL_MISMATCH", "statedTotal"]]);
    expect(errors[0].message).toMatch(/^The lots add up to £132,000, £2,000 over the budget of £130,000\./);
    expect(findings.some((f) => f.code === "TOTAL_ROUNDED" || f.code === "LOT_VALUE_MISMATCH")).toBe(false);
  });

  test("the title of a notice that is one paragraph is what the work is, for the user to confirm", () => {
    const reading = read(PARAGRAPH);
    expect(reading.input.title).toBe("Data protection officer support to its maintained schools");
    expect(reading.fields.title?.confidence).toBeLessThan(0.8);
  });

  test("a short notice of two sentences is not a headline either", () => {
    const reading = read(
      "Sandwell Council is seeking a consultant to review its children's services for 20 days. The budget is £20,000.",
    );
    expect(reading.input.title).toBe("Review its children's services");
  });

  test("an email's subject is the title, without its full stop", () => {
    const reading = read(`Subject: Data protection officer support for Sandwell schools. ${PARAGRAPH}`);
    expect(reading.input.title).toBe("Data protection officer support for Sandwell schools");
  });

  test.each([
    ["up to £130,000 is available for the work", "up to"],
    ["The contract is capped at £130,000.", "capped at"],
    ["It has a maximum value of £130,000.", "maximum value of"],
    ["The contract must not exceed £130,000.", "must not exceed"],
    ["The budget is £130,000.", "budget is"],
  ])("%s: a ceiling", (sentence) => {
    const reading = read(
      `Sandwell Council is seeking a consultant for 120 days at £1,100 a day. ${sentence}`,
    );
    expect(reading.input.statedTotal).toBe("£130,000");
    expect(reading.input.statedTotalIsCeiling).toBe(true);
  });

  test.each([
    "A total of £130,000 has been set aside for the work.",
    "The contract is worth £130,000.",
    "The estimated value is £130,000.",
  ])("%s: an estimate, not a ceiling", (sentence) => {
    const reading = read(
      `Sandwell Council is seeking a consultant for 120 days at £1,100 a day. ${sentence}`,
    );
    expect(reading.input.statedTotal).toBe("£130,000");
    expect(reading.input.statedTotalIsCeiling).toBeUndefined();
  });
});
