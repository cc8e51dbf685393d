/**
 * Reading the cells of a user's table — a lots table, an actuals table — from CSV records or
 * worksheet values: what a cell says, how its header is recognised, where the header row is,
 * which column holds each field, and how money and dates are read from a cell. Every problem is a
 * message naming what to do; the caller's `ref` names the cell.
 */

import {
  daysInMonth,
  excelSerialToIso,
  isExcelDateSerial,
  isInDateRange,
  MONTH_NAMES,
} from "../core/calendar";
import { parseMoney } from "../core/money";
import type { InputError, IsoDate, Pence } from "../core/types";
import { quoted, tenderMessages } from "../core/messages";

/** A cell as CSV or a worksheet gives it. */
export type CellValue = string | number | boolean | null | undefined;

/** A cell read: its value (undefined when the cell is empty), or what is wrong with it. */
export type CellRead<T> = { ok: true; value: T | undefined } | { ok: false; message: string };

/** Names a cell: 0-based `row` and `col` into the rows read, `header` that column's header text. */
export type CellRef = (row: number, col: number, header: string) => string;

/** `row 4, column "Days"`: names a CSV cell, counting rows from 1 as a spreadsheet does. */
export function csvCellRef(row: number, col: number, header: string): string {
  const h = header.trim();
  return h === "" ? `row ${row + 1}, column ${col + 1}` : `row ${row + 1}, column ${quoted(h)}`;
}

/** `row 4`: names a CSV row, counting from 1. */
export function csvRowRef(row: number): string {
  return `row ${row + 1}`;
}

/** The text of a cell, trimmed; "" for an empty cell. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v.trim() : String(v);
}

export function isEmpty(v: CellValue): boolean {
  return cellText(v) === "";
}

/** A cell as quoted in a message: text in quotes, numbers and booleans as they are. */
export function show(v: CellValue): string {
  return typeof v === "string" ? quoted(v.trim()) : String(v);
}

/**
 * Lower case, without units in brackets, "£", "ex VAT" or anything but letters and digits. A header
 * that is nothing but "ex VAT" keeps it, so that it is not taken for an empty header.
 */
export function headerKey(text: string): string {
  const key = text
    .toLowerCase()
    // Innermost brackets: "[^)]*" ran from every "(" to the end of a cell without one (quadratic).
    .replace(/\([^()]*\)|\[[^[\]]*\]/g, "")
    .replace(/[^a-z0-9]/g, "");
  return key.replace(/(exvat|exclvat|excvat|excludingvat)$/, "") || key;
}

/** Recognises the headers of a table's columns: the column a header names, or undefined. */
export function headerRecogniser<C extends string>(
  headers: Record<C, readonly string[]>,
): (text: string) => C | undefined {
  const keys = new Map<string, C>();
  for (const [column, words] of Object.entries(headers) as [C, readonly string[]][]) {
    for (const w of words) keys.set(headerKey(w), column);
  }
  return (text) => {
    const key = headerKey(text);
    return key === "" ? undefined : keys.get(key);
  };
}

/** How a table reader names cells and rows in its messages, and what it does with unknown columns. */
export interface TableReadOptions {
  /**
   * Names a cell in messages. `row` and `col` are 0-based indices into the `rows` given to the
   * reader; `header` is that column's header text ("" beyond the header). For CSV use `csvCellRef`
   * (`row 4, column "Days"`); a workbook passes e.g. `Tender!C7` or `Actuals!F7`.
   */
  ref: CellRef;
  /** Names a whole row, for problems not tied to one cell. Defaults to `row N` (1-based). */
  rowRef?: (row: number) => string;
  /** What to call the table in messages about it as a whole (each reader has its default). */
  tableName?: string;
  /** Skip columns whose header is not recognised instead of rejecting them. Default false. */
  ignoreUnknownColumns?: boolean;
  /**
   * What the table was found to hold, added to the message when no header row is found (for
   * text, `describeTableText` in csv.ts: the separator and the first row's cells).
   */
  found?: string;
}

/** The no-header message, with what was found when the reader was told it. */
export function noHeaderMessage(message: string, options: TableReadOptions): string {
  return options.found === undefined ? message : `${message}; ${options.found}`;
}

/** The header row: the first row naming two or more columns, else the first naming one; -1 if none. */
export function findHeaderRow(
  rows: readonly (readonly CellValue[])[],
  recognise: (text: string) => string | undefined,
): number {
  const recognisedIn = (row: readonly CellValue[]): number =>
    row.filter((c) => typeof c === "string" && recognise(c) !== undefined).length;
  const headerRow = rows.findIndex((r) => recognisedIn(r) >= 2);
  return headerRow >= 0 ? headerRow : rows.findIndex((r) => recognisedIn(r) >= 1);
}

