import { allocate } from "../../../src/domain/check/allocation";
import { reconcile } from "../../../src/domain/check/reconcile";
import { parseTender } from "../../../src/domain/check/tender";
import { TOTAL_STATUS_LABELS, totalStatus } from "../../../src/domain/check/total-status";
import type { Tender } from "../../../src/domain/core/types";

const NONE = { absolute: 0, percent: 0 };
const pounds = (n: number) => n * 100;

/** 120 days at £1,100 (£132,000) against "A total of £130,000 has been allocated". */
function dpoTender(ceiling: boolean): Tender {
  const read = parseTender({
    title: "Data protection officer support",
    statedTotal: "£130,000",
    statedTotalIsCeiling: ceiling,
    dayRate: 1100,
    lots: [{ name: "Sandwell", days: 120 }],
  });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value;
}

describe("the reconciliation status: one rule for the findings, the Allocation sheet and the pane", () => {
  const stated = { pence: pounds(130_000), precision: pounds(10_000) };

  test("a total over a ceiling is over budget whatever its rounding or tolerance", () => {
    expect(totalStatus(pounds(132_000), stated, NONE)).toBe("rounded");
    expect(totalStatus(pounds(132_000), stated, NONE, true)).toBe("overBudget");
    expect(totalStatus(pounds(130_000) + 1, stated, { absolute: pounds(5_000), percent: 10 }, true)).toBe(
      "overBudget",
    );
  });

  test("at or under a ceiling the rule is the usual one", () => {
    expect(totalStatus(pounds(130_000), stated, NONE, true)).toBe("reconciles");
    expect(totalStatus(pounds(128_000), stated, NONE, true)).toBe("rounded");
    expect(totalStatus(pounds(100_000), stated, { absolute: pounds(30_000), percent: 0 }, true)).toBe(
      "withinTolerance",
    );
    expect(totalStatus(pounds(100_000), stated, NONE, true)).toBe("mismatch");
  });

  test("the DfE total: £346,560 against £346,000 to the nearest £1,000 does not reconcile", () => {
    const dfe = { pence: pounds(346_000), precision: pounds(1_000) };
    expect(totalStatus(pounds(346_560), dfe, NONE)).toBe("mismatch");
    expect(totalStatus(pounds(346_560), dfe, { absolute: pounds(560), percent: 0 })).toBe("withinTolerance");
    expect(totalStatus(pounds(346_560), dfe, { absolute: 0, percent: 0.17 })).toBe("withinTolerance");
    expect(totalStatus(pounds(346_560), dfe, { absolute: 0, percent: 0.16 })).toBe("mismatch");
    // One significant digit is never a rounding.
    expect(totalStatus(pounds(320_000), { pence: pounds(300_000), precision: pounds(100_000) }, NONE)).toBe(
      "mismatch",
    );
  });

  test("its words are the Allocation sheet's Status words", () => {
    const words = Object.entries(TOTAL_STATUS_LABELS).map(([status, label]) => `${status}: ${label}`);
    expect(words.join("; ")).toBe(
      "reconciles: Reconciles; overBudget: Over budget; rounded: Stated total is a rounding; " +
        "withinTolerance: Within tolerance; mismatch: Does not reconcile; noStatedTotal: No stated total",
    );
  });
});

describe("a budget is a ceiling", () => {
  test("£132,000 of work against an allocation of £130,000 is an error saying by how much", () => {
    const tender = dpoTender(true);
    const findings = reconcile(tender, allocate(tender));
    const total = findings.filter((f) => f.path === "statedTotal");
    expect(total).toEqual([
      {
        code: "TOTAL_MISMATCH",
        severity: "error",
        path: "statedTotal",
        message: expect.stringMatching(/^The lots add up to £132,000, £2,000 over the budget of £130,000\. /),
      },
    ]);
    expect(total[0].message).toContain("take £2,000 off the lots");
  });

  test("the same figures without the ceiling are a rounding, as before", () => {
    const tender = dpoTender(false);
    expect(tender.statedTotalIsCeiling).toBeUndefined();
    const total = reconcile(tender, allocate(tender)).filter((f) => f.path === "statedTotal");
    expect(total.map((f) => [f.code, f.severity])).toEqual([["TOTAL_ROUNDED", "info"]]);
  });

  test("the tender file's statedTotalIsCeiling is true or false, and needs a stated total", () => {
    const bad = parseTender({ statedTotalIsCeiling: "yes", statedTotal: 1, lots: [{ name: "A", days: 1 }] });
    expect(!bad.ok && bad.errors).toEqual([
      { path: "statedTotalIsCeiling", message: expect.stringMatching(/^must be true .* or false, not /) },
    ]);
    const lonely = parseTender({ statedTotalIsCeiling: true, lots: [{ name: "A", days: 1 }] });
    expect(!lonely.ok && lonely.errors.map((e) => e.path)).toEqual(["statedTotalIsCeiling"]);
  });
});
