/**
 * The .xlsx the CLI and the pane save: it opens with exceljs, holds live formulas and formats, and a
 * spreadsheet program computes from it the same totals as the engine (LibreOffice, headless).
 */
import ExcelJS from "exceljs";
import { describeWithLibreOffice, recalculateXlsx } from "../support/libreoffice";
import {
  ALLOCATION_HEADER_ROW,
  allocationSheetPlan,
  RECON,
  STATUS,
} from "../../src/workbook/layout/allocation-sheet";
import { reportView } from "../../src/domain/formats/report-view";
import type { Finding, Tender, Tolerance } from "../../src/domain/core/types";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { reportToXlsx, workbookToXlsx, xlsxToTender } from "../../src/workbook/xlsx";
import { check } from "./support";

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The value of a cell: a formula's result, or the constant. */
function valueOf(ws: ExcelJS.Worksheet, address: string): unknown {
  const v = ws.getCell(address).value;
  if (v !== null && typeof v === "object" && "formula" in v) return (v as ExcelJS.CellFormulaValue).result;
  return v;
}

const B = (row0: number): string => `B${row0 + 1}`;

describe("reportToXlsx", () => {
  const report = check(DFE_2017_TENDER);

  test("writes the four sheets with formulas, formats and the engine's figures", async () => {
    const wb = await open(await reportToXlsx(report, { today: "2017-07-26" }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tender", "Allocation", "Phasing", "Tender summary"]);
    const alloc = wb.getWorksheet("Allocation")!;
    const total = alloc.getCell(B(RECON.total));
    expect(total.value).toEqual({ formula: "SUM($D$18:$D$21)", result: 346560 });
    expect(total.numFmt).toBe("£#,##0.00");
    expect(valueOf(alloc, B(RECON.statedTotal))).toBe(346000);
    expect(valueOf(alloc, B(RECON.variance))).toBe(560);
    expect(valueOf(alloc, B(RECON.status))).toBe("Does not reconcile");
    expect(valueOf(alloc, B(RECON.totalIncVat))).toBe(415872);
    const firstLot = ALLOCATION_HEADER_ROW + 2;
    expect(alloc.getCell(`A${firstLot}`).value).toBe("Barnet");
    expect(alloc.getCell(`B${firstLot}`).value).toBe(960);
    expect(alloc.getCell(`C${firstLot}`).value).toBe(112);
    expect(alloc.getCell(`D${firstLot}`).value).toEqual({
      formula: `IF(COUNT(B${firstLot},C${firstLot})=2,ROUND(B${firstLot}*C${firstLot},2),N(F${firstLot}))`,
      result: 107520,
    });
    expect(alloc.getCell(`H${firstLot}`).numFmt).toBe("dd/mm/yyyy");
    // Written as the serial 42978; exceljs reads a date-formatted serial back as a Date at UTC midnight.
    expect(alloc.getCell(`H${firstLot}`).value).toEqual(new Date(Date.UTC(2017, 7, 31)));

    // Real Excel Tables: banded, filter buttons, a totals row.
    const tables = (ws: ExcelJS.Worksheet) =>
      (ws.getTables() as unknown as { table: { name: string; tableRef: string; totalsRow: boolean } }[]).map(
        (t) => [t.table.name, t.table.tableRef, t.table.totalsRow],
      );
    expect(tables(alloc)).toEqual([["Allocation", "A17:I22", true]]);
    expect(tables(wb.getWorksheet("Tender")!)).toEqual([["TenderLots", "A14:F18", false]]);
    expect(alloc.getCell(`D${firstLot + 4}`).value).toEqual({
      formula: "SUBTOTAL(109,$D$18:$D$21)",
      result: 346560,
    });

    const summary = wb.getWorksheet("Tender summary")!;
    expect(summary.pageSetup.printArea).toMatch(/^A1:F\d+$/);
    expect(summary.pageSetup.fitToWidth).toBe(1);
    expect(summary.headerFooter.oddHeader).toBe(
      "&CChildren's services commissioners: Barnet, Kirklees, Reading and Worcestershire&R26/07/2017",
    );
    const tender = wb.getWorksheet("Tender")!;
    expect(tender.getCell("B5").value).toBe(346000);
    expect(tender.getCell("B5").numFmt).toBe("£#,##0.00");
    expect(tender.getCell("B7").value).toEqual(new Date(Date.UTC(2017, 6, 31)));
  });

  test("the .xlsx reads back into the same tender", async () => {
    const read = await xlsxToTender(await reportToXlsx(report));
    expect(read).toEqual({ ok: true, value: DFE_2017_TENDER });
  });

  test("a cell that is not an amount is reported by its address, and nothing else is read", async () => {
    const wb = await open(await reportToXlsx(report, { sheets: ["tender"] }));
    wb.getWorksheet("Tender")!.getCell("B5").value = "abc";
    wb.getWorksheet("Tender")!.getCell("C15").value = -3;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await xlsxToTender(bytes);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.path)).toEqual(["Tender!B5", "Tender!C15"]);
    expect(read.errors[0].message).toMatch(/"abc" is not an amount/);
    expect(read.errors[1].message).toMatch(/negative/);
  });

  test("a file that is not a workbook is an error, not an exception", async () => {
    const read = await xlsxToTender(new TextEncoder().encode("Lot,Days\nBarnet,3\n"));
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.errors[0].message).toMatch(
        /is not an Excel workbook \(.xlsx\): it is damaged or another kind of file/,
      );
  });
});

