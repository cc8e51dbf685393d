/**
 * CSV exports that Excel opens correctly, and the tender CSV read back.
 *
 * Every export is RFC 4180: UTF-8 with a byte order mark (so Excel reads "£" and accents right),
 * CRLF line ends, a field quoted when it holds a comma, semicolon, quote, line break, tab or
 * leading/trailing space. Money is a plain number of pounds with two decimals (107520.00,
 * -560.00); dates are `YYYY-MM-DD`.
 *
 * Spreadsheet formula injection is neutralised as OWASP's CSV injection guidance says: a text
 * cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a single quote in front
 * (and is quoted), so no spreadsheet runs it. Numbers are written by the program, never from
 * text, so a negative amount stays a number. A text cell that itself starts with a quote before
 * one of those characters gets one more quote, so `restoreFormulaText` gives back exactly what
 * was written.
 */

import { parseCsv } from "../tables/csv";
import {
  readLotsTableLayout,
  csvCellRef,
  csvRowRef,
  readTableDate,
  recogniseHeader,
} from "../tables/lots-table";
import type { CellValue } from "../tables/lots-table";
import { parseMoney, roundHalfAwayFromZero } from "../core/money";
import { DEFAULT_REGION, DEFAULT_VAT_RATE, parseRegion, parseVatRate } from "../check/tender";
import type { Allocation, AllocationLine } from "../check/allocation";
import type { Finding, InputError, IsoDate, Pence, Result, StatedAmount, Tender } from "../core/types";

/** The UTF-8 byte order mark every export starts with. */
export const CSV_BOM = "\uFEFF";

const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** Text made safe to open in a spreadsheet: a quote in front when it could start a formula. */
export function neutraliseFormulaText(text: string): string {
  const first = text.charAt(0);
  if (FORMULA_START.has(first)) return `'${text}`;
  if (first === "'" && text.length > 1 && (FORMULA_START.has(text.charAt(1)) || text.charAt(1) === "'")) {
    return `'${text}`;
  }
  return text;
}

/** The inverse of `neutraliseFormulaText`: `restoreFormulaText(neutraliseFormulaText(s)) === s`. */
export function restoreFormulaText(text: string): string {
  if (text.charAt(0) === "'" && text.length > 1) {
    const second = text.charAt(1);
    if (FORMULA_START.has(second) || second === "'") return text.slice(1);
  }
  return text;
}

