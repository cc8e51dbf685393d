/**
 * Sheet plans: what a command puts on a sheet, as plain data. The Office.js host, the in-memory host
 * and the .xlsx writer all apply the same plan, so a layout is decided once, here, with no Office calls.
 *
 * Rows and columns are 0-based. Every formula comes in two spellings: `structured` (Excel Table
 * references such as `=[@[Day rate]]*[@Days]`, used inside Excel and by the in-memory host) and `a1`
 * (plain cell references, used in .xlsx files so that any spreadsheet program computes them).
 */
import type { Rect } from "../a1";
import { ownColumn } from "./structured";

export type Scalar = string | number | boolean | null;

/** The kinds of sheet the add-in creates, and owns. */
export type SheetKind = "tender" | "allocation" | "phasing" | "summary" | "actuals" | "budget" | "audit";

export const SHEET_TITLES: Record<SheetKind, string> = {
  tender: "Tender",
  allocation: "Allocation",
  phasing: "Phasing",
  summary: "Tender summary",
  actuals: "Actuals",
  budget: "Budget vs actual",
  audit: "Audit",
};

export interface Formula {
  structured: string;
  a1: string;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  align?: "left" | "right" | "center";
}

export interface CellPlan {
  row: number;
  col: number;
  /** The value, or for a formula cell the value the engine computed (cached result). */
  value: Scalar;
  formula?: Formula;
  numberFormat?: string;
  style?: CellStyle;
}

export interface TableColumnPlan {
  header: string;
  numberFormat?: string;
  /** A calculated column: the same structured formula on every row; `a1(row)` spells it for a 0-based sheet row. */
  formula?: { structured: string; a1: (row: number) => string };
  /** The totals-row cell of this column. */
  total?: { label?: string; formula?: Formula; value: Scalar; numberFormat?: string };
  width?: number;
}

export interface TablePlan {
  name: string;
  /** Header row, 0-based. Data rows follow; the totals row (if any) follows the data. */
  row: number;
  col: number;
  columns: TableColumnPlan[];
  /** One entry per column per data row; for calculated columns the engine's value. */
  rows: Scalar[][];
  showTotals: boolean;
  style: string;
}

export type ValidationRule =
  | { type: "decimal"; min: number; max?: number }
  | { type: "date"; min: number; max: number }
  | { type: "list"; values: string[] };

export interface ValidationPlan {
  rect: Rect;
  rule: ValidationRule;
  prompt: { title: string; message: string };
  error: { title: string; message: string };
}

export interface ConditionalFormatPlan {
  rect: Rect;
  /** True for a cell to be formatted; relative to the top-left cell of `rect`, anchored with $ where needed. */
  formula: Formula;
  fill: string;
  fontColor: string;
}

export interface ChartPlan {
  type: "bar" | "column" | "line";
  title: string;
  /** The category labels (one column of data cells). */
  categories: Rect;
  /** The values (one column of data cells, same rows). */
  values: Rect;
  seriesName: string;
  /**
   * For a chart of several series: `values` spans one column per series (same rows) and these name
   * them, in order; a legend is shown. Absent for a single series named `seriesName`.
   */
  seriesNames?: string[];
  /** Top-left cell the chart is placed at. */
  anchor: { row: number; col: number };
  /** Size in columns and rows. */
  size: { cols: number; rows: number };
}

export interface PrintPlan {
  area: Rect;
  fitToWidth: boolean;
  landscape: boolean;
  /** Centre header (the tender title) and right header (the date it was produced, dd/mm/yyyy). */
  header: { center: string; right: string };
}

export interface SheetPlan {
  kind: SheetKind;
  /** The sheet's name (already made unique by the host). */
  name: string;
  cells: CellPlan[];
  tables: TablePlan[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  charts: ChartPlan[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  freezeRows?: number;
  print?: PrintPlan;
}

/** Number formats (en-US pattern syntax, as Excel's API and file format expect). */
export const FORMATS = {
  money: "£#,##0.00",
  date: "dd/mm/yyyy",
  days: "#,##0.##",
  percent: "0.00%",
  vat: "0.0%",
  text: "@",
  general: "General",
} as const;

/** The rectangle a table covers: header, data rows and totals row. */
export function tableRect(t: TablePlan): Rect {
  const dataRows = Math.max(t.rows.length, 1);
  return {
    r0: t.row,
    c0: t.col,
    r1: t.row + dataRows + (t.showTotals ? 1 : 0),
    c1: t.col + t.columns.length - 1,
  };
}

/** The data rows (at least one row, as Excel tables always have). */
export function tableBodyRect(t: TablePlan): Rect {
  const dataRows = Math.max(t.rows.length, 1);
  return { r0: t.row + 1, c0: t.col, r1: t.row + dataRows, c1: t.col + t.columns.length - 1 };
}

export function columnOf(t: TablePlan, header: string): number {
  const i = t.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new RangeError(`table ${t.name} has no column "${header}"`);
  return t.col + i;
}

/**
 * A totals-row cell that adds up its column with SUBTOTAL(109, …), as Excel's own Total row does, so
 * that rows a filter hides are left out; `a1Range` is the column's data cells, for the A1 spelling.
 */
export function columnTotal(
  header: string,
  a1Range: string,
  value: Scalar,
  numberFormat: string,
): NonNullable<TableColumnPlan["total"]> {
  return {
    formula: { structured: `=SUBTOTAL(109,${ownColumn(header)})`, a1: `=SUBTOTAL(109,${a1Range})` },
    value,
    numberFormat,
  };
}

export { ownColumn, thisRow, wholeColumn } from "./structured";
