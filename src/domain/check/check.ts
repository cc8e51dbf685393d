/**
 * Checking a tender end to end: allocate, reconcile, phase; and the report as JSON (the command
 * line's `--json`), with money in pounds as JSON numbers and dates as YYYY-MM-DD.
 */
import { allocate, DEFAULT_RATE_BAND, type Allocation, type RateBand } from "./allocation";
import { penceToPounds, roundHalfAwayFromZero } from "../core/money";
import { phase, type Phasing } from "./phasing";
import { reconcile, ZERO_TOLERANCE } from "./reconcile";
import type { Finding, IsoDate, Pence, Region, Tender, Tolerance } from "../core/types";

export interface CheckOptions {
  /** How far the lots may be from a stated figure before it is an error (default zero). */
  tolerance?: Tolerance;
  /** Days worked a week for phasing (default 5). */
  daysPerWeek?: number;
  /** Day rates taken as plausible (default £300–£3,000). */
  rateBand?: RateBand;
}

export interface Report {
  tender: Tender;
  allocation: Allocation;
  findings: Finding[];
  phasing: Phasing;
  /** The options used, defaults filled in. */
  options: { tolerance: Tolerance; daysPerWeek: number; rateBand: RateBand };
}

/** Allocate, reconcile and phase a tender. Does not change the tender. */
export function checkTender(tender: Tender, options: CheckOptions = {}): Report {
  const tolerance = options.tolerance ?? ZERO_TOLERANCE;
  const rateBand = options.rateBand ?? DEFAULT_RATE_BAND;
  const daysPerWeek = options.daysPerWeek ?? 5;
  const allocation = allocate(tender, { rateBand });
  const findings = reconcile(tender, allocation, { tolerance, daysPerWeek });
  const phasing = phase(tender, allocation, { daysPerWeek });
  return {
    tender,
    allocation,
    findings,
    phasing,
    options: {
      tolerance: { absolute: tolerance.absolute, percent: tolerance.percent },
      daysPerWeek,
      rateBand: { min: rateBand.min, max: rateBand.max },
    },
  };
}

/** True when some finding is an error (the command line then exits with 1). */
export function hasErrors(report: Pick<Report, "findings">): boolean {
  return report.findings.some((f) => f.severity === "error");
}

type Money = number | null;

export interface ReportJson {
  tender: {
    title: string;
    buyer: string;
    currency: "GBP";
    statedTotal: Money;
    /** The unit the stated total was given to, in pounds (£346,000 → 1000). */
    statedTotalPrecision: Money;
    dayRate: Money;
    closingDate: IsoDate | null;
    startDate: IsoDate | null;
    endDate: IsoDate | null;
    region: Region;
    vatRate: number;
    lots: {
      name: string;
      dayRate: Money;
      days: number | null;
      statedValue: Money;
      startDate: IsoDate | null;
      endDate: IsoDate | null;
    }[];
  };
  lines: {
    lot: string;
    dayRate: Money;
    dayRateSource: "lot" | "tender" | "inferred" | null;
    days: number | null;
    daysSource: "lot" | "inferred" | null;
    value: Money;
    valueSource: "computed" | "statedValue" | null;
    statedValue: Money;
    /** value − stated value. */
    variance: Money;
    /** Share of the total, 0 to 1, to 4 decimal places. */
    share: number;
    startDate: IsoDate | null;
    endDate: IsoDate | null;
  }[];
  totals: {
    value: number;
    statedTotal: Money;
    variance: Money;
    /** Percent of the stated total, to 2 decimal places (0.16 = 0.16%). */
    variancePercent: number | null;
    vatRate: number;
    vat: number;
    valueIncVat: number;
  };
  inferred: {
    dayRate: Money;
    /** Lots whose days were worked out from their stated value at the day rate. */
    days: { lot: string; days: number }[];
  };
  findings: Finding[];
  phasing: {
    daysPerWeek: number;
    months: { month: string; value: number }[];
    quarters: { quarter: string; value: number }[];
    financialYears: { financialYear: string; value: number }[];
    lots: {
      lot: string;
      startDate: IsoDate;
      endDate: IsoDate;
      months: { month: string; days: number; value: number }[];
    }[];
    unphased: { lot: string; path: string; reason: string }[];
  };
}

const pounds = (p: Pence | undefined): Money => (p === undefined ? null : penceToPounds(p));
const days2 = (d: number): number => roundHalfAwayFromZero(d, 2);
const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** The report as plain JSON: money in pounds (JSON numbers), dates YYYY-MM-DD, absent values null. */
export function reportToJson(report: Report): ReportJson {
  const { tender, allocation, phasing } = report;
  return {
    tender: {
      title: tender.title,
      buyer: tender.buyer,
      currency: tender.currency,
      statedTotal: pounds(tender.statedTotal?.pence),
      statedTotalPrecision: pounds(tender.statedTotal?.precision),
      dayRate: pounds(tender.dayRate),
      closingDate: orNull(tender.closingDate),
      startDate: orNull(tender.startDate),
      endDate: orNull(tender.endDate),
      region: tender.region,
      vatRate: tender.vatRate,
      lots: tender.lots.map((lot) => ({
        name: lot.name,
        dayRate: pounds(lot.dayRate),
        days: orNull(lot.days),
        statedValue: pounds(lot.statedValue),
        startDate: orNull(lot.startDate),
        endDate: orNull(lot.endDate),
      })),
    },
    lines: allocation.lines.map((line) => ({
      lot: line.lot,
      dayRate: pounds(line.dayRate),
      dayRateSource: orNull(line.dayRateSource),
      days: line.days === undefined ? null : days2(line.days),
      daysSource: orNull(line.daysSource),
      value: pounds(line.value),
      valueSource: orNull(line.valueSource),
      statedValue: pounds(line.statedValue),
      variance:
        line.value !== undefined && line.statedValue !== undefined
          ? pounds(line.value - line.statedValue)
          : null,
      share: roundHalfAwayFromZero(line.share, 4),
      startDate: orNull(line.startDate),
      endDate: orNull(line.endDate),
    })),
    totals: {
      value: penceToPounds(allocation.total),
      statedTotal: pounds(allocation.statedTotal?.pence),
      variance: pounds(allocation.variance),
      variancePercent:
        allocation.variancePercent === undefined
          ? null
          : roundHalfAwayFromZero(allocation.variancePercent, 2),
      vatRate: allocation.vatRate,
      vat: penceToPounds(allocation.vat),
      valueIncVat: penceToPounds(allocation.totalIncVat),
    },
    inferred: {
      dayRate: pounds(allocation.inferredDayRate),
      days: allocation.lines
        .filter((l) => l.daysSource === "inferred" && l.days !== undefined)
        .map((l) => ({ lot: l.lot, days: days2(l.days as number) })),
    },
    findings: report.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      path: f.path,
    })),
    phasing: {
      daysPerWeek: phasing.daysPerWeek,
      months: phasing.months.map((r) => ({ month: r.month, value: penceToPounds(r.value) })),
      quarters: phasing.quarters.map((r) => ({ quarter: r.quarter, value: penceToPounds(r.value) })),
      financialYears: phasing.financialYears.map((r) => ({
        financialYear: r.financialYear,
        value: penceToPounds(r.value),
      })),
      lots: phasing.lots.map((l) => ({
        lot: l.lot,
        startDate: l.startDate,
        endDate: l.endDate,
        months: l.months.map((x) => ({ month: x.month, days: days2(x.days), value: penceToPounds(x.value) })),
      })),
      unphased: phasing.unphased.map((u) => ({ lot: u.lot, path: u.path, reason: u.reason })),
    },
  };
}
