/**
 * A tender read from an .xlsx: the add-in's Tender sheet, or any sheet holding a lots table. The
 * bytes are checked first (a password-protected or damaged workbook is named as such), and a
 * sheet's size is bounded before it is read.
 */
import type * as ExcelJS from "exceljs";
import { MAX_LOTS } from "../../domain/check/tender";
import type { InputError, Result, Tender } from "../../domain/core/types";
import type { CellValue } from "../../domain/tables/lots-table";
import { cellAddress, rangeAddress } from "../a1";
import { readLotsGrid, readTenderGrid } from "../layout/tender-sheet-read";
import { loadExcelJS } from "./load";

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

export type SheetGrid = { ok: true; grid: CellValue[][] } | { ok: false; errors: InputError[] };

/**
 * A sheet's used cells gathered into a grid from A1, cell by cell as a reader meets them (1-based
 * row and column, the value as exceljs gives it). Cells beyond MAX_SHEET_ROWS or MAX_SHEET_COLUMNS
 * are not kept, only remembered to be named; so is a formula cell with no saved result.
 */
export class SheetCells {
  private readonly cells: { r: number; c: number; value: CellValue }[] = [];
  private readonly noResult: string[] = [];
  private noResultCount = 0;
  private rows = 0;
  private columns = 0;
  private farRow: string | undefined;
  private farColumn: string | undefined;

  constructor(private readonly name: string) {}

  add(r: number, c: number, cellValue: ExcelJS.CellValue): void {
    const value = plainValue(cellValue);
    if (value === null && isFormulaWithoutResult(cellValue)) {
      if (this.noResultCount++ < 5) this.noResult.push(cellAddress(r - 1, c - 1));
    }
    if (value === null || value === "") return;
    if (r > this.rows) {
      this.rows = r;
      this.farRow = cellAddress(r - 1, c - 1);
    }
    if (c > this.columns) {
      this.columns = c;
      this.farColumn = cellAddress(r - 1, c - 1);
    }
    if (r <= MAX_SHEET_ROWS && c <= MAX_SHEET_COLUMNS) this.cells.push({ r: r - 1, c: c - 1, value });
  }

  grid(): SheetGrid {
    const { rows, columns, farRow, farColumn, noResult } = this;
    const sheet = sheetRef(this.name);
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
    if (this.noResultCount > 0) {
      const shown = noResult.map((a) => `${sheet}!${a}`);
      const more = this.noResultCount > 5 ? ` and ${this.noResultCount - 5} more` : "";
      return {
        ok: false,
        errors: [
          {
            path: `${sheet}!${noResult[0]}`,
            message: `${shown.join(", ")}${more} ${this.noResultCount === 1 ? "holds a formula" : "hold formulas"} with no saved result (the workbook was written by a program that does not calculate); open it in Excel or LibreOffice, let it calculate, save it, and try again`,
          },
        ],
      };
    }
    const grid: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(columns).fill(null));
    for (const { r, c, value } of this.cells) grid[r][c] = value;
    return { ok: true, grid };
  }
}

/**
 * A cell's value, a formula's saved result included when it is 0, false or "" (exceljs's
 * `cell.value` leaves those out, which read as a formula not calculated).
 */
export function cellValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (v === null || typeof v !== "object" || !("formula" in v || "sharedFormula" in v)) return v;
  const result = (cell.model as { result?: ExcelJS.CellFormulaValue["result"] }).result;
  return result === undefined ? v : ({ ...v, result } as ExcelJS.CellFormulaValue);
}

function worksheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const cells = new SheetCells(ws.name);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => cells.add(r, c, cellValue(cell)));
  });
  return cells.grid();
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

/** The reader's words for a workbook it could not open, after ours. */
export function damagedWorkbook(why: string): Result<Tender> {
  return {
    ok: false,
    errors: [
      {
        path: "file",
        message: `this workbook is damaged and cannot be read (${why}); open it in Excel, save it again as an Excel Workbook (.xlsx) and try again`,
      },
    ],
  };
}

/** A worksheet as a reader goes through a workbook: its name and, read only when asked for, its cells. */
export interface SheetToRead {
  name: string;
  /** The names of the workbook's worksheets, in the workbook's order. */
  order: readonly string[];
  grid(): Promise<SheetGrid> | SheetGrid;
}

/**
 * The tender in a workbook's sheets, which may come in any order: its "Tender" sheet (labelled
 * fields and a lots table) when it has one, and no other sheet is read; else the first sheet, in
 * the workbook's order, holding a lots table (lots only, tender-level fields from `base`), and
 * when none does, the problems of the first. Problems name their cells (`Tender!B5`).
 */
export async function tenderFromSheets(
  sheets: AsyncIterable<SheetToRead> | Iterable<SheetToRead>,
  base: Partial<Tender>,
): Promise<Result<Tender>> {
  const reads = new Map<string, Result<Tender>>();
  let order: readonly string[] = [];
  /** The first sheet in order read as a tender, once every sheet before it has been read and is not one. */
  const decided = (): Result<Tender> | undefined => {
    for (const name of order) {
      const read = reads.get(name);
      if (read === undefined) return undefined;
      if (read.ok) return read;
    }
    return undefined;
  };
  for await (const sheet of sheets) {
    order = sheet.order;
    const tenderName = order.find((n) => n.toLowerCase() === "tender");
    if (tenderName !== undefined ? sheet.name !== tenderName : decided() !== undefined) continue;
    const grid = await sheet.grid();
    if (!grid.ok) {
      reads.set(sheet.name, grid);
      continue;
    }
    const read =
      tenderName !== undefined
        ? readTenderGrid(grid.grid, sheet.name)
        : readLotsGrid(grid.grid, sheet.name, { row: 0, col: 0 }, base);
    reads.set(sheet.name, read.ok ? { ok: true, value: read.value.tender } : read);
  }
  const first = order.map((n) => reads.get(n)).filter((r) => r !== undefined);
  return (
    first.find((r) => r.ok) ??
    first[0] ?? {
      ok: false,
      errors: [{ path: "file", message: "this workbook has no sheets; it holds no tender" }],
    }
  );
}

/**
 * A tender from an .xlsx, the whole workbook loaded (what a browser can do: exceljs's browser build
 * has no streaming reader; the command line streams, xlsx/read-stream.ts). The sheet chosen as
 * tenderFromSheets says.
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
    return damagedWorkbook((e as Error).message);
  }
  const order = wb.worksheets.map((ws) => ws.name);
  return tenderFromSheets(
    wb.worksheets.map((ws) => ({ name: ws.name, order, grid: () => worksheetGrid(ws) })),
    base,
  );
}
