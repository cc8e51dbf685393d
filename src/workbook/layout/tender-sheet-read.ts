/**
 * The "Tender" sheet read back: `readTenderGrid` reads a tender from the cell values any host
 * gives, naming the cell of every problem (`Tender!B5: "abc" is not an amount`); `readLotsGrid`
 * reads one from a bare lots table; `locatePath` turns a finding's path into the cell it names.
 */
import { cellAddress, qualified } from "../a1";
import {
  readLotsTableLayout,
  readTableDate,
  type CellValue,
  type LotsColumn,
} from "../../domain/tables/lots-table";
import { parseMoney, penceToPounds } from "../../domain/core/money";
import { parseBuyerType, parseContractType, parseProcedure, parseTender } from "../../domain/check/tender";
import type { InputError, Parsed, Region, Result, Tender } from "../../domain/core/types";
import { LOT_FIELDS, type FieldKind } from "../../domain/core/fields";
import { quoted } from "../../domain/core/messages";
import { parseYesNo } from "../../domain/core/yes-no";
import {
  CEILING_FIELD,
  LOTS_HEADERS,
  REGION_LABELS,
  RULES_COL,
  RULES_FIELDS,
  TENDER_FIELDS,
  type TenderField,
} from "./tender-sheet";

/** Every field of the sheet's header block, found by its label in column A or E. */
const SHEET_FIELDS = [...TENDER_FIELDS, ...RULES_FIELDS, CEILING_FIELD];

/** The reader of each choice field's words ("sub-central", "light-touch"). */
const CHOICE_PARSERS: Partial<Record<TenderField, (v: unknown) => Parsed<string>>> = {
  buyerType: parseBuyerType,
  contractType: parseContractType,
  procedure: parseProcedure,
};

/** Where each part of a tender was read from, so findings can point at their cells. */
export interface TenderSource {
  sheet: string;
  /** Address (without sheet) of each tender-level field's value cell. */
  fields: Partial<Record<TenderField, string>>;
  /** 0-based sheet row of each lot, in lot order. */
  lotRows: number[];
  /** 0-based sheet column of each lot field. */
  lotColumns: Partial<Record<LotsColumn, number>>;
  /** 0-based sheet row of the lots table header. */
  headerRow: number;
}

/**
 * The cell a finding's or an error's path refers to (`statedTotal`, `lots[2].days`, `lots[2]`),
 * qualified with the sheet name, or undefined when the path names nothing on the sheet.
 */
export function locatePath(source: TenderSource, path: string): string | undefined {
  const field = source.fields[path as TenderField];
  if (field) return qualified(source.sheet, field);
  const m = /^lots\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const row = source.lotRows[Number(m[1])];
    if (row === undefined) return undefined;
    const f = (m[2] ?? "name") as LotsColumn;
    const col = (LOT_FIELDS as readonly string[]).includes(f) ? source.lotColumns[f] : undefined;
    const c = col ?? source.lotColumns.name ?? 0;
    return qualified(source.sheet, cellAddress(row, c));
  }
  if (path === "lots")
    return qualified(source.sheet, cellAddress(source.headerRow, source.lotColumns.name ?? 0));
  return undefined;
}

function text(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v.trim() : String(v);
}

const normal = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, "");

/** Pounds for the tender parser: numbers stay numbers, text goes as typed ("£1.2m"). */
function moneyInput(v: CellValue, at: string, errors: InputError[]): string | number | undefined {
  if (text(v) === "") return undefined;
  if (typeof v === "boolean") {
    errors.push({ path: at, message: `${v} is not an amount; write it in pounds, e.g. 346000 or £346,000` });
    return undefined;
  }
  const parsed = parseMoney(typeof v === "string" ? v.trim() : (v as number));
  if (!parsed.ok) {
    errors.push({ path: at, message: parsed.error });
    return undefined;
  }
  return typeof v === "string" ? v.trim() : (v as number);
}

function dateInput(v: CellValue, at: string, errors: InputError[]): string | undefined {
  const d = readTableDate(v);
  if (!d.ok) {
    errors.push({ path: at, message: d.message });
    return undefined;
  }
  return d.value;
}

function regionInput(v: CellValue, at: string, errors: InputError[]): Region | undefined {
  const t = text(v);
  if (t === "") return undefined;
  for (const [code, label] of Object.entries(REGION_LABELS) as [Region, string][]) {
    if (
      t.toUpperCase() === code ||
      normal(t) === normal(label) ||
      (code === "GB-ENG" && /^england$/i.test(t))
    ) {
      return code;
    }
  }
  errors.push({
    path: at,
    message: `"${t}" is not a bank-holiday region; choose England & Wales, Scotland or Northern Ireland`,
  });
  return undefined;
}

