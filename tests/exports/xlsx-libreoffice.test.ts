/**
 * The .xlsx export of an awkward tender (half days, lots with their own dates and day rates, a
 * value stated without days, formula-like and Unicode names), written without cached results and
 * recalculated by LibreOffice: every total a sheet computes equals the engine's. And the .xlsx
 * read back gives the tender it was written from.
 */
import ExcelJS from "exceljs";
import { checkTender, type Report } from "../../src/domain/check/check";
import type { Tender } from "../../src/domain/core/types";
import { reportToXlsx, xlsxToTender } from "../../src/workbook/xlsx";
import { describeWithLibreOffice, recalculateXlsx } from "../support/libreoffice";

const AWKWARD: Tender = {
  title: 'Commissioners "support", 2017 – Ünïcødé',
  buyer: "Department for Education, London",
  currency: "GBP",
  statedTotal: { pence: 120_000_00, precision: 10_000_00 },
  dayRate: 900_00,
  closingDate: "2017-03-31",
  startDate: "2017-04-03",
  endDate: "2018-03-30",
  region: "GB-SCT",
  vatRate: 17.5,
  lots: [
    { name: "Barnet, lot 1", days: 10.5 },
    {
      name: '=HYPERLINK("http://x","click")',
      days: 20,
      dayRate: 1_000_00,
      startDate: "2017-06-01",
      endDate: "2017-10-31",
    },
    { name: '-minus "quoted"', statedValue: 5_000_00 },
    { name: "@at", days: 3, statedValue: 2_700_00 },
    { name: "+plus Ünïcødé 日本", days: 0.5, dayRate: 1_234_56, startDate: "2018-01-15" },
  ],
};

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A cell's value: a formula's result (exceljs leaves a result of 0 out), or the constant. */
function valueOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    return r === undefined ? 0 : r;
  }
  return v;
}

/** A text cell's text (LibreOffice saves text with a fallback font for 日本 as rich text). */
function textOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v !== null && typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  return v;
}

/** The row in column A (and the sheet) that holds `label`, 1-based. */
function rowOf(ws: ExcelJS.Worksheet, label: string, column = 1, after = 0): number {
  for (let r = after + 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, column).value === label) return r;
  }
  throw new Error(`no "${label}" in column ${column} of ${ws.name}`);
}

/** The column whose header row holds `header`. */
function columnOf(ws: ExcelJS.Worksheet, row: number, header: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(row, c).value === header) return c;
  throw new Error(`no "${header}" in row ${row} of ${ws.name}`);
}

const pounds = (p: number): number => p / 100;

describe("the .xlsx export read back", () => {
  test("gives the tender it was written from: awkward names, half days, own dates and rates", async () => {
    const read = await xlsxToTender(await reportToXlsx(checkTender(AWKWARD), { today: "2017-03-01" }));
    expect(read).toEqual({ ok: true, value: AWKWARD });
  });
});

describeWithLibreOffice("the .xlsx export recalculated by LibreOffice", () => {
  jest.setTimeout(180_000);
  let report: Report;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    report = checkTender(AWKWARD);
    const bytes = await reportToXlsx(report, { today: "2017-03-01", cachedResults: false });
    wb = await open(recalculateXlsx(bytes));
  });

  test("Allocation: each lot's value and share, the totals row, total, variance, VAT and total inc VAT", () => {
    const ws = wb.getWorksheet("Allocation") as ExcelJS.Worksheet;
    const header = rowOf(ws, "Lot");
    const value = columnOf(ws, header, "Value");
    const share = columnOf(ws, header, "Share");
    const days = columnOf(ws, header, "Days");
    const { allocation } = report;
    allocation.lines.forEach((line, i) => {
      const row = header + 1 + i;
      expect(textOf(ws.getCell(row, 1))).toBe(AWKWARD.lots[i].name);
      expect(valueOf(ws.getCell(row, value))).toBe(pounds(line.value as number));
      expect(valueOf(ws.getCell(row, share)) as number).toBeCloseTo(line.share, 12);
    });
    const totals = header + 1 + allocation.lines.length;
    expect(valueOf(ws.getCell(totals, value))).toBe(pounds(allocation.total));
    const engineDays = allocation.lines.reduce((s, l) => s + (l.days as number), 0);
    expect(valueOf(ws.getCell(totals, days)) as number).toBeCloseTo(engineDays, 9);

    const figure = (label: string): unknown => valueOf(ws.getCell(rowOf(ws, label), 2));
    expect(allocation.total).toBe(37_600_00 - 450_00 + 617_28);
    expect(figure("Stated total")).toBe(120000);
    expect(figure("Allocated total (ex VAT)")).toBe(pounds(allocation.total));
    expect(figure("Variance")).toBe(pounds(allocation.variance as number));
    expect(figure("VAT")).toBe(pounds(allocation.vat));
    expect(figure("Total inc VAT")).toBe(pounds(allocation.totalIncVat));
  });

  test("Phasing: the month, quarter and financial-year totals are the engine's phased total", () => {
    const ws = wb.getWorksheet("Phasing") as ExcelJS.Worksheet;
    const totals: number[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell, c) => {
        if (cell.value === "Total") totals.push(valueOf(row.getCell(c + 1)) as number);
      }),
    );
    expect(totals).toHaveLength(3);
    for (const t of totals) expect(t).toBe(pounds(report.phasing.total));
    expect(report.phasing.financialYears.map((y) => y.financialYear)).toEqual(["2017/18"]);
    // Each month's value, as the engine phases it (the lot from 15 January 2018 included).
    const header = rowOf(ws, "Month");
    const months = report.phasing.months.map((m, i) => valueOf(ws.getCell(header + 1 + i, 2)));
    expect(months).toEqual(report.phasing.months.map((m) => pounds(m.value)));
    expect(report.phasing.months.map((m) => m.month)).toContain("2018-01");
  });

  test("Tender summary: the key figures are the engine's", () => {
    const ws = wb.getWorksheet("Tender summary") as ExcelJS.Worksheet;
    const figure = (label: string): unknown => valueOf(ws.getCell(rowOf(ws, label), 2));
    const { allocation } = report;
    expect(figure("Stated total")).toBe(120000);
    expect(figure("Allocated total (ex VAT)")).toBe(pounds(allocation.total));
    expect(figure("Variance")).toBe(pounds(allocation.variance as number));
    expect(figure("VAT at 17.5%")).toBe(pounds(allocation.vat));
    expect(figure("Total inc VAT")).toBe(pounds(allocation.totalIncVat));
    expect(figure("Lots")).toBe(AWKWARD.lots.length);
  });
});