describeWithLibreOffice("LibreOffice computes the workbook's formulas", () => {
  jest.setTimeout(180_000);

  /** Recalculate an .xlsx with LibreOffice (a fresh profile each run) and open the result. */
  async function recalculated(bytes: Uint8Array, _name: string): Promise<ExcelJS.Workbook> {
    return open(recalculateXlsx(bytes));
  }

  test("the headline DfE case: total £346,560, variance +£560, status and VAT as the engine says", async () => {
    // No cached results: every figure below is LibreOffice's own calculation.
    const wb = await recalculated(await reportToXlsx(report(), { cachedResults: false }), "dfe");
    const alloc = wb.getWorksheet("Allocation")!;
    const engine = report().allocation;
    expect(engine.total).toBe(34_656_000);
    expect(valueOf(alloc, B(RECON.total))).toBe(346560);
    expect(valueOf(alloc, B(RECON.variance))).toBe(560);
    expect(valueOf(alloc, B(RECON.variance))).toBe(engine.variance! / 100);
    expect(valueOf(alloc, B(RECON.variancePercent))).toBeCloseTo(engine.variancePercent! / 100, 12);
    expect(valueOf(alloc, B(RECON.status))).toBe("Does not reconcile");
    expect(valueOf(alloc, B(RECON.vat))).toBe(engine.vat / 100);
    expect(valueOf(alloc, B(RECON.totalIncVat))).toBe(engine.totalIncVat / 100);
    const totals = ALLOCATION_HEADER_ROW + 2 + engine.lines.length;
    expect(valueOf(alloc, `D${totals}`)).toBe(346560);
    expect(valueOf(alloc, `C${totals}`)).toBe(361);
    engine.lines.forEach((line, i) => {
      const row = ALLOCATION_HEADER_ROW + 2 + i;
      expect(valueOf(alloc, `D${row}`)).toBe(line.value! / 100);
      expect(valueOf(alloc, `E${row}`)).toBeCloseTo(line.share, 12);
    });
  });

  test("changing days in the sheet changes value, total and status as the engine would", async () => {
    const bytes = await reportToXlsx(report(), { cachedResults: false });
    const wb = await open(bytes);
    const firstLot = ALLOCATION_HEADER_ROW + 2;
    // Barnet 112 → 111.5 days: the engine's figure for the same change.
    wb.getWorksheet("Allocation")!.getCell(`C${firstLot}`).value = 111.5;
    const changed = check({
      ...DFE_2017_TENDER,
      dayRate: 96_000,
      lots: DFE_2017_TENDER.lots.map((l, i) => ({ ...l, days: [111.5, 51, 99, 99][i] })),
    });
    const out = await recalculated(new Uint8Array(await wb.xlsx.writeBuffer()), "changed");
    const alloc = out.getWorksheet("Allocation")!;
    expect(changed.allocation.total).toBe(34_608_000);
    expect(valueOf(alloc, B(RECON.total))).toBe(changed.allocation.total / 100);
    expect(valueOf(alloc, B(RECON.variance))).toBe(80);
    expect(valueOf(alloc, `G${firstLot}`)).toBe(changed.allocation.lines[0].variance! / 100);
  });

  test("the status line agrees with the engine's reconciliation: exact, rounding, tolerance, mismatch", async () => {
    const wb = await recalculated(
      await workbookToXlsx(
        STATUS_CASES.map(([name, tender, tolerance]) =>
          allocationSheetPlan(reportView(check(tender, tolerance)), { sheet: name, table: `T_${name}` }),
        ),
        { cachedResults: false },
      ),
      "status",
    );
    for (const [name, tender, tolerance, expected] of STATUS_CASES) {
      expect(engineStatus(check(tender, tolerance).findings)).toBe(expected);
      expect(valueOf(wb.getWorksheet(name)!, B(RECON.status))).toBe(expected);
    }
  });

  const report = () => check(DFE_2017_TENDER);
});

/** The status the engine's findings imply for the stated total. */
function engineStatus(findings: Finding[]): string {
  const f = findings.find((x) => x.path === "statedTotal");
  if (!f) return STATUS.reconciles;
  if (f.code === "TOTAL_ROUNDED") return STATUS.rounded;
  return f.severity === "error" ? STATUS.mismatch : STATUS.withinTolerance;
}

const ROUNDED: Tender = {
  ...DFE_2017_TENDER,
  statedTotal: { pence: 120_000_000, precision: 10_000_000 }, // "£1.2m"
  dayRate: 100_000,
  lots: [
    { name: "North", days: 600 },
    { name: "South", days: 602.5 }, // £1,202,500 in all
  ],
};

const STATUS_CASES: [string, Tender, Tolerance | undefined, string][] = [
  ["Mismatch", DFE_2017_TENDER, undefined, STATUS.mismatch],
  [
    "Exact",
    { ...DFE_2017_TENDER, statedTotal: { pence: 34_656_000, precision: 100 } },
    undefined,
    STATUS.reconciles,
  ],
  ["Rounded", ROUNDED, undefined, STATUS.rounded],
  ["Tolerance", DFE_2017_TENDER, { absolute: 100_000, percent: 0 }, STATUS.withinTolerance],
  ["Percent", DFE_2017_TENDER, { absolute: 0, percent: 0.1 }, STATUS.mismatch],
  ["Percent2", DFE_2017_TENDER, { absolute: 0, percent: 0.2 }, STATUS.withinTolerance],
];

describe("the status line's cached value", () => {
  test.each(STATUS_CASES)("%s", (_name, tender, tolerance, expected) => {
    const plan = allocationSheetPlan(reportView(check(tender, tolerance)), { sheet: "A", table: "A" });
    expect(plan.cells.find((c) => c.row === RECON.status && c.col === 1)?.value).toBe(expected);
    expect(engineStatus(check(tender, tolerance).findings)).toBe(expected);
  });
});
