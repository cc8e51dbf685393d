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

/** A table's header row and totals row. */
export function* tableEdgeCells(t: TablePlan, spelling: Spelling): Generator<PlannedCell> {
  for (const [i, c] of t.columns.entries()) {
    yield { row: t.row, col: t.col + i, value: c.header, style: HEADER_STYLE };
  }
  if (t.showTotals) {
    const r = tableBodyRect(t).r1 + 1;
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

/** Data rows `start` to `end - 1` of a table (an empty table has one, empty, row). */
export function* tableBodyCells(
  t: TablePlan,
  spelling: Spelling,
  start = 0,
  end = Math.max(t.rows.length, 1),
): Generator<PlannedCell> {
  const body = tableBodyRect(t);
  for (let r = body.r0 + start; r < body.r0 + end; r++) {
    const values = t.rows[r - body.r0] ?? [];
    for (const [i, c] of t.columns.entries()) {
      const cell: PlannedCell = { row: r, col: t.col + i, value: values[i] ?? null };
      if (c.numberFormat) cell.numberFormat = c.numberFormat;
      if (c.formula) cell.formula = spelling === "structured" ? c.formula.structured : c.formula.a1(r);
      yield cell;
    }
  }
}

export function* tableCells(t: TablePlan, spelling: Spelling): Generator<PlannedCell> {
  const [header, totals] = [[...tableEdgeCells(t, spelling)], t.columns.length];
  yield* header.slice(0, totals);
  yield* tableBodyCells(t, spelling);
  yield* header.slice(totals);
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
