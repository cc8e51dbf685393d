/**
 * The engine against spreadsheet formulas: allocate + reconcile (and phase) a tender with the engine,
 * and the same computation as formulas in HyperFormula, the headless Excel-compatible engine: per lot
 * value = ROUND(day rate × days, 2) and variance against its stated value, then the SUM of values, the
 * variance against the stated total and each lot's share of the total.
 */
import { HyperFormula } from "hyperformula";
import { allocate } from "../src/domain/check/allocation";
import { phase } from "../src/domain/check/phasing";
import { reconcile } from "../src/domain/check/reconcile";
import type { Tender } from "../src/domain/core/types";
import { benchTender } from "./tenders";
import { median } from "./report";
import { timeMedian, timeOnce, type Medians } from "./timing";

export interface EngineRow {
  lots: number;
  /** allocate + reconcile. */
  engine: Medians;
  /** allocate + reconcile + phase. */
  enginePhased: Medians;
  /** Building and computing the formulas. */
  formulas: Medians;
  findings: number;
  /** The engine's total equals the formulas' SUM, to the penny. */
  totalsAgree: boolean;
}

type Cell = string | number | null;

/** The lots as a sheet: Lot, Day rate, Days, Stated value, Value, Variance, Share; totals in column I. */
export function formulaSheet(tender: Tender): Cell[][] {
  const n = tender.lots.length;
  const last = n + 1;
  const rows: Cell[][] = [
    ["Lot", "Day rate", "Days", "Stated value", "Value", "Variance", "Share", "", null],
  ];
  tender.lots.forEach((lot, i) => {
    const r = i + 2;
    rows.push([
      lot.name,
      (lot.dayRate ?? 0) / 100,
      lot.days ?? 0,
      (lot.statedValue ?? 0) / 100,
      `=ROUND(B${r}*C${r},2)`,
      `=E${r}-D${r}`,
      `=E${r}/$I$1`,
    ]);
  });
  // I1 total, I2 stated total, I3 variance, I4 variance %.
  rows[0][8] = `=SUM(E2:E${last})`;
  rows[1][8] = (tender.statedTotal?.pence ?? 0) / 100;
  while (rows.length < 4) rows.push([]);
  rows[2][8] = "=I1-I2";
  rows[3][8] = "=IF(I2=0,0,I3/I2)";
  return rows;
}

/** Build and compute the sheet; returns the SUM of values in pence. */
function computeFormulas(sheet: Cell[][]): number {
  const hf = HyperFormula.buildFromArray(sheet, {
    licenseKey: "gpl-v3",
    maxRows: sheet.length + 10,
  });
  try {
    const total = hf.getCellValue({ sheet: 0, row: 0, col: 8 });
    if (typeof total !== "number") throw new Error(`HyperFormula's SUM gave ${JSON.stringify(total)}`);
    return Math.round(total * 100);
  } finally {
    hf.destroy();
  }
}

export function measureEngine(
  sizes: readonly number[],
  engineRuns: (n: number) => number,
  formulaRuns: (n: number) => number,
): EngineRow[] {
  const rows: EngineRow[] = [];
  computeFormulas(formulaSheet(benchTender(100))); // load and warm HyperFormula up
  for (const n of sizes) {
    const tender = benchTender(n);
    const plain = timeMedian(() => reconcile(tender, allocate(tender)), engineRuns(n));
    const phased = timeMedian(() => {
      const allocation = allocate(tender);
      reconcile(tender, allocation);
      phase(tender, allocation);
    }, engineRuns(n));
    const allocation = allocate(tender);
    const findings = reconcile(tender, allocation).length;

    const sheet = formulaSheet(tender);
    const wall: number[] = [];
    const cpu: number[] = [];
    let sum = 0;
    const runs = formulaRuns(n);
    for (let i = 0; i < runs; i++) {
      const t = timeOnce(() => computeFormulas(sheet));
      wall.push(t.ms);
      cpu.push(t.cpuMs);
      sum = t.value;
    }
    rows.push({
      lots: n,
      engine: plain,
      enginePhased: phased,
      formulas: { ms: median(wall), cpuMs: median(cpu), runs },
      findings,
      totalsAgree: sum === allocation.total,
    });
  }
  return rows;
}
