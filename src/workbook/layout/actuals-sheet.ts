/**
 * The "Actuals" sheet: an Excel Table with the invoice columns (Lot, Invoice number, Invoice date,
 * Period start, Period end, Days, Amount, VAT), £ and dd/mm/yyyy formats, data validation and input
 * prompts, for users to paste their invoices into; and reading it back, every problem naming its cell
 * (`Actuals!F7`), with where each invoice line came from so that findings can point at its row.
 */
import { cellAddress, qualified, type Rect } from "../a1";
import { isoToExcelSerial } from "../../domain/core/calendar";
import { penceToPounds } from "../../domain/core/money";
import {
  ACTUALS_COLUMN_LABELS,
  ACTUALS_COLUMNS,
  readActualsTableLayout,
  type ActualLine,
  type ActualsColumn,
} from "../../domain/actuals";
import type { CellValue } from "../../domain/tables/lots-table";
import type { Result, Tender } from "../../domain/core/types";
import {
  FORMATS,
  type CellPlan,
  type Scalar,
  type SheetPlan,
  type TablePlan,
  type ValidationPlan,
} from "./plan";
import { dateValidation, daysValidation, poundsValidation } from "./validations";

/** 0-based row of the Actuals table's header. */
export const ACTUALS_HEADER_ROW = 3;

/** Excel keeps a list validation's items in at most 255 characters. */
const LIST_LIMIT = 255;

const FORMAT_OF: Record<ActualsColumn, string> = {
  lot: FORMATS.text,
  invoiceNumber: FORMATS.text,
  invoiceDate: FORMATS.date,
  periodStart: FORMATS.date,
  periodEnd: FORMATS.date,
  days: FORMATS.days,
  amount: FORMATS.money,
  vat: FORMATS.money,
};

const WIDTH_OF: Record<ActualsColumn, number> = {
  lot: 24,
  invoiceNumber: 16,
  invoiceDate: 12,
  periodStart: 12,
  periodEnd: 12,
  days: 8,
  amount: 14,
  vat: 12,
};

/** 0-based column of a field in the add-in's Actuals table. */
export function actualsColumn(field: ActualsColumn): number {
  return ACTUALS_COLUMNS.indexOf(field);
}

function lineRow(line: ActualLine): Scalar[] {
  const date = (d: string | undefined): Scalar => (d === undefined ? null : isoToExcelSerial(d));
  return ACTUALS_COLUMNS.map((f) => {
    switch (f) {
      case "lot":
        return line.lot;
      case "invoiceNumber":
        return line.invoiceNumber;
      case "invoiceDate":
      case "periodStart":
      case "periodEnd":
        return date(line[f]);
      case "days":
        return line.days;
      case "amount":
        return penceToPounds(line.amount);
      case "vat":
        return line.vat === undefined ? null : penceToPounds(line.vat);
    }
  });
}

/**
 * The lot names as a drop-down list, when Excel can hold them as one: none contains a comma and the
 * list fits in 255 characters. Otherwise undefined (the check names unknown lots instead).
 */
export function lotList(tender: Tender | undefined): string[] | undefined {
  const names = (tender?.lots ?? []).map((l) => l.name.trim()).filter((n) => n !== "");
  if (names.length === 0 || names.some((n) => n.includes(",") || n.includes('"'))) return undefined;
  return names.join(",").length <= LIST_LIMIT ? names : undefined;
}

