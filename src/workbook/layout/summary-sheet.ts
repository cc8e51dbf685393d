/**
 * The "Tender summary" sheet: one printable page (print area, fit to width, a header with the tender's
 * title and the date) with the key figures, the findings and the allocation.
 */
import { formatLongDate, isoToExcelSerial } from "../../domain/core/calendar";
import { penceToPounds } from "../../domain/core/money";
import type { IsoDate } from "../../domain/core/types";
import { NOT_LEGAL_ADVICE } from "../../domain/core/messages";
import { rulesInput } from "../../domain/check/check";
import { assessRules } from "../../domain/rules/assess";
import { thresholdCategoryWords } from "../../domain/rules/thresholds";
import { givesRuleFields } from "../../domain/rules/fields";

import { FORMATS, type CellPlan, type Scalar, type SheetPlan } from "./plan";
import { REGION_LABELS } from "./tender-sheet";
import type { ReportView } from "../../domain/formats/report-view";

/** A summary lists at most this many findings and lots (the total covers them all). */
export const SUMMARY_MAX_ROWS = 200;

const SEVERITY_LABEL = { error: "Error", warning: "Warning", info: "Note" } as const;

/** `where(path)` names the cell a finding points at (e.g. `Tender!B5`), when known. */
export function summarySheetPlan(
  view: ReportView,
  options: { sheet: string; today: IsoDate; where?: (path: string) => string | undefined },
): SheetPlan {
  const cells: CellPlan[] = [];
  let row = 0;
  const put = (col: number, value: Scalar, extra: Partial<CellPlan> = {}): void => {
    cells.push({ row, col, value, ...extra });
  };
  const t = view.tender;
  put(0, "Tender summary", { style: { bold: true, fontSize: 14 } });
  row++;
  put(0, t.title, { style: { bold: true, wrap: false } });
  row++;
  put(0, t.buyer);
  row++;
  put(0, `Produced ${formatLongDate(options.today)}`, { style: { italic: true, fontColor: "#605E5C" } });
  row += 2;

  put(0, "Key figures", { style: { bold: true, fontSize: 12 } });
  row++;
  const figure = (label: string, value: Scalar, numberFormat?: string): void => {
    put(0, label);
    put(1, value, numberFormat ? { numberFormat } : {});
    row++;
  };
  const stated = view.headline.stated?.pence;
  figure("Stated total", stated === undefined ? "not stated" : penceToPounds(stated), FORMATS.money);
  figure("Allocated total (ex VAT)", penceToPounds(view.headline.total), FORMATS.money);
  if (stated !== undefined) {
    figure(
      "Variance",
      penceToPounds(view.headline.total - stated),
      `+${FORMATS.money};-${FORMATS.money};${FORMATS.money}`,
    );
    figure("Variance %", stated === 0 ? "" : (view.headline.total - stated) / stated, "+0.00%;-0.00%;0.00%");
  }
  figure(`VAT at ${t.vatRate}%`, penceToPounds(view.headline.vat), FORMATS.money);
  figure("Total inc VAT", penceToPounds(view.headline.totalIncVat), FORMATS.money);
  if (view.headline.inferredDayRate !== undefined) {
    figure("Day rate (inferred)", penceToPounds(view.headline.inferredDayRate), FORMATS.money);
  } else if (t.dayRate !== undefined) {
    figure("Default day rate", penceToPounds(t.dayRate), FORMATS.money);
  }
  figure("Lots", view.lines.length, "0");
  if (t.closingDate) figure("Closing date", isoToExcelSerial(t.closingDate), FORMATS.date);
  if (t.startDate) figure("Start date", isoToExcelSerial(t.startDate), FORMATS.date);
  if (t.endDate) figure("End date", isoToExcelSerial(t.endDate), FORMATS.date);
  figure("Bank holidays", REGION_LABELS[t.region]);
  row++;

  // Procurement rules (docs/rules.md), once the tender gives any of their fields.
  if (givesRuleFields(t)) {
    const rules = assessRules(rulesInput(t, view.headline.total));
    put(0, "Procurement rules", { style: { bold: true, fontSize: 12 } });
    row++;
    if (rules.regime !== undefined) figure("Regime", rules.regime);
    if (rules.threshold !== undefined && rules.thresholdCategory !== undefined) {
      figure(`Threshold (${rules.comparedWith})`, penceToPounds(rules.threshold), FORMATS.money);
      figure("Threshold for", thresholdCategoryWords(rules.thresholdCategory));
    }
    if (rules.estimatedValue !== undefined) {
      figure(`Estimated value (${rules.comparedWith})`, penceToPounds(rules.estimatedValue), FORMATS.money);
    }
    figure(
      "Above the threshold",
      rules.aboveThreshold === null ? "cannot tell" : rules.aboveThreshold ? "yes" : "no",
    );
    if (rules.tenderingDays !== undefined) figure("Tendering period (days)", rules.tenderingDays, "0");
    if (rules.minimumTenderingDays !== undefined) figure("Minimum (days)", rules.minimumTenderingDays, "0");
    if (rules.standstillEnd !== undefined) {
      figure("Standstill ends", isoToExcelSerial(rules.standstillEnd), FORMATS.date);
    }
    if (rules.latestAwardNoticeForStart !== undefined) {
      figure(
        "Latest award notice for the start",
        isoToExcelSerial(rules.latestAwardNoticeForStart),
        FORMATS.date,
      );
    }
    for (const d of rules.noticeDuties) figure(d.notice, `${d.where}: ${d.when}`);
    for (const m of rules.missing) figure(`To tell: ${m.field}`, m.message);
    put(0, NOT_LEGAL_ADVICE, { style: { italic: true, fontColor: "#605E5C", wrap: false } });
    row += 2;
  }

  put(0, `Findings (${view.findings.length})`, { style: { bold: true, fontSize: 12 } });
  row++;
  if (view.findings.length === 0) {
    put(0, "No findings: the lots add up and the dates are in order.");
    row++;
  } else {
    for (const [i, h] of ["Severity", "Finding", "Where"].entries())
      put(i === 2 ? 5 : i, h, { style: { bold: true } });
    row++;
    for (const f of view.findings.slice(0, SUMMARY_MAX_ROWS)) {
      put(0, SEVERITY_LABEL[f.severity], { style: { bold: f.severity === "error" } });
      put(1, f.message, { style: { wrap: false } });
      put(5, options.where?.(f.path) ?? f.path);
      row++;
    }
    if (view.findings.length > SUMMARY_MAX_ROWS) {
      put(
        0,
        `…and ${view.findings.length - SUMMARY_MAX_ROWS} more findings: check the tender in the pane to see them all.`,
        {
          style: { italic: true },
        },
      );
      row++;
    }
  }
  row++;

  put(0, "Allocation", { style: { bold: true, fontSize: 12 } });
  row++;
  const headers = ["Lot", "Day rate", "Days", "Value", "Stated value", "Variance"];
  headers.forEach((h, i) => put(i, h, { style: { bold: true, align: i === 0 ? "left" : "right" } }));
  row++;
  const signed = `+${FORMATS.money};-${FORMATS.money};${FORMATS.money}`;
  for (const l of view.lines.slice(0, SUMMARY_MAX_ROWS)) {
    put(0, l.lot);
    put(1, l.dayRate === undefined ? null : penceToPounds(l.dayRate), { numberFormat: FORMATS.money });
    put(2, l.days ?? null, { numberFormat: FORMATS.days });
    put(3, penceToPounds(l.value ?? 0), { numberFormat: FORMATS.money });
    put(4, l.statedValue === undefined ? null : penceToPounds(l.statedValue), {
      numberFormat: FORMATS.money,
    });
    put(5, l.statedValue === undefined ? null : penceToPounds((l.value ?? 0) - l.statedValue), {
      numberFormat: signed,
    });
    row++;
  }
  if (view.lines.length > SUMMARY_MAX_ROWS) {
    put(0, `…and ${view.lines.length - SUMMARY_MAX_ROWS} more lots: see the Allocation sheet.`, {
      style: { italic: true },
    });
    row++;
  }
  put(0, "Total", { style: { bold: true } });
  put(3, penceToPounds(view.headline.total), { numberFormat: FORMATS.money, style: { bold: true } });
  const statedSum = view.lines.reduce((s, l) => s + (l.statedValue ?? 0), 0);
  if (view.lines.some((l) => l.statedValue !== undefined)) {
    put(4, penceToPounds(statedSum), { numberFormat: FORMATS.money, style: { bold: true } });
  }
  const lastRow = row;

  return {
    kind: "summary",
    name: options.sheet,
    cells,
    tables: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    columnWidths: [26, 16, 10, 16, 16, 16],
    print: {
      area: { r0: 0, c0: 0, r1: lastRow, c1: 5 },
      fitToWidth: true,
      landscape: false,
      header: { center: t.title, right: formatDmy(options.today) },
    },
  };
}

/** 2017-08-31 → 31/08/2017. */
export function formatDmy(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
