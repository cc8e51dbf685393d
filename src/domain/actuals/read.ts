/**
 * Read an actuals table — one invoice per row under a header row — from CSV records or from the
 * values of the workbook's Actuals table.
 *
 * Columns are recognised by their header words, whatever the case and spacing: Lot/Council/
 * Authority; Invoice number/Invoice no/Invoice; Invoice date/Date; Period start/From; Period end/To;
 * Days/Days worked; Amount/Net/Amount ex VAT; VAT. Lot, Invoice number, Days and Amount are
 * required, and a date to place the work in time (Invoice date or Period end). Money is read as
 * people type it (`£9,600.00`, `9600`); dates as `31/08/2017`, `2017-08-31`, `31 August 2017` or
 * Excel serial numbers. Every problem names the cell through the caller's `ref` and says what to do;
 * nothing is returned unless every row reads cleanly.
 */
import { describeTableText, detectSeparator, parseCsv } from "../tables/csv";
import {
  type CellRead,
  type CellValue,
  cellText,
  csvCellRef,
  csvRowRef,
  daysText,
  isEmpty,
  isTotalName,
  readMoneyCell,
  readTableDate,
  show,
  type TableRows,
} from "../tables/table-cells";
import {
  headerRecogniser,
  readTableRows,
  startTableRead,
  type TableKind,
  type TableLayout,
  type TableReadOptions,
} from "../tables/table-read";
import type { Pence, Result } from "../core/types";
import { ACTUALS_COLUMN_LABELS, type ActualLine, type ActualsColumn, isValidDays } from "./model";
import { quoted } from "../core/messages";

/** How cells and rows are named in messages; the default table name is "the actuals table". */
export type ActualsTableOptions = TableReadOptions;

/** Where the table was found: the header row, the column of each field, the row of each line. */
export interface ActualsTableLayout extends TableLayout<ActualsColumn> {
  /** `lineRows[i]` is the index in `rows` that `lines[i]` (finding path `actuals[i]`) was read from. */
  lineRows: number[];
  lines: ActualLine[];
}

/** The header words of each column. */
export const ACTUALS_COLUMN_HEADERS: Record<ActualsColumn, readonly string[]> = {
  lot: ["Lot", "Lot name", "Council", "Authority", "Local authority", "Commissioner"],
  invoiceNumber: [
    "Invoice number",
    "Invoice no",
    "Invoice no.",
    "Invoice",
    "Invoice ref",
    "Invoice reference",
  ],
  invoiceDate: ["Invoice date", "Date"],
  periodStart: ["Period start", "Period from", "From", "Work from", "Start"],
  periodEnd: ["Period end", "Period to", "To", "Work to", "End"],
  days: ["Days", "Days worked", "Days claimed", "Number of days", "No. of days"],
  amount: ["Amount", "Net", "Net amount", "Amount ex VAT", "Invoice amount"],
  vat: ["VAT", "VAT amount"],
};

const KNOWN_HEADERS = `"Lot", "Invoice number", "Invoice date", "Period start", "Period end", "Days", "Amount", "VAT"`;

const recogniseActualsColumn = headerRecogniser(ACTUALS_COLUMN_HEADERS);

/** The field an actuals header names, or undefined when it names none. */
export function recogniseActualsHeader(text: string): ActualsColumn | undefined {
  return recogniseActualsColumn(text);
}

/** Headers of amounts that include VAT: not read, with a message saying what to give instead. */
function isGrossHeader(text: string): boolean {
  const key = text.toLowerCase().replace(/[^a-z]/g, "");
  return /incvat|inclvat|includingvat|gross/.test(key) || key === "total" || key === "totalamount";
}

/**
 * An amount or VAT cell: money to the penny, never negative. A credit written in brackets, as
 * accounts show it (`(£960.00)`), is refused as negative like `-960`; text that is not money is
 * told how to write an invoice's amount (`9600 or £9,600.00`).
 */
function readAmountCell(v: CellValue, what: string, example: string): CellRead<Pence> {
  const negative: CellRead<Pence> = {
    ok: false,
    message: `the ${what} cannot be negative (${show(v)}); correct the original invoice line instead of adding a credit`,
  };
  const bracketed = typeof v === "string" ? /^\s*\((.*)\)\s*$/.exec(v) : null;
  if (bracketed) {
    const inner = readMoneyCell(bracketed[1], what, example);
    if (inner.ok && inner.value !== undefined && inner.value > 0) return negative;
  }
  const read = readMoneyCell(typeof v === "number" ? toPennies(v) : v, what, example);
  if (read.ok && read.value !== undefined && read.value < 0) return negative;
  if (!read.ok && read.message.startsWith(`${show(v)} is not an amount of money; write it like `)) {
    return { ok: false, message: `${show(v)} is not an amount of money; write the ${what} like ${example}` };
  }
  return read;
}

