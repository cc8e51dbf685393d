/**
 * The "Allocation" sheet: a reconciliation block against the stated total and an Excel Table of lots
 * with live formulas (value = day rate × days, share of total, variance against the stated value),
 * a totals row, ex/inc VAT, red variances past the tolerance and a chart of value by lot. Changing a
 * rate or a number of days in Excel updates the totals and the status without the add-in.
 */
import { cellAddress, rangeAddress, type Rect } from "../a1";
import { isoToExcelSerial as dateSerial } from "../../domain/core/calendar";
import { formatMoney, penceToPounds } from "../../domain/core/money";
import { TOTAL_STATUS_LABELS, totalStatus } from "../../domain/check/total-status";
import {
  columnTotal,
  FORMATS,
  thisRow,
  wholeColumn,
  type CellPlan,
  type ChartPlan,
  type Scalar,
  type SheetPlan,
  type TablePlan,
} from "./plan";
import type { ReportView } from "../../domain/formats/report-view";

/** 0-based rows of the reconciliation block's values (column B). */
export const RECON = {
  statedTotal: 4,
  total: 5,
  variance: 6,
  variancePercent: 7,
  toleranceAbsolute: 8,
  tolerancePercent: 9,
  precision: 10,
  status: 11,
  vatRate: 12,
  vat: 13,
  totalIncVat: 14,
} as const;

export const ALLOCATION_HEADER_ROW = 16;

/** The status line, in the engine's words for its reconciliation status (domain/check/total-status). */
export const STATUS = {
  reconciles: TOTAL_STATUS_LABELS.reconciles,
  overBudget: TOTAL_STATUS_LABELS.overBudget,
  rounded: TOTAL_STATUS_LABELS.rounded,
  withinTolerance: TOTAL_STATUS_LABELS.withinTolerance,
  mismatch: TOTAL_STATUS_LABELS.mismatch,
  noStatedTotal: TOTAL_STATUS_LABELS.noStatedTotal,
} as const;

/** The engine's status (`totalStatus`) in words; "No stated total" without one. */
export function reconciliationStatus(
  total: number,
  stated: number | undefined,
  precision: number,
  tolerance: { absolute: number; percent: number },
  ceiling = false,
): string {
  if (stated === undefined) return STATUS.noStatedTotal;
  return TOTAL_STATUS_LABELS[totalStatus(total, { pence: stated, precision }, tolerance, ceiling)];
}

/** More lots than this and the chart is left out (a bar per lot stops being readable). */
export const CHART_MAX_LOTS = 60;

export const ALLOCATION_COLUMNS = [
  "Lot",
  "Day rate",
  "Days",
  "Value",
  "Share",
  "Stated value",
  "Variance",
  "Start date",
  "End date",
] as const;

const money = (p: number | undefined): Scalar => (p === undefined ? null : penceToPounds(p));

/**
 * The status as a formula over the reconciliation block's cells, the rule of `totalStatus`: exact;
 * over a stated total that is a ceiling (a budget or cap); a rounding of the total at the stated
 * precision (ROUND is half away from zero, like the engine); within tolerance; or a mismatch.
 */
function statusFormula(
  stated: string,
  total: string,
  precision: string,
  tolAbs: string,
  tolPct: string,
  ceiling: boolean,
): string {
  return (
    `=IF(NOT(ISNUMBER(${stated})),"${STATUS.noStatedTotal}",` +
    `IF(${total}=${stated},"${STATUS.reconciles}",` +
    (ceiling ? `IF(${total}>${stated},"${STATUS.overBudget}",` : "") +
    `IF(AND(${precision}>0.01,ABS(${stated})>=10*${precision},ROUND(${total}/${precision},0)*${precision}=${stated}),"${STATUS.rounded}",` +
    `IF(ABS(${total}-${stated})<=MAX(${tolAbs},${tolPct}*ABS(${stated})),"${STATUS.withinTolerance}","${STATUS.mismatch}"))))` +
    (ceiling ? ")" : "")
  );
}

