/**
 * Checks of each invoice line against the contract: the lot exists, the amount is the days at the
 * lot's contracted day rate to the penny, the invoice is entered once, the work falls within the
 * contract, and no more days are claimed than the period has working days. Findings are values in
 * the engine's form, each naming the invoice line (`actuals[4].amount`).
 */
import { formatLongDate, regionName, workingDaysBetween } from "../core/calendar";
import { formatMoney, rateTimesDays } from "../core/money";
import type { Finding, Region } from "../core/types";
import { type ActualLine, matchKey } from "./model";
import type { LotPlan } from "./plan";
import type { LotPosition } from "./position";
import { quoted } from "../core/messages";

/** "10 days", "1 day", "4.5 days". */
export function formatDays(days: number): string {
  return `${days} day${days === 1 ? "" : "s"}`;
}

/** `Invoice BAR-002 (Barnet)`: how messages name an invoice line. */
export function invoiceLabel(line: ActualLine): string {
  return `Invoice ${line.invoiceNumber} (${line.lot})`;
}

/** Edit distance between two short strings, to suggest the lot meant by a misspelt name. */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length];
}

/** The lot a misspelt name most likely means: within two edits, or one contains the other. */
function likelyLot(name: string, plans: readonly LotPlan[]): LotPlan | undefined {
  const key = matchKey(name);
  let best: LotPlan | undefined;
  let bestDistance = Infinity;
  for (const plan of plans) {
    const d = editDistance(key, plan.key);
    if (d < bestDistance) {
      best = plan;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= 2) return best;
  const containing = plans.filter((p) => key.includes(p.key) || p.key.includes(key));
  return containing.length === 1 ? containing[0] : undefined;
}

/** How messages name an invoice line when the caller gives no `lineRef`: "invoice line 4" (from 1). */
export function defaultLineRef(index: number): string {
  return `invoice line ${index + 1}`;
}

/** The plan of each line's lot (undefined for a lot the tender does not have). */
export function matchLots(plans: readonly LotPlan[], lines: readonly ActualLine[]): (LotPlan | undefined)[] {
  const byKey = new Map(plans.map((p) => [p.key, p]));
  return lines.map((line) => byKey.get(matchKey(line.lot)));
}

/**
 * UNKNOWN_LOT, INVOICE_RATE_MISMATCH, DUPLICATE_INVOICE, INVOICE_OUTSIDE_PERIOD and
 * DAYS_EXCEED_PERIOD for each line, in line order.
 */
export function checkLines(
  plans: readonly LotPlan[],
  lines: readonly ActualLine[],
  region: Region,
  lineRef: (index: number) => string = defaultLineRef,
): Finding[] {
  const findings: Finding[] = [];
  const matched = matchLots(plans, lines);
  const lotNames = plans.map((p) => p.lot).join(", ");
  /** Working days of each period seen (invoices share their monthly periods). */
  const workingDaysIn = new Map<string, number>();
  /** Line indices by lot and invoice number, to find repeats. */
  const seen = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const key = `${matchKey(lines[i].lot)}\u0000${matchKey(lines[i].invoiceNumber)}`;
    const list = seen.get(key);
    if (list) list.push(i);
    else seen.set(key, [i]);
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const plan = matched[i];
    const path = (field: string): string => `actuals[${i}].${field}`;

    if (plan === undefined) {
      const guess = likelyLot(line.lot, plans);
      findings.push({
        code: "UNKNOWN_LOT",
        severity: "error",
        message:
          `Invoice ${line.invoiceNumber} is for ${quoted(line.lot)}, which is not a lot of this tender ` +
          (guess ? `(did you mean ${guess.lot}?)` : `(the lots are ${lotNames})`) +
          `; correct the lot name. Until then it is left out of the position.`,
        path: path("lot"),
      });
    }

    const repeats = seen.get(`${matchKey(line.lot)}\u0000${matchKey(line.invoiceNumber)}`) ?? [];
    if (repeats.length > 1 && repeats[0] !== i) {
      const where = repeats.map((k) => lineRef(k));
      const list = `${where.slice(0, -1).join(", ")} and ${where[where.length - 1]}`;
      findings.push({
        code: "DUPLICATE_INVOICE",
        severity: "error",
        message:
          `Invoice ${line.invoiceNumber} for ${plan?.lot ?? line.lot} is entered ${repeats.length} times ` +
          `(${list}); enter each invoice once and remove the copy. ` +
          `The position counts every line as entered.`,
        path: path("invoiceNumber"),
      });
    }

    if (plan === undefined) continue;

    if (plan.dayRate !== undefined) {
      const expected = rateTimesDays(plan.dayRate, line.days);
      if (line.amount !== expected) {
        const difference = line.amount - expected;
        findings.push({
          code: "INVOICE_RATE_MISMATCH",
          severity: "error",
          message:
            `${invoiceLabel({ ...line, lot: plan.lot })} charges ${formatMoney(line.amount)} for ` +
            `${formatDays(line.days)}; at the contracted day rate of ${formatMoney(plan.dayRate)} it should be ` +
            `${formatMoney(expected)} (${formatMoney(Math.abs(difference))} ${difference > 0 ? "more" : "less"} ` +
            `than the rate allows).`,
          path: path("amount"),
        });
      }
    }

    const from = line.periodStart ?? line.invoiceDate;
    const to = line.periodEnd;
    if (plan.start !== undefined && from !== undefined && from < plan.start) {
      const field = line.periodStart !== undefined ? "periodStart" : "invoiceDate";
      const what =
        field === "periodStart"
          ? `is for work from ${formatLongDate(from)}`
          : `is dated ${formatLongDate(from)}`;
      findings.push({
        code: "INVOICE_OUTSIDE_PERIOD",
        severity: "warning",
        message:
          `${invoiceLabel({ ...line, lot: plan.lot })} ${what}, before the contract started on ` +
          `${formatLongDate(plan.start)}; check the work was agreed before it is paid.`,
        path: path(field),
      });
    }
    if (plan.end !== undefined && to !== undefined && to > plan.end) {
      findings.push({
        code: "INVOICE_OUTSIDE_PERIOD",
        severity: "warning",
        message:
          `${invoiceLabel({ ...line, lot: plan.lot })} is for work up to ${formatLongDate(to)}, after the ` +
          `contract ended on ${formatLongDate(plan.end)}; check the work was agreed before it is paid.`,
        path: path("periodEnd"),
      });
    }

    if (line.periodStart !== undefined && line.periodEnd !== undefined) {
      const periodKey = `${line.periodStart}/${line.periodEnd}`;
      let available = workingDaysIn.get(periodKey);
      if (available === undefined) {
        available = workingDaysBetween(line.periodStart, line.periodEnd, region);
        workingDaysIn.set(periodKey, available);
      }
      if (line.days > available) {
        findings.push({
          code: "DAYS_EXCEED_PERIOD",
          severity: "error",
          message:
            `${invoiceLabel({ ...line, lot: plan.lot })} claims ${formatDays(line.days)} for ` +
            `${formatLongDate(line.periodStart)} to ${formatLongDate(line.periodEnd)}, which has ` +
            `${formatDays(available).replace("day", "working day")} in ${regionName(region)}; ` +
            `ask for the days worked to be corrected.`,
          path: path("days"),
        });
      }
    }
  }
  return findings;
}

