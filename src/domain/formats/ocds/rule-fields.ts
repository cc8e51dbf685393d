/**
 * The procurement-rule fields of a tender (buyerType, contractType, procedure, publishedDate,
 * awardNoticeDate, optionsValue) in OCDS 1.1.5, where the release schema has a place for them:
 *
 * | tender model | OCDS |
 * |---|---|
 * | procedure | `tender.procurementMethod` (closed `method` codelist: open → open; restricted, competitive-flexible → selective; direct-award → direct; a call-off has no code of its own and is left out) and `tender.procurementMethodDetails` ("the local name of the particular procurement method used": "Open procedure", "Call-off from a framework"…) |
 * | contractType | `tender.mainProcurementCategory` (closed `procurementCategory` codelist: supplies → goods, works → works, services and light-touch → services) and `tender.tenderBudget.contractType` (the exact word; light-touch has no code) |
 * | publishedDate | `tender.tenderPeriod.startDate` (the period "when the tender is open for submissions" opens with the notice) |
 * | awardNoticeDate | `tender.awardPeriod.endDate` ("the date on which an award decision is due to be finalized") |
 * | buyerType | `tender.tenderBudget.buyerType`: the core Organization has no field for it (its `details` are left to partyDetails extensions) |
 * | optionsValue | `tender.tenderBudget.optionsValue` in pounds: the core schema has no options, and the options extension holds no value |
 *
 * Source: Open Contracting Data Standard 1.1.5 release schema (open-contracting/standard, tag
 * 1__1__5, schema/release-schema.json), definitions Tender and Organization.
 */

import { penceToPounds } from "../../core/money";
import { parseBuyerType, parseContractType, parseProcedure } from "../../check/tender";
import type { ContractType, Parsed, Procedure, Tender } from "../../core/types";
import { isoToOcdsDateTime, ocdsDateTimeToIso } from "./date-times";
import { isObject, type Json, type Reader } from "./json-reader";
import type { OcdsTender, TenderBudgetFields } from "./types";

/** OCDS `method` codes (closed codelist): open, selective, limited, direct. */
const METHOD: Record<Procedure, "open" | "selective" | "direct" | undefined> = {
  open: "open",
  restricted: "selective",
  "competitive-flexible": "selective",
  "direct-award": "direct",
  "call-off": undefined,
};

const METHOD_DETAILS: Record<Procedure, string> = {
  open: "Open procedure",
  restricted: "Restricted procedure",
  "competitive-flexible": "Competitive flexible procedure",
  "direct-award": "Direct award",
  "call-off": "Call-off from a framework",
};

/** OCDS `procurementCategory` codes (closed codelist): goods, works, services. */
const CATEGORY: Record<ContractType, "goods" | "works" | "services"> = {
  services: "services",
  supplies: "goods",
  works: "works",
  "light-touch": "services",
};

/** The rule fields written into the release's tender (and our `tenderBudget` fields). */
export function writeRuleFields(tender: Tender, out: OcdsTender, ext: TenderBudgetFields): void {
  if (tender.procedure !== undefined) {
    const method = METHOD[tender.procedure];
    if (method !== undefined) out.procurementMethod = method;
    out.procurementMethodDetails = METHOD_DETAILS[tender.procedure];
  }
  if (tender.contractType !== undefined) {
    out.mainProcurementCategory = CATEGORY[tender.contractType];
    ext.contractType = tender.contractType;
  }
  if (tender.publishedDate !== undefined) {
    out.tenderPeriod = { ...out.tenderPeriod, startDate: isoToOcdsDateTime(tender.publishedDate, "start") };
  }
  if (tender.awardNoticeDate !== undefined) {
    out.awardPeriod = { endDate: isoToOcdsDateTime(tender.awardNoticeDate, "end") };
  }
  if (tender.buyerType !== undefined) ext.buyerType = tender.buyerType;
  if (tender.optionsValue !== undefined) ext.optionsValue = penceToPounds(tender.optionsValue);
}

/** The procedure a `procurementMethodDetails` names ("Open procedure", "Call-off from a framework"). */
function procedureOf(details: unknown): Procedure | undefined {
  if (typeof details !== "string") return undefined;
  const words = details
    .toLowerCase()
    .replace(/\bprocedure\b|\bfrom (a |the )?framework( agreement)?\b/g, "")
    .trim();
  const parsed = parseProcedure(words);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * The rule fields read from a release's tender into `tender`. From Tender Budget's own file
 * (`ext` given) everything comes back exactly, a bad value named by its path. From what others
 * publish, only what the standard's fields say for certain: the procedure its details name (or
 * "open" when the method is open), the contract type from the main category, and the published
 * date from the tender period's start; an award period there is a plan, not a notice, and is left.
 */
export function readRuleFields(t: Json, tp: string, ext: Json | undefined, r: Reader, tender: Tender): void {
  const procedure =
    procedureOf(t.procurementMethodDetails) ?? (t.procurementMethod === "open" ? "open" : undefined);
  if (procedure !== undefined) tender.procedure = procedure;

  const period = isObject(t.tenderPeriod) ? t.tenderPeriod : undefined;
  if (ext) {
    const pick = <T>(key: string, parse: (v: unknown) => Parsed<T>): T | undefined => {
      const v = ext[key];
      if (v === undefined || v === null) return undefined;
      const parsed = parse(v);
      return parsed.ok ? parsed.value : r.fail(`${tp}.tenderBudget.${key}`, parsed.error);
    };
    const buyerType = pick("buyerType", parseBuyerType);
    if (buyerType !== undefined) tender.buyerType = buyerType;
    const contractType = pick("contractType", parseContractType);
    if (contractType !== undefined) tender.contractType = contractType;
    const options = r.pounds(ext.optionsValue, `${tp}.tenderBudget.optionsValue`, "options value", false);
    if (options !== undefined) tender.optionsValue = options;
    const published = r.date(period?.startDate, `${tp}.tenderPeriod.startDate`, "published date");
    if (published !== undefined) tender.publishedDate = published;
    const award = isObject(t.awardPeriod)
      ? r.date(t.awardPeriod.endDate, `${tp}.awardPeriod.endDate`, "award notice date")
      : undefined;
    if (award !== undefined) tender.awardNoticeDate = award;
    return;
  }
  const category = t.mainProcurementCategory;
  if (category === "goods") tender.contractType = "supplies";
  else if (category === "works" || category === "services") tender.contractType = category;
  const published = typeof period?.startDate === "string" ? ocdsDateTimeToIso(period.startDate) : undefined;
  if (published !== undefined) tender.publishedDate = published;
}
