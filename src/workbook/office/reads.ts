/**
 * What the Office.js host reads before it writes: the survey of the workbook (sheets, the add-in's
 * tags, tables and defined names, in one sync) and a range's values in blocks under Excel on the
 * web's 5 MB response limit.
 */
import { parseAddress, qualified, rangeAddress, type Rect } from "../a1";
import type { SheetKind } from "../layout/plan";
import { failure } from "../port";
import type { ExistingSheet } from "../targets";
import { isPayloadLimit } from "./errors";
import {
  DEFAULT_BLOCK_BYTES,
  gridBytes,
  nextReadRows,
  REQUEST_LIMIT_BYTES,
  type ReadMeasure,
} from "./blocks";
import type { CellValue } from "../../domain/tables/lots-table";
import type { Result } from "../../domain/core/types";

export const TAG_PREFIX = "TenderBudget_";

export interface Survey {
  existing: ExistingSheet[];
  positions: Map<string, number>;
  tags: Set<string>;
  tables: { name: string; sheet: string }[];
  /** Workbook-scoped defined names: tables share their namespace. */
  names: string[];
}

/** Queue the survey's loads; call the result after the sync. */
export function loadSurvey(context: Excel.RequestContext): () => Survey {
  const sheets = context.workbook.worksheets.load("items/name,items/position");
  const names = context.workbook.names.load("items/name,items/formula");
  const tables = context.workbook.tables.load("items/name,items/worksheet/name");
  return () => {
    const owners = new Map<string, SheetKind>();
    const tags = new Set<string>();
    for (const n of names.items) {
      if (!n.name.startsWith(TAG_PREFIX)) continue;
      tags.add(n.name);
      const kind = n.name.slice(TAG_PREFIX.length) as SheetKind;
      const target = typeof n.formula === "string" ? parseAddress(n.formula.replace(/^=/, "")) : undefined;
      if (target?.sheet) owners.set(target.sheet.toLowerCase(), kind);
    }
    return {
      existing: sheets.items.map((s) => {
        const owner = owners.get(s.name.toLowerCase());
        return owner ? { name: s.name, owner } : { name: s.name };
      }),
      positions: new Map(sheets.items.map((s) => [s.name, s.position])),
      tags,
      tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
      names: names.items.map((n) => n.name),
    };
  };
}

/** The add-in's Actuals sheet, else a sheet named Actuals. */
export function actualsSheetOf(s: Survey): string | undefined {
  return (
    s.existing.find((x) => x.owner === "actuals") ??
    s.existing.find((x) => x.name.toLowerCase() === "actuals")
  )?.name;
}

export function rectOf(range: {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}): Rect {
  return {
    r0: range.rowIndex,
    c0: range.columnIndex,
    r1: range.rowIndex + range.rowCount - 1,
    c1: range.columnIndex + range.columnCount - 1,
  };
}

/**
 * The values of `rect` on a sheet, loaded in blocks of rows so that no response passes Excel on the web's
 * 5 MB: one sync per block, the first block up to 100,000 cells, later ones sized from the bytes per row
 * measured so far (blocks.ts `nextReadRows`). A block Excel could not send (the size-limit error, or
 * `values === null`) is read again in halves; a single row still too large is a message naming it.
 */
export async function loadValuesInBlocks(
  context: Excel.RequestContext,
  sheet: string,
  rect: Rect,
  blockBytes = DEFAULT_BLOCK_BYTES,
): Promise<Result<CellValue[][]>> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const columns = rect.c1 - rect.c0 + 1;
  const out: CellValue[][] = [];
  const measure: ReadMeasure = { bytesPerRow: 0, maxRows: Number.MAX_SAFE_INTEGER };
  let r = rect.r0;
  while (r <= rect.r1) {
    const rows = Math.min(nextReadRows(columns, measure, blockBytes), rect.r1 - r + 1);
    const block: Rect = { r0: r, c0: rect.c0, r1: r + rows - 1, c1: rect.c1 };
    const range = ws.getRange(rangeAddress(block)).load("values");
    let values: CellValue[][] | null = null;
    try {
      await context.sync();
      values = range.values as CellValue[][] | null;
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
    }
    if (!values) {
      if (rows === 1) {
        return failure(
          qualified(sheet, rangeAddress(block)),
          `row ${r + 1} of ${sheet} is too large for Excel to send in one response (Excel on the web's limit ` +
            `is ${REQUEST_LIMIT_BYTES / 1024 / 1024} MB); shorten the long text in that row, or read the ` +
            `tender in Excel for Windows or Mac`,
        );
      }
      measure.maxRows = Math.floor(rows / 2);
      continue;
    }
    measure.bytesPerRow = Math.max(measure.bytesPerRow, Math.ceil(gridBytes(values) / rows));
    for (const row of values) out.push(row);
    r += rows;
  }
  return { ok: true, value: out };
}
