/**
 * The bench's spreadsheet-formula side computes what the engine computes: HyperFormula's SUM of
 * ROUND(rate × days, 2) is the engine's total and each variance is the engine's, to the penny.
 */
import { HyperFormula } from "hyperformula";
import { formulaSheet } from "../../bench/engine";
import { benchTender } from "../../bench/tenders";
import { allocate } from "../../src/domain/check/allocation";

test("the formula sheet's totals and variances equal the engine's for a generated tender", () => {
  const tender = benchTender(60);
  const allocation = allocate(tender);
  const hf = HyperFormula.buildFromArray(formulaSheet(tender), { licenseKey: "gpl-v3" });
  const at = (row: number, col: number) => hf.getCellValue({ sheet: 0, row, col }) as number;
  expect(Math.round(at(0, 8) * 100)).toBe(allocation.total);
  expect(Math.round(at(2, 8) * 100)).toBe(allocation.total - tender.statedTotal!.pence);
  allocation.lines.forEach((line, i) => {
    expect(Math.round(at(i + 1, 4) * 100)).toBe(line.value);
    expect(Math.round(at(i + 1, 5) * 100)).toBe(line.variance);
    expect(at(i + 1, 6)).toBeCloseTo(line.share, 12);
  });
  // Every seventh lot is stated £100 over: the engine and the formulas both see those variances.
  expect(allocation.lines.filter((l) => l.variance !== 0).map((l) => l.variance)).toEqual(
    Array.from({ length: 9 }, () => -10_000),
  );
  hf.destroy();
});
