/**
 * Which procurement rules apply to a tender, from its own fields: the regime, the threshold and
 * how the estimate compares with it, the notices to publish, the tendering period, the standstill
 * and the latest award notice for the planned start (the notices are in notices.ts, the findings
 * the assessment gives in findings.ts).
 */
import { compareIso } from "../core/calendar";
import { rulesMessages as m } from "../core/messages";
import { vatOn } from "../core/money";
import type { BuyerType, ContractType, IsoDate, Pence, Procedure, Regime } from "../core/types";
import { aboveThresholdDuties, belowThresholdDuties, type NoticeDuty } from "./notices";
import type { SourceKey } from "./sources";
import {
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
