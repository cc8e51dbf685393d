/** The tender as CSV (its details, a blank row, then the lots table), and that CSV read back. */

import { describeTableText, detectSeparator, parseCsv } from "../../tables/csv";
import {
  readLotsTableLayout,
  csvCellRef,
  csvRowRef,
  readTableDate,
  recogniseHeader,
} from "../../tables/lots-table";
import type { CellValue } from "../../tables/lots-table";
import { parseMoney } from "../../core/money";
import {
  DEFAULT_REGION,
  DEFAULT_VAT_RATE,
  parseBuyerType,
  parseContractType,
  parseProcedure,
  parseRegion,
  parseVatRate,
} from "../../check/tender";
import {
  givesRuleFields,
  LOT_FIELD_LABELS,
  LOT_FIELDS,
  RULE_FIELDS,
  TENDER_DETAIL_FIELDS,
  TENDER_FIELD_SPECS,
  type LotField,
  type TenderDetailField,
} from "../../core/fields";
import type { InputError, Lot, Parsed, Result, StatedAmount, Tender } from "../../core/types";
import { csvChunks, date, type Field, num, pounds, restoreFormulaText, text, writeCsv } from "./fields";
import { quoted } from "../../core/messages";
import { parseYesNo } from "../../core/yes-no";

/** The rows above the lots table: the tender's details (core/fields.ts) and the stated total's precision. */
type DetailRow = TenderDetailField | "statedTotalPrecision";

/** Each row's label: the field's own, but for the precision and the VAT rate's unit. */
const ROW_LABELS: Record<DetailRow, string> = {
  ...Object.fromEntries(
    (Object.keys(TENDER_FIELD_SPECS) as TenderDetailField[]).map((f) => [f, TENDER_FIELD_SPECS[f].label]),
  ),
  statedTotalPrecision: "Stated total precision",
  vatRate: "VAT rate (%)",
} as Record<DetailRow, string>;

/** The rows every tender CSV has, in order: the details, the precision after the stated total, and
 * the ceiling left to its own row below. */
const DETAIL_ROWS: readonly DetailRow[] = TENDER_DETAIL_FIELDS.flatMap((f): DetailRow[] =>
  f === "statedTotalIsCeiling" ? [] : f === "statedTotal" ? [f, "statedTotalPrecision"] : [f],
);
/** Every row a tender CSV may have: the ceiling (when it is one) and the rule fields (when any is given) follow. */
const ALL_ROWS: readonly DetailRow[] = [...DETAIL_ROWS, "statedTotalIsCeiling", ...RULE_FIELDS];

/** The lots table's header: the lot fields' labels. */
export const TENDER_LOTS_CSV_HEADER: readonly string[] = LOT_FIELDS.map((f) => LOT_FIELD_LABELS[f]);

const LOT_CELLS: { [F in LotField]: (lot: Lot) => Field } = {
  name: (l) => text(l.name),
  dayRate: (l) => pounds(l.dayRate),
  days: (l) => num(l.days),
  statedValue: (l) => pounds(l.statedValue),
  startDate: (l) => date(l.startDate),
  endDate: (l) => date(l.endDate),
};

/**
 * The tender as CSV: its details as label/value rows (Title, Buyer, Currency, Stated total,
 * Stated total precision, Day rate, Closing date, Start date, End date, Region, VAT rate (%);
 * then "Stated total is a ceiling, yes" when it is one, and the procurement-rule fields — Buyer
 * type, Contract type, Procedure, Published, Award notice, Options value — when any is given),
 * a blank row, then the lots table (Lot, Day rate, Days, Stated value, Start date, End date;
 * a lot's own day rate only, the tender's default being above). `csvToTender` reads it back.
 */
export function tenderToCsv(tender: Tender): string {
  return writeCsv([...tenderRows(tender)]);
}

/** `tenderToCsv` in chunks, to write piece by piece. */
export function tenderCsvChunks(tender: Tender): Generator<string, void, undefined> {
  return csvChunks(tenderRows(tender));
}

