/**
 * The report of a checked tender as JSON (the command line's `--json`): money in pounds as JSON
 * numbers, dates as YYYY-MM-DD, every field present (null where there is no figure).
 */
import { penceToPounds, roundHalfAwayFromZero } from "../core/money";
import type { BuyerType, ContractType, Finding, IsoDate, Pence, Procedure, Region } from "../core/types";
import type { Report } from "../check/check";
import type { RulesAssessment } from "../rules/assess";
import { thresholdCategoryWords } from "../rules/thresholds";
import { citeSources } from "../rules/sources";

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
    buyerType: BuyerType | null;
    contractType: ContractType | null;
    procedure: Procedure | null;
    publishedDate: IsoDate | null;
    awardNoticeDate: IsoDate | null;
    optionsValue: Money;
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
  rules: RulesJson;
}

/** `--json`'s `rules`: money in pounds, each figure with its rule's source (title and address). */
export interface RulesJson {
  regime: "PCR 2015" | "Procurement Act 2023" | null;
  /** The threshold in force on publishedDate for the buyer and contract type, in pounds. */
  threshold: Money;
  /** Which threshold: "central government supplies and services". */
  thresholdFor: string | null;
  thresholdPeriod: { from: IsoDate; to: IsoDate | null } | null;
  comparedWith: "ex VAT" | "inc VAT" | null;
  /** What was compared with the threshold, in pounds. */
  estimatedValue: Money;
  aboveThreshold: boolean | null;
  /** What to give when aboveThreshold is null. */
  missing: { field: string; message: string }[];
  noticeDuties: { notice: string; where: string; when: string; source: string }[];
  minimumTenderingDays: number | null;
  tenderingDays: number | null;
  /** The last day of the standstill. */
  standstillEnd: IsoDate | null;
  /** The last day the award notice can go out for the contract to start on startDate. */
  latestAwardNoticeForStart: IsoDate | null;
  sources: {
    regime: string | null;
    threshold: string | null;
    minimumTenderingDays: string | null;
    standstillEnd: string | null;
    latestAwardNoticeForStart: string | null;
  };
  /** Assumptions made and checks left out. */
  notes: string[];
}

const cite = (keys: Parameters<typeof citeSources>[0] | undefined): string | null =>
  keys === undefined || keys.length === 0 ? null : citeSources(keys);

/** The rules assessment as JSON. */
export function rulesToJson(rules: RulesAssessment): RulesJson {
  return {
    regime: orNull(rules.regime),
    threshold: pounds(rules.threshold),
    thresholdFor:
      rules.thresholdCategory === undefined ? null : thresholdCategoryWords(rules.thresholdCategory),
    thresholdPeriod:
      rules.thresholdPeriod === undefined
        ? null
        : { from: rules.thresholdPeriod.from, to: orNull(rules.thresholdPeriod.to) },
    comparedWith: orNull(rules.comparedWith),
    estimatedValue: pounds(rules.estimatedValue),
    aboveThreshold: rules.aboveThreshold,
    missing: rules.missing.map((x) => ({ field: x.field, message: x.message })),
    noticeDuties: rules.noticeDuties.map((d) => ({
      notice: d.notice,
      where: d.where,
      when: d.when,
      source: citeSources(d.sources),
    })),
    minimumTenderingDays: orNull(rules.minimumTenderingDays),
    tenderingDays: orNull(rules.tenderingDays),
    standstillEnd: orNull(rules.standstillEnd),
    latestAwardNoticeForStart: orNull(rules.latestAwardNoticeForStart),
    sources: {
      regime: cite(rules.sources.regime),
      threshold: cite(rules.sources.threshold),
      minimumTenderingDays: cite(rules.sources.minimumTenderingDays),
      standstillEnd: cite(rules.sources.standstill),
      latestAwardNoticeForStart: cite(rules.sources.standstill),
    },
    notes: [...rules.notes],
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
      buyerType: orNull(tender.buyerType),
      contractType: orNull(tender.contractType),
      procedure: orNull(tender.procedure),
      publishedDate: orNull(tender.publishedDate),
      awardNoticeDate: orNull(tender.awardNoticeDate),
      optionsValue: pounds(tender.optionsValue),
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
      days: allocation.lines.flatMap((l) =>
        l.daysSource === "inferred" ? [{ lot: l.lot, days: days2(l.days) }] : [],
      ),
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
    rules: rulesToJson(report.rules),
  };
}
