/**
 * Contract tracking in one call: the invoice lines checked against the tender's allocation and
 * phasing, the position of each lot and of the tender, the forecast, and the findings — and the
 * same as JSON for the command line's report (money in pounds).
 */
import type { Allocation } from "../check/allocation";
import { isValidIsoDate } from "../core/calendar";
import { penceToPounds, roundHalfAwayFromZero } from "../core/money";
import type { Phasing } from "../check/phasing";
import type { Finding, IsoDate, Pence, Region, Tender } from "../core/types";
import { checkLines, defaultLineRef, matchLots, overBudgetFindings } from "./checks";
import { type ActualLine, isValidDays, workDate } from "./model";
import { phasedBudgets, planLots } from "./plan";
import {
  countedToDate,
  type LotPosition,
  lotPositions,
  type PositionFigures,
  totalPosition,
} from "./position";
import { quoted } from "../core/messages";

export interface ActualsOptions {
  /**
   * The date the position is taken at: lines whose work is dated later are not counted, the phased
   * budget runs to this date and the forecast looks back three months from it. Default: the latest
   * work date among the lines.
   */
  asOf?: IsoDate;
  /**
   * Names invoice line `index` in messages: the CLI passes the CSV row (`row 5`), the workbook the
   * table row (`Actuals!A5`). Default "invoice line N", counting from 1.
   */
  lineRef?: (index: number) => string;
}

/** Why a line is left out of the position. */
export type NotCountedReason = "unknown-lot" | "after-as-of";

export interface ActualsReport {
  /** The as-of date used (absent when there are no dated lines and none was given). */
  asOf?: IsoDate;
  region: Region;
  /** The lines checked, as given; finding paths `actuals[i]` index into this list. */
  lines: ActualLine[];
  /** Lines left out of the position, by index, and why. */
  notCounted: { index: number; reason: NotCountedReason }[];
  /** One position per lot of the tender, in lot order. */
  lots: LotPosition[];
  totals: PositionFigures;
  /** Findings about the invoice lines, in line order. */
  findings: Finding[];
}

function checkLine(line: ActualLine, i: number): void {
  const bad = (field: string, why: string): never => {
    throw new RangeError(`actuals[${i}].${field} ${why}`);
  };
  if (typeof line.lot !== "string") bad("lot", "must be a string");
  if (typeof line.invoiceNumber !== "string") bad("invoiceNumber", "must be a string");
  if (!isValidDays(line.days))
    bad("days", `must be more than 0 with at most two decimal places, got ${line.days}`);
  if (!Number.isSafeInteger(line.amount) || line.amount < 0)
    bad("amount", `must be whole pence, 0 or more, got ${line.amount}`);
  if (line.vat !== undefined && (!Number.isSafeInteger(line.vat) || line.vat < 0)) {
    bad("vat", `must be whole pence, 0 or more, got ${line.vat}`);
  }
  for (const field of ["invoiceDate", "periodStart", "periodEnd"] as const) {
    const d = line[field];
    if (d !== undefined && !isValidIsoDate(d)) bad(field, `must be a date YYYY-MM-DD, got ${quoted(d)}`);
  }
}

/** The latest work date among the lines. */
function latestWorkDate(lines: readonly ActualLine[]): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const line of lines) {
    const d = workDate(line);
    if (d !== undefined && (latest === undefined || d > latest)) latest = d;
  }
  return latest;
}

