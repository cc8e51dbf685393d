/** The DfE tender with its 2017 invoices, checked by the engine, for the contract-tracking tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkActuals, readActualsCsv, type ActualLine, type ActualsReport } from "../../src/domain/actuals";
import { checkTender, type Report } from "../../src/domain/check/check";
import { parseTender } from "../../src/domain/check/tender";
import type { Tender } from "../../src/domain/core/types";

const root = join(__dirname, "..", "..");

export function dfeTender(): Tender {
  const read = parseTender(
    JSON.parse(readFileSync(join(root, "examples", "dfe-commissioners-2017.json"), "utf8")),
  );
  if (!read.ok) throw new Error(read.errors.map((e) => e.message).join("; "));
  return read.value;
}

export function invoices(file = "dfe-2017-invoices.csv"): ActualLine[] {
  const read = readActualsCsv(readFileSync(join(root, "tests", "fixtures", "actuals", file), "utf8"));
  if (!read.ok) throw new Error(read.errors.map((e) => e.message).join("; "));
  return read.value.lines;
}

export interface Tracked {
  report: Report;
  lines: ActualLine[];
  actuals: ActualsReport;
}

/** The tender's report and the engine's position on the invoices at `asOf`. */
export function tracked(lines: ActualLine[] = invoices(), asOf = "2018-01-31"): Tracked {
  const tender = dfeTender();
  const report = checkTender(tender);
  const actuals = checkActuals(tender, report.allocation, report.phasing, lines, { asOf });
  return { report, lines, actuals };
}

/** `n` invoices spread over the DfE lots, each a day at the contracted £960, a day apart from September 2017. */
export function manyInvoices(n: number): ActualLine[] {
  const lots = ["Barnet", "Kirklees", "Reading", "Worcestershire"];
  const out: ActualLine[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2017, 8, 1 + (i % 120)));
    out.push({
      lot: lots[i % lots.length],
      invoiceNumber: `INV-${i + 1}`,
      invoiceDate: day.toISOString().slice(0, 10),
      days: 1,
      amount: 96_000,
    });
  }
  return out;
}
