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

import { nameKey } from "../core/names";
import { quoted, tenderMessages } from "../core/messages";
import { MAX_LOTS, parseDays } from "../check/tender";
import {
  type CellRead,
  type CellValue,
  cellText,
  daysText,
  isEmpty,
  isTotalName,
  readMoneyCell,
  readTableDate,
  show,
  type TableRows,
} from "./table-cells";
import {
  headerRecogniser,
  readTableRows,
  startTableRead,
  type TableKind,
  type TableLayout,
  type TableReadOptions,
} from "./table-read";
import type { Lot, Pence, Result } from "../core/types";
import { LOT_FIELD_LABELS, LOT_FIELDS, type LotField } from "../core/fields";

export { csvCellRef, csvRowRef, readTableDate } from "./table-cells";
export type { CellValue } from "./table-cells";

/** The lot fields a lots table can hold, one column each (core/fields.ts lists them). */
export type LotsColumn = LotField;

/** How cells and rows are named in messages; the default table name is "the lots table". */
export interface LotsTableOptions extends TableReadOptions {
  /**
   * Read a row named like a total ("Total", "Grand total", "=SUM(…)") as a lot. A table typed by
   * hand refuses such a row, which is almost always its totals line; a tender CSV Tender Budget
   * wrote holds only lots, and a lot may be called anything (default false). "but the last row":
   * only the table's last row is taken for a totals line, where Excel's Total Row and a typed
   * total go (the Tender sheet, which the tool writes and the user edits).
   */
  totalNamesAreLots?: boolean | "but the last row";
}

/** Where the table was found: the header row, the column of each field, the row of each lot. */
export interface LotsTableLayout extends TableLayout<LotsColumn> {
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

const KNOWN_HEADERS = LOT_FIELDS.map((f) => `"${LOT_FIELD_LABELS[f]}"`).join(", ");

const recogniseLotsHeader = headerRecogniser(LOTS_COLUMN_HEADERS);

/** The field a header names, or undefined when it names none. */
export function recogniseHeader(text: string): LotsColumn | undefined {
  return recogniseLotsHeader(text);
}

const LOTS_TABLE: TableKind<LotsColumn> = {
  defaultName: "the lots table",
  recognise: recogniseHeader,
  knownHeaders: KNOWN_HEADERS,
  labels: LOT_FIELD_LABELS,
  unknownColumn: (h) =>
    `${show(h)} is not a column of a lots table; rename it to one of ${KNOWN_HEADERS}, or remove the column`,
  emptyMessage: (tableName) =>
    `${tableName} is empty; give a header row (${KNOWN_HEADERS}) and one row per lot`,
  noHeaderMessage: (tableName) =>
    `no header row found in ${tableName}; the first row of the table must name its columns, such as ${KNOWN_HEADERS}`,
};

function readMoney(v: CellValue, what: string, zeroAllowed: boolean): CellRead<Pence> {
  const read = readMoneyCell(v, what, "107520 or £107,520.00");
  if (!read.ok || read.value === undefined) return read;
  const pence = read.value;
  if (pence < 0 || (pence === 0 && !zeroAllowed)) {
    const rule = zeroAllowed ? "must not be negative" : "must be more than £0";
    return { ok: false, message: `the ${what} ${rule} (it is ${show(v)})` };
  }
  return { ok: true, value: pence };
}

function readDays(v: CellValue): CellRead<number> {
  if (isEmpty(v)) return { ok: true, value: undefined };
  let input: unknown = v;
  if (typeof v === "string") {
    const t = daysText(v);
    input = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, "") : t;
  }
  const parsed = parseDays(input);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: parsed.error };
}

/** How each lot field other than the name is read from its cell. */
const CELL_READERS: [LotsColumn, (v: CellValue) => CellRead<number | string>][] = [
  ["dayRate", (v) => readMoney(v, "day rate", false)],
  ["days", readDays],
  ["statedValue", (v) => readMoney(v, "stated value", true)],
  ["startDate", readTableDate],
  ["endDate", readTableDate],
];

/** Read a lots table into lots. See `readLotsTableLayout` for where each lot came from. */
export function readLotsTable(rows: TableRows, options: LotsTableOptions): Result<Lot[]> {
  const read = readLotsTableLayout(rows, options);
  return read.ok ? { ok: true, value: read.value.lots } : read;
}

/** Read a lots table and say where it was: header row, columns and the row of each lot. */
export function readLotsTableLayout(rows: TableRows, options: LotsTableOptions): Result<LotsTableLayout> {
  const { tableName, rowRef, errors, header } = startTableRead(rows, options, LOTS_TABLE);
  if (header === undefined) return { ok: false, errors };
  const { headerRow, columns, headerText } = header;
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

  const seen = new Map<string, number>();
  const nameCol = columns.name as number;

  let lastRow = rows.length - 1;
  while (lastRow > headerRow && rows[lastRow].every(isEmpty)) lastRow--;
  const totalIsLot = (r: number): boolean =>
    options.totalNamesAreLots === true || (options.totalNamesAreLots === "but the last row" && r < lastRow);

  const read = readTableRows(rows, header, options.ref, rowRef, errors, (row, at, r) => {
    const before = errors.length;
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
      const key = nameKey(name);
      if (isTotalName(name) && !totalIsLot(r)) {
        errors.push({
          path: at("name"),
          message: `a ${quoted(name)} row is not a lot; remove it (give the tender's stated total separately)`,
        });
      } else {
        const first = seen.get(key);
        if (first !== undefined) {
          errors.push({
            path: at("name"),
            message: `lot ${quoted(name)} appears twice (also ${options.ref(first, nameCol, headerText(nameCol))}); give each lot a different name, or merge the rows`,
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
    if (errors.length === before && lot.days === undefined && lot.statedValue === undefined) {
      errors.push({ path: rowRef(r), message: tenderMessages.lotNothingToValue(lot.name) });
    }
    return lot;
  });
  const lots = read.values;
  const lotRows = read.rowIndices;

  if (lots.length > MAX_LOTS) {
    return {
      ok: false,
      errors: [
        {
          path: rowRef(headerRow),
          message: `${tableName} ${tenderMessages.tooManyLots(lots.length, MAX_LOTS)}`,
        },
      ],
    };
  }
  if (errors.length > 0) return { ok: false, errors };
  if (lots.length === 0) {
    return {
      ok: false,
      errors: [
        {
          path: rowRef(headerRow),
          message: `${tableName} has a header but no lots; add one row per lot under the header`,
        },
      ],
    };
  }
  return { ok: true, value: { headerRow, columns, lotRows, lots } };
}
