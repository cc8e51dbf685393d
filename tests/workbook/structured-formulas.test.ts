/**
 * The live formulas the add-in writes inside Excel (structured references to its Tables) compute the
 * engine's figures. Each sheet plan is laid out in HyperFormula with every structured formula spelled
 * in A1 (tests/support/structured-refs.ts, after Microsoft's "Using structured references with Excel
 * tables"); every formula cell must then equal the value the engine put beside it. LibreOffice checks
 * only the A1 spelling written to .xlsx files (tests/exports/xlsx-libreoffice.test.ts), so without this
 * a wrong sign in a structured formula would reach Excel users unseen.
 */
import { HyperFormula } from "hyperformula";
import type { Tender } from "../../src/domain/core/types";
import { planCells } from "../../src/workbook/layout/cells";
import type { Scalar, SheetPlan } from "../../src/workbook/layout/plan";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { reportPlans } from "../../src/workbook/xlsx";
import { structuredToA1, tablesOf } from "../support/structured-refs";
import { tracked } from "./actuals-support";
import { check, generatedTender } from "./support";

interface Computed {
  sheet: string;
  address: string;
  formula: string;
  expected: Scalar;
  actual: unknown;
}

/** Lays the plans out in HyperFormula with structured formulas in A1, and computes every formula cell. */
function compute(plans: SheetPlan[]): Computed[] {
  const tables = tablesOf(plans);
  const formulas: { sheet: number; row: number; col: number; formula: string; expected: Scalar }[] = [];
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  plans.forEach((plan, sheet) => {
    const grid: (string | number | boolean | null)[][] = [];
    for (const cell of planCells(plan, "structured")) {
      while (grid.length <= cell.row) grid.push([]);
      let content: string | number | boolean | null = cell.value;
      if (cell.formula) {
        content = structuredToA1(cell.formula, tables, plan.name, cell.row, cell.col);
        formulas.push({ sheet, row: cell.row, col: cell.col, formula: cell.formula, expected: cell.value });
      } else if (typeof content === "string" && /^[=']/.test(content)) {
        content = `'${content}`; // text, not a formula
      }
      grid[cell.row][cell.col] = content;
    }
    sheets[plan.name] = grid.map((row) => Array.from(row, (v) => v ?? null));
  });
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useColumnIndex: false });
  const results = formulas.map((f) => ({
    sheet: plans[f.sheet].name,
    address: hf.simpleCellAddressToString({ sheet: f.sheet, row: f.row, col: f.col }, f.sheet) ?? "",
    formula: f.formula,
    expected: f.expected,
    actual: hf.getCellValue({ sheet: hf.getSheetId(plans[f.sheet].name)!, row: f.row, col: f.col }),
  }));
  hf.destroy();
  return results;
}

/** A computed value against the engine's: numbers to the penny (or 1e-9 for shares), text exactly. */
function agrees(actual: unknown, expected: Scalar): boolean {
  if (typeof expected === "number") {
    return (
      typeof actual === "number" && Math.abs(actual - expected) <= (Math.abs(expected) < 1 ? 1e-9 : 0.005)
    );
  }
  if (expected === null || expected === "") return actual === null || actual === "" || actual === 0;
  return actual === expected;
}

function disagreements(plans: SheetPlan[]): string[] {
  return compute(plans)
    .filter((c) => !agrees(c.actual, c.expected))
    .map(
      (c) =>
        `${c.sheet}!${c.address} ${c.formula}: computed ${JSON.stringify(c.actual)}, engine ${c.expected}`,
    );
}

const reconciled: Tender = { ...DFE_2017_TENDER, statedTotal: { pence: 34_656_000, precision: 100 } };
/** £346,560 of lots against a budget of £346,600, written to £100: a rounding, were it not a ceiling. */
const underBudget: Tender = {
  ...DFE_2017_TENDER,
  statedTotal: { pence: 34_660_000, precision: 10_000 },
  statedTotalIsCeiling: true,
};
/** £346,560 of lots against a budget of £346,500: a rounding to £100 too, but over the ceiling. */
const overBudget: Tender = {
  ...DFE_2017_TENDER,
  statedTotal: { pence: 34_650_000, precision: 10_000 },
  statedTotalIsCeiling: true,
};

describe("structured formulas computed against the engine", () => {
  test.each([
    ["the DfE tender (£560 over the stated total)", DFE_2017_TENDER],
    ["the DfE tender stated at £346,560 (reconciles)", reconciled],
    ["the DfE tender under a budget of £346,600 (a rounding)", underBudget],
    ["the DfE tender over a budget of £346,500 (over budget, though a rounding)", overBudget],
    ["a generated tender of 40 lots, every 7th stated £10 over", generatedTender(40)],
  ])("%s: every formula cell of Tender, Allocation, Phasing and Tender summary", (_name, tender) => {
    const plans = reportPlans(check(tender), { today: "2017-07-26" });
    const computed = compute(plans);
    // The Allocation sheet's table alone has a Value, Share and Variance formula per lot.
    expect(computed.filter((c) => c.sheet === "Allocation").length).toBeGreaterThanOrEqual(
      3 * tender.lots.length,
    );
    expect(disagreements(plans)).toEqual([]);
  });

  test("Actuals and Budget vs actual: SUMIFS over the Actuals table give the engine's position", () => {
    const t = tracked();
    const plans = reportPlans(t.report, {
      today: "2018-01-31",
      actuals: { lines: t.lines, report: t.actuals },
    });
    expect(plans.map((p) => p.name)).toContain("Budget vs actual");
    expect(compute(plans).filter((c) => c.sheet === "Budget vs actual").length).toBeGreaterThan(10);
    expect(disagreements(plans)).toEqual([]);
  });

  test("a wrong formula is caught: the Variance column computed as stated minus value disagrees", () => {
    const tender = generatedTender(40);
    const plans = reportPlans(check(tender), { today: "2017-07-26", sheets: ["allocation"] });
    const table = plans[0].tables[0];
    const variance = table.columns.find((c) => c.header === "Variance")!;
    variance.formula = {
      structured: '=IF(ISNUMBER([@[Stated value]]),[@[Stated value]]-[@Value],"")',
      a1: variance.formula!.a1,
    };
    // Lots 1, 8, 15, 22, 29 and 36 are stated £10 over: their variances and the totals row's sum flip sign.
    const wrong = disagreements(plans);
    expect(wrong).toHaveLength(7);
    expect(wrong[0]).toMatch(/^Allocation!G18 .*computed 10, engine -10$/);
  });
});

describe("structured references as Excel reads them", () => {
  const plans = reportPlans(check(DFE_2017_TENDER), { today: "2017-07-26", sheets: ["allocation"] });
  const tables = tablesOf(plans);
  const at = (f: string, row = 18, col = 3) => structuredToA1(f, tables, "Allocation", row, col);

  test("this row, a whole column and an escaped name", () => {
    expect(at("=[@[Day rate]]*[@Days]")).toBe("=B19*C19");
    expect(at("=SUM(Allocation[Value])", 2, 1)).toBe("=SUM($D$18:$D$21)");
    expect(at("=SUBTOTAL(109,[Value])", 21, 3)).toBe("=SUBTOTAL(109,$D$18:$D$21)");
  });

  test("a table or column that does not exist, or an unescaped special character, is refused", () => {
    expect(() => at("=SUM(Allocations[Value])")).toThrow(/no table named Allocations/);
    expect(() => at("=SUM(Allocation[Worth])")).toThrow(/no column "Worth"/);
    expect(() => at("=[@[Rate #]]")).toThrow(/unescaped #/);
  });
});
