/**
 * The "Tender" sheet: a labelled block of tender-level fields and an Excel Table of lots.
 * `tenderSheetPlan` lays it out; tender-sheet-read.ts reads it back.
 */
import type { Rect } from "../a1";
import { isoToExcelSerial, REGION_NAMES } from "../../domain/core/calendar";
import { penceToPounds } from "../../domain/core/money";
import type { Lot, Tender } from "../../domain/core/types";
import {
  LOT_FIELD_LABELS,
  LOT_FIELDS,
  RULE_FIELDS,
  TENDER_DETAIL_FIELDS,
  TENDER_FIELD_SPECS,
  type FieldKind,
  type LotField,
  type TenderDetailField,
} from "../../domain/core/fields";
import {
  FORMATS,
  type CellPlan,
  type Scalar,
  type SheetPlan,
  type TablePlan,
  type ValidationPlan,
} from "./plan";
import { dateValidation, daysValidation, poundsValidation } from "./validations";

/** The regions by name, spelt as the engine spells them everywhere. */
export const REGION_LABELS = REGION_NAMES;

/** The tender fields the sheet shows (core/fields.ts lists them; the currency is always pounds). */
export type TenderField = Exclude<TenderDetailField, "currency">;

export interface FieldSpec {
  field: TenderField;
  label: string;
  kind: FieldKind;
  hint: string;
  /** For a choice: the words allowed (a drop-down). */
  choices?: readonly string[];
}

/** The input prompt beside each field's value. */
const HINTS: Record<TenderField, string> = {
  title: "What the tender is for",
  buyer: "The contracting authority",
  statedTotal: "The total the tender states, ex VAT",
  statedTotalIsCeiling: "Yes if the lots may not go over the stated total (a budget, cap or “up to” amount)",
  dayRate: "For lots without their own day rate",
  closingDate: "dd/mm/yyyy",
  startDate: "dd/mm/yyyy",
  endDate: "dd/mm/yyyy (optional)",
  region: "England & Wales, Scotland or Northern Ireland",
  vatRate: "Figures are ex VAT; 20% unless stated",
  buyerType: "Procurement rules (optional): central, sub-central or utility",
  contractType: "services, supplies, works or light-touch",
  procedure: "open, restricted, competitive-flexible, direct-award or call-off",
  publishedDate: "The tender notice's date, dd/mm/yyyy",
  awardNoticeDate: "The contract award notice's date, dd/mm/yyyy",
  optionsValue: "Extensions and options not in the lots, ex VAT",
};
/** Where the sheet's label is not the field's own. */
const SHEET_LABELS: Partial<Record<TenderField, string>> = {
  dayRate: "Default day rate",
  region: "Bank holidays",
};

function sheetField(field: TenderField): FieldSpec {
  const { label, kind, choices } = TENDER_FIELD_SPECS[field];
  return {
    field,
    label: SHEET_LABELS[field] ?? label,
    kind,
    hint: HINTS[field],
    ...(choices ? { choices } : {}),
  };
}
const onSheet = (f: TenderDetailField): f is TenderField => f in HINTS;

/** The tender-level fields, one row each from row 3, label in column A and value in column B. */
export const TENDER_FIELDS: readonly FieldSpec[] = (TENDER_DETAIL_FIELDS as readonly TenderDetailField[])
  .filter((f): f is TenderField => onSheet(f) && f !== "statedTotalIsCeiling")
  .map(sheetField);

/**
 * The procurement-rules fields (docs/rules.md), all optional: a block beside the tender fields,
 * label in column E, value in F, hint in G, so the lots table stays where it is.
 */
export const RULES_FIELDS: readonly FieldSpec[] = RULE_FIELDS.map(sheetField);

/** 0-based column of the rules block's labels (E). */
export const RULES_COL = 4;

/** 0-based row of the first field (row 3 in Excel). */
export const FIELDS_ROW = 2;

/**
 * Whether the stated total is a ceiling: a Yes/No field under its own heading ("Budget") below the
 * rules block, in the rows beside the tender fields, so that no other cell moves.
 */
