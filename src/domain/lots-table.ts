/**
 * Read a lots table — one row per lot under a header row — from CSV records or worksheet values.
 *
 * The columns are recognised by their header words, whatever the case and spacing:
 * Lot/Council/Authority/Name; Day rate/Rate/Daily rate; Days/Estimated days/Number of days;
 * Stated value/Value/Budget/Amount/Allocation; Start date/Start; End date/End. Money is read as
 * procurement people type it (`£107,520`, `107520`, `£1.2m`), dates in UK order (`31/08/2017`),
 * as `YYYY-MM-DD`, as `31 August 2017` or as Excel serial numbers. Every problem names the cell
 * (through the caller's `ref`) and says what to do.
 */

import { daysInMonth, excelSerialToIso, isExcelDateSerial, MONTH_NAMES } from "./calendar";
import { tenderMessages } from "./messages";
import { parseMoney } from "./money";
import { parseDays } from "./tender";
import type { InputError, IsoDate, Lot, Pence, Result } from "./types";

/** A cell as CSV or a worksheet gives it. */
export type CellValue = string | number | boolean | null | undefined;

/** The lot fields a lots table can hold, one column each. */
export type LotsColumn = "name" | "dayRate" | "days" | "statedValue" | "startDate" | "endDate";

export interface LotsTableOptions {
  /**
   * Names a cell in messages. `row` and `col` are 0-based indices into the `rows` given to the
   * reader; `header` is that column's header text ("" beyond the header). For CSV use `csvCellRef`
   * (`row 4, column "Days"`); a workbook passes e.g. `Tender!C7`.
   */
  ref: (row: number, col: number, header: string) => string;
  /** Names a whole row, for problems not tied to one cell. Defaults to `row N` (1-based). */
  rowRef?: (row: number) => string;
  /** What to call the table in messages about it as a whole. Default "the lots table". */
  tableName?: string;
  /** Skip columns whose header is not recognised instead of rejecting them. Default false. */
  ignoreUnknownColumns?: boolean;
}

/** Where the table was found: the header row, the column of each field, the row of each lot. */
export interface LotsTableLayout {
  headerRow: number;
  columns: Partial<Record<LotsColumn, number>>;
  /** `lotRows[i]` is the index in `rows` that `lots[i]` was read from. */
  lotRows: number[];
  lots: Lot[];
}

/** The header words of each column, in the order shown in messages. */
export const LOTS_COLUMN_HEADERS: Record<LotsColumn, readonly string[]> = {
  name: ["Lot", "Lot name", "Council", "Authority", "Local authority", "Name"],
  dayRate: ["Day rate", "Rate", "Daily rate", "Rate per day"],
  days: ["Days", "Estimated days", "Number of days", "No. of days"],
  statedValue: ["Stated value", "Value", "Budget", "Amount", "Allocation", "Lot value"],
  startDate: ["Start date", "Start"],
  endDate: ["End date", "End"],
};

const COLUMN_LABEL: Record<LotsColumn, string> = {
  name: "Lot",
  dayRate: "Day rate",
  days: "Days",
  statedValue: "Stated value",
  startDate: "Start date",
  endDate: "End date",
};

const KNOWN_HEADERS = `"Lot", "Day rate", "Days", "Stated value", "Start date", "End date"`;

/** `row 4, column "Days"`: names a CSV cell, counting rows from 1 as a spreadsheet does. */
export function csvCellRef(row: number, col: number, header: string): string {
  const h = header.trim();
  return h === "" ? `row ${row + 1}, column ${col + 1}` : `row ${row + 1}, column "${h}"`;
}

/** `row 4`: names a CSV row, counting from 1. */
export function csvRowRef(row: number): string {
  return `row ${row + 1}`;
}

/** Lower case, without units in brackets, "£", "ex VAT" or anything but letters and digits. */
function headerKey(text: string): string {
  const key = text
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, "")
    .replace(/[^a-z0-9]/g, "");
  return key.replace(/(exvat|exclvat|excvat|excludingvat)$/, "");
}

const HEADER_KEYS = new Map<string, LotsColumn>();
for (const [column, words] of Object.entries(LOTS_COLUMN_HEADERS) as [LotsColumn, readonly string[]][]) {
  for (const w of words) HEADER_KEYS.set(headerKey(w), column);
}

/** The field a header names, or undefined when it names none. */
export function recogniseHeader(text: string): LotsColumn | undefined {
  const key = headerKey(text);
  return key === "" ? undefined : HEADER_KEYS.get(key);
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v.trim() : String(v);
}

