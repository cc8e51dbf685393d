/** The report as CSV: the findings, and the allocation table with its totals. */

import { roundHalfAwayFromZero } from "../../core/money";
import type { Allocation, AllocationLine } from "../../check/allocation";
import type { Finding, Tender } from "../../core/types";
import { csvChunks, date, type Field, num, numberField, pounds, text, writeCsv } from "./fields";

export const FINDINGS_CSV_HEADER = ["Severity", "Code", "Field", "Message"] as const;

function* findingRows(findings: readonly Finding[]): Generator<Field[], void, undefined> {
  yield FINDINGS_CSV_HEADER.map(text);
  for (const f of findings) yield [text(f.severity), text(f.code), text(f.path), text(f.message)];
}

/** The findings, one row each: Severity, Code, Field (the path), Message. */
export function findingsToCsv(findings: readonly Finding[]): string {
  return writeCsv([...findingRows(findings)]);
}

/** `findingsToCsv` in chunks, to write piece by piece. */
export function findingsCsvChunks(findings: readonly Finding[]): Generator<string, void, undefined> {
  return csvChunks(findingRows(findings));
}

// ---------------------------------------------------------------------------------------------
// Allocation

export const ALLOCATION_CSV_HEADER = [
  "Lot",
  "Day rate",
  "Days",
  "Value",
  "Stated value",
  "Variance",
  "Share (%)",
  "Start date",
  "End date",
  "Notes",
] as const;

function lineNotes(line: AllocationLine): string {
  const notes: string[] = [];
  if (line.dayRateSource === "inferred") notes.push("day rate inferred from the stated values");
  if (line.daysSource === "inferred") notes.push("days worked out from the stated value at the day rate");
  if (line.value === undefined) notes.push("no value: give the days and a day rate, or a stated value");
  return notes.join("; ");
}

/** The rows of `allocationToCsv`, one at a time. */
function* allocationRows(report: {
  tender: Tender;
  allocation: Allocation;
}): Generator<Field[], void, undefined> {
  const { tender, allocation } = report;
  yield ALLOCATION_CSV_HEADER.map(text);
  for (const line of allocation.lines) {
    yield [
      text(line.lot),
      pounds(line.dayRate),
      num(line.days),
      pounds(line.value),
      pounds(line.statedValue),
      pounds(line.variance),
      num(line.value === undefined ? undefined : roundHalfAwayFromZero(line.share * 100, 2)),
      date(line.startDate),
      date(line.endDate),
      text(lineNotes(line)),
    ];
  }
  const blank = (n: number): Field[] => Array.from({ length: n }, () => text(""));
  let totalDays: number | undefined = 0;
  for (const line of allocation.lines)
    totalDays = line.days === undefined || totalDays === undefined ? undefined : totalDays + line.days;
  yield [
    text("Total"),
    pounds(undefined),
    num(totalDays === undefined ? undefined : roundHalfAwayFromZero(totalDays, 2)),
    pounds(allocation.total),
    pounds(tender.statedTotal?.pence),
    pounds(allocation.variance),
    num(allocation.total > 0 ? 100 : undefined),
    date(tender.startDate),
    date(tender.endDate),
    text(
      allocation.variancePercent === undefined
        ? ""
        : `variance ${formatPercent(allocation.variancePercent)} of the stated total`,
    ),
  ];
  yield [
    text(`VAT at ${numberField(allocation.vatRate)}%`),
    ...blank(2),
    pounds(allocation.vat),
    ...blank(6),
  ];
  yield [text("Total inc VAT"), ...blank(2), pounds(allocation.totalIncVat), ...blank(6)];
}

/**
 * The allocation table: one row per lot — day rate and days as used (inferred ones included and
 * noted), value (day rate × days, else the stated value), stated value, variance (value − stated
 * value), share of the total in percent (2 decimals), the lot's dates (else the tender's), notes —
 * then a Total row (with the stated total and the variance against it), a VAT row and a Total inc
 * VAT row, their amounts in the Value column. Pass a `checkTender` report or `{tender, allocation}`.
 */
export function allocationToCsv(report: { tender: Tender; allocation: Allocation }): string {
  return writeCsv([...allocationRows(report)]);
}

/** `allocationToCsv` in chunks, to write piece by piece. */
export function allocationCsvChunks(report: {
  tender: Tender;
  allocation: Allocation;
}): Generator<string, void, undefined> {
  return csvChunks(allocationRows(report));
}

/** +0.16%, -2.5% */
function formatPercent(p: number): string {
  const r = roundHalfAwayFromZero(p, 2);
  return `${r > 0 ? "+" : ""}${numberField(r)}%`;
}
