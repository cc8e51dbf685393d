/**
 * The "Phasing" sheet: the allocation spread over time, by month, by quarter and by UK financial
 * year (three Excel Tables side by side, each with a totals row), and a column chart by month.
 */
import { penceToPounds } from "../../domain/core/money";
import { FORMATS, type CellPlan, type ChartPlan, type SheetPlan, type TablePlan } from "./plan";
import type { PhasingPeriod as PhasingRow } from "../../domain/check/phasing";
import type { ReportView } from "../../domain/formats/report-view";

export const PHASING_HEADER_ROW = 3;

/** The phasing tables' names: the sheet's prefix and these. */
export const PHASING_TABLE_SUFFIXES = ["_Months", "_Quarters", "_Years"] as const;

function periodTable(
  name: string,
  header: string,
  col: number,
  rows: PhasingRow[],
  total: number,
): TablePlan {
  return {
    name,
    row: PHASING_HEADER_ROW,
    col,
    columns: [
      { header, numberFormat: FORMATS.text, width: 24, total: { label: "Total", value: "Total" } },
      {
        header: "Value",
        numberFormat: FORMATS.money,
        width: 16,
        total: {
          formula: { structured: "=SUBTOTAL(109,[Value])", a1: "" },
          value: penceToPounds(total),
          numberFormat: FORMATS.money,
        },
      },
    ],
    rows: rows.length > 0 ? rows.map((r) => [r.label, penceToPounds(r.value)]) : [["", 0]],
    showTotals: true,
    style: "TableStyleLight9",
  };
}

/** Table names are derived from `tablePrefix` (`Phasing` → `Phasing_Months`, `Phasing_Quarters`, `Phasing_Years`). */
export function phasingSheetPlan(view: ReportView, names: { sheet: string; tablePrefix: string }): SheetPlan {
  const p = view.phasing;
  const total = p.total;
  const tables = [
    periodTable(`${names.tablePrefix}${PHASING_TABLE_SUFFIXES[0]}`, "Month", 0, p.months, total),
    periodTable(`${names.tablePrefix}${PHASING_TABLE_SUFFIXES[1]}`, "Quarter", 3, p.quarters, total),
    periodTable(
      `${names.tablePrefix}${PHASING_TABLE_SUFFIXES[2]}`,
      "Financial year",
      6,
      p.financialYears,
      total,
    ),
  ];
  // The a1 spelling of each total: the sum of the data cells above it.
  for (const t of tables) {
    const first = t.row + 1;
    const last = t.row + Math.max(t.rows.length, 1);
    const c = t.col + 1;
    const letter = String.fromCharCode(65 + c);
    const tot = t.columns[1].total;
    if (tot?.formula) tot.formula.a1 = `=SUBTOTAL(109,${letter}${first + 1}:${letter}${last + 1})`;
  }
  const cells: CellPlan[] = [
    { row: 0, col: 0, value: `Phasing: ${view.tender.title}`, style: { bold: true, fontSize: 14 } },
    {
      row: 1,
      col: 0,
      value:
        "Each lot's value spread over the working days from its start; UK financial years run 1 April to 31 March.",
      style: { italic: true, fontColor: "#605E5C" },
    },
  ];
  if (p.unphased.length > 0) {
    const list = p.unphased.map((u) => `${u.lot} (${u.reason})`).join("; ");
    cells.push({ row: 2, col: 0, value: `Not phased: ${list}`, style: { fontColor: "#A4262C" } });
  }
  const charts: ChartPlan[] = [];
  if (p.months.length > 0) {
    const first = PHASING_HEADER_ROW + 1;
    const last = PHASING_HEADER_ROW + p.months.length;
    charts.push({
      type: "column",
      title: "Value by month",
      categories: { r0: first, c0: 0, r1: last, c1: 0 },
      values: { r0: first, c0: 1, r1: last, c1: 1 },
      seriesName: "Value",
      anchor: { row: PHASING_HEADER_ROW, col: 9 },
      size: { cols: 8, rows: 16 },
    });
  }
  return {
    kind: "phasing",
    name: names.sheet,
    cells,
    tables,
    validations: [],
    conditionalFormats: [],
    charts,
    columnWidths: [24, 16, 3, 24, 16, 3, 24, 16],
  };
}
