/**
 * The workbook layer's public API: the WorkbookPort and its two hosts. The .xlsx functions live in
 * `./xlsx` (import it where a file is opened or saved; it loads exceljs only when called).
 */
import { MemoryWorkbook, MemoryWorkbookPort } from "./memory/memory-host";
import { OfficeWorkbookPort } from "./office/office-host";
import type { WorkbookPort } from "./port";

export type {
  AllocationOptions,
  FindingLocation,
  ReadTenderOptions,
  SavedState,
  Choices,
  SheetRef,
  SummaryOptions,
  WorkbookPort,
  WriteOptions,
} from "./port";
export type { CheckedTender } from "../domain/formats/report-view";
export type { SheetKind } from "./layout/plan";
export { MemoryWorkbook, MemoryWorkbookPort } from "./memory/memory-host";
export { OfficeWorkbookPort } from "./office/office-host";
export { MIN_EXCEL_API } from "./office/requirements";

/**
 * The port for where the pane runs: Excel's when `host` is "excel" (after Office.onReady reported
 * Excel), else a workbook kept in memory (a browser tab outside Excel).
 */
export function createWorkbookPort(host: "excel" | "memory"): WorkbookPort {
  return host === "excel" ? new OfficeWorkbookPort() : new MemoryWorkbookPort(new MemoryWorkbook());
}