function vatInput(v: CellValue, at: string, errors: InputError[]): number | undefined {
  if (text(v) === "") return undefined;
  let n: number;
  if (typeof v === "number") {
    // A cell formatted as a percentage holds 0.2 for 20%; a plain 20 means 20%.
    n = v <= 1 ? Math.round(v * 100 * 1e9) / 1e9 : v;
  } else {
    const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text(v));
    if (!m) {
      errors.push({ path: at, message: `"${text(v)}" is not a VAT rate; write a percentage such as 20%` });
      return undefined;
    }
    n = Number(m[1]);
  }
  if (!(n >= 0 && n <= 100)) {
    errors.push({ path: at, message: `${text(v)} is not a VAT rate; write a percentage from 0% to 100%` });
    return undefined;
  }
  return n;
}

export interface GridOrigin {
  /** 0-based sheet row and column of grid[0][0]. */
  row: number;
  col: number;
}

/** How a field's cell is read into the tender file's value, by the field's kind (yes-no and choice below). */
const CELL_READERS: Partial<Record<FieldKind, (v: CellValue, at: string, errors: InputError[]) => unknown>> =
  {
    text: (v) => text(v),
    money: moneyInput,
    date: dateInput,
    region: regionInput,
    percent: vatInput,
  };

/**
 * Read a tender from a Tender sheet's values (`grid[r][c]` is the cell at origin + (r, c); dates may
 * be Excel serial numbers). Every problem is an InputError whose path is the cell, e.g. `Tender!B5`.
 */
export function readTenderGrid(
  grid: readonly (readonly CellValue[])[],
  sheet: string,
  origin: GridOrigin = { row: 0, col: 0 },
): Result<{ tender: Tender; source: TenderSource }> {
  const errors: InputError[] = [];
  const at = (r: number, c: number): string => qualified(sheet, cellAddress(origin.row + r, origin.col + c));
  const labelCol = 0 - origin.col;
  const cell = (r: number, c: number): CellValue => grid[r]?.[c];

  // Tender-level fields: found by their label in column A, value in column B.
  const fieldRow = new Map<TenderField, number>();
  const lotsHeader = grid.findIndex(
    (row) => normal(text(row[labelCol])) === "lot" && normal(text(row[labelCol + 1])) !== "",
  );
  const fieldEnd = lotsHeader < 0 ? grid.length : lotsHeader;
  // The rules block's labels are in column E (or in column A, like the others).
  const fieldCol = new Map<TenderField, number>();
  for (let r = 0; r < fieldEnd; r++) {
    for (const c of [labelCol, labelCol + RULES_COL]) {
      const label = normal(text(cell(r, c)));
      const spec = SHEET_FIELDS.find((s) => normal(s.label) === label);
      if (spec && !fieldRow.has(spec.field)) {
        fieldRow.set(spec.field, r);
        fieldCol.set(spec.field, c);
      }
    }
  }
  const fields: Partial<Record<TenderField, string>> = {};
  const input: Record<string, unknown> = { currency: "GBP" };
  for (const spec of SHEET_FIELDS) {
    const r = fieldRow.get(spec.field);
    if (r === undefined) {
      if (spec.field === "title" || spec.field === "buyer") {
        errors.push({
          path: qualified(sheet, "A:A"),
          message: `no "${spec.label}" row; put the label "${spec.label}" in column A and its value in column B`,
        });
      }
      continue;
    }
    const c = fieldCol.get(spec.field) ?? labelCol;
    const address = cellAddress(origin.row + r, origin.col + c + 1);
    fields[spec.field] = address;
    const v = cell(r, c + 1);
    const where = qualified(sheet, address);
    const read = CELL_READERS[spec.kind];
    if (read) {
      input[spec.field] = read(v, where, errors);
      continue;
    }
    switch (spec.kind) {
      case "yes-no": {
        const answer = parseYesNo(v);
        if (answer === true) input[spec.field] = true;
        else if (answer === null) {
          errors.push({
            path: where,
            message: `write Yes (the lots may not go over the stated total: a budget, cap or “up to” amount) or No, not ${quoted(text(v))}`,
          });
        }
        break;
      }
      case "choice": {
        if (text(v) === "") break;
        const parse = CHOICE_PARSERS[spec.field];
        const parsed = parse ? parse(text(v)) : { ok: true as const, value: text(v) };
        if (parsed.ok) input[spec.field] = parsed.value;
        else errors.push({ path: where, message: parsed.error });
        break;
      }
    }
  }

  if (lotsHeader < 0) {
    errors.push({
      path: qualified(sheet, "A:A"),
      message: `no lots table; put a header row starting "Lot" (${LOTS_HEADERS.join(", ")}) below the tender fields`,
    });
    return { ok: false, errors };
  }
  // The lots table runs from its header to the first empty row.
  let end = lotsHeader + 1;
  while (end < grid.length && grid[end].some((v) => text(v) !== "")) end++;
  const tableRows = grid.slice(lotsHeader, end).map((row) => row.slice(labelCol));
  const lots = readLotsTableLayout(tableRows, {
    ref: (r, c) => at(lotsHeader + r, labelCol + c),
    rowRef: (r) => `${sheet} row ${origin.row + lotsHeader + r + 1}`,
    tableName: `the lots table on ${sheet}`,
    // The sheet the tool writes: a lot may be called "Total 3"; a last row so named is a totals line.
    totalNamesAreLots: "but the last row",
  });
  if (!lots.ok) errors.push(...lots.errors);
  if (errors.length > 0 || !lots.ok) return { ok: false, errors };

  const layout = lots.value;
  const source: TenderSource = {
    sheet,
    fields,
    lotRows: layout.lotRows.map((r) => origin.row + lotsHeader + r),
    lotColumns: Object.fromEntries(
      Object.entries(layout.columns).map(([k, c]) => [k, origin.col + labelCol + (c as number)]),
    ) as Partial<Record<LotsColumn, number>>,
    headerRow: origin.row + lotsHeader + layout.headerRow,
  };
  input.lots = layout.lots.map((l) => ({
    name: l.name,
    dayRate: l.dayRate === undefined ? undefined : penceToPounds(l.dayRate),
    days: l.days,
    statedValue: l.statedValue === undefined ? undefined : penceToPounds(l.statedValue),
    startDate: l.startDate,
    endDate: l.endDate,
  }));
  for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
  const parsed = parseTender(input);
  if (!parsed.ok) {
    return {
      ok: false,
      errors: parsed.errors.map((e) => ({
        path: locatePath(source, e.path) ?? `${sheet}: ${e.path}`,
        message: e.message,
      })),
    };
  }
  return { ok: true, value: { tender: parsed.value, source } };
}

