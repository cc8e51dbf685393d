/** The tender as CSV (its details, a blank row, then the lots table), and that CSV read back. */

import { parseCsv } from "../../tables/csv";
import {
  readLotsTableLayout,
  csvCellRef,
  csvRowRef,
  readTableDate,
  recogniseHeader,
} from "../../tables/lots-table";
import type { CellValue } from "../../tables/lots-table";
import { parseMoney } from "../../core/money";
import { DEFAULT_REGION, DEFAULT_VAT_RATE, parseRegion, parseVatRate } from "../../check/tender";
import type { InputError, Result, StatedAmount, Tender } from "../../core/types";
import { date, type Field, num, pounds, restoreFormulaText, text, writeCsv } from "./fields";
import { quoted } from "../../core/messages";

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
        message: `${quoted(label)} is not a tender detail; the rows above the lots table are ${TENDER_FIELDS.join(", ")}`,
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
          message: `${f} takes one value, in column 2; remove ${quoted(row[c])} from column ${c + 1}`,
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
      message: `Tender Budget works in pounds sterling (GBP), not ${quoted(currency)}`,
    });
  }

  const readMoney = (f: TenderField): StatedAmount | undefined => {
    const v = get(f).trim();
    if (v === "") return undefined;
    const m = parseMoney(v);
    if (!m.ok) {
      errors.push({
        path: pathOf(f),
        message: `${quoted(v)} is not an amount of money (${m.error}); write it like 107520.00`,
      });
      return undefined;
    }
    if (m.value.pence <= 0) {
      errors.push({
        path: pathOf(f),
        message: `the ${f.toLowerCase()} must be more than £0 (it is ${quoted(v)})`,
      });
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