/** A CSV field for a text value: neutralised, and quoted when it needs to be. */
export function csvTextField(text: string): string {
  const safe = neutraliseFormulaText(text);
  if (safe !== text || /[",;\r\n\t]/.test(safe) || safe !== safe.trim())
    return `"${safe.replace(/"/g, '""')}"`;
  return safe;
}

/** Pence as a plain number of pounds with two decimals: 10752000 → "107520.00", -56000 → "-560.00". */
export function poundsField(p: Pence | undefined): string {
  if (p === undefined) return "";
  if (!Number.isSafeInteger(p)) throw new RangeError(`amount must be whole pence, got ${p}`);
  const abs = Math.abs(p);
  return `${p < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A number written by the program (days, a percentage): as JavaScript writes it, never in e-notation. */
function numberField(n: number | undefined): string {
  if (n === undefined) return "";
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const text = String(n);
  if (!/e/i.test(text)) return text;
  // 1e-7 → "0.0000001", 1e21 → "1000000000000000000000"
  return n
    .toFixed(20)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}

/** One field of an export row. */
type Field =
  | { text: string }
  | { pounds: Pence | undefined }
  | { number: number | undefined }
  | { date: IsoDate | undefined };

function field(f: Field): string {
  if ("text" in f) return csvTextField(f.text);
  if ("pounds" in f) return poundsField(f.pounds);
  if ("number" in f) return numberField(f.number);
  return f.date ?? "";
}

const text = (t: string | undefined): Field => ({ text: t ?? "" });
const pounds = (p: Pence | undefined): Field => ({ pounds: p });
const num = (n: number | undefined): Field => ({ number: n });
const date = (d: IsoDate | undefined): Field => ({ date: d });

function writeCsv(rows: readonly (readonly Field[])[]): string {
  return CSV_BOM + rows.map((r) => r.map(field).join(",") + "\r\n").join("");
}

// ---------------------------------------------------------------------------------------------
// Findings

export const FINDINGS_CSV_HEADER = ["Severity", "Code", "Field", "Message"] as const;

/** The findings, one row each: Severity, Code, Field (the path), Message. */
export function findingsToCsv(findings: readonly Finding[]): string {
  return writeCsv([
    FINDINGS_CSV_HEADER.map(text),
    ...findings.map((f) => [text(f.severity), text(f.code), text(f.path), text(f.message)]),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Allocation

export const ALLOCATION_CSV_HEADER = [
  "Lot",
  "Day rate",
  "Days",
  "Value",
  "Stated value",
  "Variance",
  "Share (%)",
  "Start date",
  "End date",
  "Notes",
] as const;

function lineNotes(line: AllocationLine): string {
  const notes: string[] = [];
  if (line.dayRateSource === "inferred") notes.push("day rate inferred from the stated values");
  if (line.daysSource === "inferred") notes.push("days worked out from the stated value at the day rate");
  if (line.value === undefined) notes.push("no value: give the days and a day rate, or a stated value");
  return notes.join("; ");
}

/**
 * The allocation table: one row per lot — day rate and days as used (inferred ones included and
 * noted), value (day rate × days, else the stated value), stated value, variance (value − stated
 * value), share of the total in percent (2 decimals), the lot's dates (else the tender's), notes —
 * then a Total row (with the stated total and the variance against it), a VAT row and a Total inc
 * VAT row, their amounts in the Value column. Pass a `checkTender` report or `{tender, allocation}`.
 */
export function allocationToCsv(report: { tender: Tender; allocation: Allocation }): string {
  const { tender, allocation } = report;
  const rows: Field[][] = [ALLOCATION_CSV_HEADER.map(text)];
  for (const line of allocation.lines) {
    rows.push([
      text(line.lot),
      pounds(line.dayRate),
      num(line.days),
      pounds(line.value),
      pounds(line.statedValue),
      pounds(line.variance),
      num(line.value === undefined ? undefined : roundHalfAwayFromZero(line.share * 100, 2)),
      date(line.startDate),
      date(line.endDate),
      text(lineNotes(line)),
    ]);
  }
  const blank = (n: number): Field[] => Array.from({ length: n }, () => text(""));
  let totalDays: number | undefined = 0;
  for (const line of allocation.lines)
    totalDays = line.days === undefined || totalDays === undefined ? undefined : totalDays + line.days;
  rows.push([
    text("Total"),
    pounds(undefined),
    num(totalDays === undefined ? undefined : roundHalfAwayFromZero(totalDays, 2)),
    pounds(allocation.total),
    pounds(tender.statedTotal?.pence),
    pounds(allocation.variance),
    num(allocation.total > 0 ? 100 : undefined),
    date(tender.startDate),
    date(tender.endDate),
    text(
      allocation.variancePercent === undefined
        ? ""
        : `variance ${formatPercent(allocation.variancePercent)} of the stated total`,
    ),
  ]);
  rows.push([
    text(`VAT at ${numberField(allocation.vatRate)}%`),
    ...blank(2),
    pounds(allocation.vat),
    ...blank(6),
  ]);
  rows.push([text("Total inc VAT"), ...blank(2), pounds(allocation.totalIncVat), ...blank(6)]);
  return writeCsv(rows);
}

/** +0.16%, -2.5% */
function formatPercent(p: number): string {
  const r = roundHalfAwayFromZero(p, 2);
  return `${r > 0 ? "+" : ""}${numberField(r)}%`;
}

// ---------------------------------------------------------------------------------------------
// The tender: its details, a blank row, then the lots table

/** The rows above the lots table, in order: label and what it holds. */
const TENDER_FIELDS = [
  "Title",
  "Buyer",
  "Currency",
  "Stated total",
  "Stated total precision",
  "Day rate",
  "Closing date",
  "Start date",
  "End date",
  "Region",
  "VAT rate (%)",
] as const;
type TenderField = (typeof TENDER_FIELDS)[number];

export const TENDER_LOTS_CSV_HEADER = [
  "Lot",
  "Day rate",
  "Days",
  "Stated value",
  "Start date",
  "End date",
] as const;

/**
 * The tender as CSV: its details as label/value rows (Title, Buyer, Currency, Stated total,
 * Stated total precision, Day rate, Closing date, Start date, End date, Region, VAT rate (%)),
 * a blank row, then the lots table (Lot, Day rate, Days, Stated value, Start date, End date;
 * a lot's own day rate only, the tender's default being above). `csvToTender` reads it back.
 */
export function tenderToCsv(tender: Tender): string {
  const details: Record<TenderField, Field> = {
    Title: text(tender.title),
    Buyer: text(tender.buyer),
    Currency: text(tender.currency),
    "Stated total": pounds(tender.statedTotal?.pence),
    "Stated total precision": pounds(tender.statedTotal?.precision),
    "Day rate": pounds(tender.dayRate),
    "Closing date": date(tender.closingDate),
    "Start date": date(tender.startDate),
    "End date": date(tender.endDate),
    Region: text(tender.region),
    "VAT rate (%)": num(tender.vatRate),
  };
  const rows: Field[][] = TENDER_FIELDS.map((label) => [text(label), details[label]]);
  rows.push([]);
  rows.push(TENDER_LOTS_CSV_HEADER.map(text));
  for (const lot of tender.lots) {
    rows.push([
      text(lot.name),
      pounds(lot.dayRate),
      num(lot.days),
      pounds(lot.statedValue),
      date(lot.startDate),
      date(lot.endDate),
    ]);
  }
  return writeCsv(rows);
}

function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/[^a-z]/g, "");
}

const FIELD_BY_KEY = new Map<string, TenderField>(TENDER_FIELDS.map((f) => [labelKey(f), f]));
FIELD_BY_KEY.set(labelKey("Tender"), "Title");
FIELD_BY_KEY.set(labelKey("VAT rate"), "VAT rate (%)");
FIELD_BY_KEY.set(labelKey("Closing"), "Closing date");

const isBlank = (row: readonly string[]): boolean => row.every((c) => c.trim() === "");

/**
 * Read a tender written by `tenderToCsv` (also after it has been opened and saved in Excel:
 * amounts like £107,520, dates like 31/07/2017). Lot names are kept exactly as written, after
 * taking off the quote `tenderToCsv` put in front of formula-like text. A bare lots table (no
 * details rows) reads too, with an empty title and buyer and the default region and VAT rate,
 * its names tidied as the lots-table reader does. Problems name the row
 * (and column) and say what to do.
 */
export function csvToTender(csvText: string): Result<Tender> {
  const parsed = parseCsv(csvText);
  if (!parsed.ok) return parsed;
  const rows = parsed.value.map((r) => r.map(restoreFormulaText));
  const errors: InputError[] = [];

  // The tender's details: label/value rows down to the first blank row.
  let r = 0;
  while (r < rows.length && isBlank(rows[r])) r++;
  const details = new Map<TenderField, { value: string; row: number }>();
  const looksLikeLotsHeader = (row: readonly string[]): boolean =>
    row.filter((c) => recogniseHeader(c) !== undefined).length >= 2;
  for (; r < rows.length && !isBlank(rows[r]) && !looksLikeLotsHeader(rows[r]); r++) {
    const row = rows[r];
    const label = row[0].trim();
    const f = FIELD_BY_KEY.get(labelKey(label));
    const at = `row ${r + 1}`;
    if (f === undefined) {
      errors.push({
        path: `${at}, column 1`,
        message: `"${label}" is not a tender detail; the rows above the lots table are ${TENDER_FIELDS.join(", ")}`,
      });
      continue;
    }
    if (details.has(f)) {
      errors.push({
        path: `${at} (${f})`,
        message: `${f} is given twice (also row ${(details.get(f)?.row ?? 0) + 1}); keep one`,
      });
      continue;
    }
    for (let c = 2; c < row.length; c++) {
      if (row[c].trim() !== "") {
        errors.push({
          path: `${at}, column ${c + 1}`,
          message: `${f} takes one value, in column 2; remove "${row[c]}" from column ${c + 1}`,
        });
      }
    }
    details.set(f, { value: row[1] ?? "", row: r });
  }

  const tender: Tender = {
    title: "",
    buyer: "",
    currency: "GBP",
    region: DEFAULT_REGION,
    vatRate: DEFAULT_VAT_RATE,
    lots: [],
  };
  const pathOf = (f: TenderField): string => {
    const d = details.get(f);
    return d === undefined ? f : `row ${d.row + 1} (${f})`;
  };
  const get = (f: TenderField): string => details.get(f)?.value ?? "";

  // Like a tender file, a tender may have no title or buyer yet: they are then empty.
  tender.title = get("Title");
  tender.buyer = get("Buyer");
  const currency = get("Currency").trim();
  if (currency !== "" && currency.toUpperCase() !== "GBP") {
    errors.push({
      path: pathOf("Currency"),
      message: `Tender Budget works in pounds sterling (GBP), not "${currency}"`,
    });
  }

  const readMoney = (f: TenderField): StatedAmount | undefined => {
    const v = get(f).trim();
    if (v === "") return undefined;
    const m = parseMoney(v);
    if (!m.ok) {
      errors.push({
        path: pathOf(f),
        message: `"${v}" is not an amount of money (${m.error}); write it like 107520.00`,
      });
      return undefined;
    }
    if (m.value.pence <= 0) {
      errors.push({ path: pathOf(f), message: `the ${f.toLowerCase()} must be more than £0 (it is "${v}")` });
      return undefined;
    }
    return m.value;
  };
  const total = readMoney("Stated total");
  const precision = readMoney("Stated total precision");
  if (total !== undefined)
    tender.statedTotal = { pence: total.pence, precision: precision?.pence ?? total.precision };
  else if (precision !== undefined && get("Stated total").trim() === "") {
    errors.push({
      path: pathOf("Stated total precision"),
      message: "a precision is given but no stated total; give the stated total too, or remove the precision",
    });
  }
  const rate = readMoney("Day rate");
  if (rate !== undefined) tender.dayRate = rate.pence;

  const dates: [TenderField, "closingDate" | "startDate" | "endDate"][] = [
    ["Closing date", "closingDate"],
    ["Start date", "startDate"],
    ["End date", "endDate"],
  ];
  for (const [f, key] of dates) {
    const got = readTableDate(get(f));
    if (!got.ok) errors.push({ path: pathOf(f), message: got.message });
    else if (got.value !== undefined) tender[key] = got.value;
  }

  const region = get("Region").trim();
  if (region !== "") {
    const parsed = parseRegion(region);
    if (parsed.ok) tender.region = parsed.value;
    else errors.push({ path: pathOf("Region"), message: parsed.error });
  }
  const vat = get("VAT rate (%)").trim();
  if (vat !== "") {
    const parsed = parseVatRate(vat);
    if (parsed.ok) tender.vatRate = parsed.value;
    else errors.push({ path: pathOf("VAT rate (%)"), message: parsed.error });
  }

  // The lots table below.
  while (r < rows.length && isBlank(rows[r])) r++;
  const offset = r;
  const tableRows: CellValue[][] = rows.slice(offset);
  const layout = readLotsTableLayout(tableRows, {
    ref: (row, col, header) => csvCellRef(row + offset, col, header),
    rowRef: (row) => csvRowRef(row + offset),
  });
  if (!layout.ok) errors.push(...layout.errors);
  if (errors.length > 0) return { ok: false, errors };
  if (!layout.ok) return layout;
  if (details.size === 0) {
    // A bare lots table, typed by hand: names as the lots-table reader tidies them.
    tender.lots = layout.value.lots;
    return { ok: true, value: tender };
  }
  // Our own file: names exactly as written, spaces and line breaks included.
  const nameCol = layout.value.columns.name as number;
  tender.lots = layout.value.lots.map((lot, i) => ({
    ...lot,
    name: rows[layout.value.lotRows[i] + offset][nameCol],
  }));
  return { ok: true, value: tender };
}
