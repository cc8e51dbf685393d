/**
 * Reading a user's table — a lots table, an actuals table — from CSV records or worksheet values:
 * how its header is recognised, where the header row is, which column holds each field, and each
 * row under it checked against the header. What a single cell says is table-cells.ts.
 */

import {
  cellText,
  type CellRef,
  type CellValue,
  csvRowRef,
  isEmpty,
  show,
  type TableRows,
} from "./table-cells";
import type { InputError } from "../core/types";
import { quoted } from "../core/messages";

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
function noHeaderMessage(message: string, options: TableReadOptions): string {
  return options.found === undefined ? message : `${message}; ${options.found}`;
}

/** The header row: the first row naming two or more columns, else the first naming one; -1 if none. */
export function findHeaderRow(rows: TableRows, recognise: (text: string) => string | undefined): number {
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

/** Where a table was found: its header row and the column of each field it names. */
export interface TableLayout<C extends string> {
  headerRow: number;
  columns: Partial<Record<C, number>>;
}

/** What one kind of table (lots, invoices) calls its columns and says when its header is wrong. */
export interface TableKind<C extends string> {
  /** What to call the table in messages when the caller gives no `tableName`. */
  defaultName: string;
  recognise: (text: string) => C | undefined;
  /** The known headers as listed in messages: `"Lot", "Days"`. */
  knownHeaders: string;
  /** What to call each field's column in messages. */
  labels: Record<C, string>;
  /** What is wrong with a header naming no field (not asked when unknown columns are ignored). */
  unknownColumn: (header: CellValue, tableName: string) => string;
  /** The message when every cell is empty. */
  emptyMessage: (tableName: string) => string;
  /** The message when no row names a column (what was found is added to it). */
  noHeaderMessage: (tableName: string) => string;
}

/** The start of reading a table: its name and row namer, the problems so far and its header. */
export interface TableStart<C extends string> {
  tableName: string;
  rowRef: (row: number) => string;
  errors: InputError[];
  /** Undefined when no header row was found (`errors` says why). */
  header: TableHeader<C> | undefined;
}

/** Name the table, as the options or the kind say, and read its header row (`readTableHeader`). */
export function startTableRead<C extends string>(
  rows: TableRows,
  options: TableReadOptions,
  kind: TableKind<C>,
): TableStart<C> {
  const tableName = options.tableName ?? kind.defaultName;
  const errors: InputError[] = [];
  const header = readTableHeader(
    rows,
    {
      ref: options.ref,
      tableName,
      recognise: kind.recognise,
      knownHeaders: kind.knownHeaders,
      labels: kind.labels,
      unknownColumn: (h) => (options.ignoreUnknownColumns ? undefined : kind.unknownColumn(h, tableName)),
      emptyMessage: kind.emptyMessage(tableName),
      noHeaderMessage: noHeaderMessage(kind.noHeaderMessage(tableName), options),
    },
    errors,
  );
  return { tableName, rowRef: options.rowRef ?? csvRowRef, errors, header };
}

interface TableHeaderOptions<C extends string> {
  ref: CellRef;
  tableName: string;
  recognise: (text: string) => C | undefined;
  knownHeaders: string;
  labels: Record<C, string>;
  /** What is wrong with a header naming no field, or undefined to skip that column. */
  unknownColumn: (header: CellValue) => string | undefined;
  emptyMessage: string;
  noHeaderMessage: string;
}

/**
 * Find the header row and read the column of each field it names. Problems (no header row, a
 * column with values but no header, an unknown header, a field headed twice) are added to
 * `errors`; without a header row the answer is undefined.
 */
function readTableHeader<C extends string>(
  rows: TableRows,
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
  rows: TableRows,
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
