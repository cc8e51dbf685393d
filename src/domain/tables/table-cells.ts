/**
 * Reading the cells of a user's table — a lots table, an actuals table — from CSV records or
 * worksheet values: what a cell says and how money, days and dates are read from a cell. Every
 * problem is a message naming what to do; the caller's `ref` names the cell. Finding the header
 * and reading the rows under it is table-read.ts.
 */

import {
  daysInMonth,
  excelSerialToIso,
  isExcelDateSerial,
  isInDateRange,
  MONTH_NAMES,
} from "../core/calendar";
import { parseMoney } from "../core/money";
import type { IsoDate, Pence } from "../core/types";
import { quoted, tenderMessages } from "../core/messages";

/** A cell as CSV or a worksheet gives it. */
export type CellValue = string | number | boolean | null | undefined;

/** A table's cells, row by row: CSV records or a worksheet range's values. */
export type TableRows = readonly (readonly CellValue[])[];

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
