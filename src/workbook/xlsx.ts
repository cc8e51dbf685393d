/**
 * .xlsx files with exceljs: the same sheets the add-in writes in Excel (Tender, Allocation, Phasing,
 * Tender summary, and with invoices Actuals and Budget vs actual; no charts) with live formulas
 * (plain A1 references, so Excel and LibreOffice both compute them), number formats, validation,
 * conditional formats and print settings (xlsx/write.ts, xlsx/report.ts); and the reverse, a
 * tender read from an .xlsx: the add-in's Tender sheet or any sheet holding a lots table
 * (xlsx/read.ts).
 *
 * exceljs is loaded only when one of these functions runs (xlsx/load.ts), so the task pane pays
 * for it only when the user opens or saves a file. No Office or DOM types here: the CLI imports
 * this module.
 */
export { loadExcelJS } from "./xlsx/load";
export { planToWorksheet, serialToUtcDate, workbookToXlsx, type XlsxWriteOptions } from "./xlsx/write";
export { reportPlans, reportToXlsx, type ReportXlsxOptions } from "./xlsx/report";
export { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, workbookBytesProblem, xlsxToTender } from "./xlsx/read";