/** "3 days", rounded to the hundredth for days worked out from a stated value. */
function formatDayCount(days: number): string {
  return formatDays(Math.round(days * 100) / 100);
}

/**
 * ACTUAL_OVER_BUDGET for each lot whose days used or money spent to date exceed its allocation,
 * by how much, naming the invoice line that first took it over.
 */
export function overBudgetFindings(
  positions: readonly LotPosition[],
  lines: readonly ActualLine[],
  lineRef: (index: number) => string = defaultLineRef,
): Finding[] {
  const findings: Finding[] = [];
  for (const p of positions) {
    if (!p.overBudget || p.exceededBy === undefined) continue;
    const parts: string[] = [];
    const daysOver = p.remainingDays !== undefined && p.remainingDays < 0;
    if (daysOver && p.allocatedDays !== undefined && p.remainingDays !== undefined) {
      parts.push(
        `${formatDayCount(p.daysUsed)} used against ${formatDayCount(p.allocatedDays)} allocated ` +
          `(${formatDayCount(-p.remainingDays)} over)`,
      );
    }
    if (p.allocatedValue > 0 && p.remainingValue < 0) {
      parts.push(
        `${formatMoney(p.spent)} spent against ${formatMoney(p.allocatedValue)} allocated ` +
          `(${formatMoney(-p.remainingValue)} over)`,
      );
    }
    const line = lines[p.exceededBy];
    findings.push({
      code: "ACTUAL_OVER_BUDGET",
      severity: "error",
      message:
        `${p.lot} is over its allocation: ${parts.join(" and ")}. It first went over with invoice ` +
        `${line.invoiceNumber} (${lineRef(p.exceededBy)}); agree a change to the contract before paying more.`,
      path: `actuals[${p.exceededBy}].${daysOver ? "days" : "amount"}`,
    });
  }
  return findings;
}
