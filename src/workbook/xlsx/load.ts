/**
 * exceljs, loaded only when a function that reads or writes an .xlsx runs (a dynamic import), so
 * the task pane pays for it only when the user opens or saves a file.
 */
import type * as ExcelJS from "exceljs";

type ExcelJSModule = typeof ExcelJS;

let loaded: Promise<ExcelJSModule> | undefined;

/** exceljs, loaded on first use. */
export function loadExcelJS(): Promise<ExcelJSModule> {
  loaded ??= import("exceljs").then((m) => {
    const mod = m as ExcelJSModule & { default?: ExcelJSModule };
    return mod.Workbook ? mod : (mod.default as ExcelJSModule);
  });
  return loaded;
}
