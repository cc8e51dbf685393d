/**
 * What the pane and the workbook show of a checked tender, in one shape: one line per lot with the
 * rate and days actually used, the headline figures, the findings and the phasing by month,
 * quarter and financial year, each period labelled. `reportView` builds it from `checkTender`'s
 * report; the pane's steps and the workbook's sheet plans only read it.
 */
import type { Allocation } from "../check/allocation";
import { phasingPeriods, type Phasing, type PhasingPeriod } from "../check/phasing";
import { totalStatus, type TotalStatus } from "../check/total-status";
import type { Finding, IsoDate, Pence, StatedAmount, Tender, Tolerance } from "../core/types";

/** One lot as shown. */
export interface ReportLine {
  lot: string;
  /** The day rate used: the lot's own, the tender's default or the inferred one. */
  dayRate?: Pence;
  days?: number;
  /** rate × days, or the stated value; undefined when the lot has neither. */
  value?: Pence;
  statedValue?: Pence;
  /** value − stated value, when the value was computed from given days and a value is stated. */
  variance?: Pence;
  /** Share of the total, 0 to 1. */
  share: number;
  /** The lot's own dates, else the tender's. */
  startDate?: IsoDate;
  endDate?: IsoDate;
}

export interface Headline {
  /** What the lots add up to (ex VAT). */
  total: Pence;
  vat: Pence;
  totalIncVat: Pence;
  vatRate: number;
  stated?: StatedAmount;
  /** total − stated, when a total is stated. */
  variance?: Pence;
  /** variance as a percentage of the stated total. */
  variancePercent?: number;
  /** The day rate the lots imply or use, when there is one. */
  dayRate?: Pence;
  /** True when the day rate was worked out from the stated values rather than given. */
  dayRateInferred: boolean;
  /** The day rate the engine inferred, when it did. */
  inferredDayRate?: Pence;
  /** The lots' own day rates, lowest first, when they differ (and there is no one rate). */
  dayRates: Pence[];
  /** The reconciliation status, as the workbook's Status cell gives it; undefined without a stated total. */
  status?: TotalStatus;
}

/** The phasing as shown: each period with its key, label and value. */
export interface PhasingView {
  months: PhasingPeriod[];
  quarters: PhasingPeriod[];
  financialYears: PhasingPeriod[];
  /** The value phased (lots without dates are left out). */
  total: Pence;
  /** Lots that could not be phased, and why. */
  unphased: { lot: string; reason: string }[];
}

export interface ReportView {
  tender: Tender;
  lines: ReportLine[];
  headline: Headline;
  /** The tolerance the status and the sheets' formulas use. */
  tolerance: Tolerance;
  findings: Finding[];
  phasing: PhasingView;
}

/** The parts of `checkTender`'s report a view needs. */
export interface CheckedTender {
  tender: Tender;
  allocation: Allocation;
  findings: Finding[];
  phasing: Phasing;
  /** The options the check used; its tolerance is the default for the view. */
  options?: { tolerance: Tolerance };
}

/** The view of a checked tender; `tolerance` overrides the one the check used (default zero). */
export function reportView(report: CheckedTender, tolerance?: Tolerance): ReportView {
  const { allocation: a, tender } = report;
  const used = tolerance ?? report.options?.tolerance ?? { absolute: 0, percent: 0 };
  const lines: ReportLine[] = a.lines.map((l) => ({
    lot: l.lot,
    dayRate: l.dayRate,
    days: l.days,
    value: l.value,
    statedValue: l.statedValue,
    variance: l.variance,
    share: l.share,
    startDate: l.startDate,
    endDate: l.endDate,
  }));
  const rates = new Set(a.lines.map((l) => l.dayRate).filter((r) => r !== undefined));
  const headline: Headline = {
    total: a.total,
    vat: a.vat,
    totalIncVat: a.totalIncVat,
    vatRate: a.vatRate,
    stated: a.statedTotal,
    variance: a.variance,
    variancePercent: a.variancePercent,
    dayRate: a.inferredDayRate ?? tender.dayRate ?? (rates.size === 1 ? [...rates][0] : undefined),
    dayRateInferred: a.inferredDayRate !== undefined,
    inferredDayRate: a.inferredDayRate,
    dayRates: rates.size > 1 ? [...rates].sort((x, y) => x - y) : [],
    status:
      a.statedTotal === undefined
        ? undefined
        : totalStatus(a.total, a.statedTotal, used, tender.statedTotalIsCeiling === true),
  };
  const p = report.phasing;
  return {
    tender,
    lines,
    headline,
    tolerance: { absolute: used.absolute, percent: used.percent },
    findings: report.findings,
    phasing: {
      ...phasingPeriods(p),
      total: p.total,
      unphased: p.unphased.map((u) => ({ lot: u.lot, reason: u.reason })),
    },
  };
}
