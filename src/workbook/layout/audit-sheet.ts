/**
 * The Audit sheet: one row per contracting process of a bulk download, as an Excel Table (a filter
 * button on every column, so Status can be filtered to mismatches), largest difference first, with
 * a link to each notice.
 */
import { cellAddress } from "../a1";
import { auditRowCells, AUDIT_COLUMNS, type AuditResult } from "../../domain/audit";
import { isoToExcelSerial } from "../../domain/core/calendar";
import { penceToPounds } from "../../domain/core/money";
import { FORMATS, SHEET_TITLES, type Scalar, type SheetPlan, type TableColumnPlan } from "./plan";

export const AUDIT_TABLE = "AuditTable";

const MONEY = new Set(["Stated total", "Lots total", "Difference", "Awarded total"]);
const WIDTHS: Record<string, number> = {
  OCID: 34,
  Title: 48,
  Buyer: 30,
  Reason: 50,
  Findings: 60,
  Notice: 40,
};

/** The Audit sheet's plan: `name` for the sheet, `table` for its Excel Table (free names chosen by the caller). */
export function auditSheetPlan(
  result: AuditResult,
  name: string = SHEET_TITLES.audit,
  table: string = AUDIT_TABLE,
): SheetPlan {
  const notice = AUDIT_COLUMNS.indexOf("Notice");
  const columns: TableColumnPlan[] = AUDIT_COLUMNS.map((header) => {
    const c: TableColumnPlan = { header };
    if (MONEY.has(header)) c.numberFormat = FORMATS.money;
    else if (header === "Published") c.numberFormat = FORMATS.date;
    else if (header === "Difference %") c.numberFormat = FORMATS.percent;
    return c;
  });
  columns.push({
    header: "Link",
    formula: {
      structured: '=IF([@Notice]="","",HYPERLINK([@Notice],"Open notice"))',
      a1: (row) => {
        const at = cellAddress(row, notice);
        return `=IF(${at}="","",HYPERLINK(${at},"Open notice"))`;
      },
    },
  });
  const rows: Scalar[][] = result.rows.map((row) => {
    const cells = auditRowCells(row).map((cell, i): Scalar => {
      const header = AUDIT_COLUMNS[i];
      if (cell === undefined) return null;
      if (MONEY.has(header)) return penceToPounds(cell as number);
      if (header === "Published") return isoToExcelSerial(cell as string);
      if (header === "Difference %") return (cell as number) / 100;
      return cell;
    });
    cells.push(row.url ? "Open notice" : "");
    return cells;
  });
  return {
    kind: "audit",
    name,
    cells: [],
    tables: [{ name: table, row: 0, col: 0, columns, rows, showTotals: false, style: "TableStyleMedium2" }],
    validations: [],
    conditionalFormats: [],
    charts: [],
    columnWidths: [...AUDIT_COLUMNS.map((h) => WIDTHS[h] ?? 14), 14],
    freezeRows: 1,
  };
}