export const CEILING_FIELD: FieldSpec = sheetField("statedTotalIsCeiling");
/** 0-based row of the ceiling field (row 11 in Excel); its heading is the row above. */
export const CEILING_ROW = FIELDS_ROW + RULES_FIELDS.length + 2;
/** 0-based row of the lots table header (row 13 in Excel). */
export const LOTS_HEADER_ROW = FIELDS_ROW + TENDER_FIELDS.length + 2;
export const LOTS_HEADERS: readonly string[] = LOT_FIELDS.map((f) => LOT_FIELD_LABELS[f]);

const money = (p: number | undefined): Scalar => (p === undefined ? null : penceToPounds(p));
const date = (d: string | undefined): Scalar => (d === undefined ? null : isoToExcelSerial(d));

function fieldValue(t: Tender | undefined, f: TenderField): Scalar {
  if (!t) {
    if (f === "region") return REGION_LABELS["GB-ENG"];
    if (f === "vatRate") return 0.2;
    return null;
  }
  switch (f) {
    case "title":
    case "buyer":
      return t[f];
    case "buyerType":
    case "contractType":
    case "procedure":
      return t[f] ?? null;
    case "statedTotal":
      return money(t.statedTotal?.pence);
    case "statedTotalIsCeiling":
      return t.statedTotalIsCeiling === true ? "Yes" : t.statedTotal ? "No" : null;
    case "dayRate":
    case "optionsValue":
      return money(t[f]);
    case "closingDate":
    case "startDate":
    case "endDate":
    case "publishedDate":
    case "awardNoticeDate":
      return date(t[f]);
    case "region":
      return REGION_LABELS[t.region];
    case "vatRate":
      return t.vatRate / 100;
  }
}

const FORMAT_OF: Record<FieldKind, string> = {
  text: FORMATS.text,
  currency: FORMATS.text,
  "yes-no": FORMATS.text,
  money: FORMATS.money,
  date: FORMATS.date,
  region: FORMATS.text,
  percent: FORMATS.vat,
  choice: FORMATS.text,
};

/** Each lot field's column in the lots table: its format, width and value. */
const LOT_COLUMNS: Record<LotField, { numberFormat: string; width: number; value: (l: Lot) => Scalar }> = {
  name: { numberFormat: FORMATS.text, width: 28, value: (l) => l.name },
  dayRate: { numberFormat: FORMATS.money, width: 14, value: (l) => money(l.dayRate) },
  days: { numberFormat: FORMATS.days, width: 10, value: (l) => l.days ?? null },
  statedValue: { numberFormat: FORMATS.money, width: 16, value: (l) => money(l.statedValue) },
  startDate: { numberFormat: FORMATS.date, width: 12, value: (l) => date(l.startDate) },
  endDate: { numberFormat: FORMATS.date, width: 12, value: (l) => date(l.endDate) },
};

function lotRow(l: Lot): Scalar[] {
  return LOT_FIELDS.map((f) => LOT_COLUMNS[f].value(l));
}

/** The dates validation accepts: 01/01/2000 to 31/12/2099. */

