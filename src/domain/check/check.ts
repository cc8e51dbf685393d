/**
 * Checking a tender end to end: allocate, reconcile, phase, and the procurement rules. The report as
 * JSON is in formats/report-json.ts.
 */
import { allocate, DEFAULT_RATE_BAND, type Allocation, type RateBand } from "./allocation";
import { phase, type Phasing } from "./phasing";
import { reconcile, ZERO_TOLERANCE } from "./reconcile";
import type { Finding, Pence, Tender, Tolerance } from "../core/types";
import { assessRules, type RulesAssessment, type RulesInput } from "../rules/assess";
import { rulesFindings } from "../rules/findings";

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
  /** Which procurement rules apply (docs/rules.md). */
  rules: RulesAssessment;
  /** The options used, defaults filled in. */
  options: { tolerance: Tolerance; daysPerWeek: number; rateBand: RateBand };
}

/** Allocate, reconcile and phase a tender. Does not change the tender. */
export function checkTender(tender: Tender, options: CheckOptions = {}): Report {
  const tolerance = options.tolerance ?? ZERO_TOLERANCE;
  const rateBand = options.rateBand ?? DEFAULT_RATE_BAND;
  const daysPerWeek = options.daysPerWeek ?? 5;
  const allocation = allocate(tender, { rateBand });
  const reconciled = reconcile(tender, allocation, { tolerance, daysPerWeek });
  const phasing = phase(tender, allocation, { daysPerWeek });
  const input = rulesInput(tender, allocation.total);
  const rules = assessRules(input);
  const findings = withRuleFindings(reconciled, rulesFindings(input, rules));
  return {
    tender,
    allocation,
    findings,
    phasing,
    rules,
    options: {
      tolerance: { absolute: tolerance.absolute, percent: tolerance.percent },
      daysPerWeek,
      rateBand: { min: rateBand.min, max: rateBand.max },
    },
  };
}

/** The tender's fields the procurement rules read; `lotsValue` is all lots together, ex VAT. */
export function rulesInput(tender: Tender, lotsValue: Pence): RulesInput {
  const input: RulesInput = { vatRate: tender.vatRate, lotsValue };
  if (tender.statedTotal !== undefined) input.statedTotal = tender.statedTotal.pence;
  if (tender.publishedDate !== undefined) input.publishedDate = tender.publishedDate;
  if (tender.closingDate !== undefined) input.closingDate = tender.closingDate;
  if (tender.startDate !== undefined) input.startDate = tender.startDate;
  if (tender.awardNoticeDate !== undefined) input.awardNoticeDate = tender.awardNoticeDate;
  if (tender.buyerType !== undefined) input.buyerType = tender.buyerType;
  if (tender.contractType !== undefined) input.contractType = tender.contractType;
  if (tender.procedure !== undefined) input.procedure = tender.procedure;
  if (tender.optionsValue !== undefined) input.optionsValue = tender.optionsValue;
  return input;
}

const SEVERITY_ORDER = ["error", "warning", "info"] as const;

/** Reconciliation's findings and the rules', errors first, then warnings, then information. */
function withRuleFindings(reconciled: Finding[], rules: Finding[]): Finding[] {
  if (rules.length === 0) return reconciled;
  const all = [...reconciled, ...rules];
  return SEVERITY_ORDER.flatMap((severity) => all.filter((f) => f.severity === severity));
}

/** True when some finding is an error (the command line then exits with 1). */
export function hasErrors(report: Pick<Report, "findings">): boolean {
  return report.findings.some((f) => f.severity === "error");
}
