/** The engine's report (`checkTender`) flattened into the shape the workbook layouts use. */
import type { Allocation } from "../../domain/check/allocation";
import { phasingPeriods, type Phasing } from "../../domain/check/phasing";
import type { Finding, Tender, Tolerance } from "../../domain/core/types";
import type { ReportView } from "./view";

/** What `checkTender(tender, options)` returns; the workbook needs these four parts of it. */
export interface CheckedTender {
  tender: Tender;
  allocation: Allocation;
  findings: Finding[];
  phasing: Phasing;
  /** The options the check used; its tolerance is the default for the sheets. */
  options?: { tolerance: Tolerance };
}

/** `tolerance` overrides the one the check used (default zero). */
export function reportView(report: CheckedTender, tolerance?: Tolerance): ReportView {
  const a = report.allocation;
  const p = report.phasing;
  const { months, quarters, financialYears } = phasingPeriods(p);
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
