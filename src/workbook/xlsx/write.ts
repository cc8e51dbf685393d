/**
 * Writing .xlsx files with exceljs: a sheet plan on a worksheet, with live formulas (plain A1
 * references, so Excel and LibreOffice both compute them), number formats, Excel Tables,
 * validation, conditional formats and print settings; and a workbook of plans as bytes.
 */
import type * as ExcelJS from "exceljs";
import { cellAddress, rangeAddress, type Rect } from "../a1";
import { fromCellPlan, tableCells, type PlannedCell } from "../layout/cells";
import { tableBodyRect, type CellStyle, type SheetPlan, type ValidationPlan } from "../layout/plan";
import { loadExcelJS } from "./load";

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.italic || style.fontSize || style.fontColor) {
    cell.font = {
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap || style.align) {
    cell.alignment = {
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.align ? { horizontal: style.align } : {}),
    };
  }
}

function validationOf(v: ValidationPlan): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: v.error.title,
    error: v.error.message,
  };
  switch (v.rule.type) {
    case "decimal":
      return v.rule.max === undefined
        ? { ...common, type: "decimal", operator: "greaterThanOrEqual", formulae: [v.rule.min] }
        : { ...common, type: "decimal", operator: "between", formulae: [v.rule.min, v.rule.max] };
    case "date":
      // exceljs writes a date rule's formulae from Dates (a number would be taken as milliseconds
      // since 1970: 36,526 became 25569.00042, 1 January 1970 00:00:36).
      return {
        ...common,
        type: "date",
        operator: "between",
        formulae: [serialToUtcDate(v.rule.min), serialToUtcDate(v.rule.max)],
      };
    case "list":
      return { ...common, type: "list", formulae: [`"${v.rule.values.join(",")}"`] };
  }
}

/** Excel's day 0 (30 December 1899) in milliseconds since 1970, UTC. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel date serial as the Date at UTC midnight that exceljs writes back as that serial. */
export function serialToUtcDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + serial * 86_400_000);
}

function forEachCell(rect: Rect, fn: (address: string) => void): void {
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) fn(cellAddress(r, c));
}

export interface XlsxWriteOptions {
  /**
   * Store each formula's value as computed by the engine alongside the formula (default true), so
   * viewers that do not calculate still show figures. False leaves the calculating to the spreadsheet.
   */
  cachedResults?: boolean;
}

/** Put one sheet plan on a new exceljs worksheet. */
export function planToWorksheet(
  wb: ExcelJS.Workbook,
  plan: SheetPlan,
  options: XlsxWriteOptions = {},
): ExcelJS.Worksheet {
  const cached = options.cachedResults ?? true;
  const ws = wb.addWorksheet(plan.name);
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const cellValue = (c: PlannedCell): ExcelJS.CellValue => {
    if (!c.formula) return c.value;
    const result = c.value === null || !cached ? undefined : c.value;
    return {
      formula: c.formula.replace(/^=/, ""),
      ...(result !== undefined ? { result } : {}),
    } as ExcelJS.CellFormulaValue;
  };
  for (const c of plan.cells.map((p) => fromCellPlan(p, "a1"))) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = cellValue(c);
    if (c.numberFormat && c.numberFormat !== "General") cell.numFmt = c.numberFormat;
    if (c.style) applyStyle(cell, c.style);
  }
  // Each table as a real Excel Table (banded, with filter buttons and a totals row), its cells as planned.
  for (const t of plan.tables) {
    const body = tableBodyRect(t);
    const cells = [...tableCells(t, "a1")];
    const byPosition = new Map(cells.map((c) => [c.row * 16384 + c.col, c]));
    const at = (row: number, col: number): PlannedCell | undefined => byPosition.get(row * 16384 + col);
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = body.r0; r <= body.r1; r++) {
      rows.push(
        t.columns.map((_, i) => cellValue(at(r, t.col + i) ?? { row: r, col: t.col + i, value: null })),
      );
    }
    const totalsRow = body.r1 + 1;
    ws.addTable({
      name: t.name,
      ref: cellAddress(t.row, t.col),
      headerRow: true,
      totalsRow: t.showTotals,
      style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      // Totals are plain cell formulas (below); exceljs cannot write a column's custom totals formula.
      columns: t.columns.map((c, i) =>
        i === 0 && t.showTotals
          ? { name: c.header, filterButton: true, totalsRowLabel: String(at(totalsRow, t.col)?.value ?? "") }
          : { name: c.header, filterButton: true, totalsRowFunction: "none" as const },
      ),
      rows,
    });
    // Totals and formats after the table has written its cells.
    for (const c of cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      if (c.row === totalsRow && c.col > t.col) cell.value = cellValue(c);
      if (c.numberFormat && c.numberFormat !== "General") cell.numFmt = c.numberFormat;
      if (c.row === totalsRow) cell.font = { bold: true };
    }
  }
  for (const v of plan.validations) {
    const dv = validationOf(v);
    forEachCell(v.rect, (a) => (ws.getCell(a).dataValidation = dv));
  }
  plan.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting({
      ref: rangeAddress(cf.rect),
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula.a1.replace(/^=/, "")],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
            font: { color: { argb: argb(cf.fontColor) } },
          },
        },
      ],
    }),
  );
  if (plan.print) {
    const p = plan.print;
    ws.pageSetup = {
      printArea: rangeAddress(p.area, true),
      fitToPage: p.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      orientation: p.landscape ? "landscape" : "portrait",
      paperSize: 9,
    };
    const esc = (s: string): string => s.replace(/&/g, "&&");
    ws.headerFooter = {
      oddHeader: `&C${esc(p.header.center)}&R${esc(p.header.right)}`,
      oddFooter: "&CPage &P of &N",
    };
  }
  if (plan.freezeRows) ws.views = [{ state: "frozen", ySplit: plan.freezeRows }];
  return ws;
}

/** An .xlsx holding the given sheet plans, in order. */
export async function workbookToXlsx(
  plans: readonly SheetPlan[],
  options: XlsxWriteOptions = {},
): Promise<Uint8Array> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  wb.creator = "Tender Budget";
  for (const plan of plans) planToWorksheet(wb, plan, options);
  const buffer = await wb.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}
