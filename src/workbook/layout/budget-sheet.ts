/**
 * The "Budget vs actual" sheet: per lot, the allocation against the invoices in the Actuals table,
 * with live formulas. Days used and spent add up the Actuals table with SUMIFS up to the as-of date in
 * B4 (work dated at the period end, else at the invoice date, as the engine does); remaining days and
 * value, % used and ahead/behind follow. Overspent lots turn red. Below, month by month, each lot's
 * cumulative phased budget against its cumulative spend, and a line chart per lot.
 *
 * The allocation and the phased budget to date are written as the engine's figures (they do not
 * depend on the invoices, so editing the Actuals table keeps them right); the phased budget to date is
 * the engine's at the as-of date written: changing B4 moves the actuals, not it (write the sheet
 * again with the add-in for a new date).
 */
import { cellAddress, quoteSheet, type Rect } from "../a1";
import { addDays, endOfMonth, isoToExcelSerial } from "../../domain/core/calendar";
import { penceToPounds } from "../../domain/core/money";
import {
  ACTUALS_COLUMN_LABELS,
  workDate,
  type ActualsColumn,
  type ActualsReport,
} from "../../domain/actuals";
import type { Phasing } from "../../domain/check/phasing";
import type { IsoDate, Tender } from "../../domain/core/types";
import { actualsColumn } from "./actuals-sheet";
import {
  columnTotal,
  FORMATS,
  ownColumn,
  thisRow,
  wholeColumn,
  type CellPlan,
  type ChartPlan,
  type Formula,
  type Scalar,
  type SheetPlan,
  type TablePlan,
} from "./plan";
import { dateValidation } from "./validations";

/** 0-based cell of the as-of date (B4). */
export const AS_OF = { row: 3, col: 1 } as const;
export const BUDGET_HEADER_ROW = 6;

export const BUDGET_COLUMNS = [
  "Lot",
  "Day rate",
  "Allocated days",
  "Allocated value",
  "Days used",
  "Spent",
  "Remaining days",
  "Remaining value",
  "% used",
  "Phased to date",
  "Ahead/behind",
] as const;
type BudgetColumn = (typeof BUDGET_COLUMNS)[number];

/** More lots than this and the month-by-month block and its charts are left out. */
export const MONTHLY_MAX_LOTS = 12;

const SIGNED_MONEY = `+${FORMATS.money};-${FORMATS.money};${FORMATS.money}`;

/** Where the invoices are: the Actuals table's name (structured references) and sheet (A1 references). */
export interface ActualsTableRef {
  table: string;
  sheet: string;
}

/** The last day of every month from the one holding `from` to the one holding `to`. */
function monthEnds(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let end = endOfMonth(from); end <= endOfMonth(to); end = endOfMonth(addDays(end, 1))) out.push(end);
  return out;
}