/** The Tender sheet, empty (with defaults) or filled from a tender. */
export function tenderSheetPlan(
  tender: Tender | undefined,
  names: { sheet: string; table: string },
): SheetPlan {
  const cells: CellPlan[] = [
    { row: 0, col: 0, value: "Tender", style: { bold: true, fontSize: 14 } },
    {
      row: 0,
      col: 2,
      value: "Fill in the tender and one row per lot, then check it with Tender Budget.",
      style: { italic: true, fontColor: "#605E5C" },
    },
  ];
  const validations: ValidationPlan[] = [];
  cells.push({
    row: FIELDS_ROW - 1,
    col: RULES_COL,
    value: "Procurement rules (optional)",
    style: { bold: true, fontSize: 12 },
  });
  const placed = [
    ...TENDER_FIELDS.map((spec, i) => ({ spec, row: FIELDS_ROW + i, col: 0 })),
    ...RULES_FIELDS.map((spec, i) => ({ spec, row: FIELDS_ROW + i, col: RULES_COL })),
    { spec: CEILING_FIELD, row: CEILING_ROW, col: RULES_COL },
  ];
  cells.push({ row: CEILING_ROW - 1, col: RULES_COL, value: "Budget", style: { bold: true, fontSize: 12 } });
  placed.forEach(({ spec, row, col }) => {
    cells.push({ row, col, value: spec.label, style: { bold: true } });
    cells.push({
      row,
      col: col + 1,
      value: fieldValue(tender, spec.field),
      numberFormat: FORMAT_OF[spec.kind],
    });
    cells.push({ row, col: col + 2, value: spec.hint, style: { italic: true, fontColor: "#605E5C" } });
    const rect: Rect = { r0: row, c0: col + 1, r1: row, c1: col + 1 };
    if (spec.kind === "money") {
      validations.push(poundsValidation(rect, spec.label, `${spec.hint}. In pounds, e.g. 346000.`));
    } else if (spec.kind === "date") {
      validations.push(dateValidation(rect, spec.label, "A date, dd/mm/yyyy."));
    } else if (spec.kind === "region") {
      validations.push({
        rect,
        rule: { type: "list", values: Object.values(REGION_LABELS) },
        prompt: { title: spec.label, message: "Whose bank holidays count as non-working days." },
        error: { title: spec.label, message: "Choose England & Wales, Scotland or Northern Ireland." },
      });
    } else if (spec.kind === "choice" && spec.choices) {
      validations.push({
        rect,
        rule: { type: "list", values: [...spec.choices] },
        prompt: { title: spec.label, message: `Optional: ${spec.choices.join(", ")}.` },
        error: { title: spec.label, message: `Choose ${spec.choices.join(", ")}, or leave it empty.` },
      });
    } else if (spec.kind === "yes-no") {
      validations.push({
        rect,
        rule: { type: "list", values: ["Yes", "No"] },
        prompt: { title: spec.label, message: spec.hint },
        error: { title: spec.label, message: "Choose Yes or No, or leave it empty." },
      });
    } else if (spec.kind === "percent") {
      validations.push({
        rect,
        rule: { type: "decimal", min: 0, max: 1 },
        prompt: { title: spec.label, message: "A percentage, e.g. 20%." },
        error: { title: spec.label, message: "Enter a percentage from 0% to 100%." },
      });
    }
  });
  cells.push({ row: LOTS_HEADER_ROW - 1, col: 0, value: "Lots", style: { bold: true, fontSize: 12 } });

  const lots = tender?.lots ?? [];
  const table: TablePlan = {
    name: names.table,
    row: LOTS_HEADER_ROW,
    col: 0,
    columns: LOT_FIELDS.map((f) => {
      const { numberFormat, width } = LOT_COLUMNS[f];
      return { header: LOT_FIELD_LABELS[f], numberFormat, width };
    }),
    rows: lots.length > 0 ? lots.map(lotRow) : [LOT_FIELDS.map(() => null)],
    showTotals: false,
    style: "TableStyleMedium2",
  };
  const body = { r0: LOTS_HEADER_ROW + 1, r1: LOTS_HEADER_ROW + Math.max(lots.length, 1) };
  const colRect = (c: number): Rect => ({ r0: body.r0, c0: c, r1: body.r1, c1: c });
  validations.push(
    poundsValidation(
      colRect(1),
      "Day rate",
      "This lot's own day rate in pounds; leave empty to use the default.",
    ),
    daysValidation(colRect(2), "Days", "Days of work for this lot; half days allowed (12.5)."),
    poundsValidation(colRect(3), "Stated value", "The value the tender states for this lot, ex VAT."),
    dateValidation(
      { r0: body.r0, c0: 4, r1: body.r1, c1: 5 },
      "Date",
      "A date, dd/mm/yyyy; leave empty to use the tender's dates.",
    ),
  );

  return {
    kind: "tender",
    name: names.sheet,
    cells,
    tables: [table],
    validations,
    conditionalFormats: [],
    charts: [],
    columnWidths: [28, 16, 16, 16, 16, 14, 12],
    freezeRows: 0,
  };
}
