/**
 * The driver a workbook service runs over: the few things it asks of a workbook, each one batched
 * round trip (one context.sync() in Excel, two where a second depends on the first's answer, as
 * noted). `OfficeDriver` (office/office-driver.ts) does them with Office.js; `MemoryDriver`
 * (memory/memory-driver.ts) on the in-memory workbook, refusing what Excel refuses with Excel's codes.
 * Everything else — which sheet to read or write, table names, blocks of rows, retries in halves,
 * findings' cells — is decided once, in service/.
 */
import type { Rect } from "./a1";
import type { SheetKind, SheetPlan } from "./layout/plan";
import type { ExistingSheet } from "./targets";
import type { CellValue } from "../domain/tables/lots-table";

/** The prefix of the hidden workbook name tagging the add-in's sheet of a kind (`TenderBudget_allocation`). */
export const TAG_PREFIX = "TenderBudget_";

/** The hidden workbook name tagging the add-in's sheet of a kind; it refers to the sheet's A1. */
export function tagName(kind: SheetKind): string {
  return `${TAG_PREFIX}${kind}`;
}

export interface SurveyTable {
  name: string;
  sheet: string;
  showTotals: boolean;
}

/** The workbook at a glance: its sheets (with the add-in's tags), tables and defined names. */
export interface Survey {
  existing: ExistingSheet[];
  positions: Map<string, number>;
  /** The add-in's tag names present in the workbook. */
  tags: Set<string>;
  tables: SurveyTable[];
  /** Workbook-scoped defined names: tables share their namespace. */
  names: string[];
}

/** A table's header row and extent (totals row included). */
export interface TableRange {
  header: CellValue[];
  rect: Rect;
  showTotals: boolean;
  sheet: string;
}

/** The user's selection: its sheet and range, the region around its first cell, and the table it is in. */
export interface Selected {
  sheet: string;
  rect: Rect;
  /** Range.cellCount as Excel gives it: -1 past 2^31-1 cells. */
  cellCount: number;
  region: Rect;
  /** The Excel Table the selection's first cell is in. */
  table?: string;
}

/** Rows `start` to `end - 1` of the plan's table `table` (an index into `plan.tables`). */
export interface RowBlock {
  table: number;
  start: number;
  end: number;
}

/**
 * The end of a sheet's build, in its last request: the earlier sheet of its kind deleted and the new
 * one renamed into its place (its tables renamed from their temporary names), tagged, activated.
 */
export interface SheetFinish {
  kind: SheetKind;
  /** The sheet's final name. */
  name: string;
  /** The add-in's earlier sheet of this kind, deleted. */
  replaces?: string;
  position?: number;
  /** Tables renamed [from, to] once the earlier sheet and its tables are gone. */
  renames: [string, string][];
  /** Whether the kind's tag exists already (and is moved). */
  tagged: boolean;
  activate: boolean;
}

/** One request of a sheet's build: the sheet and everything but table rows, rows, the finish. */
export interface SheetRequest {
  /** Add the sheet `building` and write the plan's cells, tables (but their rows), formulas, formats. */
  create: boolean;
  rows: RowBlock[];
  finish?: SheetFinish;
}

/** A fill to set (`#RRGGBB`) or clear (undefined) on a cell such as `Tender!B5`. */
export interface FillChange {
  address: string;
  fill: string | undefined;
}

/** A custom XML part the add-in keeps, and the sheets the workbook has (for the addresses it records). */
export interface PartRead {
  xml?: string;
  /** Ids of every part of the namespace, to replace. */
  ids: string[];
  sheets: string[];
}

export interface WorkbookDriver {
  readonly host: "excel" | "memory";
  /** Why no command can run here (an Excel too old), or undefined. */
  unavailable(): string | undefined;
  /** Whether `e` is the workbook's own refusal (given our message by its code), not a bug. */
  isWorkbookError(e: unknown): boolean;
  /** Sheets, tags, tables and defined names. */
  survey(): Promise<Survey>;
  /** The range from the first to the last cell holding a value, or undefined for an empty sheet. */
  usedRange(sheet: string): Promise<Rect | undefined>;
  /** The selection, or undefined when nothing is selected. */
  selection(): Promise<Selected | undefined>;
  /** Header rows and extents of tables by name. */
  tableRanges(names: readonly string[]): Promise<TableRange[]>;
  /**
   * The values of one block of a sheet; null when Excel could not send them (it may give
   * `values === null` for a response too large). A response over the limit may also throw
   * ResponsePayloadSizeLimitExceeded.
   */
  readRange(sheet: string, rect: Rect): Promise<CellValue[][] | null>;
  /** One request of a sheet's build under the name `building`. */
  writeSheet(plan: SheetPlan, building: string, request: SheetRequest): Promise<void>;
  /** Delete a half-built sheet, unless the sheet it was to replace is already gone. */
  discard(building: string, replaces?: string): Promise<void>;
  /**
   * The add-in's custom XML parts of a namespace and the sheets there are; with `text` (the default),
   * the first part's XML too (a second round trip when there is a part).
   */
  readPart(namespace: string, text?: boolean): Promise<PartRead>;
  /** Fills of cells on existing sheets (uppercase `#RRGGBB`, undefined for none), by address as given. */
  readFills(addresses: readonly string[]): Promise<Map<string, string | undefined>>;
  /** Set fills and replace a custom XML part (the parts `replaces` deleted), in one request. */
  writeFills(
    changes: readonly FillChange[],
    part?: { namespace: string; xml: string; replaces: readonly string[] },
  ): Promise<void>;
  /** Activate a sheet and select a range on it; false when there is no such sheet. */
  select(sheet: string, rect: Rect): Promise<boolean>;
}