/**
 * A worksheet number that is pounds and pence up to floating-point noise (a formula's
 * 1234.5600000000002) as the two-decimal number it stands for; other numbers unchanged, so a real
 * fraction of a penny is still refused.
 */
function toPennies(n: number): number {
  const pence = Math.round(n * 100);
  return Number.isSafeInteger(pence) && Math.abs(n * 100 - pence) < 1e-6 ? pence / 100 : n;
}

const ACTUALS_TABLE: TableKind<ActualsColumn> = {
  defaultName: "the actuals table",
  recognise: recogniseActualsHeader,
  knownHeaders: KNOWN_HEADERS,
  labels: ACTUALS_COLUMN_LABELS,
  unknownColumn: (h, tableName) =>
    typeof h === "string" && isGrossHeader(h)
      ? `${show(h)} looks like an amount including VAT; give the amount excluding VAT in a column headed "Amount" (and the VAT in a "VAT" column), and remove this one`
      : `${show(h)} is not a column of ${tableName}; rename it to one of ${KNOWN_HEADERS}, or remove the column`,
  emptyMessage: (tableName) =>
    `${tableName} is empty; give a header row (${KNOWN_HEADERS}) and one row per invoice`,
  noHeaderMessage: (tableName) =>
    `no header row found in ${tableName}; the first row must name its columns, such as ${KNOWN_HEADERS}`,
};

const DAYS_HINT = "write the days worked as a number such as 10, 4.5 or 0.25";

function readDaysCell(v: CellValue): CellRead<number> {
  if (isEmpty(v)) return { ok: true, value: undefined };
  let n: number;
  if (typeof v === "number") {
    n = v;
  } else if (typeof v === "string") {
    const t = daysText(v);
    if (!/^-?(\d+(\.\d+)?|\.\d+)$/.test(t)) {
      return { ok: false, message: `${show(v)} is not a number of days; ${DAYS_HINT}` };
    }
    n = Number(t);
  } else {
    return { ok: false, message: `${v} is not a number of days; ${DAYS_HINT}` };
  }
  if (!Number.isFinite(n)) return { ok: false, message: `${show(v)} is not a number of days; ${DAYS_HINT}` };
  if (n < 0) {
    return {
      ok: false,
      message: `days cannot be negative (${show(v)}); correct the original invoice line instead of adding a credit`,
    };
  }
  if (n === 0) {
    return { ok: false, message: `days must be more than 0; an invoice line claims the days worked` };
  }
  if (!isValidDays(n)) {
    return {
      ok: false,
      message: `${show(v)} has more than two decimal places; give days to the hundredth at most (4.5, 0.25)`,
    };
  }
  return { ok: true, value: Math.round(n * 100) / 100 };
}

/** Read an actuals table into invoice lines. See `readActualsTableLayout` for where each came from. */
export function readActualsTable(rows: TableRows, options: ActualsTableOptions): Result<ActualLine[]> {
  const read = readActualsTableLayout(rows, options);
  return read.ok ? { ok: true, value: read.value.lines } : read;
}

