/**
 * The tender as the user is editing it in the Review step: every field is the text in its box, so a
 * half-typed value never throws. `draftToInput` turns it into the tender file shape that the engine's
 * `parseTender` validates, and the engine's `InputError` paths (`lots[2].days`) map back to the boxes.
 */
import {
  LOT_FIELDS as DOMAIN_LOT_FIELDS,
  TENDER_FIELDS as TENDER_FIELDS_OF_FILE,
} from "../domain/core/fields";
import type { InputError, IsoDate, Region, Tender } from "../domain/core/types";
import { formatShortDate, penceToEntry, readUkDate } from "./en-gb";

export interface LotDraft {
  /** Stable React key; not part of the tender. */
  key: string;
  name: string;
  dayRate: string;
  days: string;
  statedValue: string;
  startDate: string;
  endDate: string;
}

export interface TenderDraft {
  title: string;
  buyer: string;
  statedTotal: string;
  dayRate: string;
  closingDate: string;
  startDate: string;
  endDate: string;
  region: Region;
  vatRate: string;
  /** The stated total is a ceiling (a budget, allocation, cap or "up to" amount): a tick box. */
  statedTotalIsCeiling?: boolean;
  /** Procurement rules (docs/rules.md): `central`, `sub-central`, `utility`, or "" when not given. */
  buyerType: string;
  /** `services`, `supplies`, `works`, `light-touch`, or "". */
  contractType: string;
  /** `open`, `restricted`, `competitive-flexible`, `direct-award`, `call-off`, or "". */
  procedure: string;
  /** When the tender notice was published, as typed. */
  publishedDate: string;
  /** When the contract award notice (or standstill letters) went out, as typed. */
  awardNoticeDate: string;
  /** Extensions and options not in the lots, ex VAT, as typed. */
  optionsValue: string;
  lots: LotDraft[];
}

export type TenderField = Exclude<keyof TenderDraft, "lots" | "statedTotalIsCeiling">;
export type LotField = Exclude<keyof LotDraft, "key">;

// Every lot field has a box in Review.
const LOT_FIELDS: readonly LotField[] = DOMAIN_LOT_FIELDS;

let nextKey = 1;
function newKey(): string {
  nextKey += 1;
  return `lot-${nextKey}`;
}

export function emptyLot(name = ""): LotDraft {
  return { key: newKey(), name, dayRate: "", days: "", statedValue: "", startDate: "", endDate: "" };
}

const NO_RULE_FIELDS = {
  buyerType: "",
  contractType: "",
  procedure: "",
  publishedDate: "",
  awardNoticeDate: "",
  optionsValue: "",
} as const;

export function emptyDraft(): TenderDraft {
  return {
    title: "",
    buyer: "",
    statedTotal: "",
    dayRate: "",
    closingDate: "",
    startDate: "",
    endDate: "",
    region: "GB-ENG",
    vatRate: "20",
    ...NO_RULE_FIELDS,
    lots: [emptyLot()],
  };
}

const money = (p: number | undefined): string => (p === undefined ? "" : penceToEntry(p));
const date = (d: IsoDate | undefined): string => (d === undefined ? "" : formatShortDate(d));
const count = (n: number | undefined): string => (n === undefined ? "" : String(n));

/** The boxes filled in from a tender (money as plain pounds, dates as dd/mm/yyyy). */
export function tenderToDraft(tender: Tender): TenderDraft {
  return {
    title: tender.title,
    buyer: tender.buyer,
    statedTotal: money(tender.statedTotal?.pence),
    dayRate: money(tender.dayRate),
    closingDate: date(tender.closingDate),
    startDate: date(tender.startDate),
    endDate: date(tender.endDate),
    region: tender.region,
    vatRate: count(tender.vatRate),
    ...(tender.statedTotalIsCeiling === true ? { statedTotalIsCeiling: true } : {}),
    buyerType: tender.buyerType ?? "",
    contractType: tender.contractType ?? "",
    procedure: tender.procedure ?? "",
    publishedDate: date(tender.publishedDate),
    awardNoticeDate: date(tender.awardNoticeDate),
    optionsValue: money(tender.optionsValue),
    lots: tender.lots.map((lot) => ({
      key: newKey(),
      name: lot.name,
      dayRate: money(lot.dayRate),
      days: count(lot.days),
      statedValue: money(lot.statedValue),
      startDate: date(lot.startDate),
      endDate: date(lot.endDate),
    })),
  };
}

/** The tender file shape (`parseTender`'s input) built from the boxes, plus date problems found here. */
export interface DraftInput {
  input: Record<string, unknown>;
  /** Dates that are not real dates in day/month/year order; the engine never sees them. */
  errors: InputError[];
}

