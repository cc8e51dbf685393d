/**
 * The one list of a tender's and a lot's fields, with the words a user sees for each and what kind
 * of value it holds. The tender file, the tender CSV, the Tender sheet, the lots-table readers and
 * the pane's boxes all take their fields from here, so a new field is added in one place (and the
 * compiler then names every shell that does not yet show it).
 */
import { BUYER_TYPES, CONTRACT_TYPES, PROCEDURES, type Lot, type Tender } from "./types";

/** The lot's fields, in the order every lots table shows them. */
export const LOT_FIELDS = ["name", "dayRate", "days", "statedValue", "startDate", "endDate"] as const;
export type LotField = (typeof LOT_FIELDS)[number];
/** Checked by the compiler: each is a field of `Lot`. */
export const LOT_FIELDS_ARE_LOT_KEYS: readonly (keyof Lot)[] = LOT_FIELDS;

/** The header a lots table gives each lot field (the first of the words its readers know). */
export const LOT_FIELD_LABELS: Readonly<Record<LotField, string>> = {
  name: "Lot",
  dayRate: "Day rate",
  days: "Days",
  statedValue: "Stated value",
  startDate: "Start date",
  endDate: "End date",
};

/** The tender's own details, in the order forms show them. */
export const TENDER_DETAIL_FIELDS = [
  "title",
  "buyer",
  "currency",
  "statedTotal",
  "statedTotalIsCeiling",
  "dayRate",
  "closingDate",
  "startDate",
  "endDate",
  "region",
  "vatRate",
] as const satisfies readonly (keyof Tender)[];

/** The fields the procurement rules read (docs/rules.md), all optional. */
export const RULE_FIELDS = [
  "buyerType",
  "contractType",
  "procedure",
  "publishedDate",
  "awardNoticeDate",
  "optionsValue",
] as const satisfies readonly (keyof Tender)[];
export type RuleField = (typeof RULE_FIELDS)[number];

/** A tender field that holds one value (everything but the lots). */
export type TenderDetailField = (typeof TENDER_DETAIL_FIELDS)[number] | RuleField;

/** Every key of the tender file, in the order it is written. */
export const TENDER_FIELDS = [...TENDER_DETAIL_FIELDS, "lots", ...RULE_FIELDS] as const;
export type TenderFileField = (typeof TENDER_FIELDS)[number];

/** Checked by the compiler: the list names every field of `Tender`, and nothing else. */
type Unlisted = Exclude<keyof Tender, TenderFileField>;
export const EVERY_TENDER_FIELD_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

/** What a tender detail holds: how each shell writes it and reads it back. */
export type FieldKind = "text" | "currency" | "money" | "yes-no" | "date" | "region" | "percent" | "choice";

export interface TenderFieldSpec {
  /** The words a user sees (a row label, a column header). */
  label: string;
  kind: FieldKind;
  /** For a choice: the words allowed. */
  choices?: readonly string[];
}

/** Each tender detail's label and kind. */
export const TENDER_FIELD_SPECS: Readonly<Record<TenderDetailField, TenderFieldSpec>> = {
  title: { label: "Title", kind: "text" },
  buyer: { label: "Buyer", kind: "text" },
  currency: { label: "Currency", kind: "currency" },
  statedTotal: { label: "Stated total", kind: "money" },
  statedTotalIsCeiling: { label: "Stated total is a ceiling", kind: "yes-no" },
  dayRate: { label: "Day rate", kind: "money" },
  closingDate: { label: "Closing date", kind: "date" },
  startDate: { label: "Start date", kind: "date" },
  endDate: { label: "End date", kind: "date" },
  region: { label: "Region", kind: "region" },
  vatRate: { label: "VAT rate", kind: "percent" },
  buyerType: { label: "Buyer type", kind: "choice", choices: BUYER_TYPES },
  contractType: { label: "Contract type", kind: "choice", choices: CONTRACT_TYPES },
  procedure: { label: "Procedure", kind: "choice", choices: PROCEDURES },
  publishedDate: { label: "Published", kind: "date" },
  awardNoticeDate: { label: "Award notice", kind: "date" },
  optionsValue: { label: "Options value", kind: "money" },
};

/** True when the tender gives at least one of the rule fields. */
export function givesRuleFields(tender: Tender): boolean {
  return RULE_FIELDS.some((f) => tender[f] !== undefined);
}
