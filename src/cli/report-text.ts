/**
 * The check report as text for a terminal: the tender, a table of lots, the totals against the
 * stated total, and the findings. Pure: returns the text.
 */

import type { ActualsReport } from "../domain/actuals";
import type { Allocation, AllocationLine } from "../domain/check/allocation";
import type { Phasing } from "../domain/check/phasing";
import { formatLongDate, regionName } from "../domain/core/calendar";
import { formatMoney } from "../domain/core/money";
import type { Finding, IsoDate, Pence, Tender } from "../domain/core/types";
import type { RulesAssessment } from "../domain/rules/assess";
import { thresholdCategoryWords } from "../domain/rules/thresholds";
import { givesRuleFields } from "../domain/rules/fields";

/** Add lines one by one: spreading 100,000 lines into push() passes more arguments than a call takes. */
function append(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

/** The parts of the engine's report the text shows. */
export interface ReportForText {
  tender: Tender;
  allocation: Allocation;
  findings: readonly Finding[];
  phasing: Phasing;
  rules?: RulesAssessment;
}

/** The procurement rules section: shown once any rule field is given, else a one-line pointer. */
export function formatRules(tender: Tender, rules: RulesAssessment | undefined): string[] {
  if (rules === undefined) return [];
  if (!givesRuleFields(tender)) {
    return [
      "Procurement rules: give --published, --buyer-type and --contract-type (and --procedure, --award-notice) to check the threshold, tendering period and standstill.",
    ];
  }
  const rows: string[][] = [];
  if (rules.regime !== undefined && tender.publishedDate !== undefined) {
    rows.push([
      "Regime",
      `${rules.regime} (started ${ukDate(tender.publishedDate)}; the Act applies from 24 February 2025)`,
    ]);
  }
  if (
    rules.threshold !== undefined &&
    rules.thresholdCategory !== undefined &&
    rules.thresholdPeriod !== undefined
  ) {
    const period = rules.thresholdPeriod;
    rows.push([
      "Threshold",
      `${formatMoney(rules.threshold, { omitZeroPence: true })} ${rules.comparedWith}, ${thresholdCategoryWords(rules.thresholdCategory)} (${ukDate(period.from)} to ${period.to === undefined ? "now" : ukDate(period.to)})`,
    ]);
  }
  if (rules.estimatedValue !== undefined) {
    const verdict =
      rules.aboveThreshold === true
        ? "at or above the threshold"
        : rules.aboveThreshold === false
          ? "below the threshold"
          : "not compared";
    rows.push([
      "Estimated value",
      `${formatMoney(rules.estimatedValue, { omitZeroPence: true })} ${rules.comparedWith}: ${verdict}`,
    ]);
  }
  if (rules.tenderingDays !== undefined) {
    rows.push([
      "Tendering period",
      `${rules.tenderingDays} days` +
        (rules.minimumTenderingDays === undefined
          ? " (no confirmed minimum checked)"
          : ` (minimum ${rules.minimumTenderingDays})`),
    ]);
  }
  if (rules.standstillEnd !== undefined) rows.push(["Standstill ends", ukDate(rules.standstillEnd)]);
  if (rules.latestAwardNoticeForStart !== undefined && tender.startDate !== undefined) {
    rows.push([
      "Latest award notice",
      `${ukDate(rules.latestAwardNoticeForStart)} for the start on ${ukDate(tender.startDate)}`,
    ]);
  }
  const out = ["Procurement rules (an automated check, not legal advice; see docs/rules.md):"];
  const width = Math.max(...rows.map((r) => r[0].length), 0);
  for (const [label, text] of rows)
    out.push(...wrap(text, WIDTH, `  ${label.padEnd(width)}  `, " ".repeat(width + 4)));
  for (const d of rules.noticeDuties)
    out.push(...wrap(`${d.notice} on ${d.where}: ${d.when}`, WIDTH, "  - ", "    "));
  for (const m of rules.missing) out.push(...wrap(`${m.field}: ${m.message}`, WIDTH, "  To tell: ", "    "));
  return out;
}

/** Lines of at most `width` characters, the first after `first`, the rest after `indent`. */
export function wrap(text: string, width: number, first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  let fresh = true;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (!fresh && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line += (fresh ? "" : " ") + word;
    }
    fresh = false;
  }
  lines.push(line);
  return lines;
}

