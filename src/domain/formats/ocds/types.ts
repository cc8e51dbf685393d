/**
 * The OCDS 1.1 shapes Tender Budget writes (a release package with one tender release, the lots
 * extension and our own `tenderBudget` fields) and the options of the export. How the tender model
 * maps onto them: see ./index.ts.
 */

import type { Allocation } from "../../check/allocation";
import type { BuyerType, ContractType, Region } from "../../core/types";

export const OCDS_VERSION = "1.1";
/** The lots extension (tender.lots, items[].relatedLot), as listed in a package's `extensions`. */
export const LOTS_EXTENSION_URL =
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";
/**
 * The prefix of the ocids Tender Budget makes up when none is given. It is not a prefix
 * registered with the Open Contracting Partnership: a publisher passes its own `ocid`.
 */
export const OCID_PREFIX = "ocds-tenderbudget-";

export interface OcdsValue {
  amount: number;
  currency: "GBP";
}

/** Full date-times with an offset, e.g. "2017-08-31T00:00:00+01:00", "2018-03-31T23:59:59+01:00". */
export interface OcdsPeriod {
  startDate?: string;
  endDate?: string;
}

export interface OcdsUnit {
  scheme: "UNCEFACT";
  id: "DAY";
  name: "Day";
  /** The day rate. */
  value?: OcdsValue;
}

export interface OcdsItem {
  id: string;
  description: string;
  /** Days of work. */
  quantity?: number;
  unit: OcdsUnit;
  relatedLot: string;
}

/** Ours, on each lot: where its figures came from. */
export interface TenderBudgetLotFields {
  /** "statedValue": `value` is the value the tender states; "computed": day rate × days. */
  valueSource?: "statedValue" | "computed";
  /** The lot's own day rate, the tender's default, or one inferred from the stated values. */
  dayRateSource?: "lot" | "tender" | "inferred";
  /** "lot": the tender states the days; "inferred": worked out from the stated value and rate. */
  daysSource?: "lot" | "inferred";
}

export interface OcdsLot {
  id: string;
  title: string;
  value?: OcdsValue;
  contractPeriod?: OcdsPeriod;
  tenderBudget: TenderBudgetLotFields;
}

/** Ours, on `tender`: what the tender model holds that OCDS has no field for. */
export interface TenderBudgetFields {
  /** Bank-holiday region of the working-day calendar. */
  region: Region;
  /** VAT rate in percent; every amount in the release is ex-VAT. */
  vatRate: number;
  /** "statedTotal": `tender.value` is the total the tender states; "computed": the lots added up. */
  valueSource?: "statedTotal" | "computed";
  /** True when the stated total is a ceiling (a budget, cap or "up to" amount). */
  statedTotalIsCeiling?: true;
  /** The unit the stated total was stated to, in pounds (£346,000 → 1000). */
  statedTotalPrecision?: number;
  /** The tender's default day rate in pounds, for lots without their own. */
  dayRate?: number;
  /** Who buys (central, sub-central, utility): the core schema has no field for it. */
  buyerType?: BuyerType;
  /** What is bought, exactly (mainProcurementCategory has no code for light-touch). */
  contractType?: ContractType;
  /** Extensions and options not in the lots, in pounds ex VAT. */
  optionsValue?: number;
}

export interface OcdsTender {
  id: string;
  title: string;
  /** The contract type's category; "services" when the tender gives none. */
  mainProcurementCategory: "services" | "goods" | "works";
  /** The procedure (see ./rule-fields.ts). */
  procurementMethod?: "open" | "selective" | "direct";
  procurementMethodDetails?: string;
  value?: OcdsValue;
  /** Published (startDate) to closing (endDate). */
  tenderPeriod?: OcdsPeriod;
  /** endDate: the award notice. */
  awardPeriod?: OcdsPeriod;
  contractPeriod?: OcdsPeriod;
  lots: OcdsLot[];
  items: OcdsItem[];
  tenderBudget: TenderBudgetFields;
}

export interface OcdsOrganization {
  id: string;
  name: string;
  roles: string[];
}

export interface Release {
  ocid: string;
  id: string;
  date: string;
  tag: ["tender"];
  initiationType: "tender";
  language: "en";
  /** The buyer, with role "buyer" (left out while the tender names no buyer). */
  parties?: OcdsOrganization[];
  buyer?: { id: string; name: string };
  planning?: { budget: { amount: OcdsValue } };
  tender: OcdsTender;
}

export interface ReleasePackage {
  uri: string;
  version: typeof OCDS_VERSION;
  extensions: string[];
  publishedDate: string;
  publisher: { name: string };
  releases: [Release];
}

export interface OcdsExportOptions {
  /** The contracting process's ocid; default `OCID_PREFIX` + a hash of the buyer and title. */
  ocid?: string;
  /**
   * When the package is published: `YYYY-MM-DD` or a date-time with an offset. The caller gives
   * it (the engine reads no clock), so the same tender and date always give the same package.
   */
  publishedDate: string;
  /** The package's URI; default `urn:tender-budget:<ocid>`. */
  uri?: string;
  /** Who publishes the package; default the buyer (or "Tender Budget" when none is named). */
  publisher?: string;
  /** The tender's allocation when already worked out; default `allocate(tender)`. */
  allocation?: Allocation;
}
