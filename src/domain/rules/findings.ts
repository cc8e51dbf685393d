/**
 * The findings a rules assessment gives: a threshold crossed or nearly reached, a tendering period
 * too short, a start inside the standstill, and dates in the wrong order.
 */
import { compareIso, formatLongDate } from "../core/calendar";
import { rulesMessages as m } from "../core/messages";
import type { Finding, IsoDate, Pence } from "../core/types";
import type { RulesAssessment, RulesInput } from "./assess";
import type { NoticeDuty } from "./notices";
import { citeSources } from "./sources";
import { thresholdCategoryWords } from "./thresholds";

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