export function allocationSheetPlan(view: ReportView, names: { sheet: string; table: string }): SheetPlan {
  const t = names.table;
  const B = (row: number): string => cellAddress(row, 1);
  const $B = (row: number): string => cellAddress(row, 1, true);
  const same = (f: string) => ({ structured: f, a1: f });
  const first = ALLOCATION_HEADER_ROW + 1;
  const last = ALLOCATION_HEADER_ROW + Math.max(view.lines.length, 1);
  const col = (name: (typeof ALLOCATION_COLUMNS)[number]): number => ALLOCATION_COLUMNS.indexOf(name);
  const a1Col = (name: (typeof ALLOCATION_COLUMNS)[number]): string =>
    `${cellAddress(first, col(name), true)}:${cellAddress(last, col(name), true)}`;
  const at = (name: (typeof ALLOCATION_COLUMNS)[number], row: number): string => cellAddress(row, col(name));
  const sum = (name: (typeof ALLOCATION_COLUMNS)[number], value: Scalar, numberFormat: string) =>
    columnTotal(name, a1Col(name), value, numberFormat);

  const stated = view.headline.stated?.pence;
  const variance = stated === undefined ? null : penceToPounds(view.headline.total - stated);
  const tolAbs = view.tolerance.absolute;
  const tolPct = view.tolerance.percent;
  const precision = view.headline.stated?.precision ?? 1;
  const ceiling = view.tender.statedTotalIsCeiling === true;
  const status = reconciliationStatus(view.headline.total, stated, precision, view.tolerance, ceiling);

  const notes: string[] = [];
  if (view.headline.inferredDayRate !== undefined) {
    notes.push(`Day rate ${formatMoney(view.headline.inferredDayRate)} inferred from the stated values.`);
  }
  notes.push("Change a day rate or a number of days below: values, totals and status update.");

  const cells: CellPlan[] = [
    { row: 0, col: 0, value: `Allocation: ${view.tender.title}`, style: { bold: true, fontSize: 14 } },
    { row: 1, col: 0, value: view.tender.buyer, style: { italic: true } },
    { row: 2, col: 0, value: notes.join(" "), style: { italic: true, fontColor: "#605E5C" } },
    { row: 3, col: 0, value: "Reconciliation", style: { bold: true, fontSize: 12 } },
    { row: RECON.statedTotal, col: 0, value: ceiling ? "Stated total (a ceiling)" : "Stated total" },
    { row: RECON.statedTotal, col: 1, value: money(stated), numberFormat: FORMATS.money },
    { row: RECON.total, col: 0, value: "Allocated total (ex VAT)" },
    {
      row: RECON.total,
      col: 1,
      value: penceToPounds(view.headline.total),
      formula: { structured: `=SUM(${wholeColumn(t, "Value")})`, a1: `=SUM(${a1Col("Value")})` },
      numberFormat: FORMATS.money,
      style: { bold: true },
    },
    { row: RECON.variance, col: 0, value: "Variance" },
    {
      row: RECON.variance,
      col: 1,
      value: variance,
      formula: same(`=IF(ISNUMBER(${B(RECON.statedTotal)}),${B(RECON.total)}-${B(RECON.statedTotal)},"")`),
      numberFormat: `+${FORMATS.money};-${FORMATS.money};${FORMATS.money}`,
    },
    { row: RECON.variancePercent, col: 0, value: "Variance %" },
    {
      row: RECON.variancePercent,
      col: 1,
      value: stated === undefined || stated === 0 ? null : (view.headline.total - stated) / stated,
      formula: same(
        `=IF(AND(ISNUMBER(${B(RECON.statedTotal)}),${B(RECON.statedTotal)}<>0),${B(RECON.variance)}/${B(RECON.statedTotal)},"")`,
      ),
      numberFormat: "+0.00%;-0.00%;0.00%",
    },
    { row: RECON.toleranceAbsolute, col: 0, value: "Tolerance (£)" },
    { row: RECON.toleranceAbsolute, col: 1, value: penceToPounds(tolAbs), numberFormat: FORMATS.money },
    { row: RECON.tolerancePercent, col: 0, value: "Tolerance (% of stated total)" },
    { row: RECON.tolerancePercent, col: 1, value: tolPct / 100, numberFormat: FORMATS.percent },
    { row: RECON.precision, col: 0, value: "Stated to the nearest" },
    {
      row: RECON.precision,
      col: 1,
      value: stated === undefined ? null : penceToPounds(precision),
      numberFormat: FORMATS.money,
    },
    { row: RECON.status, col: 0, value: "Status", style: { bold: true } },
    {
      row: RECON.status,
      col: 1,
      value: status,
      formula: same(
        statusFormula(
          B(RECON.statedTotal),
          B(RECON.total),
          B(RECON.precision),
          B(RECON.toleranceAbsolute),
          B(RECON.tolerancePercent),
          ceiling,
        ),
      ),
      style: { bold: true },
    },
    { row: RECON.vatRate, col: 0, value: "VAT rate" },
    { row: RECON.vatRate, col: 1, value: view.tender.vatRate / 100, numberFormat: FORMATS.vat },
    { row: RECON.vat, col: 0, value: "VAT" },
    {
      row: RECON.vat,
      col: 1,
      value: penceToPounds(view.headline.vat),
      formula: same(`=ROUND(${B(RECON.total)}*${B(RECON.vatRate)},2)`),
      numberFormat: FORMATS.money,
    },
    { row: RECON.totalIncVat, col: 0, value: "Total inc VAT", style: { bold: true } },
    {
      row: RECON.totalIncVat,
      col: 1,
      value: penceToPounds(view.headline.totalIncVat),
      formula: same(`=${B(RECON.total)}+${B(RECON.vat)}`),
      numberFormat: FORMATS.money,
      style: { bold: true },
    },
    { row: ALLOCATION_HEADER_ROW - 1, col: 0, value: "Lots", style: { bold: true, fontSize: 12 } },
  ];

  const R = thisRow;
  const valueFormula = `=IF(COUNT(${R("Day rate")},${R("Days")})=2,ROUND(${R("Day rate")}*${R("Days")},2),N(${R("Stated value")}))`;
  const table: TablePlan = {
    name: t,
    row: ALLOCATION_HEADER_ROW,
    col: 0,
    columns: [
      { header: "Lot", numberFormat: FORMATS.text, width: 28, total: { label: "Total", value: "Total" } },
      { header: "Day rate", numberFormat: FORMATS.money, width: 14 },
      {
        header: "Days",
        numberFormat: FORMATS.days,
        width: 10,
        total: sum(
          "Days",
          view.lines.reduce((s, l) => s + (l.days ?? 0), 0),
          FORMATS.days,
        ),
      },
      {
        header: "Value",
        numberFormat: FORMATS.money,
        width: 16,
        formula: {
          structured: valueFormula,
          a1: (r) =>
            `=IF(COUNT(${at("Day rate", r)},${at("Days", r)})=2,ROUND(${at("Day rate", r)}*${at("Days", r)},2),N(${at("Stated value", r)}))`,
        },
        total: sum("Value", penceToPounds(view.headline.total), FORMATS.money),
      },
      {
        header: "Share",
        numberFormat: FORMATS.percent,
        width: 10,
        formula: {
          structured: `=IF(SUM([Value])=0,0,${R("Value")}/SUM([Value]))`,
          a1: (r) => `=IF(SUM(${a1Col("Value")})=0,0,${at("Value", r)}/SUM(${a1Col("Value")}))`,
        },
        total: sum("Share", view.headline.total === 0 ? 0 : 1, FORMATS.percent),
      },
      {
        header: "Stated value",
        numberFormat: FORMATS.money,
        width: 16,
        total: sum(
          "Stated value",
          penceToPounds(view.lines.reduce((s, l) => s + (l.statedValue ?? 0), 0)),
          FORMATS.money,
        ),
      },
      {
        header: "Variance",
        numberFormat: `+${FORMATS.money};-${FORMATS.money};${FORMATS.money}`,
        width: 14,
        formula: {
          structured: `=IF(ISNUMBER(${R("Stated value")}),${R("Value")}-${R("Stated value")},"")`,
          a1: (r) => `=IF(ISNUMBER(${at("Stated value", r)}),${at("Value", r)}-${at("Stated value", r)},"")`,
        },
        total: sum(
          "Variance",
          penceToPounds(
            view.lines.reduce(
              (s, l) => s + (l.statedValue === undefined ? 0 : (l.value ?? 0) - l.statedValue),
              0,
            ),
          ),
          `+${FORMATS.money};-${FORMATS.money};${FORMATS.money}`,
        ),
      },
      { header: "Start date", numberFormat: FORMATS.date, width: 12 },
      { header: "End date", numberFormat: FORMATS.date, width: 12 },
    ],
    rows: [],
    showTotals: true,
    style: "TableStyleMedium2",
  };
  table.rows = view.lines.map((l) => [
    l.lot,
    money(l.dayRate),
    l.days ?? null,
    penceToPounds(l.value ?? 0),
    l.share,
    money(l.statedValue),
    l.statedValue === undefined ? "" : penceToPounds((l.value ?? 0) - l.statedValue),
    l.startDate ? dateSerial(l.startDate) : null,
    l.endDate ? dateSerial(l.endDate) : null,
  ]);
  if (table.rows.length === 0) table.rows = [["", null, null, 0, 0, null, "", null, null]];

  const varianceCol = col("Variance");
  const varianceRect: Rect = { r0: first, c0: varianceCol, r1: last, c1: varianceCol };
  const v0 = cellAddress(first, varianceCol);
  const s0 = cellAddress(first, col("Stated value"));
  const lotOverTolerance = `=AND(ISNUMBER(${v0}),ABS(${v0})>MAX(${$B(RECON.toleranceAbsolute)},${$B(RECON.tolerancePercent)}*${s0}))`;
  const totalOverTolerance = `=${$B(RECON.status)}="${STATUS.mismatch}"`;
  const red = { fill: "#FDE7E9", fontColor: "#A4262C" };

  const charts: ChartPlan[] = [];
  if (view.lines.length > 0 && view.lines.length <= CHART_MAX_LOTS) {
    charts.push({
      type: "bar",
      title: "Value by lot",
      categories: { r0: first, c0: col("Lot"), r1: last, c1: col("Lot") },
      values: { r0: first, c0: col("Value"), r1: last, c1: col("Value") },
      seriesName: "Value",
      anchor: { row: 3, col: 3 },
      size: { cols: 6, rows: 12 },
    });
  }

  return {
    kind: "allocation",
    name: names.sheet,
    cells,
    tables: [table],
    validations: [
      {
        rect: { r0: first, c0: col("Day rate"), r1: last, c1: col("Days") },
        rule: { type: "decimal", min: 0 },
        prompt: {
          title: "Rate and days",
          message: "Change a day rate or the days: the value, totals and status update.",
        },
        error: { title: "Rate and days", message: "Enter a number of 0 or more." },
      },
    ],
    conditionalFormats: [
      { rect: varianceRect, formula: { structured: lotOverTolerance, a1: lotOverTolerance }, ...red },
      {
        rect: { r0: RECON.variance, c0: 1, r1: RECON.status, c1: 1 },
        formula: { structured: totalOverTolerance, a1: totalOverTolerance },
        ...red,
      },
    ],
    charts,
    columnWidths: [28, 16, 10, 16, 10, 16, 14, 12, 12],
    freezeRows: 0,
  };
}

/** The rectangle of the allocation table's Value column, for callers that read it back. */
export function allocationValueColumn(lines: number): string {
  const c = ALLOCATION_COLUMNS.indexOf("Value");
  return rangeAddress({
    r0: ALLOCATION_HEADER_ROW + 1,
    c0: c,
    r1: ALLOCATION_HEADER_ROW + Math.max(lines, 1),
    c1: c,
  });
}
