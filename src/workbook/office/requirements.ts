/** The Excel API the add-in needs, checked at run time before any command touches the workbook. */

/** Page layout, range.getTables, copyFrom and fill patterns arrived in ExcelApi 1.9. */
export const MIN_EXCEL_API = "1.9";

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export function requirementMessage(): string {
  return (
    `Tender Budget needs Excel with ExcelApi ${MIN_EXCEL_API} or later (Microsoft 365, Excel 2021 or later, ` +
    `Excel on the web or Excel for Mac). This copy of Excel is older: update Excel, or open the ` +
    `workbook in Excel on the web.`
  );
}