/** A table's header row read: where it is, how wide, the column of each field and each header. */
export interface TableHeader<C extends string> {
  headerRow: number;
  /** Columns up to the last non-empty header cell. */
  width: number;
  columns: Partial<Record<C, number>>;
  /** The header text of column `c` ("" beyond the header). */
  headerText: (c: number) => string;
}

export interface TableHeaderOptions<C extends string> {
  ref: CellRef;
  /** What to call the table in messages about it as a whole. */
  tableName: string;
  recognise: (text: string) => C | undefined;
  /** The known headers as listed in messages: `"Lot", "Days"`. */
  knownHeaders: string;
  /** What to call each field's column in messages. */
  labels: Record<C, string>;
  /** What is wrong with a header naming no field, or undefined to skip that column. */
  unknownColumn: (header: CellValue) => string | undefined;
  /** The message when every cell is empty. */
  emptyMessage: string;
  /** The message when no row names a column. */
  noHeaderMessage: string;
}

/**
 * Find the header row and read the column of each field it names. Problems (no header row, a
 * column with values but no header, an unknown header, a field headed twice) are added to
 * `errors`; without a header row the answer is undefined.
 */
export function readTableHeader<C extends string>(
  rows: readonly (readonly CellValue[])[],
  options: TableHeaderOptions<C>,
  errors: InputError[],
): TableHeader<C> | undefined {
  const headerRow = findHeaderRow(rows, options.recognise);
  if (headerRow < 0) {
    const blank = rows.every((r) => r.every(isEmpty));
    errors.push({ path: options.tableName, message: blank ? options.emptyMessage : options.noHeaderMessage });
    return undefined;
  }
  const header = rows[headerRow];
  let width = header.length;
  while (width > 0 && isEmpty(header[width - 1])) width--;
  const headerText = (c: number): string => (c < width ? cellText(header[c]) : "");
  const columns: Partial<Record<C, number>> = {};
  for (let c = 0; c < width; c++) {
    const h = header[c];
    if (isEmpty(h)) {
      if (rows.slice(headerRow + 1).some((r) => !isEmpty(r[c]))) {
        errors.push({
          path: options.ref(headerRow, c, ""),
          message: `this column has values but no header; head it with one of ${options.knownHeaders}, or remove it`,
        });
      }
      continue;
    }
    const column = typeof h === "string" ? options.recognise(h) : undefined;
    if (column === undefined) {
      const message = options.unknownColumn(h);
      if (message !== undefined) errors.push({ path: options.ref(headerRow, c, cellText(h)), message });
      continue;
    }
    const earlier = columns[column];
    if (earlier !== undefined) {
      errors.push({
        path: options.ref(headerRow, c, cellText(h)),
        message: `a second ${options.labels[column]} column (the first is headed ${quoted(headerText(earlier))}); keep only one`,
      });
      continue;
    }
    columns[column] = c;
  }
  return { headerRow, width, columns, headerText };
}

/**
 * Check that row `r` has one value per header column, no more and no fewer; problems are added to
 * `errors`. Returns false when there were any.
 */
function checkRowWidth(
  row: readonly CellValue[],
  r: number,
  width: number,
  ref: CellRef,
  rowRef: (row: number) => string,
  errors: InputError[],
): boolean {
  const before = errors.length;
  for (let c = width; c < row.length; c++) {
    if (!isEmpty(row[c])) {
      errors.push({
        path: ref(r, c, ""),
        message: `${show(row[c])} is beyond the last column of the header (${rowRef(r)} has more values than the header has columns); remove it, or give the column a header`,
      });
    }
  }
  if (row.length < width) {
    errors.push({
      path: rowRef(r),
      message: `${rowRef(r)} has ${row.length} value${row.length === 1 ? "" : "s"} but the header has ${width} columns; give every row one value per column (leave a value empty between commas: ,,)`,
    });
  }
  return errors.length === before;
}

/**
 * Read each row under the header that has a value, with `readRow` (given the row, a namer of its
 * cell in a field's column and its index in `rows`), once the row is checked to have one value
 * per header column. A row's value is kept when reading it added nothing to `errors`; `rowIndices`
 * gives the index in `rows` of each value kept.
 */
export function readTableRows<C extends string, T>(
  rows: readonly (readonly CellValue[])[],
  header: TableHeader<C>,
  ref: CellRef,
  rowRef: (row: number) => string,
  errors: InputError[],
  readRow: (row: readonly CellValue[], at: (column: C) => string, r: number) => T | undefined,
): { values: T[]; rowIndices: number[] } {
  const { headerRow, width, columns, headerText } = header;
  const values: T[] = [];
  const rowIndices: number[] = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every(isEmpty)) continue;
    const before = errors.length;
    if (!checkRowWidth(row, r, width, ref, rowRef, errors)) continue;
    const at = (column: C): string => {
      const c = columns[column] as number;
      return ref(r, c, headerText(c));
    };
    const value = readRow(row, at, r);
    if (errors.length > before || value === undefined) continue;
    values.push(value);
    rowIndices.push(r);
  }
  return { values, rowIndices };
}

