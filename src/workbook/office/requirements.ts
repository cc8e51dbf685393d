/**
 * What the add-in needs of Excel, checked at run time before any command touches the workbook.
 *
 * The manifest declares ExcelApi 1.9 and SharedRuntime 1.1, and the TENDER functions need
 * CustomFunctionsRuntime 1.1. Where they are all found, as Microsoft's requirement-set pages state it
 * ("Excel JavaScript API requirement sets", "Shared runtime requirement sets", "Custom Functions
 * requirement sets", learn.microsoft.com/javascript/api/requirement-sets/): Excel on the web;
 * Microsoft 365 on Windows from Version 2002 (shared runtime); Excel 2021 or 2024 bought outright for
 * Windows, retail from Version 2311 (Build 17029.20126, custom functions) and volume-licensed
 * (LTSC) from Version 2108 (Build 14332.20011); Excel for Mac from 16.35 (shared runtime). Not Excel
 * 2019 or 2016 (ExcelApi 1.8 at most, no shared runtime) and not Excel on iPad (no shared runtime or
 * custom functions: it never loads the add-in, so the message does not name it).
 */

/** Page layout, range.getTables, copyFrom and fill patterns arrived in ExcelApi 1.9. */
export const MIN_EXCEL_API = "1.9";

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The Excel versions that run the add-in, in words. */
export const SUPPORTED_EXCEL =
  "Excel on the web; Microsoft 365 on Windows (Version 2002 or later); Microsoft 365 or Excel 2021 or " +
  "later on Mac (16.35 or later); or Excel 2021 or 2024 bought outright for Windows (retail: Version " +
  "2311 or later; volume licence/LTSC: Version 2108 or later) — not Excel 2019 or 2016";

export function requirementMessage(): string {
  return (
    `Tender Budget needs Excel with ExcelApi ${MIN_EXCEL_API} or later: ${SUPPORTED_EXCEL}. This copy ` +
    `of Excel is older: update Excel (File › Account › Update Options), or open the workbook in Excel ` +
    `on the web.`
  );
}