const WIDTH = 100;

/** "2017-08-31" → "31 August 2017". */
export function ukDate(date: IsoDate): string {
  return formatLongDate(date);
}

const money = (p: Pence | undefined): string => (p === undefined ? "" : formatMoney(p));

const DAYS_FORMAT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** Days to two decimal places at most; "≈" marks days rounded for display. */
export function formatDays(days: number | undefined): string {
  if (days === undefined) return "";
  const shown = Math.round(days * 100) / 100;
  const text = DAYS_FORMAT.format(shown);
  return shown === days ? text : `≈${text}`;
}

function percent(p: number): string {
  const rounded = Math.round(p * 100) / 100;
  return `${rounded > 0 ? "+" : ""}${rounded.toFixed(2)}%`;
}

/** Lay out rows as columns; `right[i]` right-aligns column i. */
function table(rows: string[][], right: boolean[]): string[] {
  // A loop, not Math.max(...): a table may have 100,000 rows, more arguments than a call takes.
  const widths = rows[0].map((_, c) => {
    let widest = 0;
    for (const r of rows) widest = Math.max(widest, [...(r[c] ?? "")].length);
    return widest;
  });
  return rows.map((r) =>
    r
      .map((cell, c) => {
        const pad = " ".repeat(widths[c] - [...cell].length);
        return right[c] ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd(),
  );
}

function lotRow(line: AllocationLine): string[] {
  const rateMark = line.dayRateSource === "inferred" ? "*" : "";
  const daysMark = line.daysSource === "inferred" ? "*" : "";
  return [
    line.lot,
    line.dayRate === undefined ? "" : money(line.dayRate) + rateMark,
    line.days === undefined ? "" : formatDays(line.days) + daysMark,
    money(line.value),
    money(line.statedValue),
    line.variance === undefined || line.variance === 0 ? "" : formatMoney(line.variance, { signed: true }),
  ];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The report as text, ending with a line break. `notes` are shown after the findings. */
export function formatReport(
  report: ReportForText,
  notes: readonly string[] = [],
  missing: readonly string[] = [],
  locate: (path: string) => string | undefined = () => undefined,
): string {
  const { tender, allocation, findings } = report;
  const out: string[] = [];

  out.push(tender.title || "Tender");
  if (tender.buyer) out.push(`Buyer: ${tender.buyer}`);
  const facts: string[] = [];
  if (tender.closingDate) facts.push(`closing ${ukDate(tender.closingDate)}`);
  if (tender.startDate) facts.push(`start ${ukDate(tender.startDate)}`);
  if (tender.endDate) facts.push(`end ${ukDate(tender.endDate)}`);
  facts.push(`bank holidays of ${regionName(tender.region)}`);
  facts.push(`VAT ${tender.vatRate}%`);
  out.push(facts.join(" · ").replace(/^./, (c) => c.toUpperCase()));
  out.push("");

  const rows = [
    ["Lot", "Day rate", "Days", "Value", "Stated value", "Variance"],
    ...allocation.lines.map(lotRow),
  ];
  append(out, table(rows, [false, true, true, true, true, true]));
  out.push("");

  const totals: string[][] = [["Total (ex VAT)", money(allocation.total), ""]];
  if (allocation.statedTotal !== undefined) {
    totals.push(["Stated total", money(allocation.statedTotal.pence), ""]);
    const variance = allocation.variance ?? 0;
    const pct =
      allocation.variancePercent === undefined
        ? ""
        : `${percent(allocation.variancePercent)} of the stated total`;
    totals.push([
      "Difference",
      variance === 0 ? "none" : formatMoney(variance, { signed: true }),
      variance === 0 ? "" : pct,
    ]);
  }
  totals.push([`VAT at ${tender.vatRate}%`, money(allocation.vat), ""]);
  totals.push(["Total inc VAT", money(allocation.totalIncVat), ""]);
  append(out, table(totals, [false, true, false]));

  const marks: string[] = [];
  if (allocation.inferredDayRate !== undefined) {
    marks.push(
      `* Day rate ${money(allocation.inferredDayRate)} inferred: the greatest common divisor of the stated values.`,
    );
  }
  if (allocation.lines.some((l) => l.daysSource === "inferred")) {
    marks.push("* Days worked out as stated value ÷ day rate.");
  }
  if (marks.length > 0) out.push("", ...marks);

  out.push("");
  const count = (s: Finding["severity"]): number => findings.filter((f) => f.severity === s).length;
  if (findings.length === 0) {
    out.push("Findings: none.");
  } else {
    const errors = count("error");
    const warnings = count("warning");
    const infos = count("info");
    out.push(
      `Findings: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} for information`,
    );
    const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    for (const f of sorted) {
      const where = locate(f.path);
      out.push(`  ${f.severity.toUpperCase().padEnd(7)} ${f.code} (${f.path}${where ? `; ${where}` : ""})`);
      append(out, wrap(f.message, WIDTH, "          ", "          "));
    }
  }

  const { phasing } = report;
  if (phasing.financialYears.length > 0) {
    out.push("", `Phasing at ${phasing.daysPerWeek} days a week, by UK financial year:`);
    out.push(
      ...table(
        phasing.financialYears.map((y) => [`  ${y.financialYear}`, money(y.value)]),
        [false, true],
      ),
    );
  }
  if (phasing.unphased.length > 0) {
    out.push("", "Not phased:");
    for (const u of phasing.unphased) append(out, wrap(`${u.lot}: ${u.reason}`, WIDTH, "  - ", "    "));
  }

  const rulesLines = formatRules(tender, report.rules);
  if (rulesLines.length > 0) out.push("", ...rulesLines);

  if (missing.length > 0) {
    out.push("", "Not found in the notice (check and add them):");
    for (const m of missing) append(out, wrap(m, WIDTH, "  - ", "    "));
  }
  if (notes.length > 0) {
    out.push("", "Notes:");
    for (const n of notes) append(out, wrap(n, WIDTH, "  - ", "    "));
  }
  return out.join("\n") + "\n";
}

/** The contract position from `--actuals`: per lot and in total. Its findings are in the report's. */
export function formatActuals(actuals: ActualsReport): string {
  const out: string[] = ["", `Contract position${actuals.asOf ? ` at ${ukDate(actuals.asOf)}` : ""}:`];
  const rows = [
    ["Lot", "Days used", "Spent", "Remaining", "Used", "Against phasing", "Runs out"],
    ...[...actuals.lots, { ...actuals.totals, lot: "Total", overBudget: false }].map((p) => [
      p.lot + (p.overBudget ? " (over)" : ""),
      `${formatDays(p.daysUsed)}${p.allocatedDays === undefined ? "" : ` of ${formatDays(p.allocatedDays)}`}`,
      money(p.spent),
      money(p.remainingValue),
      p.percentUsed === null ? "" : `${p.percentUsed}%`,
      p.varianceToPhased === 0 ? "on plan" : `${formatMoney(p.varianceToPhased, { signed: true })} ${p.pace}`,
      p.forecast.forecastExhaustionDate
        ? `${ukDate(p.forecast.forecastExhaustionDate)}${p.forecast.exhaustsBeforeEnd ? " (before the end)" : ""}`
        : "–",
    ]),
  ];
  append(
    out,
    table(rows, [false, true, true, true, true, true, false]).map((l) => `  ${l}`),
  );
  const left = actuals.notCounted.length;
  if (left > 0)
    out.push(
      `  ${left} invoice line${left === 1 ? " is" : "s are"} not counted (unknown lot, or dated after the as-of date).`,
    );
  return out.join("\n") + "\n";
}