/** Read an actuals table and say where it was: header row, columns and the row of each line. */
export function readActualsTableLayout(
  rows: TableRows,
  options: ActualsTableOptions,
): Result<ActualsTableLayout> {
  const { tableName, rowRef, errors, header } = startTableRead(rows, options, ACTUALS_TABLE);
  if (header === undefined) return { ok: false, errors };
  const { headerRow, columns } = header;
  const required: [ActualsColumn, string][] = [
    ["lot", `column for the lot of each invoice; add a column headed "Lot"`],
    ["invoiceNumber", `column for the invoice numbers; add a column headed "Invoice number"`],
    ["days", `column for the days worked; add a column headed "Days"`],
    ["amount", `column for the amount invoiced ex VAT; add a column headed "Amount"`],
  ];
  for (const [column, what] of required) {
    if (columns[column] === undefined)
      errors.push({ path: rowRef(headerRow), message: `${tableName} has no ${what}` });
  }
  if (columns.invoiceDate === undefined && columns.periodEnd === undefined) {
    errors.push({
      path: rowRef(headerRow),
      message: `${tableName} has no dates; add an "Invoice date" column, or "Period start" and "Period end" columns for the work invoiced`,
    });
  }
  if ((columns.periodStart === undefined) !== (columns.periodEnd === undefined)) {
    const missing = columns.periodStart === undefined ? "Period start" : "Period end";
    errors.push({
      path: rowRef(headerRow),
      message: `${tableName} has a period column without its pair; add a ${quoted(missing)} column (or remove the other)`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  const read = readTableRows(rows, header, options.ref, rowRef, errors, (row, at): ActualLine | undefined => {
    const before = errors.length;
    const cell = (column: ActualsColumn): CellValue => {
      const c = columns[column];
      return c === undefined ? undefined : row[c];
    };
    const fail = (column: ActualsColumn, message: string): void => {
      errors.push({ path: at(column), message });
    };

    // Lot
    const lotCell = cell("lot");
    let lot = "";
    if (typeof lotCell === "boolean") fail("lot", `${lotCell} is not a lot name; write the lot invoiced`);
    else if (isEmpty(lotCell))
      fail("lot", `no lot given; write the lot this invoice is for (e.g. the council)`);
    else {
      lot = cellText(lotCell).replace(/\s+/g, " ");
      if (isTotalName(lot)) {
        fail("lot", `a ${quoted(lot)} row is not an invoice; remove it (the totals are worked out for you)`);
        return undefined;
      }
    }

    // Invoice number
    const numberCell = cell("invoiceNumber");
    let invoiceNumber = "";
    if (typeof numberCell === "boolean") {
      fail("invoiceNumber", `${numberCell} is not an invoice number; write the number on the invoice`);
    } else if (isEmpty(numberCell)) {
      fail("invoiceNumber", `no invoice number given; write the number on the invoice`);
    } else {
      invoiceNumber = cellText(numberCell).replace(/\s+/g, " ");
    }

    const line: ActualLine = { lot, invoiceNumber, days: 0, amount: 0 };

    // Dates
    for (const column of ["invoiceDate", "periodStart", "periodEnd"] as const) {
      if (columns[column] === undefined) continue;
      const got = readTableDate(cell(column));
      if (!got.ok) fail(column, got.message);
      else if (got.value !== undefined) line[column] = got.value;
    }
    const dateErrors = errors.length;
    if (columns.periodStart !== undefined && dateErrors === before) {
      if (line.periodStart !== undefined && line.periodEnd === undefined) {
        fail("periodEnd", `the period has a start but no end; give the last day of the work invoiced`);
      } else if (line.periodStart === undefined && line.periodEnd !== undefined) {
        fail("periodStart", `the period has an end but no start; give the first day of the work invoiced`);
      } else if (
        line.periodStart !== undefined &&
        line.periodEnd !== undefined &&
        line.periodEnd < line.periodStart
      ) {
        fail(
          "periodEnd",
          `the period ends (${formatUk(line.periodEnd)}) before it starts (${formatUk(line.periodStart)}); check the two dates`,
        );
      }
    }
    if (dateErrors === before && line.invoiceDate === undefined && line.periodEnd === undefined) {
      fail(
        columns.invoiceDate !== undefined ? "invoiceDate" : "periodEnd",
        columns.invoiceDate !== undefined
          ? `no invoice date given; write the date on the invoice (31/08/2017)`
          : `no period given; write the first and last day of the work invoiced`,
      );
    }

    // Days, amount, VAT
    const days = readDaysCell(cell("days"));
    if (!days.ok) fail("days", days.message);
    else if (days.value === undefined) fail("days", `no days given; write the days worked (10, 4.5)`);
    else line.days = days.value;

    const amount = readAmountCell(cell("amount"), "amount", "9600 or £9,600.00");
    if (!amount.ok) fail("amount", amount.message);
    else if (amount.value === undefined)
      fail("amount", `no amount given; write the amount invoiced ex VAT (£9,600.00)`);
    else line.amount = amount.value;

    if (columns.vat !== undefined) {
      const vat = readAmountCell(cell("vat"), "VAT", "1920 or £1,920.00");
      if (!vat.ok) fail("vat", vat.message);
      else if (vat.value !== undefined) line.vat = vat.value;
    }

    return line;
  });

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { headerRow, columns, lineRows: read.rowIndices, lines: read.values } };
}

/**
 * Read invoices from CSV text (RFC 4180; with commas, tabs as pasted from Excel, or semicolons
 * between cells, whichever the header row uses): problems name the row and column, `row 4, column "Days"`,
 * counting rows from 1 as a spreadsheet does (the header is row 1). The layout's `lineRows` give
 * each line's row; `csvLineRef(layout)` names lines that way in findings.
 */
export function readActualsCsv(text: string): Result<ActualsTableLayout> {
  const separator = detectSeparator(text);
  const parsed = parseCsv(text, { separator });
  if (!parsed.ok) return parsed;
  return readActualsTableLayout(parsed.value, {
    ref: csvCellRef,
    rowRef: csvRowRef,
    tableName: "the invoices file",
    found: describeTableText(parsed.value, separator),
  });
}

/** Names invoice line `index` by its CSV row, `row 5`, for `checkActuals`'s `lineRef`. */
export function csvLineRef(layout: ActualsTableLayout): (index: number) => string {
  return (index) => csvRowRef(layout.lineRows[index]);
}

/** 2017-08-31 → 31/08/2017, the way the table's users write dates. */
export function formatUk(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
