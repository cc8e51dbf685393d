/**
 * The tender model shared by every part of Tender Budget.
 *
 * Money is integer pence (`Pence`), never floating pounds. Dates are calendar dates written
 * `YYYY-MM-DD` (`IsoDate`), with no time and no time zone.
 */

/** An amount of money in whole pence. Always a safe integer. */
export type Pence = number;

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Bank-holiday region: England & Wales (default), Scotland, Northern Ireland. */
export type Region = "GB-ENG" | "GB-SCT" | "GB-NIR";

export const REGIONS: readonly Region[] = ["GB-ENG", "GB-SCT", "GB-NIR"];

/** An amount as somebody stated it: its value and the precision it was given to. */
export interface StatedAmount {
  pence: Pence;
  /** The unit the figure was stated to, in pence: £346,000 → 100_000 (£1,000); £1.2m → 10_000_000. */
  precision: Pence;
}

export interface Lot {
  name: string;
  /** The lot's own day rate; when absent the tender's default day rate applies. */
  dayRate?: Pence;
  /** Days of work; may be fractional (half days). */
  days?: number;
  /** The value the tender states for this lot. */
  statedValue?: Pence;
  startDate?: IsoDate;
  endDate?: IsoDate;
}

export interface Tender {
  title: string;
  buyer: string;
  currency: "GBP";
  statedTotal?: StatedAmount;
  /**
   * The stated total is a ceiling — a budget, an allocation, a cap or an "up to" amount — so lots
   * that go over it are an error whatever its rounding (see check/total-status.ts).
   */
  statedTotalIsCeiling?: boolean;
  /** Default day rate for lots without their own. */
  dayRate?: Pence;
  closingDate?: IsoDate;
  startDate?: IsoDate;
  endDate?: IsoDate;
  region: Region;
  /** VAT rate in percent (20 = 20%). Figures are ex-VAT. */
  vatRate: number;
  lots: Lot[];
  /** Procurement rules (docs/rules.md): who buys, what, how, and the notice dates. */
  buyerType?: BuyerType;
  contractType?: ContractType;
  procedure?: Procedure;
  /** When the procurement started: the tender (contract) notice was published. */
  publishedDate?: IsoDate;
  /** The contract award notice (or standstill letters) went out. */
  awardNoticeDate?: IsoDate;
  /** Extensions and options not in the lots, ex VAT. */
  optionsValue?: Pence;
}

/** Who is buying: central government (PCR Schedule 1 bodies, NHS Trusts), other public bodies, or a utility. */
export type BuyerType = "central" | "sub-central" | "utility";
export const BUYER_TYPES: readonly BuyerType[] = ["central", "sub-central", "utility"];

/** What is bought; `light-touch` is social and other specific services. */
export type ContractType = "services" | "supplies" | "works" | "light-touch";
export const CONTRACT_TYPES: readonly ContractType[] = ["services", "supplies", "works", "light-touch"];

/** How the contract is awarded. */
export type Procedure = "open" | "restricted" | "competitive-flexible" | "direct-award" | "call-off";
export const PROCEDURES: readonly Procedure[] = [
  "open",
  "restricted",
  "competitive-flexible",
  "direct-award",
  "call-off",
];

/** The procurement law that governs a tender, by the date it started. */
export type Regime = "PCR 2015" | "Procurement Act 2023";

export type Severity = "error" | "warning" | "info";

export type FindingCode =
  | "TOTAL_MISMATCH"
  | "TOTAL_ROUNDED"
  | "LOT_VALUE_MISMATCH"
  | "DAYS_NOT_WHOLE"
  | "DATE_ORDER"
  | "CAPACITY"
  | "NON_WORKING_START"
  | "RATE_IMPLAUSIBLE"
  | "RATE_INFERRED"
  | "NO_PLAUSIBLE_RATE"
  | "INVOICE_RATE_MISMATCH"
  | "ACTUAL_OVER_BUDGET"
  | "DUPLICATE_INVOICE"
  | "INVOICE_OUTSIDE_PERIOD"
  | "DAYS_EXCEED_PERIOD"
  | "UNKNOWN_LOT"
  | "AWARD_ABOVE_ESTIMATE"
  | "RELEASES_SAME_DATE"
  | "ABOVE_THRESHOLD"
  | "NEAR_THRESHOLD"
  | "TENDERING_PERIOD_SHORT"
  | "STANDSTILL_NOT_OVER";

/** A problem (or a fact worth knowing) found while checking a tender. A value, never thrown. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Plain words a procurement officer understands. */
  message: string;
  /** The field it concerns, e.g. `statedTotal`, `lots[2].days`, `actuals[4].amount`. */
  path: string;
}

/** A problem in the input itself: the field and what to do. */
export interface InputError {
  /** `lots[2].dayRate`, or for tables `row 4, column "Days"`, or a cell `Tender!C7`. */
  path: string;
  message: string;
}

export type Result<T, E = InputError[]> = { ok: true; value: T } | { ok: false; errors: E };

export interface Tolerance {
  /** Absolute tolerance in pence (default 0). */
  absolute: Pence;
  /** Relative tolerance in percent of the stated total (default 0). */
  percent: number;
}

/** The outcome of parsing one value: the value, or a message saying what is wrong with it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