/**
 * Build the engine's input from the boxes. Empty boxes are left out; numbers stay text for the
 * engine to parse (it knows `£107,520` and `£1.2m`), except days, a plain number.
 */
export function draftToInput(draft: TenderDraft): DraftInput {
  const errors: InputError[] = [];
  const put = (target: Record<string, unknown>, key: string, value: string) => {
    const v = value.trim();
    if (v !== "") target[key] = v;
  };
  const putDate = (target: Record<string, unknown>, key: string, value: string, path: string) => {
    const v = value.trim();
    if (v === "") return;
    const read = readUkDate(v);
    if ("error" in read) errors.push({ path, message: read.error });
    else target[key] = read.date;
  };
  const putNumber = (target: Record<string, unknown>, key: string, value: string) => {
    const v = value.trim().replace(/,/g, "");
    if (v === "") return;
    target[key] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : value.trim();
  };

  const input: Record<string, unknown> = { currency: "GBP", region: draft.region };
  input.title = draft.title.trim();
  input.buyer = draft.buyer.trim();
  put(input, "statedTotal", draft.statedTotal);
  // A ceiling without a total says nothing; the tick waits for a total to apply to.
  if (draft.statedTotalIsCeiling === true && draft.statedTotal.trim() !== "")
    input.statedTotalIsCeiling = true;
  put(input, "dayRate", draft.dayRate);
  putDate(input, "closingDate", draft.closingDate, "closingDate");
  putDate(input, "startDate", draft.startDate, "startDate");
  putDate(input, "endDate", draft.endDate, "endDate");
  putNumber(input, "vatRate", draft.vatRate);
  put(input, "buyerType", draft.buyerType);
  put(input, "contractType", draft.contractType);
  put(input, "procedure", draft.procedure);
  putDate(input, "publishedDate", draft.publishedDate, "publishedDate");
  putDate(input, "awardNoticeDate", draft.awardNoticeDate, "awardNoticeDate");
  put(input, "optionsValue", draft.optionsValue);
  input.lots = draft.lots.map((lot, i) => {
    const out: Record<string, unknown> = { name: lot.name.trim() };
    put(out, "dayRate", lot.dayRate);
    putNumber(out, "days", lot.days);
    put(out, "statedValue", lot.statedValue);
    putDate(out, "startDate", lot.startDate, `lots[${i}].startDate`);
    putDate(out, "endDate", lot.endDate, `lots[${i}].endDate`);
    return out;
  });
  return { input, errors };
}

/** Messages keyed by field path, for showing each beside its box. */
export function errorsByPath(errors: readonly InputError[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of errors) {
    const list = map.get(e.path) ?? [];
    list.push(e.message);
    map.set(e.path, list);
  }
  return map;
}

/** The tender's fields (core/fields.ts) that have a box in Review. */
const boxes: object = emptyDraft();
const TENDER_FIELDS = (TENDER_FIELDS_OF_FILE as readonly string[]).filter(
  (f): f is TenderField => f in boxes && f !== "lots" && f !== "statedTotalIsCeiling",
);

/**
 * The box an error path belongs to, or undefined when no single box shows it (e.g. `lots` itself).
 *
 * @example
 * fieldOfPath("lots[2].days"); // → { lot: 2, field: "days" }
 */
export function fieldOfPath(path: string): { lot?: number; field: TenderField | LotField } | undefined {
  const lot = /^lots\[(\d+)\]\.(\w+)$/.exec(path);
  if (lot) {
    const field = lot[2] as LotField;
    return LOT_FIELDS.includes(field) ? { lot: Number(lot[1]), field } : undefined;
  }
  return TENDER_FIELDS.includes(path as TenderField) ? { field: path as TenderField } : undefined;
}

/**
 * The problems to show in Review before the user has tried to build: those of a lot whose boxes are
 * all still empty (a blank tender's first lot, a lot just added) wait, rather than greeting the
 * user in red before they have typed anything. A build attempt shows them all.
 */
export function withoutUntouchedLots(
  byPath: ReadonlyMap<string, string[]>,
  draft: TenderDraft,
): Map<string, string[]> {
  const untouched = new Set(
    draft.lots.flatMap((lot, i) => (LOT_FIELDS.every((field) => lot[field].trim() === "") ? [i] : [])),
  );
  return new Map(
    [...byPath].filter(([path]) => {
      const field = fieldOfPath(path);
      return field?.lot === undefined || !untouched.has(field.lot);
    }),
  );
}
