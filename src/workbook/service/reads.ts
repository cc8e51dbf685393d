/**
 * Reading from the workbook, the same way over either driver: the tender from the Tender sheet, from
 * the first lots table, or from the selection; the invoices from the Actuals sheet. Each finds its
 * range first, then reads its values in blocks of rows, so that no response passes Excel on the web's
 * 5 MB: the first block up to 100,000 cells, later ones sized from the bytes per row measured so far
 * (blocks.ts `nextReadRows`); a block the workbook could not send (ResponsePayloadSizeLimitExceeded,
 * or `values === null`) is read again in halves.
 */
import { qualified, rangeAddress, type Rect } from "../a1";
import { readActualsGrid, type ActualsSource } from "../layout/actuals-sheet";
import { readLotsGrid, readTenderGrid, type TenderSource } from "../layout/tender-sheet-read";
import { failure } from "../port";
import { looksLikeLotsTable, NO_ACTUALS_SHEET, NO_LOTS_TABLE, OUTPUT_KINDS } from "../targets";
import type { Survey, TableRange, WorkbookDriver } from "../driver";
import { isPayloadLimit } from "../errors";
import {
  DEFAULT_BLOCK_BYTES,
  gridBytes,
  nextReadRows,
  REQUEST_LIMIT_BYTES,
  type ReadMeasure,
} from "./blocks";
import type { ActualLine } from "../../domain/actuals";
import type { CellValue } from "../../domain/tables/lots-table";
import type { Result, Tender } from "../../domain/core/types";

/**
 * A selection larger than this is refused rather than read (in blocks): it is whole columns or sheets,
 * not a lots table.
 */
export const MAX_READ_CELLS = 1_000_000;

type TenderRead = Result<{ tender: Tender; source: TenderSource }>;

/** Tender-level fields for lots read from a table or selection, and the read's block size. */
export interface LotsRead {
  base?: Partial<Tender>;
  blockBytes?: number;
}