/** The rows of `tenderToCsv`, one at a time. */
function* tenderRows(tender: Tender): Generator<Field[], void, undefined> {
  const details: Record<DetailRow, Field> = {
    title: text(tender.title),
    buyer: text(tender.buyer),
    currency: text(tender.currency),
    statedTotal: pounds(tender.statedTotal?.pence),
    statedTotalPrecision: pounds(tender.statedTotal?.precision),
    statedTotalIsCeiling: text(tender.statedTotalIsCeiling === true ? "yes" : ""),
    dayRate: pounds(tender.dayRate),
    closingDate: date(tender.closingDate),
    startDate: date(tender.startDate),
    endDate: date(tender.endDate),
    region: text(tender.region),
    vatRate: num(tender.vatRate),
    buyerType: text(tender.buyerType),
    contractType: text(tender.contractType),
    procedure: text(tender.procedure),
    publishedDate: date(tender.publishedDate),
    awardNoticeDate: date(tender.awardNoticeDate),
    optionsValue: pounds(tender.optionsValue),
  };
  const written: DetailRow[] = [...DETAIL_ROWS];
  if (tender.statedTotalIsCeiling === true) written.push("statedTotalIsCeiling");
  if (givesRuleFields(tender)) written.push(...RULE_FIELDS);
  for (const f of written) yield [text(ROW_LABELS[f]), details[f]];
  yield [];
  yield TENDER_LOTS_CSV_HEADER.map(text);
  for (const lot of tender.lots) yield LOT_FIELDS.map((f) => LOT_CELLS[f](lot));
}

function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/\([^()]*\)/g, "")
    .replace(/[^a-z]/g, "");
}

