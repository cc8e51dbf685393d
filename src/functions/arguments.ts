/**
 * Reading Excel's arguments for the TENDER.* functions: cell values arrive as numbers, strings,
 * booleans, "" or null for blanks, and 2-D arrays for ranges. Every problem becomes an Excel error
 * with a message that names the argument (and, for ranges, the cell's position in the range).
 *
 * The arithmetic itself lives in src/domain; this file only turns cell values into engine inputs.
 */
import { DEFAULT_REGION, parseDays, parseMoney, parseRegion, readTableDate } from "../domain";
import type { IsoDate, Pence, Region, StatedAmount } from "../domain";

/** Stop with #VALUE! and a message Excel shows in the cell's error tooltip. */
export function invalidValue(message: string): never {
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** Stop with #N/A and the reason. */
export function notAvailable(message: string): never {
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

/**
 * Run a function body so that Excel only ever sees an Excel error: CustomFunctions errors pass
 * through; anything else the engine throws becomes #VALUE! carrying its message.
 */
export function excelCall<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return invalidValue(message);
  }
}

/** An empty cell, an empty string, or an optional argument left out. */
export function isBlank(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * A number as Excel shows it: Excel keeps 15 significant digits, so a cell computed as
 * =0.1+0.2 holds 0.30000000000000004 but reads 0.3. Amounts are taken at what the user sees.
 */
export function asShown(x: number): number {
  return Number(x.toPrecision(15));
}

/**
 * The value of a one-cell range, for an argument that takes one cell (a 1×1 range or array
 * constant is that cell); anything else as it is.
 */
export function oneCell(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) {
    return basicValue(value[0][0]);
  }
  return basicValue(value);
}

/**
 * A cell as its plain value. functions.json allows data types for `any` parameters
 * (allowCustomDataForDataTypeAny), so a cell holding a number, text or TRUE/FALSE data type, or a
 * formatted number, arrives as an object with a `basicValue` (Excel.CellValue: DoubleCellValue,
 * StringCellValue, BooleanCellValue, FormattedNumberCellValue); it is read as that value. An entity
 * or an error stays as it is, for the caller to refuse by name.
 */
export function basicValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const cell = value as { type?: unknown; basicValue?: unknown };
  if (cell.type === "Error" || !("basicValue" in cell)) return value;
  const v = cell.basicValue;
  return typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : value;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    const cells = value.reduce((n: number, row) => n + (Array.isArray(row) ? row.length : 1), 0);
    return `a range of ${cells} cells; give one cell`;
  }
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  const text = (value as { text?: unknown } | null)?.text;
  if (typeof text === "string") return `a data type (${JSON.stringify(text)})`;
  return "an Excel error or a data type";
}

/** An amount of money: a number of pounds (107520, 452.5) or text such as "£107,520" or "£1.2m". */
export function readStatedAmount(cell: unknown, name: string): StatedAmount {
  const value = oneCell(cell);
  if (isBlank(value)) return invalidValue(`${name} is empty; give an amount such as 107520 or "£107,520"`);
  if (typeof value !== "number" && typeof value !== "string") {
    return invalidValue(`${name} must be an amount of money, not ${describe(value)}`);
  }
  const parsed = parseMoney(typeof value === "number" ? asShown(value) : value);
  if (!parsed.ok) return invalidValue(`${name}: ${parsed.error}`);
  return parsed.value;
}

/** A positive amount of money, in pence. */
export function readPositiveMoney(value: unknown, name: string): Pence {
  const amount = readStatedAmount(value, name);
  if (amount.pence <= 0) return invalidValue(`${name} must be a positive amount`);
  return amount.pence;
}

/** A number that is not a blank, text or TRUE/FALSE. */
export function readNumber(cell: unknown, name: string): number {
  const value = oneCell(cell);
  if (isBlank(value)) return invalidValue(`${name} is empty; give a number`);
  if (typeof value === "string") {
    const text = value.trim();
    const n = Number(text);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) || !Number.isFinite(n)) {
      return invalidValue(`${name} must be a number, not ${describe(value)}`);
    }
    return n;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return invalidValue(`${name} must be a number, not ${describe(value)}`);
  }
  return asShown(value);
}

