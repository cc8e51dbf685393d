/**
 * The Office.js host's reads: the tender from the Tender sheet, from the first lots table, or from
 * the selection; the invoices from the Actuals sheet. Each surveys first, then loads the range's
 * geometry, then its values in blocks under Excel on the web's 5 MB response limit.
 */
import { qualified, rangeAddress, type Rect } from "../a1";
import { readActualsGrid, type ActualsSource } from "../layout/actuals-sheet";
import { readLotsGrid, readTenderGrid, type TenderSource } from "../layout/tender-sheet";
import { failure } from "../port";
import { looksLikeLotsTable, NO_ACTUALS_SHEET, NO_LOTS_TABLE, OUTPUT_KINDS } from "../targets";
import { actualsSheetOf, loadSurvey, loadValuesInBlocks, rectOf } from "./reads";
import type { ActualLine } from "../../domain/actuals";
import type { Result, Tender } from "../../domain/core/types";

/**
 * A selection larger than this is refused rather than read (in blocks): it is whole columns or sheets,
 * not a lots table.
 */
export const MAX_READ_CELLS = 1_000_000;

/** Sync 1: sheets and tags; sync 2: the Tender sheet's used range; sync 3 on: its values (blocks). */
export async function readTenderSheet(
  context: Excel.RequestContext,
  blockBytes?: number,
): Promise<Result<{ tender: Tender; source: TenderSource }>> {
  const survey = loadSurvey(context);
  await context.sync();
  const s = survey();
  const sheet =
    s.existing.find((x) => x.owner === "tender") ?? s.existing.find((x) => x.name.toLowerCase() === "tender");
  if (!sheet) {
    return failure(
      "workbook",
      'there is no Tender sheet; add one with "New tender sheet", or select a lots table',
    );
  }
  const used = context.workbook.worksheets
    .getItem(sheet.name)
    .getUsedRangeOrNullObject(true)
    .load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) {
    return failure(
      qualified(sheet.name, "A1"),
      `the ${sheet.name} sheet is empty; fill in the tender and its lots`,
    );
  }
  const values = await loadValuesInBlocks(context, sheet.name, rectOf(used), blockBytes);
  if (!values.ok) return values;
  return readTenderGrid(values.value, sheet.name, { row: used.rowIndex, col: used.columnIndex });
}

/**
 * Sync 1: tables and tags; sync 2: their header rows and ranges; sync 3 on: the first lots table's
 * values (one sync up to 100,000 cells).
 */
export async function readAnyTable(
  context: Excel.RequestContext,
  base?: Partial<Tender>,
  blockBytes?: number,
): Promise<Result<{ tender: Tender; source: TenderSource }>> {
  const survey = loadSurvey(context);
  const tables = context.workbook.tables.load("items/name,items/showTotals,items/worksheet/name");
  await context.sync();
  const output = new Set(
    survey()
      .existing.filter((s) => s.owner && OUTPUT_KINDS.has(s.owner))
      .map((s) => s.name.toLowerCase()),
  );
  const candidates = tables.items.filter((t) => !output.has(t.worksheet.name.toLowerCase()));
  const headers = candidates.map((t) => t.getHeaderRowRange().load("values"));
  const ranges = candidates.map((t) => t.getRange().load("rowIndex,columnIndex,rowCount,columnCount"));
  await context.sync();
  const i = headers.findIndex((h) => looksLikeLotsTable(h.values[0] ?? []));
  if (i < 0) return failure("workbook", NO_LOTS_TABLE);
  const table = candidates[i];
  const rect = rectOf(ranges[i]);
  if (table.showTotals) rect.r1 -= 1;
  const sheet = table.worksheet.name;
  const values = await loadValuesInBlocks(context, sheet, rect, blockBytes);
  if (!values.ok) return values;
  return readLotsGrid(values.value, sheet, { row: rect.r0, col: rect.c0 }, base);
}

/**
 * Sync 1: the selection, its region and tables; sync 2 on: the values (one sync up to 100,000 cells).
 * A selection inside a table reads the whole table, whose extent takes one more sync.
 */
export async function readSelection(
  context: Excel.RequestContext,
  base?: Partial<Tender>,
  blockBytes?: number,
): Promise<Result<{ tender: Tender; source: TenderSource }>> {
  const selected = context.workbook
    .getSelectedRange()
    .load("rowIndex,columnIndex,rowCount,columnCount,cellCount");
  const sheet = selected.worksheet.load("name");
  const tables = selected.getTables(false).load("items/name,items/showTotals");
  const region = selected.getSurroundingRegion().load("rowIndex,columnIndex,rowCount,columnCount,cellCount");
  await context.sync();

  let rect: Rect;
  const table = tables.items[0];
  if (table) {
    // The table's extent is known only now: one more sync for it.
    const range = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    rect = rectOf(range);
    if (table.showTotals) rect.r1 -= 1;
  } else {
    const single = selected.cellCount === 1;
    const from = single ? region : selected;
    rect = rectOf(from);
    // Range.cellCount is -1 past 2^31-1 cells (a whole-sheet selection has 17,179,869,184): count
    // from the rows and columns instead.
    const count = from.rowCount * from.columnCount;
    if (count > MAX_READ_CELLS) {
      return failure(
        qualified(sheet.name, rangeAddress(rect)),
        `the selection has ${count.toLocaleString("en-GB")} cells; select just the lots table (up to ${MAX_READ_CELLS.toLocaleString("en-GB")} cells)`,
      );
    }
  }
  const values = await loadValuesInBlocks(context, sheet.name, rect, blockBytes);
  if (!values.ok) return values;
  return readLotsGrid(values.value, sheet.name, { row: rect.r0, col: rect.c0 }, base);
}

/** Sync 1: sheets and tags; sync 2: the Actuals sheet's used range; sync 3 on: its values. */
export async function readActualsSheet(
  context: Excel.RequestContext,
  blockBytes?: number,
): Promise<Result<{ lines: ActualLine[]; source: ActualsSource }>> {
  const survey = loadSurvey(context);
  await context.sync();
  const sheet = actualsSheetOf(survey());
  if (!sheet) return failure<{ lines: ActualLine[]; source: ActualsSource }>("workbook", NO_ACTUALS_SHEET);
  // Geometry first, then the values in blocks under the 5 MB response limit (as tender reads do).
  const used = context.workbook.worksheets
    .getItem(sheet)
    .getUsedRangeOrNullObject(true)
    .load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) {
    return failure<{ lines: ActualLine[]; source: ActualsSource }>(
      qualified(sheet, "A1"),
      `the ${sheet} sheet is empty; paste the invoices into it`,
    );
  }
  const values = await loadValuesInBlocks(context, sheet, rectOf(used), blockBytes);
  if (!values.ok) return values;
  return readActualsGrid(values.value, sheet, { row: used.rowIndex, col: used.columnIndex });
}
