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
