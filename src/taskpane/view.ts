/**
 * What the pane shows of a checked tender, in pence and plain words. `reportView` (engine.ts) fills
 * it from the engine's Report; the components only read it.
 */
import { formatMoney } from "../domain/core/money";
import type { TotalStatus } from "../domain/check/total-status";
import type { Finding, Pence, Severity, StatedAmount } from "../domain/core/types";
import { formatNumber } from "./en-gb";
import type { PhasingView } from "./state";

export interface AllocationLine {
  lot: string;
  /** The rate used (the lot's own, the tender's default or the inferred one). */
  dayRate?: Pence;
  days?: number;
  /** Undefined when the lot has neither a rate and days nor a stated value. */
  value?: Pence;
  statedValue?: Pence;
  /** value − statedValue, when a value is stated. */
  variance?: Pence;
  /** Share of the computed total, 0–1. */
  share: number;
}

export interface Headline {
  /** What the lots add up to (ex VAT). */
  total: Pence;
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
  /** The lots' own day rates, lowest first, when they differ (and there is no one rate). */
  dayRates?: Pence[];
  /** The reconciliation status, as the workbook's Status cell gives it; undefined without a stated total. */
  status?: TotalStatus;
}

export interface PhasingRow {
  period: string;
  value: Pence;
}

export interface ReportView {
  lines: AllocationLine[];
  headline: Headline;
  findings: Finding[];
  phasing: Record<PhasingView, PhasingRow[]>;
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