/** The values of `rect` on a sheet, in blocks of rows, one round trip each. */
export async function readValues(
  driver: WorkbookDriver,
  sheet: string,
  rect: Rect,
  blockBytes = DEFAULT_BLOCK_BYTES,
): Promise<Result<CellValue[][]>> {
  const columns = rect.c1 - rect.c0 + 1;
  const out: CellValue[][] = [];
  const measure: ReadMeasure = { bytesPerRow: 0, maxRows: Number.MAX_SAFE_INTEGER };
  let r = rect.r0;
  while (r <= rect.r1) {
    const rows = Math.min(nextReadRows(columns, measure, blockBytes), rect.r1 - r + 1);
    const block: Rect = { r0: r, c0: rect.c0, r1: r + rows - 1, c1: rect.c1 };
    let values: CellValue[][] | null = null;
    try {
      values = await driver.readRange(sheet, block);
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

/** The add-in's Actuals sheet, else a sheet named Actuals. */
export function actualsSheetOf(s: Survey): string | undefined {
  return (
    s.existing.find((x) => x.owner === "actuals") ??
    s.existing.find((x) => x.name.toLowerCase() === "actuals")
  )?.name;
}

/** A table's data rows and header: its extent less the totals row. */
function withoutTotals(t: TableRange): Rect {
  return t.showTotals ? { ...t.rect, r1: t.rect.r1 - 1 } : t.rect;
}

/** A sheet's used range (one round trip) and its values (blocks); an empty sheet says what to do. */
async function readUsed(
  driver: WorkbookDriver,
  sheet: string,
  todo: string,
  blockBytes?: number,
): Promise<Result<{ values: CellValue[][]; origin: { row: number; col: number } }>> {
  const used = await driver.usedRange(sheet);
  if (!used) return failure(qualified(sheet, "A1"), `the ${sheet} sheet is empty; ${todo}`);
  const values = await readValues(driver, sheet, used, blockBytes);
  if (!values.ok) return values;
  return { ok: true, value: { values: values.value, origin: { row: used.r0, col: used.c0 } } };
}

/** A lots table's values (blocks), read as lots. */
async function readLots(
  driver: WorkbookDriver,
  sheet: string,
  rect: Rect,
  base: Partial<Tender> | undefined,
  blockBytes: number | undefined,
): Promise<TenderRead> {
  const values = await readValues(driver, sheet, rect, blockBytes);
  return values.ok ? readLotsGrid(values.value, sheet, { row: rect.r0, col: rect.c0 }, base) : values;
}

/** Survey; the Tender sheet's used range; its values (blocks). */
export async function readTenderSheet(driver: WorkbookDriver, blockBytes?: number): Promise<TenderRead> {
  const s = await driver.survey();
  const sheet =
    s.existing.find((x) => x.owner === "tender") ?? s.existing.find((x) => x.name.toLowerCase() === "tender");
  if (!sheet) {
    return failure(
      "workbook",
      'there is no Tender sheet; add one with "New tender sheet", or select a lots table',
    );
  }
  const used = await readUsed(driver, sheet.name, "fill in the tender and its lots", blockBytes);
  return used.ok ? readTenderGrid(used.value.values, sheet.name, used.value.origin) : used;
}

/** Survey; the header rows and extents of the tables; the first lots table's values (blocks). */
export async function readAnyTable(
  driver: WorkbookDriver,
  { base, blockBytes }: LotsRead,
): Promise<TenderRead> {
  const s = await driver.survey();
  const output = new Set(
    s.existing.filter((x) => x.owner && OUTPUT_KINDS.has(x.owner)).map((x) => x.name.toLowerCase()),
  );
  const candidates = s.tables.filter((t) => !output.has(t.sheet.toLowerCase())).map((t) => t.name);
  const tables = candidates.length > 0 ? await driver.tableRanges(candidates) : [];
  const table = tables.find((t) => looksLikeLotsTable(t.header));
  if (!table) return failure("workbook", NO_LOTS_TABLE);
  return readLots(driver, table.sheet, withoutTotals(table), base, blockBytes);
}

/**
 * The selection, its region and table; a selection inside a table reads the whole table, whose extent
 * takes one more round trip; then the values (blocks).
 */
export async function readSelection(
  driver: WorkbookDriver,
  { base, blockBytes }: LotsRead,
): Promise<TenderRead> {
  const selected = await driver.selection();
  if (!selected) return failure("selection", "nothing is selected; select the lots table (or a cell in it)");
  let rect: Rect;
  if (selected.table) {
    const [table] = await driver.tableRanges([selected.table]);
    rect = withoutTotals(table);
  } else {
    const single = selected.cellCount === 1;
    rect = single ? selected.region : selected.rect;
    // Range.cellCount is -1 past 2^31-1 cells (a whole-sheet selection has 17,179,869,184): count
    // from the rows and columns instead.
    const count = (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
    if (count > MAX_READ_CELLS) {
      return failure(
        qualified(selected.sheet, rangeAddress(rect)),
        `the selection has ${count.toLocaleString("en-GB")} cells; select just the lots table (up to ${MAX_READ_CELLS.toLocaleString("en-GB")} cells)`,
      );
    }
  }
  return readLots(driver, selected.sheet, rect, base, blockBytes);
}

/** Survey; the Actuals sheet's used range; its values (blocks). */
export async function readActualsSheet(
  driver: WorkbookDriver,
  blockBytes?: number,
): Promise<Result<{ lines: ActualLine[]; source: ActualsSource }>> {
  const sheet = actualsSheetOf(await driver.survey());
  if (!sheet) return failure("workbook", NO_ACTUALS_SHEET);
  const used = await readUsed(driver, sheet, "paste the invoices into it", blockBytes);
  return used.ok ? readActualsGrid(used.value.values, sheet, used.value.origin) : used;
}
