/**
 * .xlsx files with exceljs: the same sheets the add-in writes in Excel (Tender, Allocation, Phasing,
 * Tender summary, and with invoices Actuals and Budget vs actual; no charts) with live formulas (plain A1 references, so Excel and LibreOffice both compute them),
 * number formats, validation, conditional formats and print settings; and the reverse, a tender read
 * from an .xlsx (the add-in's Tender sheet or any sheet holding a lots table).
 *
 * exceljs is loaded only when one of these functions runs (a dynamic import), so the task pane pays for
 * it only when the user opens or saves a file. No Office or DOM types here: the CLI imports this module.
 */
import type * as ExcelJS from "exceljs";
import { cellAddress, rangeAddress, type Rect } from "./a1";
import { allocationSheetPlan } from "./layout/allocation-sheet";
import { actualsSheetPlan } from "./layout/actuals-sheet";
import { budgetSheetPlan } from "./layout/budget-sheet";
import { fromCellPlan, planCells, tableCells, type PlannedCell } from "./layout/cells";
import { phasingSheetPlan } from "./layout/phasing-sheet";
import {
  tableBodyRect,
  type CellStyle,
  type Scalar,
  type SheetPlan,
  type ValidationPlan,
} from "./layout/plan";
import { reportView, type CheckedTender } from "../domain/formats/report-view";
import { summarySheetPlan } from "./layout/summary-sheet";
import {
  locatePath,
  readLotsGrid,
  readTenderGrid,
  tenderSheetPlan,
  type TenderSource,
} from "./layout/tender-sheet";
import { todayIso } from "./today";
import type { ActualLine, ActualsReport } from "../domain/actuals";
import type { CellValue } from "../domain/tables/lots-table";
import type { InputError, IsoDate, Result, Tender, Tolerance } from "../domain/core/types";
import { MAX_LOTS } from "../domain/check/tender";

type ExcelJSModule = typeof ExcelJS;

let loaded: Promise<ExcelJSModule> | undefined;

/** exceljs, loaded on first use. */
export function loadExcelJS(): Promise<ExcelJSModule> {
  loaded ??= import("exceljs").then((m) => {
    const mod = m as ExcelJSModule & { default?: ExcelJSModule };
    return mod.Workbook ? mod : (mod.default as ExcelJSModule);
  });
  return loaded;
}

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

/** A worksheet cell's value as the lots-table reader takes it (dates as YYYY-MM-DD, formulas as results). */
function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) {
    // exceljs reads date-formatted serials as Dates at UTC midnight.
    const y = v.getUTCFullYear();
    const m = String(v.getUTCMonth() + 1).padStart(2, "0");
    const d = String(v.getUTCDate()).padStart(2, "0");
    return `${y}-${m}-${d}`;
  }
  if ("result" in v) return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("formula" in v || "sharedFormula" in v) return null;
  if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
  if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  return null;
}

/**
 * The most rows and columns of a sheet read for a tender: the largest tender the tool supports
 * (MAX_LOTS lots) with its labelled fields above, and a table's columns with room to spare. Only
 * cells that hold something are read, so a stray cell far out is named, not filled in.
 */
export const MAX_SHEET_ROWS = MAX_LOTS + 100;
export const MAX_SHEET_COLUMNS = 100;

type SheetGrid = { ok: true; grid: CellValue[][] } | { ok: false; errors: InputError[] };

function worksheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const cells: { r: number; c: number; value: CellValue }[] = [];
  const noResult: string[] = [];
  let rows = 0;
  let columns = 0;
  let farRow: string | undefined;
  let farColumn: string | undefined;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = plainValue(cell.value);
      if (value === null && isFormulaWithoutResult(cell.value)) noResult.push(cellAddress(r - 1, c - 1));
      if (value === null || value === "") return;
      if (r > rows) {
        rows = r;
        farRow = cellAddress(r - 1, c - 1);
      }
      if (c > columns) {
        columns = c;
        farColumn = cellAddress(r - 1, c - 1);
      }
      if (r <= MAX_SHEET_ROWS && c <= MAX_SHEET_COLUMNS) cells.push({ r: r - 1, c: c - 1, value });
    });
  });
  const sheet = sheetRef(ws.name);
  if (rows > MAX_SHEET_ROWS || columns > MAX_SHEET_COLUMNS) {
    const far = [
      ...(columns > MAX_SHEET_COLUMNS && farColumn ? [farColumn] : []),
      ...(rows > MAX_SHEET_ROWS && farRow && farRow !== farColumn ? [farRow] : []),
    ];
    return {
      ok: false,
      errors: [
        {
          path: `${sheet}!A1`,
          message: `${sheet}!${rangeAddress({ r0: 0, c0: 0, r1: rows - 1, c1: columns - 1 })} is too large for a tender sheet: a tender sheet holds at most ${MAX_SHEET_ROWS.toLocaleString("en-GB")} rows and ${MAX_SHEET_COLUMNS} columns (up to ${MAX_LOTS.toLocaleString("en-GB")} lots); clear the cells beyond (${far.map((a) => `${sheet}!${a}`).join(", ")}) or copy the tender to a new sheet`,
        },
      ],
    };
  }
  if (noResult.length > 0) {
    const shown = noResult.slice(0, 5).map((a) => `${sheet}!${a}`);
    const more = noResult.length > 5 ? ` and ${noResult.length - 5} more` : "";
    return {
      ok: false,
      errors: [
        {
          path: `${sheet}!${noResult[0]}`,
          message: `${shown.join(", ")}${more} ${noResult.length === 1 ? "holds a formula" : "hold formulas"} with no saved result (the workbook was written by a program that does not calculate); open it in Excel or LibreOffice, let it calculate, save it, and try again`,
        },
      ],
    };
  }
  const grid: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(columns).fill(null));
  for (const { r, c, value } of cells) grid[r][c] = value;
  return { ok: true, grid };
}