export function budgetSheetPlan(
  tender: Tender,
  actuals: ActualsReport,
  phasing: Phasing,
  names: { sheet: string; table: string; actuals: ActualsTableRef },
): SheetPlan {
  const src = names.actuals;
  const col = (name: BudgetColumn): number => BUDGET_COLUMNS.indexOf(name);
  const first = BUDGET_HEADER_ROW + 1;
  const lots = actuals.lots;
  const last = BUDGET_HEADER_ROW + Math.max(lots.length, 1);
  const at = (name: BudgetColumn, row: number): string => cellAddress(row, col(name));
  const a1Col = (name: BudgetColumn): string =>
    `${cellAddress(first, col(name), true)}:${cellAddress(last, col(name), true)}`;
  const asOf = cellAddress(AS_OF.row, AS_OF.col, true);

  // A column of the Actuals table: `Actuals[Amount]` inside Excel, `Actuals!$G:$G` in a file (whole
  // columns, so rows pasted below the table still count).
  const structuredCol = (f: ActualsColumn): string => wholeColumn(src.table, labelOf(f));
  const a1Of = (f: ActualsColumn): string => {
    const letter = cellAddress(0, actualsColumn(f)).replace(/\d+$/, "");
    return `${quoteSheet(src.sheet)}!$${letter}:$${letter}`;
  };
  /** SUMIFS of a field for a lot, work dated on or before `until`: period end, else invoice date. */
  const sumTo = (field: ActualsColumn, lot: string, until: string): Formula => {
    const f = (ref: (f: ActualsColumn) => string): string =>
      `SUMIFS(${ref(field)},${ref("lot")},${criterion(lot)},${ref("periodEnd")},"<="&${until})` +
      `+SUMIFS(${ref(field)},${ref("lot")},${criterion(lot)},${ref("periodEnd")},"",${ref("invoiceDate")},"<="&${until})`;
    return { structured: `=${f(structuredCol)}`, a1: `=${f(a1Of)}` };
  };
  // A lot name SUMIFS would read as a pattern (* ? ~) or a comparison (< > =) is matched literally.
  const literal = lots.some((l) => /[*?~]|^\s*[<>=]/.test(l.lot));
  const criterion = (lot: string): string =>
    literal ? `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${lot},"~","~~"),"*","~*"),"?","~?")` : lot;
  const lotOf = thisRow("Lot");

  const cells: CellPlan[] = [
    { row: 0, col: 0, value: `Budget vs actual: ${tender.title}`, style: { bold: true, fontSize: 14 } },
    {
      row: 1,
      col: 0,
      value: `Days used and spent add up the ${src.sheet} sheet's invoices dated (period end, else invoice date) up to the as-of date; edit the invoices or the date and they update. Phased to date is the phased budget at the as-of date written.`,
      style: { italic: true, fontColor: "#605E5C" },
    },
    { row: AS_OF.row, col: 0, value: "As of", style: { bold: true } },
    {
      row: AS_OF.row,
      col: AS_OF.col,
      value: actuals.asOf ? isoToExcelSerial(actuals.asOf) : null,
      numberFormat: FORMATS.date,
      style: { bold: true },
    },
    { row: BUDGET_HEADER_ROW - 1, col: 0, value: "By lot", style: { bold: true, fontSize: 12 } },
  ];

  const R = thisRow;
  const days = (d: number | undefined): Scalar => (d === undefined ? null : d);
  const formulaCol = (
    structured: string,
    a1: (r: number) => string,
  ): { structured: string; a1: (r: number) => string } => ({ structured, a1 });
  const total = (name: BudgetColumn, value: Scalar, numberFormat: string) =>
    columnTotal(name, a1Col(name), value, numberFormat);
  /** A signed amount: one column less another, in each row and in the total row. */
  const difference = (name: BudgetColumn, from: BudgetColumn, less: BudgetColumn, totalPence: number) => ({
    header: name,
    numberFormat: SIGNED_MONEY,
    width: 14,
    formula: formulaCol(`=${R(from)}-${R(less)}`, (r) => `=${at(from, r)}-${at(less, r)}`),
    total: total(name, penceToPounds(totalPence), SIGNED_MONEY),
  });
  const t = actuals.totals;
  const daysUsed = sumTo("days", lotOf, asOf);
  const spent = sumTo("amount", lotOf, asOf);
  const table: TablePlan = {
    name: names.table,
    row: BUDGET_HEADER_ROW,
    col: 0,
    columns: [
      { header: "Lot", numberFormat: FORMATS.text, width: 24, total: { label: "Total", value: "Total" } },
      { header: "Day rate", numberFormat: FORMATS.money, width: 12 },
      {
        header: "Allocated days",
        numberFormat: FORMATS.days,
        width: 10,
        total: total("Allocated days", days(t.allocatedDays), FORMATS.days),
      },
      {
        header: "Allocated value",
        numberFormat: FORMATS.money,
        width: 14,
        total: total("Allocated value", penceToPounds(t.allocatedValue), FORMATS.money),
      },
      {
        header: "Days used",
        numberFormat: FORMATS.days,
        width: 10,
        formula: formulaCol(daysUsed.structured, (r) => sumTo("days", cellAddress(r, 0), asOf).a1),
        total: total("Days used", t.daysUsed, FORMATS.days),
      },
      {
        header: "Spent",
        numberFormat: FORMATS.money,
        width: 14,
        formula: formulaCol(spent.structured, (r) => sumTo("amount", cellAddress(r, 0), asOf).a1),
        total: total("Spent", penceToPounds(t.spent), FORMATS.money),
      },
      {
        header: "Remaining days",
        numberFormat: "#,##0.##;-#,##0.##;0",
        width: 10,
        formula: formulaCol(
          `=IF(ISNUMBER(${R("Allocated days")}),${R("Allocated days")}-${R("Days used")},"")`,
          (r) =>
            `=IF(ISNUMBER(${at("Allocated days", r)}),${at("Allocated days", r)}-${at("Days used", r)},"")`,
        ),
        total: total("Remaining days", days(t.remainingDays), "#,##0.##;-#,##0.##;0"),
      },
      difference("Remaining value", "Allocated value", "Spent", t.remainingValue),
      {
        header: "% used",
        numberFormat: "0.0%",
        width: 8,
        formula: formulaCol(
          `=IF(${R("Allocated value")}=0,"",${R("Spent")}/${R("Allocated value")})`,
          (r) => `=IF(${at("Allocated value", r)}=0,"",${at("Spent", r)}/${at("Allocated value", r)})`,
        ),
        total: {
          formula: {
            structured: `=IF(SUBTOTAL(109,${ownColumn("Allocated value")})=0,"",SUBTOTAL(109,${ownColumn("Spent")})/SUBTOTAL(109,${ownColumn("Allocated value")}))`,
            a1: `=IF(SUBTOTAL(109,${a1Col("Allocated value")})=0,"",SUBTOTAL(109,${a1Col("Spent")})/SUBTOTAL(109,${a1Col("Allocated value")}))`,
          },
          value: t.allocatedValue === 0 ? "" : t.spent / t.allocatedValue,
          numberFormat: "0.0%",
        },
      },
      {
        header: "Phased to date",
        numberFormat: FORMATS.money,
        width: 14,
        total: total("Phased to date", penceToPounds(t.phasedToDate), FORMATS.money),
      },
      difference("Ahead/behind", "Spent", "Phased to date", t.varianceToPhased),
    ],
    rows: lots.map((l) => [
      l.lot,
      l.dayRate === undefined ? null : penceToPounds(l.dayRate),
      days(l.allocatedDays),
      penceToPounds(l.allocatedValue),
      l.daysUsed,
      penceToPounds(l.spent),
      days(l.remainingDays),
      penceToPounds(l.remainingValue),
      l.allocatedValue === 0 ? "" : l.spent / l.allocatedValue,
      penceToPounds(l.phasedToDate),
      penceToPounds(l.varianceToPhased),
    ]),
    showTotals: true,
    style: "TableStyleMedium2",
  };
  if (table.rows.length === 0) table.rows = [["", null, null, 0, 0, 0, null, 0, "", 0, 0]];

  // Red when a lot has spent more than its value, or used more days than it was allocated.
  const c0 = (name: BudgetColumn): string =>
    cellAddress(first, col(name), false).replace(/^([A-Z]+)/, "$$$1");
  const over = `=OR(${c0("Spent")}>${c0("Allocated value")},AND(ISNUMBER(${c0("Allocated days")}),${c0("Days used")}>${c0("Allocated days")}))`;
  const rowsRect: Rect = { r0: first, c0: 0, r1: last, c1: BUDGET_COLUMNS.length - 1 };

  const charts: ChartPlan[] = [];
  const monthly = monthlyBlock(actuals, phasing, last + 3, sumTo, (i) => cellAddress(first + i, 0, true));
  if (monthly) {
    cells.push(...monthly.cells);
    charts.push(...monthly.charts);
  }

  return {
    kind: "budget",
    name: names.sheet,
    cells,
    tables: [table],
    validations: [
      dateValidation(
        { r0: AS_OF.row, c0: AS_OF.col, r1: AS_OF.row, c1: AS_OF.col },
        "As of",
        "Invoices for work dated after this day are not counted.",
      ),
    ],
    conditionalFormats: [
      { rect: rowsRect, formula: { structured: over, a1: over }, fill: "#FDE7E9", fontColor: "#A4262C" },
    ],
    charts,
    columnWidths: [24, 12, 10, 14, 10, 14, 10, 14, 8, 14, 14],
    freezeRows: 0,
  };
}

