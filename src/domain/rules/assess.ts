/**
 * Which procurement rules apply to a tender, from its own fields: the regime, the threshold and
 * how the estimate compares with it, the notices to publish, the tendering period, the standstill
 * and the latest award notice for the planned start; and the findings they give.
 */
import { compareIso, formatLongDate } from "../core/calendar";
import { rulesMessages as m } from "../core/messages";
import { formatMoney, vatOn } from "../core/money";
import type { BuyerType, ContractType, Finding, IsoDate, Pence, Procedure, Regime } from "../core/types";
import { citeSources, type SourceKey } from "./sources";
import {
  BELOW_THRESHOLD_PERIODS,
  periodOn,
  thresholdCategory,
  thresholdOn,
  type ThresholdCategory,
  type VatBasis,
  thresholdCategoryWords,
} from "./thresholds";
import {
  latestAwardNoticeFor,
  minimumTenderingPeriod,
  REGIME_SOURCES,
  regimeOn,
  STANDSTILL_SOURCES,
  standstillEnd,
  tenderingDays,
} from "./timing";

/** The tender's fields the rules read. Money in pence, ex VAT. */
export interface RulesInput {
  publishedDate?: IsoDate;
  closingDate?: IsoDate;
  startDate?: IsoDate;
  awardNoticeDate?: IsoDate;
  buyerType?: BuyerType;
  contractType?: ContractType;
  procedure?: Procedure;
  /** Extensions and options not in the lots, ex VAT. */
  optionsValue?: Pence;
  /** VAT rate in percent. */
  vatRate: number;
  /** All lots together, ex VAT. */
  lotsValue: Pence;
  /** The tender's stated total, ex VAT: used when larger than the lots. */
  statedTotal?: Pence;
}

export interface NoticeDuty {
  notice: string;
  where: string;
  when: string;
  sources: readonly SourceKey[];
}

export interface MissingField {
  field: string;
  message: string;
}

export interface RulesAssessment {
  regime?: Regime;
  threshold?: Pence;
  thresholdCategory?: ThresholdCategory;
  /** The threshold period: first and (unless it is the latest) last day. */
  thresholdPeriod?: { from: IsoDate; to?: IsoDate };
  comparedWith?: VatBasis;
  /** What was compared: lots (or the stated total when larger) plus options, with VAT when inc VAT. */
  estimatedValue?: Pence;
  /** True or false; null when it cannot be told, and `missing` says what to give. */
  aboveThreshold: boolean | null;
  missing: MissingField[];
  noticeDuties: NoticeDuty[];
  minimumTenderingDays?: number;
  tenderingDays?: number;
  standstillEnd?: IsoDate;
  latestAwardNoticeForStart?: IsoDate;
  sources: {
    regime?: readonly SourceKey[];
    threshold?: readonly SourceKey[];
    minimumTenderingDays?: readonly SourceKey[];
    standstill?: readonly SourceKey[];
  };
  /** Assumptions made and checks left out, in plain words. */
  notes: string[];
}

const FIND_A_TENDER_START: IsoDate = "2021-01-01";

function aboveThresholdDuties(regime: Regime, published: IsoDate, large: boolean): NoticeDuty[] {
  if (regime === "PCR 2015") {
    const where =
      compareIso(published, FIND_A_TENDER_START) < 0
        ? "the Official Journal of the EU (OJEU/TED) until 31 December 2020"
        : "Find a Tender (FTS), before Contracts Finder";
    return [
      { notice: "Contract notice", where, when: "to start the procurement", sources: ["G23", "G8"] },
      {
        notice: "Contract notice",
        where: "Contracts Finder",
        when:
          compareIso(published, FIND_A_TENDER_START) < 0
            ? "as well as OJEU/TED"
            : "after it appears on Find a Tender",
        sources: ["G8"],
      },
      {
        notice: "Contract award notice",
        where: compareIso(published, FIND_A_TENDER_START) < 0 ? "OJEU/TED" : "Find a Tender (FTS)",
        when: "within 30 days of the award",
        sources: ["L10"],
      },
    ];
  }
  const cdp = "the Central Digital Platform (find-tender.service.gov.uk)";
  const duties: NoticeDuty[] = [
    {
      notice: "Tender notice",
      where: cdp,
      when: "publishing it starts the procurement",
      sources: ["G1", "G10"],
    },
    {
      notice: "Contract award notice",
      where: cdp,
      when: "before the contract is entered into; publishing it starts the standstill",
      sources: ["L8", "G12"],
    },
    {
      notice: "Contract details notice",
      where: cdp,
      when: "within 30 days of signing the contract",
      sources: ["F24"],
    },
  ];
  if (large) {
    duties.push({
      notice: "The contract itself, and at least 3 KPIs",
      where: cdp,
      when: "for contracts over £5 million",
      sources: ["G16"],
    });
  }
  return duties;
}

