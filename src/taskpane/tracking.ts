/**
 * Contract tracking in the pane: the invoices read from a .csv file, pasted text or the workbook's
 * Actuals sheet, checked against the built allocation, and the position in plain words. The actuals
 * engine is loaded with import() the first time invoices are read, so the pane opens without it.
 */
import type {
  ActualLine,
  ActualsReport,
  checkActuals,
  LotPosition,
  PositionFigures,
} from "../domain/actuals";
import type { Report } from "../domain/check/check";
import { nameKey } from "../domain/core/names";
import type { Finding, Pence } from "../domain/core/types";
import { formatLongDate, formatNumber, readUkDate } from "./en-gb";
import { listProblems } from "./problems";
import { PaneError } from "./use-task";
import { money } from "./view";

/** Invoices read, ready to check against whatever tender the pane holds. */
export interface LoadedActuals {
  lines: ActualLine[];
  /** Names invoice line `index` in findings: `row 5` of a CSV file, `Actuals!A9` in the workbook. */
  lineRef?: (index: number) => string;
  /** Where they came from, in words: "invoices.csv", "the Actuals sheet". */
  source: string;
  /** The engine's check, loaded with the invoices. */
  check: typeof checkActuals;
}

/** The actuals engine, loaded on first use. */
async function actualsEngine() {
  return import(/* webpackChunkName: "actuals" */ "../domain/actuals");
}

/**
 * Read invoices from CSV text. Every problem names its row and column (`row 4, column "Days"`);
 * nothing is read unless every row reads cleanly. `again` says how to try again once corrected:
 * "open the invoices again" for a file, "paste the invoices again" for pasted text.
 */
export async function readInvoicesCsv(
  text: string,
  source: string,
  again = "open the invoices again",
): Promise<LoadedActuals> {
  const { readActualsCsv, csvLineRef, checkActuals: check } = await actualsEngine();
  const read = readActualsCsv(text);
  if (!read.ok) {
    throw new PaneError(
      `Could not read the invoices in ${source}`,
      listProblems(read.errors),
      `Correct the rows and columns named above, then ${again}.`,
    );
  }
  if (read.value.lines.length === 0) {
    throw new PaneError(
      `No invoices in ${source}`,
      "There is a header row but no invoice lines under it.",
      `Add one row per invoice under the header row, then ${again}.`,
    );
  }
  return { lines: read.value.lines, lineRef: csvLineRef(read.value), source, check };
}

/** Invoices already read (from the workbook's Actuals sheet), with the engine to check them. */
export async function loadedActuals(
  lines: ActualLine[],
  lineRef: ((index: number) => string) | undefined,
  source: string,
): Promise<LoadedActuals> {
  const { checkActuals: check } = await actualsEngine();
  return { lines, lineRef, source, check };
}

/** The "As of" box: empty means the latest invoice date. */
export function readAsOf(text: string): { asOf?: string; error?: string } {
  if (text.trim() === "") return {};
  const read = readUkDate(text);
  return "error" in read ? { error: read.error } : { asOf: read.date };
}

/** The invoices checked against the built tender at the as-of date. */
export function trackActuals(loaded: LoadedActuals, report: Report, asOf?: string): ActualsReport {
  return loaded.check(report.tender, report.allocation, report.phasing, loaded.lines, {
    asOf,
    lineRef: loaded.lineRef,
  });
}

/** A rate or an estimate to the nearest pound: "£10,241", never "£10,240.67". */
export function wholePounds(p: Pence): string {
  return money(Math.round(p / 100) * 100);
}

function days(n: number): string {
  return `${formatNumber(n)} ${n === 1 ? "day" : "days"}`;
}

/** The forecast in a few words, flagged when the money runs out before the end. */
export function forecastText(p: PositionFigures): string {
  const f = p.forecast;
  if (f.forecastExhaustionDate === null) return f.note;
  const date = formatLongDate(f.forecastExhaustionDate);
  const end = f.endDate ? formatLongDate(f.endDate) : undefined;
  const endName = f.endSource === "phasing" ? "the planned end" : "the contract end";
  const when =
    end === undefined
      ? ""
      : f.forecastExhaustionDate === f.endDate
        ? `, the day of ${endName}`
        : `, ${f.exhaustsBeforeEnd ? "before" : "after"} ${endName} on ${end}`;
  return `${f.exhausted ? "Ran" : "Runs"} out on ${date}${when}.`;
}

/**
 * A lot's (or the tender's) position as terms and values.
 *
 * @example
 * // Barnet at 31 January 2018 with the DfE 2017 invoices:
 * // Days used "54 of 112", Spent "£51,840 of £107,520 (48.2%)", Remaining "£55,680 and 58 days"
 */
export function positionFigures(p: PositionFigures): { term: string; value: string }[] {
  const out: { term: string; value: string }[] = [];
  out.push({
    term: "Days used",
    value:
      p.allocatedDays === undefined
        ? formatNumber(p.daysUsed)
        : `${formatNumber(p.daysUsed)} of ${formatNumber(p.allocatedDays)}`,
  });
  out.push({
    term: "Spent",
    value:
      `${money(p.spent)} of ${money(p.allocatedValue)}` +
      (p.percentUsed === null ? "" : ` (${formatNumber(p.percentUsed)}%)`),
  });
  const overValue = p.remainingValue < 0;
  const overDays = p.remainingDays !== undefined && p.remainingDays < 0;
  out.push({
    term: overValue || overDays ? "Over by" : "Remaining",
    value:
      (overValue ? money(-p.remainingValue) : money(p.remainingValue)) +
      (p.remainingDays === undefined ? "" : ` and ${days(Math.abs(p.remainingDays))}`),
  });
  out.push({ term: "Phased budget to date", value: money(p.phasedToDate) });
  out.push({
    term: "Against phasing",
    value:
      p.pace === "on plan"
        ? "On plan"
        : `${money(Math.abs(p.varianceToPhased))} ${p.pace === "ahead" ? "ahead of" : "behind"} the phased budget`,
  });
  if (p.forecast.burnPerMonth > 0)
    out.push({ term: "Spending", value: `${wholePounds(p.forecast.burnPerMonth)} a month` });
  out.push({ term: "Forecast", value: forecastText(p) });
  out.push({ term: "Invoices counted", value: formatNumber(p.invoices) });
  if (p.vat > 0) out.push({ term: "VAT invoiced", value: money(p.vat) });
  return out;
}

