/**
 * A tender from an .xlsx on the command line, streamed with exceljs's WorkbookReader: the zip is
 * read entry by entry and only the sheet the tender is read from is gone through, row by row into
 * a bounded grid (xlsx/read.ts SheetCells); the other sheets (Allocation, Phasing, …) are passed
 * over unread. Node only (node:stream; exceljs's browser build has no streaming reader), so the
 * task pane never imports this file; it reads a workbook whole (xlsx/read.ts xlsxToTender).
 */
import { Readable } from "node:stream";
import type * as ExcelJS from "exceljs";
import type { Result, Tender } from "../../domain/core/types";
import { loadExcelJS } from "./load";
import {
  cellValue,
  damagedWorkbook,
  SheetCells,
  tenderFromSheets,
  workbookBytesProblem,
  xlsxToTender,
  type SheetToRead,
} from "./read";

/** What exceljs's streaming reader knows of the workbook once it hands over a sheet (not in its typings). */
interface ReaderState {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Type: string; Target: string }[];
  styles?: unknown;
}

/** A worksheet as exceljs's streaming reader hands it over: its name, its rows, and its source. */
interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
  iterator?: { destroy?: () => void };
}

/** exceljs's own test of a number format as a date's (its reader applies it to plain numbers only). */
type DateHelpers = {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904: boolean): Date;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isDateFmt, excelToDate } = require("exceljs/lib/utils/utils") as DateHelpers;

const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_TARGET = /^worksheets\/sheet\d+\.xml$/;

/** The end-of-central-directory record's signature: a zip file ends with it (and at most a 64 KiB comment). */
const END_OF_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];

function hasZipDirectory(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (END_OF_DIRECTORY.every((b, k) => bytes[i + k] === b)) return true;
  }
  return false;
}

/**
 * The workbook's worksheets in order, when the reader had read the workbook's part, its
 * relationships and its styles before the first sheet came (as in what Excel, LibreOffice and
 * exceljs write: the reader keeps the sheets aside until the end), and every worksheet is where
 * its reader looks; else undefined.
 */
function worksheetOrder(reader: ReaderState, stylesAtStart: unknown): string[] | undefined {
  const sheets = reader.model?.sheets;
  const rels = reader.workbookRels;
  if (!sheets || !rels || reader.styles === stylesAtStart) return undefined;
  const worksheetRels = new Map(rels.filter((r) => r.Type === WORKSHEET_TYPE).map((r) => [r.Id, r.Target]));
  if ([...worksheetRels.values()].some((t) => !WORKSHEET_TARGET.test(t))) return undefined;
  return sheets.filter((s) => worksheetRels.has(s.rId)).map((s) => s.name);
}

/** A streamed cell's value as exceljs gives it when it loads a whole workbook (a date formula's result as a date). */
function wholeValue(cell: ExcelJS.Cell, date1904: boolean): ExcelJS.CellValue {
  const v = cellValue(cell);
  if (v === null || typeof v !== "object" || !("formula" in v)) return v;
  const result = (v as ExcelJS.CellFormulaValue).result;
  if (typeof result !== "number") return v;
  // The streaming reader reads a formula's saved error (#N/A, #DIV/0!) as NaN, losing which it was;
  // read whole, the error's text. Either way it is text where the tender wants an amount or a date.
  if (Number.isNaN(result)) return "an error value";
  if (isDateFmt(cell.numFmt))
    return { ...v, result: excelToDate(result, date1904) } as ExcelJS.CellFormulaValue;
  return v;
}

/**
 * A tender from an .xlsx, as xlsx/read.ts xlsxToTender reads it (the same sheet chosen, the same
 * problems), streamed. A workbook whose parts come in an order the streaming reader cannot follow
 * (its list of sheets or its styles after a sheet it would read at once) is read whole, and so is
 * one it fails on, which names the damage.
 */
export async function xlsxToTenderStreamed(
  bytes: Uint8Array,
  base: Partial<Tender> = {},
): Promise<Result<Tender>> {
  const kind = workbookBytesProblem(bytes);
  if (kind !== undefined) return { ok: false, errors: [{ path: "file", message: kind }] };
  if (!hasZipDirectory(bytes)) {
    return damagedWorkbook(
      "the end of the file, which lists what it holds, is missing: it may have been cut short",
    );
  }
  const ExcelJS = await loadExcelJS();
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const state = reader as unknown as ReaderState & { properties?: { model?: { date1904?: boolean } } };
  const stylesAtStart = state.styles;
  async function* sheets(): AsyncGenerator<SheetToRead> {
    let order: string[] | undefined;
    for await (const ws of reader as unknown as AsyncIterable<StreamedSheet>) {
      order ??= worksheetOrder(state, stylesAtStart);
      if (order === undefined) throw new Error("the workbook's parts come in an unusual order");
      let read = false;
      const date1904 = state.properties?.model?.date1904 === true;
      yield {
        name: ws.name,
        order,
        grid: async () => {
          read = true;
          const cells = new SheetCells(ws.name);
          for await (const row of ws) {
            row.eachCell({ includeEmpty: false }, (cell, c) =>
              cells.add(row.number, c, wholeValue(cell, date1904)),
            );
          }
          return cells.grid();
        },
      };
      // A sheet passed over: a file kept aside is closed (the reader removes it), else the zip skips it.
      if (!read) ws.iterator?.destroy?.();
    }
  }
  try {
    return await tenderFromSheets(sheets(), base);
  } catch {
    // Parts in an order the streaming reader cannot follow (it fails on some), or a damaged zip:
    // the whole-workbook reader reads the one and names the other in its own words.
    return xlsxToTender(bytes, base);
  }
}
