/** The engine's report (`checkTender`) flattened into the shape the workbook layouts use. */
import type { Allocation } from "../../domain/check/allocation";
import { formatMonth } from "../../domain/core/calendar";
import type { Phasing } from "../../domain/check/phasing";
import type { Finding, Tender, Tolerance } from "../../domain/core/types";
import type { PhasingRow, ReportView } from "./view";

/** What `checkTender(tender, options)` returns; the workbook needs these four parts of it. */
export interface CheckedTender {
  tender: Tender;
  allocation: Allocation;
  findings: Finding[];
  phasing: Phasing;
  /** The options the check used; its tolerance is the default for the sheets. */
  options?: { tolerance: Tolerance };
}

const QUARTER_MONTHS = ["Apr–Jun", "Jul–Sep", "Oct–Dec", "Jan–Mar"];

/** "2017/18 Q2" → "Q2 2017/18 (Jul–Sep)". */
export function quarterLabel(quarter: string): string {
  const m = /^(\d{4}\/\d{2}) Q([1-4])$/.exec(quarter);
  return m ? `Q${m[2]} ${m[1]} (${QUARTER_MONTHS[Number(m[2]) - 1]})` : quarter;
}

/** `tolerance` overrides the one the check used (default zero). */
export function reportView(report: CheckedTender, tolerance?: Tolerance): ReportView {
  const a = report.allocation;
  const p = report.phasing;
  const months: PhasingRow[] = p.months.map((m) => ({
    period: m.month,
    label: formatMonth(m.month),
    value: m.value,
  }));
  const quarters: PhasingRow[] = p.quarters.map((q) => ({
    period: q.quarter,
    label: quarterLabel(q.quarter),
    value: q.value,
  }));
  const financialYears: PhasingRow[] = p.financialYears.map((y) => ({
    period: y.financialYear,
    label: y.financialYear,
    value: y.value,
  }));
  const view: ReportView = {
    tender: report.tender,
    lines: a.lines.map((l) => {
      const line: ReportView["lines"][number] = { name: l.lot, value: l.value ?? 0 };
      if (l.dayRate !== undefined) line.dayRate = l.dayRate;
      if (l.days !== undefined) line.days = l.days;
      if (l.statedValue !== undefined) line.statedValue = l.statedValue;
      if (l.startDate !== undefined) line.startDate = l.startDate;
      if (l.endDate !== undefined) line.endDate = l.endDate;
      return line;
    }),
    total: a.total,
    vat: a.vat,
    totalIncVat: a.totalIncVat,
    tolerance: tolerance ?? report.options?.tolerance ?? { absolute: 0, percent: 0 },
    findings: report.findings,
    phasing: {
      months,
      quarters,
      financialYears,
      total: p.total,
      unphased: p.unphased.map((u) => ({ lot: u.lot, reason: u.reason })),
    },
  };
  if (a.statedTotal !== undefined) {
    view.statedTotal = a.statedTotal.pence;
    view.statedPrecision = a.statedTotal.precision;
  }
  if (a.inferredDayRate !== undefined) view.inferredDayRate = a.inferredDayRate;
  return view;
}