/** The Actuals sheet: empty (one blank row) for users to paste into, or holding `lines`. */
export function actualsSheetPlan(
  tender: Tender | undefined,
  names: { sheet: string; table: string },
  lines: readonly ActualLine[] = [],
): SheetPlan {
  const title = tender ? `Actuals: ${tender.title}` : "Actuals";
  const cells: CellPlan[] = [
    { row: 0, col: 0, value: title, style: { bold: true, fontSize: 14 } },
    {
      row: 1,
      col: 0,
      value:
        "One row per invoice: paste or type below. Amount is ex VAT; dates dd/mm/yyyy; work is dated at the period end, else the invoice date.",
      style: { italic: true, fontColor: "#605E5C" },
    },
  ];
  const table: TablePlan = {
    name: names.table,
    row: ACTUALS_HEADER_ROW,
    col: 0,
    columns: ACTUALS_COLUMNS.map((f) => ({
      header: ACTUALS_COLUMN_LABELS[f],
      numberFormat: FORMAT_OF[f],
      width: WIDTH_OF[f],
    })),
    rows: lines.length > 0 ? lines.map(lineRow) : [ACTUALS_COLUMNS.map(() => null)],
    showTotals: false,
    style: "TableStyleMedium2",
  };
  const r0 = ACTUALS_HEADER_ROW + 1;
  const r1 = ACTUALS_HEADER_ROW + Math.max(lines.length, 1);
  const col = (f: ActualsColumn): Rect => ({ r0, c0: actualsColumn(f), r1, c1: actualsColumn(f) });
  const validations: ValidationPlan[] = [];
  const lots = lotList(tender);
  if (lots) {
    validations.push({
      rect: col("lot"),
      rule: { type: "list", values: lots },
      prompt: { title: "Lot", message: "The lot invoiced, as named in the tender." },
      error: { title: "Lot", message: `Choose one of the tender's lots: ${lots.join(", ")}.` },
    });
  }
  validations.push(
    dateValidation(
      { r0, c0: actualsColumn("invoiceDate"), r1, c1: actualsColumn("periodEnd") },
      "Dates",
      "dd/mm/yyyy. Give the invoice date, or the period start and end of the work (or all three).",
    ),
    daysValidation(col("days"), "Days", "Days worked on this invoice; half and quarter days allowed (2.5)."),
    poundsValidation(
      { r0, c0: actualsColumn("amount"), r1, c1: actualsColumn("vat") },
      "Amount and VAT",
      "In pounds: the amount ex VAT, and the VAT on it.",
      " (correct the original line rather than a credit)",
    ),
  );
  return {
    kind: "actuals",
    name: names.sheet,
    cells,
    tables: [table],
    validations,
    conditionalFormats: [],
    charts: [],
    columnWidths: ACTUALS_COLUMNS.map((f) => WIDTH_OF[f]),
    freezeRows: ACTUALS_HEADER_ROW + 1,
  };
}

/** Where the invoice lines were read from: the sheet, the row of each line and the column of each field. */
export interface ActualsSource {
  sheet: string;
  /** Absolute 0-based sheet row of line i (finding path `actuals[i]`). */
  lineRows: number[];
  /** Absolute 0-based sheet column of each field found. */
  columns: Partial<Record<ActualsColumn, number>>;
}

/**
 * Read invoice lines from a sheet's values (a grid whose top-left cell is at `origin`), naming every
 * problem by its cell (`Actuals!F7`). Nothing is returned unless every row reads cleanly.
 */
export function readActualsGrid(
  grid: readonly (readonly CellValue[])[],
  sheet: string,
  origin: { row: number; col: number } = { row: 0, col: 0 },
): Result<{ lines: ActualLine[]; source: ActualsSource }> {
  const read = readActualsTableLayout(grid, {
    ref: (r, c) => qualified(sheet, cellAddress(origin.row + r, origin.col + c)),
    rowRef: (r) => `${sheet} row ${origin.row + r + 1}`,
    tableName: `the actuals table on ${sheet}`,
  });
  if (!read.ok) return read;
  const layout = read.value;
  const columns: Partial<Record<ActualsColumn, number>> = {};
  for (const [k, c] of Object.entries(layout.columns)) {
    columns[k as ActualsColumn] = origin.col + (c as number);
  }
  return {
    ok: true,
    value: {
      lines: layout.lines,
      source: { sheet, lineRows: layout.lineRows.map((r) => origin.row + r), columns },
    },
  };
}

/** The cell of an invoice finding's path: `actuals[4].amount` → `Actuals!G9`; the row's Lot cell without a field. */
export function locateActualsPath(source: ActualsSource, path: string): string | undefined {
  const m = /^actuals\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!m) return undefined;
  const row = source.lineRows[Number(m[1])];
  if (row === undefined) return undefined;
  const field = m[2] as ActualsColumn | undefined;
  const col = (field !== undefined ? source.columns[field] : undefined) ?? source.columns.lot ?? 0;
  return qualified(source.sheet, cellAddress(row, col));
}

/** Names invoice line `index` in messages, as `checkActuals`'s `lineRef`: `Actuals!A9`. */
export function actualsLineRef(source: ActualsSource): (index: number) => string {
  return (index) => locateActualsPath(source, `actuals[${index}]`) ?? `invoice line ${index + 1}`;
}