function belowThresholdDuties(
  published: IsoDate,
  buyer: BuyerType,
  estimateEx: Pence,
  vatRate: number,
): { duties: NoticeDuty[]; note?: string } {
  const row = periodOn(BELOW_THRESHOLD_PERIODS, published);
  if (!row) return { duties: [] };
  if (buyer === "utility") {
    return {
      duties: [],
      note: "below-threshold publication duties for utilities are not in the facts checked",
    };
  }
  const value = row.comparedWith === "inc VAT" ? estimateEx + vatOn(estimateEx, vatRate) : estimateEx;
  const limit = buyer === "central" ? row.central : row.subCentral;
  if (value < limit) return { duties: [] };
  if (row.regime === "PCR 2015") {
    return {
      duties: [
        {
          notice: "Opportunity (if advertised anywhere) and award details",
          where: row.where,
          when: `contracts of ${formatMoney(limit, { omitZeroPence: true })} or more (${row.comparedWith})`,
          sources: row.sources,
        },
      ],
    };
  }
  return {
    duties: [
      {
        notice: "Tender notice (only if the contract is advertised) and contract details notice",
        where: row.where,
        when: `notifiable below-threshold contracts of ${formatMoney(limit, { omitZeroPence: true })} or more (inc VAT)`,
        sources: row.sources,
      },
    ],
  };
}

const FIVE_MILLION: Pence = 500_000_000;

/** Work out which rules apply. Pure: reads only its input. */
export function assessRules(input: RulesInput): RulesAssessment {
  const out: RulesAssessment = {
    aboveThreshold: null,
    missing: [],
    noticeDuties: [],
    sources: {},
    notes: [],
  };
  const published = input.publishedDate;
  if (published === undefined) out.missing.push({ field: "publishedDate", message: m.missingPublished() });
  if (input.buyerType === undefined) out.missing.push({ field: "buyerType", message: m.missingBuyerType() });
  if (input.contractType === undefined)
    out.missing.push({ field: "contractType", message: m.missingContractType() });

  const statedLarger = input.statedTotal !== undefined && input.statedTotal > input.lotsValue;
  const baseEx = (statedLarger ? (input.statedTotal as Pence) : input.lotsValue) + (input.optionsValue ?? 0);

  if (published !== undefined) {
    const regime = regimeOn(published);
    out.regime = regime;
    out.sources.regime = REGIME_SOURCES;
    if (input.buyerType !== undefined && input.contractType !== undefined) {
      const found = thresholdOn(published, input.buyerType, input.contractType);
      const category = thresholdCategory(input.buyerType, input.contractType);
      if (!category) {
        out.missing.push({ field: "contractType", message: m.utilityWorks() });
      } else if (!found) {
        out.missing.push({ field: "publishedDate", message: m.beforeData(published) });
      } else {
        out.thresholdCategory = category;
        out.thresholdPeriod =
          found.to === undefined ? { from: found.period.from } : { from: found.period.from, to: found.to };
        out.comparedWith = found.period.comparedWith;
        out.estimatedValue =
          found.period.comparedWith === "inc VAT" ? baseEx + vatOn(baseEx, input.vatRate) : baseEx;
        out.sources.threshold = found.period.sources;
        if (found.value === undefined) {
          out.missing.push({
            field: "contractType",
            message: m.unconfirmed(thresholdCategoryWords(category), found.period.from),
          });
        } else {
          out.threshold = found.value;
          out.aboveThreshold = out.estimatedValue >= found.value;
        }
      }
    }
    if (out.aboveThreshold === true) {
      out.noticeDuties = aboveThresholdDuties(
        regime,
        published,
        (out.estimatedValue as Pence) > FIVE_MILLION,
      );
    } else if (out.aboveThreshold === false && input.buyerType !== undefined) {
      const below = belowThresholdDuties(published, input.buyerType, baseEx, input.vatRate);
      out.noticeDuties = below.duties;
      if (below.note) out.notes.push(below.note);
    }

    if (input.procedure !== undefined) {
      const minimum = minimumTenderingPeriod(
        regime,
        input.procedure,
        input.contractType,
        input.buyerType === "utility",
      );
      if ("days" in minimum) {
        out.minimumTenderingDays = minimum.days;
        out.sources.minimumTenderingDays = minimum.sources;
        out.notes.push(minimum.assumption);
      } else {
        out.notes.push(minimum.reason);
      }
    }
    if (input.closingDate !== undefined && compareIso(input.closingDate, published) >= 0) {
      out.tenderingDays = tenderingDays(published, input.closingDate);
    }
    out.sources.standstill = STANDSTILL_SOURCES[regime];
    if (input.awardNoticeDate !== undefined) out.standstillEnd = standstillEnd(input.awardNoticeDate, regime);
    if (input.startDate !== undefined)
      out.latestAwardNoticeForStart = latestAwardNoticeFor(input.startDate, regime);
  }
  return out;
}