/** The tender's position in one line: "174 of 361 days used, £167,040 of £346,560 spent". */
export function positionHeadline(report: ActualsReport): string {
  const t = report.totals;
  const used =
    t.allocatedDays === undefined
      ? `${days(t.daysUsed)} used`
      : `${formatNumber(t.daysUsed)} of ${days(t.allocatedDays)} used`;
  return `${used}, ${money(t.spent)} of ${money(t.allocatedValue)} spent`;
}

/** What was checked and what it found, in a sentence or two. */
export function trackingSummary(report: ActualsReport, source: string, inExcel: boolean): string {
  const n = report.lines.length;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  const parts = [`Checked ${n} invoice ${n === 1 ? "line" : "lines"} from ${source}.`];
  if (errors === 0 && warnings === 0) parts.push("Every line matches the tender.");
  else {
    const found: string[] = [];
    if (errors > 0) found.push(`${errors} ${errors === 1 ? "error" : "errors"} to correct`);
    if (warnings > 0) found.push(`${warnings} ${warnings === 1 ? "warning" : "warnings"} to check`);
    parts.push(`Found ${found.join(" and ")}: see below.`);
  }
  const later = report.notCounted.filter((c) => c.reason === "after-as-of").length;
  const unknown = report.notCounted.filter((c) => c.reason === "unknown-lot").length;
  if (later > 0) parts.push(`${later} dated after the as-of date ${later === 1 ? "is" : "are"} not counted.`);
  if (unknown > 0)
    parts.push(`${unknown} for a lot not in the tender ${unknown === 1 ? "is" : "are"} not counted.`);
  const flagged = report.lots.filter((l) => l.forecast.exhaustsBeforeEnd).map((l) => l.lot);
  if (flagged.length > 0)
    parts.push(`At the current rate the money runs out early for ${flagged.join(", ")}.`);
  if (inExcel) parts.push("The Budget vs actual sheet has the figures month by month.");
  return parts.join(" ");
}

/**
 * The lot an invoice finding concerns: the tender's lot of the invoice line its path names
 * (`actuals[14].amount`), or undefined for a line of a lot not in the tender.
 */
export function findingLot(report: ActualsReport, finding: Finding): LotPosition | undefined {
  const line = /^actuals\[(\d+)\]/.exec(finding.path);
  const lot = line ? report.lines[Number(line[1])]?.lot : undefined;
  if (lot === undefined) return undefined;
  const key = nameKey(lot);
  return report.lots.find((l) => nameKey(l.lot) === key);
}

/** The number of invoice errors of each lot, by the lot's index in the tender. */
export function invoiceErrorsByLot(report: ActualsReport): Map<number, number> {
  const counts = new Map<number, number>();
  for (const f of report.findings) {
    if (f.severity !== "error") continue;
    const lot = findingLot(report, f);
    if (lot) counts.set(lot.index, (counts.get(lot.index) ?? 0) + 1);
  }
  return counts;
}

/** "1 invoice error", "3 invoice errors". */
export function invoiceErrorWords(n: number): string {
  return `${n} invoice ${n === 1 ? "error" : "errors"}`;
}

/** A row of the position at a glance: Lot | Used | Left | Status. */
export interface PositionRow {
  lot: string;
  used: string;
  left: string;
  status: string;
  /** Over its allocation, or with invoice errors: the row is marked. */
  marked: boolean;
}

function statusOf(p: PositionFigures, over: boolean, errors: number): string {
  const state = over
    ? "Over budget"
    : p.forecast.exhaustsBeforeEnd
      ? "Runs out early"
      : p.pace === "on plan"
        ? "On plan"
        : p.pace === "ahead"
          ? "Ahead of plan"
          : "Behind plan";
  return errors > 0 ? `${state}; ${invoiceErrorWords(errors)}` : state;
}

/**
 * Each lot's position in one row, then all lots: what is used and left of its allocation and how it
 * stands.
 *
 * @example
 * // Worcestershire with the DfE invoices with problems:
 * // { lot: "Worcestershire", used: "£98,880", left: "£2,880 over", status: "Over budget; 1 invoice error" }
 */
export function positionRows(report: ActualsReport): PositionRow[] {
  const errors = invoiceErrorsByLot(report);
  const row = (lot: string, p: PositionFigures, over: boolean, n: number): PositionRow => ({
    lot,
    used: money(p.spent),
    left: p.remainingValue < 0 ? `${money(-p.remainingValue)} over` : money(p.remainingValue),
    status: statusOf(p, over, n),
    marked: over || n > 0,
  });
  const total = report.findings.filter((f) => f.severity === "error").length;
  return [
    ...report.lots.map((l) => row(l.lot, l, l.overBudget, errors.get(l.index) ?? 0)),
    row("All lots", report.totals, report.totals.remainingValue < 0, total),
  ];
}