function pathIndex(f: Finding): number {
  const m = /^actuals\[(\d+)\]/.exec(f.path);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

/**
 * Check invoice lines against the tender and measure the position. Lines are values already read
 * (see `readActualsTable`); a line that is not well formed is a misuse and throws a RangeError
 * naming it.
 */
export function checkActuals(
  tender: Tender,
  allocation: Allocation,
  phasing: Phasing,
  actuals: readonly ActualLine[],
  options: ActualsOptions = {},
): ActualsReport {
  if (options.asOf !== undefined && !isValidIsoDate(options.asOf)) {
    throw new RangeError(`asOf must be a date YYYY-MM-DD, got ${quoted(options.asOf)}`);
  }
  actuals.forEach(checkLine);
  const lines = actuals.map((l) => ({ ...l }));
  const region = tender.region;
  const asOf = options.asOf ?? latestWorkDate(lines);
  const plans = planLots(tender, allocation, phasedBudgets(phasing));
  const lotOf = matchLots(plans, lines);

  const lots = lotPositions(plans, lines, lotOf, asOf, region);
  const totals = totalPosition(plans, lots, lines, lotOf, asOf);
  const lineRef = options.lineRef ?? defaultLineRef;
  const findings = [
    ...checkLines(plans, lines, region, lineRef),
    ...overBudgetFindings(lots, lines, lineRef),
  ];
  // Stable: within a line, the order of the checks.
  findings.sort((a, b) => pathIndex(a) - pathIndex(b));

  const notCounted: ActualsReport["notCounted"] = [];
  lines.forEach((line, index) => {
    if (lotOf[index] === undefined) notCounted.push({ index, reason: "unknown-lot" });
    else if (!countedToDate(line, asOf)) notCounted.push({ index, reason: "after-as-of" });
  });

  const report: ActualsReport = { region, lines, notCounted, lots, totals, findings };
  if (asOf !== undefined) report.asOf = asOf;
  return report;
}

/** Pounds for JSON, or null when there is no figure. */
function pounds(p: Pence | undefined): number | null {
  return p === undefined ? null : penceToPounds(p);
}

/** A lot's or the tender's position in the JSON report: money in pounds, unknowns as null. */
export interface PositionJson {
  allocatedDays: number | null;
  allocatedValue: number;
  invoices: number;
  daysUsed: number;
  spent: number;
  vat: number;
  remainingDays: number | null;
  remainingValue: number;
  percentUsed: number | null;
  phasedToDate: number;
  varianceToPhased: number;
  pace: "ahead" | "behind" | "on plan";
  burnPerMonth: number;
  forecastExhaustionDate: IsoDate | null;
  forecastEndDate: IsoDate | null;
  exhaustsBeforeEnd: boolean;
  forecast: string;
}

export interface ActualsLineJson extends PositionJson {
  lot: string;
  dayRate: number | null;
  overBudget: boolean;
}

export interface ActualsJson {
  asOf: IsoDate | null;
  /** Invoice lines given, and those left out of the position (unknown lot, dated after asOf). */
  invoices: number;
  notCounted: { line: number; reason: NotCountedReason }[];
  lines: ActualsLineJson[];
  totals: PositionJson;
}

/** Days to 2 decimal places, as the report's own lines give them (days worked out from a value can be 50.541666…). */
const days2 = (d: number | undefined): number | null =>
  d === undefined ? null : roundHalfAwayFromZero(d, 2);

function positionJson(p: PositionFigures): PositionJson {
  return {
    allocatedDays: days2(p.allocatedDays),
    allocatedValue: penceToPounds(p.allocatedValue),
    invoices: p.invoices,
    daysUsed: p.daysUsed,
    spent: penceToPounds(p.spent),
    vat: penceToPounds(p.vat),
    remainingDays: days2(p.remainingDays),
    remainingValue: penceToPounds(p.remainingValue),
    percentUsed: p.percentUsed,
    phasedToDate: penceToPounds(p.phasedToDate),
    varianceToPhased: penceToPounds(p.varianceToPhased),
    pace: p.pace,
    burnPerMonth: penceToPounds(p.forecast.burnPerMonth),
    forecastExhaustionDate: p.forecast.forecastExhaustionDate,
    forecastEndDate: p.forecast.endDate ?? null,
    exhaustsBeforeEnd: p.forecast.exhaustsBeforeEnd,
    forecast: p.forecast.note,
  };
}

/**
 * The `actuals` part of the command line's JSON report: a line per lot (`lot`, `daysUsed`, `spent`,
 * `remainingDays`, `remainingValue`, `forecastExhaustionDate`, …) and `totals`, money in pounds.
 * The findings go in the report's own `findings`.
 */
export function actualsToJson(report: ActualsReport): ActualsJson {
  return {
    asOf: report.asOf ?? null,
    invoices: report.lines.length,
    notCounted: report.notCounted.map((n) => ({ line: n.index, reason: n.reason })),
    lines: report.lots.map((p) => ({
      lot: p.lot,
      dayRate: pounds(p.dayRate),
      overBudget: p.overBudget,
      ...positionJson(p),
    })),
    totals: positionJson(report.totals),
  };
}
