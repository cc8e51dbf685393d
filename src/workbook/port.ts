/**
 * The WorkbookPort: everything Tender Budget does in a workbook, behind one interface. The task pane,
 * ribbon commands and tests call it the same way whether the workbook is Excel (office/office-host.ts)
 * or kept in memory (memory/memory-host.ts). Every method resolves to a Result: problems come back as
 * values naming the cell or sheet and what to do; nothing throws an Office error at the user.
 */
import type { ActualLine, ActualsReport } from "../domain/actuals";
import type { AuditResult } from "../domain/audit/audit";
import type { Finding, InputError, IsoDate, Result, Tender, Tolerance } from "../domain/core/types";
import type { SheetKind } from "./layout/plan";
import type { CheckedTender } from "../domain/formats/report-view";
import type { SavedState } from "./state";

export type { SavedState, Choices } from "./state";

/** A sheet the add-in wrote, by its (possibly suffixed) name: "Allocation" or "Allocation (2)". */
export interface SheetRef {
  kind: SheetKind;
  name: string;
  /** True when the add-in replaced its own earlier sheet of this kind. */
  replaced: boolean;
}

export interface ReadTenderOptions {
  /**
   * "tender-sheet": the add-in's Tender sheet (or a sheet named Tender); "selection": the user's
   * selection, the Excel Table it is in, or the block of cells around a single selected cell;
   * "table": the first Excel Table in the workbook whose headers look like a lots table.
   */
  from: "tender-sheet" | "selection" | "table";
  /** Tender-level fields for a selection or table, which hold only lots (e.g. the tender kept in the workbook). */
  base?: Partial<Tender>;
}

export interface WriteOptions {
  /**
   * Replace the add-in's own earlier sheet of this kind (default true). Sheets the add-in did not
   * create are never touched: a name clash gives "Allocation (2)".
   */
  replace?: boolean;
  /** Make the new sheet the active one (default true). */
  activate?: boolean;
}

export interface AllocationOptions extends WriteOptions {
  /** The tolerance the status and the red variances use (default zero). */
  tolerance?: Tolerance;
}

export interface SummaryOptions extends WriteOptions {
  /** The date printed on the summary (default: today, local calendar date). */
  today?: IsoDate;
  tolerance?: Tolerance;
}

/** A finding and the cell it points at (`Tender!C7`), when the tender was read from the workbook. */
export interface FindingLocation {
  finding: Finding;
  address?: string;
}

export interface WorkbookPort {
  /** "excel" inside Excel, "memory" for the in-memory workbook. */
  readonly host: "excel" | "memory";
  /** Add a Tender sheet (labelled fields and a lots table), filled from `tender` when given. */
  createTenderSheet(tender?: Tender): Promise<Result<SheetRef>>;
  /** Read a tender; every problem names its cell. Remembers where each field came from for showFindings. */
  readTender(options: ReadTenderOptions): Promise<Result<Tender>>;
  writeAllocation(report: CheckedTender, options?: AllocationOptions): Promise<Result<SheetRef>>;
  writePhasing(report: CheckedTender, options?: WriteOptions): Promise<Result<SheetRef>>;
  writeSummary(report: CheckedTender, options?: SummaryOptions): Promise<Result<SheetRef>>;
  /**
   * Add an "Actuals" sheet: an Excel Table of invoices (Lot, Invoice number, Invoice date, Period start,
   * Period end, Days, Amount, VAT) with formats, validation (the tender's lots as a list when they fit)
   * and prompts; empty for the user to paste into, or holding `lines`. Never replaces a sheet: a second
   * one is "Actuals (2)", and it becomes the one readActuals reads.
   */
  createActualsSheet(tender?: Tender, lines?: readonly ActualLine[]): Promise<Result<SheetRef>>;
  /**
   * Read the invoices from the add-in's Actuals sheet (or a sheet named Actuals); every problem names
   * its cell (`Actuals!F7`). Remembers where each line came from, for showFindings and actualsLineRef.
   */
  readActuals(): Promise<Result<ActualLine[]>>;
  /**
   * Names invoice line `index` by its row (`Actuals!A9`) after readActuals, for checkActuals'
   * `lineRef`; undefined before a successful read.
   */
  actualsLineRef(): ((index: number) => string) | undefined;
  /**
   * A "Budget vs actual" sheet over the add-in's Actuals sheet: per lot allocated, used and remaining
   * days and value, % used, phased budget to date and ahead/behind, live SUMIFS over the Actuals table
   * to the as-of date in B4, red rows when a lot is over, and a cumulative chart per lot.
   */
  writeBudgetVsActual(
    report: CheckedTender,
    actuals: ActualsReport,
    options?: WriteOptions,
  ): Promise<Result<SheetRef>>;
  /**
   * The Audit sheet: the audit of a bulk download as the Excel Table `AuditTable` (a filter on every
   * column, Status among them; £ and date formats; a Link column opening each notice), largest
   * difference first. Replaces only the add-in's own earlier Audit sheet; a user's sheet named Audit
   * is never touched (the add-in's is then "Audit (2)").
   */
  writeAudit(audit: AuditResult, options?: WriteOptions): Promise<Result<SheetRef>>;
  /**
   * Highlight the cells the findings point at (in the place the tender was last read from; an invoice
   * finding `actuals[i].field` at that line's row of the Actuals sheet last read), after
   * removing the previous highlight; a cell whose fill the user changed since is left alone.
   */
  showFindings(findings: Finding[]): Promise<Result<FindingLocation[]>>;
  /** Remove the add-in's highlight, restoring each cell's own fill. */
  clearFindings(): Promise<Result<void>>;
  /** Select a cell such as `Tender!C7` (activating its sheet). */
  selectCell(address: string): Promise<Result<void>>;
  /** Keep the tender and choices in the workbook. */
  saveState(state: SavedState): Promise<Result<void>>;
  /** What saveState kept, or undefined for a workbook without it. */
  loadState(): Promise<Result<SavedState | undefined>>;
  /**
   * Keep the pane's draft (the tender as typed, before it is checked) in the workbook's saved
   * state, replacing the one kept before; `null` discards it.
   */
  saveDraft(draft: unknown): Promise<Result<void>>;
  /** The draft saveDraft kept, or undefined when there is none (or it was discarded). */
  loadDraft(): Promise<Result<unknown>>;
}

export function failure<T>(path: string, message: string): Result<T> {
  const errors: InputError[] = [{ path, message }];
  return { ok: false, errors };
}
