/**
 * What the pane shows of a checked tender, in pence and plain words. The engine's `reportView`
 * (domain/formats/report-view.ts) fills it from the Report; the components only read it.
 */
import { formatMoney } from "../domain/core/money";
import type { PhasingPeriod } from "../domain/check/phasing";
import type { Headline, ReportView } from "../domain/formats/report-view";
import type { Finding, Pence, Severity } from "../domain/core/types";
import { formatNumber } from "./en-gb";
import type { PhasingView } from "./state";

/** The pane's figures: the engine's one view of a checked tender, shared with the workbook. */
export type { Headline, ReportLine as AllocationLine, ReportView } from "../domain/formats/report-view";
export type PhasingRow = PhasingPeriod;

/** The periods of the phasing the user chose to see. */
export function phasingRowsOf(view: ReportView, by: PhasingView): PhasingPeriod[] {
  if (by === "month") return view.phasing.months;
  return by === "quarter" ? view.phasing.quarters : view.phasing.financialYears;
}

/** Whole-pound amounts without ".00": £346,560; otherwise £1,234.50. */
export function money(p: Pence, signed = false): string {
  return formatMoney(p, { omitZeroPence: true, signed });
}

/** A percentage to two decimal places at most, signed: +0.16%. */
export function percent(x: number, signed = true): string {
  const sign = signed && x > 0 ? "+" : "";
  return `${sign}${formatNumber(Math.round(x * 100) / 100)}%`;
}

/**
 * The headline in one plain sentence.
 *
 * @example
 * // DfE 2017: → "The lots add up to £346,560, £560 more than the £346,000 stated."
 */
export function headlineSentence(h: Headline): string {
  const total = money(h.total);
  if (h.stated === undefined || h.variance === undefined) {
    return `The lots add up to ${total}. The tender states no total to check them against.`;
  }
  const stated = money(h.stated.pence);
  if (h.variance === 0) return `The lots add up to ${total}, exactly the ${stated} stated.`;
  const diff = money(Math.abs(h.variance));
  if (h.status === "overBudget") return `The lots add up to ${total}, ${diff} over the budget of ${stated}.`;
  return `The lots add up to ${total}, ${diff} ${h.variance > 0 ? "more" : "less"} than the ${stated} stated.`;
}

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

export const SEVERITY_HEADINGS: Record<Severity, string> = {
  error: "Errors to fix",
  warning: "Warnings to check",
  info: "For information",
};

/** Findings grouped by severity, errors first, each group in the engine's order. */
export function groupFindings(findings: readonly Finding[]): { severity: Severity; findings: Finding[] }[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    findings: findings.filter((f) => f.severity === severity),
  })).filter((g) => g.findings.length > 0);
}