function periodWords(period: { from: IsoDate; to?: IsoDate }): string {
  return period.to === undefined
    ? `for procurements started from ${formatLongDate(period.from)}`
    : `for procurements started ${formatLongDate(period.from)} to ${formatLongDate(period.to)}`;
}

function dutiesWords(duties: readonly NoticeDuty[]): string {
  return duties.map((d) => `${d.notice} on ${d.where} (${d.when})`).join("; ");
}

/**
 * The findings the assessment gives, in the engine's form: ABOVE_THRESHOLD and NEAR_THRESHOLD
 * (information), TENDERING_PERIOD_SHORT and STANDSTILL_NOT_OVER (errors, above the threshold
 * only, when the dates are given), DATE_ORDER (warning) for a notice after closing or an award
 * before it.
 */
export function rulesFindings(input: RulesInput, a: RulesAssessment): Finding[] {
  const findings: Finding[] = [];
  const published = input.publishedDate;
  if (
    published !== undefined &&
    input.closingDate !== undefined &&
    compareIso(published, input.closingDate) > 0
  ) {
    findings.push({
      code: "DATE_ORDER",
      severity: "warning",
      path: "publishedDate",
      message: m.publishedAfterClosing(published, input.closingDate),
    });
  }
  if (
    input.awardNoticeDate !== undefined &&
    input.closingDate !== undefined &&
    compareIso(input.awardNoticeDate, input.closingDate) < 0
  ) {
    findings.push({
      code: "DATE_ORDER",
      severity: "warning",
      path: "awardNoticeDate",
      message: m.awardBeforeClosing(input.awardNoticeDate, input.closingDate),
    });
  }
  if (
    published === undefined ||
    a.regime === undefined ||
    a.threshold === undefined ||
    a.estimatedValue === undefined ||
    a.thresholdCategory === undefined ||
    a.thresholdPeriod === undefined ||
    a.comparedWith === undefined
  ) {
    return findings;
  }
  const statedLarger = input.statedTotal !== undefined && input.statedTotal > input.lotsValue;
  const head = m.regime(a.regime, published);
  const estimate = m.estimate(
    a.estimatedValue,
    a.comparedWith,
    statedLarger ? (input.statedTotal as Pence) : input.lotsValue,
    input.optionsValue ?? 0,
    input.vatRate,
    statedLarger,
  );
  const what = thresholdCategoryWords(a.thresholdCategory);
  const period = periodWords(a.thresholdPeriod);
  const source = citeSources(a.sources.threshold ?? []);
  if (a.aboveThreshold === true) {
    findings.push({
      code: "ABOVE_THRESHOLD",
      severity: "info",
      path: "lots",
      message: m.aboveThreshold(
        head,
        estimate,
        what,
        a.threshold,
        period,
        dutiesWords(a.noticeDuties),
        source,
      ),
    });
    if (
      a.minimumTenderingDays !== undefined &&
      a.tenderingDays !== undefined &&
      input.closingDate !== undefined &&
      a.tenderingDays < a.minimumTenderingDays
    ) {
      findings.push({
        code: "TENDERING_PERIOD_SHORT",
        severity: "error",
        path: "closingDate",
        message: m.tenderingShort(
          published,
          input.closingDate,
          a.tenderingDays,
          a.minimumTenderingDays,
          a.notes.find((n) => n.startsWith("PCR 2015 reg 27")) ?? "",
          citeSources(a.sources.minimumTenderingDays ?? []),
        ),
      });
    }
    if (
      a.standstillEnd !== undefined &&
      input.startDate !== undefined &&
      input.awardNoticeDate !== undefined &&
      a.latestAwardNoticeForStart !== undefined &&
      compareIso(input.startDate, a.standstillEnd) <= 0
    ) {
      findings.push({
        code: "STANDSTILL_NOT_OVER",
        severity: "error",
        path: "startDate",
        message: m.standstillNotOver(
          input.startDate,
          input.awardNoticeDate,
          a.standstillEnd,
          m.standstillRule(a.regime),
          a.latestAwardNoticeForStart,
          citeSources(a.sources.standstill ?? []),
        ),
      });
    }
  } else if (a.aboveThreshold === false && a.estimatedValue * 10 >= a.threshold * 9) {
    findings.push({
      code: "NEAR_THRESHOLD",
      severity: "info",
      path: "lots",
      message: m.nearThreshold(head, estimate, what, a.threshold, period, source),
    });
  }
  return findings;
}