/** A number of days: zero or more, half days allowed (the engine's rule for a lot's days). */
export function readDays(cell: unknown, name: string): number {
  const value = oneCell(cell);
  if (isBlank(value)) return invalidValue(`${name} is empty; give a number of days such as 112 or 2.5`);
  if (typeof value === "boolean" || Array.isArray(value)) {
    return invalidValue(`${name} must be a number of days, such as 112 or 2.5, not ${describe(value)}`);
  }
  const parsed = parseDays(typeof value === "number" && Number.isFinite(value) ? asShown(value) : value);
  if (!parsed.ok)
    return invalidValue(`${name}${parsed.error.startsWith("must") ? " " : ": "}${parsed.error}`);
  return parsed.value;
}

/**
 * A date: an Excel date (a serial number such as 42978, what a date cell holds; a time of day is
 * ignored), or text such as 2017-08-31, 31/08/2017 (UK day/month/year) or 31 August 2017.
 */
export function readDate(cell: unknown, name: string): IsoDate {
  const value = oneCell(cell);
  if (isBlank(value))
    return invalidValue(`${name} is empty; give a date: an Excel date, 2017-08-31 or 31/08/2017`);
  if (typeof value !== "number" && typeof value !== "string") {
    return invalidValue(
      `${name} must be a date (an Excel date, 2017-08-31 or 31/08/2017), not ${describe(value)}`,
    );
  }
  const read = readTableDate(value);
  if (!read.ok) return invalidValue(`${name}: ${read.message}`);
  if (read.value === undefined) return invalidValue(`${name} is empty; give a date`);
  return read.value;
}

/** Bank-holiday region; England & Wales when left out. */
export function readRegion(cell: unknown, name = "region"): Region {
  const value = oneCell(cell);
  if (isBlank(value)) return DEFAULT_REGION;
  const parsed = parseRegion(value);
  if (!parsed.ok) return invalidValue(`${name}: ${parsed.error}`);
  return parsed.value;
}

/** One non-blank cell of a range, with its 1-based position in the range. */
export interface RangeCell {
  value: unknown;
  row: number;
  column: number;
}

/** A range as Excel passes it (a 2-D array); a single value counts as a one-cell range. */
export function asRange(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[basicValue(value)]];
  return value.map((row) => (Array.isArray(row) ? row.map(basicValue) : [basicValue(row)]));
}

/**
 * Where a cell sits in a range, in words: "row 3 of values", "column 2 of weights". The range's
 * shape is measured once, here, so naming any number of cells stays cheap on a large range.
 */
export function cellPositions(range: unknown[][], name: string): (row: number, column: number) => string {
  let width = 0;
  for (const r of range) if (r.length > width) width = r.length;
  return (row, column) => {
    if (width === 1) return `row ${row} of ${name}`;
    if (range.length === 1) return `column ${column} of ${name}`;
    return `row ${row}, column ${column} of ${name}`;
  };
}

/** The non-blank cells of a range, row by row. */
export function nonBlankCells(range: unknown[][]): RangeCell[] {
  const cells: RangeCell[] = [];
  range.forEach((r, i) =>
    r.forEach((value, j) => {
      if (!isBlank(value)) cells.push({ value, row: i + 1, column: j + 1 });
    }),
  );
  return cells;
}

/**
 * The amounts in a range, in pence: numbers are pounds, text such as "£107,520" is read as money,
 * blank cells are skipped. Anything else (and a negative amount, unless allowed) stops with
 * #VALUE! naming the cell.
 */
export function readMoneyRange(
  value: unknown,
  name: string,
  options: { allowNegative?: boolean } = {},
): Pence[] {
  const range = asRange(value);
  const position = cellPositions(range, name);
  return nonBlankCells(range).map((cell) => {
    const where = () => position(cell.row, cell.column);
    if (typeof cell.value !== "number" && typeof cell.value !== "string") {
      return invalidValue(`${where()} is ${describe(cell.value)}, not an amount of money`);
    }
    const parsed = parseMoney(typeof cell.value === "number" ? asShown(cell.value) : cell.value);
    if (!parsed.ok) return invalidValue(`${where()}: ${parsed.error}`);
    if (parsed.value.pence < 0 && !options.allowNegative) {
      return invalidValue(`${where()} is ${describe(cell.value)}; amounts must not be negative`);
    }
    return parsed.value.pence;
  });
}