function isEmpty(v: CellValue): boolean {
  return cellText(v) === "";
}

function show(v: CellValue): string {
  return typeof v === "string" ? `"${v.trim()}"` : String(v);
}

type CellRead<T> = { ok: true; value: T | undefined } | { ok: false; message: string };

function readMoney(v: CellValue, what: string, zeroAllowed: boolean): CellRead<Pence> {
  if (v === null || v === undefined || isEmpty(v)) return { ok: true, value: undefined };
  if (typeof v === "boolean") {
    return {
      ok: false,
      message: `${v} is not an amount of money; write the ${what} like 107520 or £107,520.00`,
    };
  }
  const parsed = parseMoney(typeof v === "string" ? v.trim() : v);
  if (!parsed.ok) {
    return { ok: false, message: parsed.error };
  }
  const pence = parsed.value.pence;
  if (pence < 0 || (pence === 0 && !zeroAllowed)) {
    const rule = zeroAllowed ? "must not be negative" : "must be more than £0";
    return { ok: false, message: `the ${what} ${rule} (it is ${show(v)})` };
  }
  return { ok: true, value: pence };
}

function readDays(v: CellValue): CellRead<number> {
  if (v === null || v === undefined || isEmpty(v)) return { ok: true, value: undefined };
  let input: unknown = v;
  if (typeof v === "string") {
    const t = v
      .trim()
      .replace(/\s*days?$/i, "")
      .trim();
    input = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, "") : t;
  }
  const parsed = parseDays(input);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: parsed.error };
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
      message: `"${text}" is not a date: there is no month ${month} (dates are day/month/year); ${DATE_HINT}`,
    };
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    const monthName = MONTHS[month - 1][0].toUpperCase() + MONTHS[month - 1].slice(1);
    return {
      ok: false,
      message: `"${text}" is not a date: ${monthName} ${year} has ${last} days; ${DATE_HINT}`,
    };
  }
  if (year < 1900 || year > 9999) {
    return { ok: false, message: `"${text}" has an implausible year ${year}; ${DATE_HINT}` };
  }
  return { ok: true, value: iso(year, month, day) };
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
  const text = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return checkedDate(text, Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d+)$/.exec(text);
  if (m) {
    if (m[4].length !== 4) {
      return { ok: false, message: `"${text}": write the year in full (2017, not 17); ${DATE_HINT}` };
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
  return { ok: false, message: `"${text}" is not a date; ${DATE_HINT}` };
}

/** How each lot field other than the name is read from its cell. */
const CELL_READERS: [LotsColumn, (v: CellValue) => CellRead<number | string>][] = [
  ["dayRate", (v) => readMoney(v, "day rate", false)],
  ["days", readDays],
  ["statedValue", (v) => readMoney(v, "stated value", true)],
  ["startDate", readTableDate],
  ["endDate", readTableDate],
];

const TOTAL_NAMES = new Set(["total", "totals", "grandtotal", "sum", "subtotal"]);

/** Read a lots table into lots. See `readLotsTableLayout` for where each lot came from. */
export function readLotsTable(
  rows: readonly (readonly CellValue[])[],
  options: LotsTableOptions,
): Result<Lot[]> {
  const read = readLotsTableLayout(rows, options);
  return read.ok ? { ok: true, value: read.value.lots } : read;
}

/** Read a lots table and say where it was: header row, columns and the row of each lot. */
export function readLotsTableLayout(
  rows: readonly (readonly CellValue[])[],
  options: LotsTableOptions,
): Result<LotsTableLayout> {
  const tableName = options.tableName ?? "the lots table";
  const rowRef = options.rowRef ?? csvRowRef;
  const errors: InputError[] = [];
  const fail = (path: string, message: string): Result<LotsTableLayout> => ({
    ok: false,
    errors: [{ path, message }],
  });

  // The header: the first row naming two or more columns, else the first naming one.
  const recognisedIn = (row: readonly CellValue[]): number =>
    row.filter((c) => typeof c === "string" && recogniseHeader(c) !== undefined).length;
  let headerRow = rows.findIndex((r) => recognisedIn(r) >= 2);
  if (headerRow < 0) headerRow = rows.findIndex((r) => recognisedIn(r) >= 1);
  if (headerRow < 0) {
    const empty = rows.every((r) => r.every(isEmpty));
    return fail(
      tableName,
      empty
        ? `${tableName} is empty; give a header row (${KNOWN_HEADERS}) and one row per lot`
        : `no header row found in ${tableName}; the first row of the table must name its columns, such as ${KNOWN_HEADERS}`,
    );
  }

  const header = rows[headerRow];
  let width = header.length;
  while (width > 0 && isEmpty(header[width - 1])) width--;
  const headerText = (c: number): string => (c < width ? cellText(header[c]) : "");
  const columns: Partial<Record<LotsColumn, number>> = {};
  for (let c = 0; c < width; c++) {
    const h = header[c];
    if (isEmpty(h)) {
      const hasValues = rows.slice(headerRow + 1).some((r) => !isEmpty(r[c]));
      if (hasValues) {
        errors.push({
          path: options.ref(headerRow, c, ""),
          message: `this column has values but no header; head it with one of ${KNOWN_HEADERS}, or remove it`,
        });
      }
      continue;
    }
    const column = typeof h === "string" ? recogniseHeader(h) : undefined;
    if (column === undefined) {
      if (!options.ignoreUnknownColumns) {
        errors.push({
          path: options.ref(headerRow, c, cellText(h)),
          message: `${show(h)} is not a column of a lots table; rename it to one of ${KNOWN_HEADERS}, or remove the column`,
        });
      }
      continue;
    }
    const earlier = columns[column];
    if (earlier !== undefined) {
      errors.push({
        path: options.ref(headerRow, c, cellText(h)),
        message: `a second ${COLUMN_LABEL[column]} column (the first is headed "${headerText(earlier)}"); keep only one`,
      });
      continue;
    }
    columns[column] = c;
  }
  if (columns.name === undefined) {
    errors.push({
      path: rowRef(headerRow),
      message: `${tableName} has no column for the lot names; add a column headed "Lot" (or Council, Authority, Name)`,
    });
  }
  if (columns.days === undefined && columns.statedValue === undefined) {
    errors.push({
      path: rowRef(headerRow),
      message: `${tableName} needs a "Days" or a "Stated value" column (or both) to work out what each lot is worth`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  const lots: Lot[] = [];
  const lotRows: number[] = [];
  const seen = new Map<string, number>();
  const nameCol = columns.name as number;

  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every(isEmpty)) continue;
    const before = errors.length;
    for (let c = width; c < row.length; c++) {
      if (!isEmpty(row[c])) {
        errors.push({
          path: options.ref(r, c, ""),
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
    if (errors.length > before) continue;

    const at = (column: LotsColumn): string => {
      const c = columns[column] as number;
      return options.ref(r, c, headerText(c));
    };
    const lot: Lot = { name: "" };
    const nameCell = row[nameCol];
    if (typeof nameCell === "boolean") {
      errors.push({ path: at("name"), message: `${nameCell} is not a lot name; write the lot's name` });
    } else if (isEmpty(nameCell)) {
      errors.push({
        path: at("name"),
        message: `this lot has no name; write the lot's name (e.g. the council)`,
      });
    } else {
      const name = cellText(nameCell).replace(/\s+/g, " ");
      const key = name.toLowerCase();
      if (TOTAL_NAMES.has(key.replace(/[^a-z]/g, ""))) {
        errors.push({
          path: at("name"),
          message: `a "${name}" row is not a lot; remove it (give the tender's stated total separately)`,
        });
      } else {
        const first = seen.get(key);
        if (first !== undefined) {
          errors.push({
            path: at("name"),
            message: `lot "${name}" appears twice (also ${options.ref(first, nameCol, headerText(nameCol))}); give each lot a different name, or merge the rows`,
          });
        } else {
          seen.set(key, r);
        }
      }
      lot.name = name;
    }

    for (const [column, reader] of CELL_READERS) {
      const c = columns[column];
      if (c === undefined) continue;
      const got = reader(row[c]);
      if (!got.ok) {
        errors.push({ path: at(column), message: got.message });
      } else if (got.value !== undefined) {
        (lot as unknown as Record<string, number | string>)[column] = got.value;
      }
    }
    if (errors.length > before) continue;
    if (lot.days === undefined && lot.statedValue === undefined) {
      errors.push({ path: rowRef(r), message: tenderMessages.lotNothingToValue(lot.name) });
      continue;
    }
    lots.push(lot);
    lotRows.push(r);
  }

  if (errors.length > 0) return { ok: false, errors };
  if (lots.length === 0) {
    return fail(
      rowRef(headerRow),
      `${tableName} has a header but no lots; add one row per lot under the header`,
    );
  }
  return { ok: true, value: { headerRow, columns, lotRows, lots } };
}
