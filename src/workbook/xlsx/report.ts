/**
 * A checked tender as an .xlsx: the same sheets the add-in writes in Excel (Tender, Allocation,
 * Phasing, Tender summary, and with invoices Actuals and Budget vs actual; no charts).
 */
import { reportView, type CheckedTender } from "../../domain/formats/report-view";
import type { ActualLine, ActualsReport } from "../../domain/actuals";
import type { IsoDate, Tolerance } from "../../domain/core/types";
import { actualsSheetPlan } from "../layout/actuals-sheet";
import { allocationSheetPlan } from "../layout/allocation-sheet";
import { budgetSheetPlan } from "../layout/budget-sheet";
import { planCells } from "../layout/cells";
import { phasingSheetPlan } from "../layout/phasing-sheet";
import type { Scalar, SheetPlan } from "../layout/plan";
import { summarySheetPlan } from "../layout/summary-sheet";
import { tenderSheetPlan } from "../layout/tender-sheet";
import { locatePath, readTenderGrid, type TenderSource } from "../layout/tender-sheet-read";
import { todayIso } from "../today";
import { workbookToXlsx, type XlsxWriteOptions } from "./write";

export interface ReportXlsxOptions extends XlsxWriteOptions {
  tolerance?: Tolerance;
  /** The date on the summary (default today). */
  today?: IsoDate;
  /** Which sheets to include (default all four, and with `actuals` the Actuals and Budget vs actual sheets). */
  sheets?: readonly ("tender" | "allocation" | "phasing" | "summary" | "actuals" | "budget")[];
  /**
   * The invoices and `checkActuals`' report on them: adds an "Actuals" sheet holding the invoices and a
   * "Budget vs actual" sheet whose formulas add them up (SUMIFS over the Actuals sheet's columns).
   */
  actuals?: { lines: readonly ActualLine[]; report: ActualsReport };
}

/** The sheet plans for a checked tender: Tender, Allocation, Phasing and Tender summary. */
export function reportPlans(report: CheckedTender, options: ReportXlsxOptions = {}): SheetPlan[] {
  const view = reportView(report, options.tolerance);
  const want = new Set(
    options.sheets ??
      (options.actuals
        ? ["tender", "allocation", "phasing", "summary", "actuals", "budget"]
        : ["tender", "allocation", "phasing", "summary"]),
  );
  const plans: SheetPlan[] = [];
  let source: TenderSource | undefined;
  if (want.has("tender")) {
    const plan = tenderSheetPlan(report.tender, { sheet: "Tender", table: "TenderLots" });
    plans.push(plan);
    const read = readTenderGrid(gridOf(plan), "Tender");
    if (read.ok) source = read.value.source;
  }
  if (want.has("allocation"))
    plans.push(allocationSheetPlan(view, { sheet: "Allocation", table: "Allocation" }));
  if (want.has("phasing")) plans.push(phasingSheetPlan(view, { sheet: "Phasing", tablePrefix: "Phasing" }));
  if (want.has("summary")) {
    plans.push(
      summarySheetPlan(view, {
        sheet: "Tender summary",
        today: options.today ?? todayIso(),
        where: source ? (p) => locatePath(source as TenderSource, p) : undefined,
      }),
    );
  }
  const actuals = options.actuals;
  if (actuals && want.has("actuals")) {
    plans.push(actualsSheetPlan(report.tender, { sheet: "Actuals", table: "Actuals" }, actuals.lines));
  }
  if (actuals && want.has("budget")) {
    plans.push(
      budgetSheetPlan(report.tender, actuals.report, report.phasing, {
        sheet: "Budget vs actual",
        table: "BudgetVsActual",
        actuals: { table: "Actuals", sheet: "Actuals" },
      }),
    );
  }
  return plans;
}

/**
 * `tender-budget check FILE --out allocation.xlsx`: the report as a workbook. Charts are left out:
 * exceljs cannot write them (the add-in draws them inside Excel).
 */
export async function reportToXlsx(
  report: CheckedTender,
  options: ReportXlsxOptions = {},
): Promise<Uint8Array> {
  return workbookToXlsx(reportPlans(report, options), options);
}

/** The values a plan puts on its sheet, as a grid from A1 (what reading the sheet back would see). */
function gridOf(plan: SheetPlan): Scalar[][] {
  const grid: Scalar[][] = [];
  for (const c of planCells(plan, "a1")) {
    while (grid.length <= c.row) grid.push([]);
    grid[c.row][c.col] = c.value;
  }
  return grid.map((row) => Array.from(row, (v) => v ?? null));
}