const labelOf = (f: ActualsColumn): string => ACTUALS_COLUMN_LABELS[f];

/**
 * Month by month (cumulative), for up to MONTHLY_MAX_LOTS lots: the month's last day, then per lot its
 * phased budget to the end of that month (the engine's figures) and its spend on work dated up to then
 * (SUMIFS over the Actuals table); a line chart per lot of the two.
 */
function monthlyBlock(
  actuals: ActualsReport,
  phasing: Phasing,
  headerRow: number,
  sumTo: (field: ActualsColumn, lot: string, until: string) => Formula,
  lotCell: (lotIndex: number) => string,
): { cells: CellPlan[]; charts: ChartPlan[] } | undefined {
  const lots = actuals.lots;
  if (lots.length === 0 || lots.length > MONTHLY_MAX_LOTS) return undefined;
  const byIndex = new Map(phasing.lots.map((p) => [p.index, p]));
  const dates: IsoDate[] = [];
  for (const p of phasing.lots) for (const m of p.months) dates.push(`${m.month}-01`);
  for (const l of actuals.lines) {
    const d = workDate(l);
    if (d !== undefined) dates.push(d);
  }
  if (actuals.asOf) dates.push(actuals.asOf);
  if (dates.length === 0) return undefined;
  dates.sort();
  const ends = monthEnds(dates[0], dates[dates.length - 1]);

  const cells: CellPlan[] = [
    {
      row: headerRow - 1,
      col: 0,
      value: "Month by month (cumulative): phased budget against spend",
      style: { bold: true, fontSize: 12 },
    },
    { row: headerRow, col: 0, value: "Month end", style: { bold: true } },
  ];
  const charts: ChartPlan[] = [];
  const firstRow = headerRow + 1;
  const lastRow = headerRow + ends.length;
  lots.forEach((lot, i) => {
    const cBudget = 1 + 2 * i;
    const cActual = cBudget + 1;
    cells.push(
      { row: headerRow, col: cBudget, value: `${lot.lot}: phased budget`, style: { bold: true, wrap: true } },
      { row: headerRow, col: cActual, value: `${lot.lot}: spent`, style: { bold: true, wrap: true } },
    );
    const months = new Map((byIndex.get(lot.index)?.months ?? []).map((m) => [m.month, m.value]));
    let budget = 0;
    ends.forEach((end, k) => {
      const row = firstRow + k;
      budget += months.get(end.slice(0, 7)) ?? 0;
      let cached = 0;
      actuals.lines.forEach((l, j) => {
        const d = workDate(l);
        const counted = !actuals.notCounted.some((n) => n.index === j && n.reason === "unknown-lot");
        if (counted && d !== undefined && d <= end && sameLot(l.lot, lot.lot)) cached += l.amount;
      });
      cells.push(
        { row, col: cBudget, value: penceToPounds(budget), numberFormat: FORMATS.money },
        {
          row,
          col: cActual,
          value: penceToPounds(cached),
          formula: sumTo("amount", lotCell(i), cellAddress(row, 0, false).replace(/^([A-Z]+)/, "$$$1")),
          numberFormat: FORMATS.money,
        },
      );
    });
    charts.push({
      type: "line",
      title: `${lot.lot}: spent against the phased budget (cumulative)`,
      categories: { r0: firstRow, c0: 0, r1: lastRow, c1: 0 },
      values: { r0: firstRow, c0: cBudget, r1: lastRow, c1: cActual },
      seriesName: "Spent",
      seriesNames: ["Phased budget", "Spent"],
      anchor: { row: lastRow + 2 + 16 * Math.floor(i / 2), col: (i % 2) * 7 },
      size: { cols: 7, rows: 15 },
    });
  });
  ends.forEach((end, k) =>
    cells.push({ row: firstRow + k, col: 0, value: isoToExcelSerial(end), numberFormat: "mmm yyyy" }),
  );
  return { cells, charts };
}

function sameLot(a: string, b: string): boolean {
  const key = (s: string): string => s.trim().replace(/\s+/g, " ").toLowerCase();
  return key(a) === key(b);
}