const ROW_BY_KEY = new Map<string, DetailRow>(ALL_ROWS.map((f) => [labelKey(ROW_LABELS[f]), f]));
ROW_BY_KEY.set(labelKey("Tender"), "title");
ROW_BY_KEY.set(labelKey("Closing"), "closingDate");
ROW_BY_KEY.set(labelKey("Published date"), "publishedDate");
ROW_BY_KEY.set(labelKey("Award notice date"), "awardNoticeDate");

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
  const separator = detectSeparator(csvText);
  const parsed = parseCsv(csvText, { separator });
  if (!parsed.ok) return parsed;
  const rows = parsed.value.map((r) => r.map(restoreFormulaText));
  const errors: InputError[] = [];

  // The tender's details: label/value rows down to the first blank row.
  let r = 0;
  while (r < rows.length && isBlank(rows[r])) r++;
  const details = new Map<DetailRow, { value: string; row: number }>();
  const looksLikeLotsHeader = (row: readonly string[]): boolean =>
    row.filter((c) => recogniseHeader(c) !== undefined).length >= 2;
  for (; r < rows.length && !isBlank(rows[r]) && !looksLikeLotsHeader(rows[r]); r++) {
    const row = rows[r];
    const label = row[0].trim();
    const f = ROW_BY_KEY.get(labelKey(label));
    const at = `row ${r + 1}`;
    if (f === undefined) {
      errors.push({
        path: `${at}, column 1`,
        message: `${quoted(label)} is not a tender detail; the rows above the lots table are ${ALL_ROWS.map((k) => ROW_LABELS[k]).join(", ")}`,
      });
      continue;
    }
    const name = ROW_LABELS[f];
    if (details.has(f)) {
      errors.push({
        path: `${at} (${name})`,
        message: `${name} is given twice (also row ${(details.get(f)?.row ?? 0) + 1}); keep one`,
      });
      continue;
    }
    for (let c = 2; c < row.length; c++) {
      if (row[c].trim() !== "") {
        errors.push({
          path: `${at}, column ${c + 1}`,
          message: `${name} takes one value, in column 2; remove ${quoted(row[c])} from column ${c + 1}`,
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
  const pathOf = (f: DetailRow): string => {
    const d = details.get(f);
    return d === undefined ? ROW_LABELS[f] : `row ${d.row + 1} (${ROW_LABELS[f]})`;
  };
  const get = (f: DetailRow): string => details.get(f)?.value ?? "";
  const fail = (f: DetailRow, message: string): undefined => {
    errors.push({ path: pathOf(f), message });
    return undefined;
  };

  // Like a tender file, a tender may have no title or buyer yet: they are then empty.
  tender.title = get("title");
  tender.buyer = get("buyer");
  const currency = get("currency").trim();
  if (currency !== "" && currency.toUpperCase() !== "GBP") {
    fail("currency", `Tender Budget works in pounds sterling (GBP), not ${quoted(currency)}`);
  }

  const readMoney = (f: DetailRow, zeroAllowed = false): StatedAmount | undefined => {
    const v = get(f).trim();
    if (v === "") return undefined;
    const m = parseMoney(v);
    if (!m.ok) return fail(f, `${quoted(v)} is not an amount of money (${m.error}); write it like 107520.00`);
    if (m.value.pence < 0 || (m.value.pence === 0 && !zeroAllowed)) {
      const rule = zeroAllowed ? "must not be negative" : "must be more than £0";
      return fail(f, `the ${ROW_LABELS[f].toLowerCase()} ${rule} (it is ${quoted(v)})`);
    }
    return m.value;
  };
  const total = readMoney("statedTotal");
  const precision = readMoney("statedTotalPrecision");
  if (total !== undefined)
    tender.statedTotal = { pence: total.pence, precision: precision?.pence ?? total.precision };
  else if (precision !== undefined && get("statedTotal").trim() === "") {
    fail(
      "statedTotalPrecision",
      "a precision is given but no stated total; give the stated total too, or remove the precision",
    );
  }
  const ceiling = parseYesNo(get("statedTotalIsCeiling"));
  if (ceiling === true) {
    if (tender.statedTotal !== undefined) tender.statedTotalIsCeiling = true;
    else if (get("statedTotal").trim() === "") {
      fail(
        "statedTotalIsCeiling",
        "says the stated total is a ceiling, but there is no stated total; give the stated total, or remove this row",
      );
    }
  } else if (ceiling === null) {
    fail(
      "statedTotalIsCeiling",
      `write yes (the stated total is a budget, cap or "up to" amount) or no, not ${quoted(get("statedTotalIsCeiling"))}`,
    );
  }
  const rate = readMoney("dayRate");
  if (rate !== undefined) tender.dayRate = rate.pence;
  const options = readMoney("optionsValue", true);
  if (options !== undefined) tender.optionsValue = options.pence;

  for (const f of ["closingDate", "startDate", "endDate", "publishedDate", "awardNoticeDate"] as const) {
    const got = readTableDate(get(f));
    if (!got.ok) fail(f, got.message);
    else if (got.value !== undefined) tender[f] = got.value;
  }

  const choose = <T>(f: DetailRow, parse: (v: unknown) => Parsed<T>): T | undefined => {
    const v = get(f).trim();
    if (v === "") return undefined;
    const parsed = parse(v);
    return parsed.ok ? parsed.value : fail(f, parsed.error);
  };
  const region = choose("region", parseRegion);
  if (region !== undefined) tender.region = region;
  const vat = choose("vatRate", parseVatRate);
  if (vat !== undefined) tender.vatRate = vat;
  const buyerType = choose("buyerType", parseBuyerType);
  if (buyerType !== undefined) tender.buyerType = buyerType;
  const contractType = choose("contractType", parseContractType);
  if (contractType !== undefined) tender.contractType = contractType;
  const procedure = choose("procedure", parseProcedure);
  if (procedure !== undefined) tender.procedure = procedure;

  // The lots table below.
  while (r < rows.length && isBlank(rows[r])) r++;
  const offset = r;
  const tableRows: CellValue[][] = rows.slice(offset);
  const layout = readLotsTableLayout(tableRows, {
    ref: (row, col, header) => csvCellRef(row + offset, col, header),
    rowRef: (row) => csvRowRef(row + offset),
    // Below the details of our own file only lots are written: "Total" is a lot's name there.
    totalNamesAreLots: details.size > 0,
    found: describeTableText(tableRows as string[][], separator),
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