/** A formula cell whose workbook holds no value for it (not calculated since it was written). */
function isFormulaWithoutResult(v: ExcelJS.CellValue): boolean {
  if (v === null || typeof v !== "object" || v instanceof Date) return false;
  if (!("formula" in v || "sharedFormula" in v)) return false;
  const result = (v as ExcelJS.CellFormulaValue).result;
  return result === undefined || result === null;
}

/** A sheet's name as a reference writes it: quoted when it holds anything but letters and digits. */
const sheetRef = (name: string): string =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;

/** The first bytes of a zip file (an .xlsx is one) and of an OLE compound file. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean =>
  sig.every((b, i) => bytes[i] === b);

/**
 * Why these bytes cannot be an .xlsx workbook, in the user's words, or undefined when they may be.
 * A workbook saved with a password is encrypted inside an OLE compound file (as an old .xls is);
 * anything else that is not a zip file is damaged or another kind of file.
 */
export function workbookBytesProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return "the file is empty; it is not an Excel workbook";
  if (startsWith(bytes, OLE)) {
    return "this workbook is protected with a password (encrypted), or is an old Excel 97-2003 (.xls) workbook; open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password) and save it as an Excel Workbook (.xlsx), then try again";
  }
  if (startsWith(bytes, EMPTY_ZIP)) return "the file is an empty zip archive, not an Excel workbook";
  if (!startsWith(bytes, ZIP)) {
    return "the file is not an Excel workbook (.xlsx): it is damaged or another kind of file given the .xlsx name; open it in Excel and save it as an Excel Workbook (.xlsx)";
  }
  return undefined;
}

/**
 * A tender from an .xlsx: its "Tender" sheet (labelled fields and a lots table) when it has one, else
 * the first sheet holding a lots table (lots only, tender-level fields from `base`). Problems name
 * their cells (`Tender!B5`).
 */
export async function xlsxToTender(bytes: Uint8Array, base: Partial<Tender> = {}): Promise<Result<Tender>> {
  const kind = workbookBytesProblem(bytes);
  if (kind !== undefined) return { ok: false, errors: [{ path: "file", message: kind }] };
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    // The reader's own words (JSZip's "Can't find end of central directory") follow ours.
    const errors: InputError[] = [
      {
        path: "file",
        message: `this workbook is damaged and cannot be read (${(e as Error).message}); open it in Excel, save it again as an Excel Workbook (.xlsx) and try again`,
      },
    ];
    return { ok: false, errors };
  }
  const sheets = wb.worksheets;
  const tenderSheet = sheets.find((s) => s.name.toLowerCase() === "tender");
  if (tenderSheet) {
    const grid = worksheetGrid(tenderSheet);
    if (!grid.ok) return grid;
    const read = readTenderGrid(grid.grid, tenderSheet.name);
    return read.ok ? { ok: true, value: read.value.tender } : read;
  }
  let firstErrors: InputError[] | undefined;
  for (const ws of sheets) {
    const grid = worksheetGrid(ws);
    if (!grid.ok) {
      firstErrors ??= grid.errors;
      continue;
    }
    const read = readLotsGrid(grid.grid, ws.name, { row: 0, col: 0 }, base);
    if (read.ok) return { ok: true, value: read.value.tender };
    firstErrors ??= read.errors;
  }
  return {
    ok: false,
    errors: firstErrors ?? [{ path: "file", message: "this workbook has no sheets; it holds no tender" }],
  };
}
