/**
 * Every cell a sheet plan writes, one at a time, with its formula spelled for the host: `structured`
 * inside Excel and the in-memory workbook, `a1` in .xlsx files.
 */
import {
  tableBodyRect,
  type CellPlan,
  type CellStyle,
  type Scalar,
  type SheetPlan,
  type TablePlan,
} from "./plan";

export type Spelling = "structured" | "a1";

export interface PlannedCell {
  row: number;
  col: number;
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  style?: CellStyle;
}

const HEADER_STYLE: CellStyle = { bold: true };

export function* tableCells(t: TablePlan, spelling: Spelling): Generator<PlannedCell> {
  for (const [i, c] of t.columns.entries()) {
    yield { row: t.row, col: t.col + i, value: c.header, style: HEADER_STYLE };
  }
  const body = tableBodyRect(t);
  for (let r = body.r0; r <= body.r1; r++) {
    const values = t.rows[r - body.r0] ?? [];
    for (const [i, c] of t.columns.entries()) {
      const cell: PlannedCell = { row: r, col: t.col + i, value: values[i] ?? null };
      if (c.numberFormat) cell.numberFormat = c.numberFormat;
      if (c.formula) cell.formula = spelling === "structured" ? c.formula.structured : c.formula.a1(r);
      yield cell;
    }
  }
  if (t.showTotals) {
    const r = body.r1 + 1;
    for (const [i, c] of t.columns.entries()) {
      const tot = c.total;
      if (!tot) continue;
      const cell: PlannedCell = {
        row: r,
        col: t.col + i,
        value: tot.label ?? tot.value,
        style: HEADER_STYLE,
      };
      if (tot.formula) cell.formula = spelling === "structured" ? tot.formula.structured : tot.formula.a1;
      if (tot.numberFormat) cell.numberFormat = tot.numberFormat;
      yield cell;
    }
  }
}

export function fromCellPlan(c: CellPlan, spelling: Spelling): PlannedCell {
  const cell: PlannedCell = { row: c.row, col: c.col, value: c.value };
  if (c.formula) cell.formula = spelling === "structured" ? c.formula.structured : c.formula.a1;
  if (c.numberFormat) cell.numberFormat = c.numberFormat;
  if (c.style) cell.style = c.style;
  return cell;
}

export function* planCells(plan: SheetPlan, spelling: Spelling): Generator<PlannedCell> {
  for (const c of plan.cells) yield fromCellPlan(c, spelling);
  for (const t of plan.tables) yield* tableCells(t, spelling);
}
