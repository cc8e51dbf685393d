/**
 * What the workbook layouts need from an engine report, in one flat shape: one line per lot with
 * the rate and days actually used, totals, and the findings. `reportView` builds it from `checkTender`.
 */
import type { PhasingPeriod } from "../../domain/check/phasing";
import type { Finding, IsoDate, Pence, Tender, Tolerance } from "../../domain/core/types";

export interface AllocationLine {
  name: string;
  /** The day rate used: the lot's own, the tender's default or the inferred one. */
  dayRate?: Pence;
  days?: number;
  /** rate × days, or the stated value where there is no rate or no days. */
  value: Pence;
  statedValue?: Pence;
  startDate?: IsoDate;
  endDate?: IsoDate;
}

/** A period of the phasing: its key, its label and its value (the engine's `PhasingPeriod`). */
export type PhasingRow = PhasingPeriod;

export interface PhasingView {
  months: PhasingRow[];
  quarters: PhasingRow[];
  financialYears: PhasingRow[];
  /** The value phased (lots without dates are left out). */
  total: Pence;
  /** Lots that could not be phased, and why. */
  unphased: { lot: string; reason: string }[];
}

export interface ReportView {
  tender: Tender;
  lines: AllocationLine[];
  total: Pence;
  totalIncVat: Pence;
  vat: Pence;
  statedTotal?: Pence;
  /** The unit the stated total was given to (£346,000 → £1,000, in pence). */
  statedPrecision?: Pence;
  /** The day rate the engine inferred, when it did. */
  inferredDayRate?: Pence;
  tolerance: Tolerance;
  findings: Finding[];
  phasing: PhasingView;
}