/** Tender-level fields for a tender read from a bare lots table (no header block). */
export interface TenderDefaults {
  title?: string;
  buyer?: string;
}

/**
 * Read a tender from any lots table (a selection or an Excel Table): only lots, with tender-level
 * fields from `base` (e.g. the tender kept in the workbook) or defaults.
 */
export function readLotsGrid(
  grid: readonly (readonly CellValue[])[],
  sheet: string,
  origin: GridOrigin,
  base: Partial<Tender> = {},
): Result<{ tender: Tender; source: TenderSource }> {
  const at = (r: number, c: number): string => qualified(sheet, cellAddress(origin.row + r, origin.col + c));
  const read = readLotsTableLayout(grid, {
    ref: at,
    rowRef: (r) => `${sheet} row ${origin.row + r + 1}`,
    tableName: `the lots table on ${sheet}`,
  });
  if (!read.ok) return read;
  const layout = read.value;
  const source: TenderSource = {
    sheet,
    fields: {},
    lotRows: layout.lotRows.map((r) => origin.row + r),
    lotColumns: Object.fromEntries(
      Object.entries(layout.columns).map(([k, c]) => [k, origin.col + (c as number)]),
    ) as Partial<Record<LotsColumn, number>>,
    headerRow: origin.row + layout.headerRow,
  };
  const tender: Tender = {
    title: base.title ?? sheet,
    buyer: base.buyer ?? "",
    currency: "GBP",
    region: base.region ?? "GB-ENG",
    vatRate: base.vatRate ?? 20,
    ...(base.statedTotal ? { statedTotal: base.statedTotal } : {}),
    ...(base.statedTotal && base.statedTotalIsCeiling === true ? { statedTotalIsCeiling: true } : {}),
    ...(base.dayRate !== undefined ? { dayRate: base.dayRate } : {}),
    ...(base.closingDate ? { closingDate: base.closingDate } : {}),
    ...(base.startDate ? { startDate: base.startDate } : {}),
    ...(base.endDate ? { endDate: base.endDate } : {}),
    lots: layout.lots,
  };
  return { ok: true, value: { tender, source } };
}