const TOTAL_NAMES = new Set(["total", "totals", "grandtotal", "sum", "subtotal"]);

/** A name such as "Total" or "Grand total": a row of totals, not a row of the table. */
export function isTotalName(name: string): boolean {
  return TOTAL_NAMES.has(name.toLowerCase().replace(/[^a-z]/g, ""));
}

/**
 * Read an amount of money from a cell, as people type it (`£9,600.00`, `9600`, `£1.2m`); `what`
 * and `example` word the message for a true/false cell. The sign is the caller's to check.
 */
export function readMoneyCell(v: CellValue, what: string, example: string): CellRead<Pence> {
  if (isEmpty(v)) return { ok: true, value: undefined };
  if (typeof v === "boolean") {
    return { ok: false, message: `${v} is not an amount of money; write the ${what} like ${example}` };
  }
  const parsed = parseMoney(typeof v === "string" ? v.trim() : (v as number));
  return parsed.ok ? { ok: true, value: parsed.value.pence } : { ok: false, message: parsed.error };
}

/** A days cell's text without a trailing "day" or "days": `4.5 days` → `4.5`. */
export function daysText(text: string): string {
  // "days" found first, then the spaces before it cut: "\s*days?$" tried every space of a long run
  // against the rest of it (quadratic).
  const t = text.trim();
  const unit = /days?$/i.exec(t);
  return (unit === null ? t : t.slice(0, unit.index)).trim();
}

const MONTHS = MONTH_NAMES.map((name) => name.toLowerCase());

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const DATE_HINT = "write it as dd/mm/yyyy (31/08/2017) or yyyy-mm-dd (2017-08-31)";

function checkedDate(text: string, year: number, month: number, day: number): CellRead<IsoDate> {
  if (month < 1 || month > 12) {
    return {
      ok: false,
      message: `${quoted(text)} is not a date: there is no month ${month} (dates are day/month/year); ${DATE_HINT}`,
    };
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    const monthName = MONTHS[month - 1][0].toUpperCase() + MONTHS[month - 1].slice(1);
    return {
      ok: false,
      message: `${quoted(text)} is not a date: ${monthName} ${year} has ${last} days; ${DATE_HINT}`,
    };
  }
  const date = iso(year, month, day);
  if (!isInDateRange(date))
    return { ok: false, message: `${tenderMessages.dateOutOfRange(text)}; ${DATE_HINT}` };
  return { ok: true, value: date };
}

/**
 * Read a date as people and spreadsheets write it: `YYYY-MM-DD`, UK order `dd/mm/yyyy` (also with
 * `-` or `.`), `31 August 2017` / `31 Aug 2017`, or an Excel serial number (the date part of it).
 */
export function readTableDate(v: CellValue): CellRead<IsoDate> {
  if (isEmpty(v)) return { ok: true, value: undefined };
  if (typeof v === "number") {
    if (!isExcelDateSerial(v)) {
      return {
        ok: false,
        message: `${v} is not a date (as an Excel date number it is out of range); ${DATE_HINT}`,
      };
    }
    return { ok: true, value: excelSerialToIso(v) };
  }
  if (typeof v !== "string") return { ok: false, message: `${v} is not a date; ${DATE_HINT}` };
  const written = v.trim();
  // A date and a time of day, as spreadsheets export date cells ("31/08/2017 00:00",
  // "2017-08-31T00:00:00"): the date is what counts. A time zone is refused, as it could move the date.
  const withTime =
    /^(.*\d)(?:[ T]|,\s*)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      written,
    );
  if (withTime?.[2] !== undefined) {
    return {
      ok: false,
      message: `${quoted(written)} has a time zone; give the date alone, such as ${withTime[1]}; ${DATE_HINT}`,
    };
  }
  const text = withTime ? withTime[1] : written;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return checkedDate(text, Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d+)$/.exec(text);
  if (m) {
    if (m[4].length !== 4) {
      return { ok: false, message: `${quoted(text)}: write the year in full (2017, not 17); ${DATE_HINT}` };
    }
    return checkedDate(text, Number(m[4]), Number(m[3]), Number(m[1]));
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(text);
  if (m) {
    const word = m[2].toLowerCase();
    const month = word.length >= 3 ? MONTHS.findIndex((name) => name.startsWith(word)) + 1 : 0;
    if (month > 0 && (word.length === 3 || word === MONTHS[month - 1] || word === "sept")) {
      return checkedDate(text, Number(m[3]), month, Number(m[1]));
    }
  }
  return { ok: false, message: `${quoted(text)} is not a date; ${DATE_HINT}` };
}
