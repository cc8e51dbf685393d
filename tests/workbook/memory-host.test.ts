/** The in-memory workbook passes the port contract, and keeps what an Excel workbook would. */
import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { portContract, type HostDriver } from "./port-contract";
import { check, generatedTender, memoryCells } from "./support";

function memoryDriver(): HostDriver {
  const workbook = new MemoryWorkbook();
  const port = new MemoryWorkbookPort(workbook, { today: () => "2017-07-26" });
  return {
    ...memoryCells(workbook),
    port,
    addUserSheet: (name, rows) => workbook.setValues(`'${name}'!A1`, rows),
    addTable: (address, name) => workbook.addTable(address, name),
    select: (address) => workbook.select(address),
    type: (address, value) => workbook.setValues(address, [[value]]),
    selection: () => {
      const s = workbook.selection;
      if (!s) return undefined;
      return `${s.sheet}!${String.fromCharCode(65 + s.rect.c0)}${s.rect.r0 + 1}`;
    },
    sheetNames: () => workbook.sheets.map((s) => s.name),
  };
}

portContract("in-memory host", memoryDriver);

describe("in-memory host", () => {
  test("the Allocation sheet holds structured-reference formulas, formats, the chart and the red-variance rule", async () => {
    const workbook = new MemoryWorkbook();
    const port = new MemoryWorkbookPort(workbook);
    await port.writeAllocation(check(DFE_2017_TENDER));
    const s = workbook.sheet("Allocation")!;
    expect(s.owner).toBe("allocation");
    expect(s.at("D18")).toEqual({
      value: 107520,
      formula: "=IF(COUNT([@[Day rate]],[@Days])=2,ROUND([@[Day rate]]*[@Days],2),N([@[Stated value]]))",
      numberFormat: "£#,##0.00",
    });
    expect(s.at("B6")?.formula).toBe("=SUM(Allocation[Value])");
    expect(s.at("B12")).toMatchObject({ value: "Does not reconcile" });
    expect(s.at("D22")).toMatchObject({ formula: "=SUBTOTAL(109,[Value])", value: 346560 });
    expect(s.tables).toEqual([
      { name: "Allocation", rect: { r0: 16, c0: 0, r1: 21, c1: 8 }, showTotals: true },
    ]);
    expect(s.conditionalFormats[0].formula.structured).toBe(
      "=AND(ISNUMBER(G18),ABS(G18)>MAX($B$9,$B$10*F18))",
    );
    expect(s.charts).toHaveLength(1);
  });

  test("a second allocation's table gets its own name when the first sheet is kept", async () => {
    const workbook = new MemoryWorkbook();
    const port = new MemoryWorkbookPort(workbook);
    await port.writeAllocation(check(DFE_2017_TENDER));
    await port.writeAllocation(check(DFE_2017_TENDER), { replace: false });
    expect(workbook.sheet("Allocation (2)")!.tables[0].name).toBe("Allocation_2");
    expect(workbook.sheet("Allocation (2)")!.at("B6")?.formula).toBe("=SUM(Allocation_2[Value])");
  });

  test("the summary is one printable page with the title and date in its header", async () => {
    const workbook = new MemoryWorkbook();
    const port = new MemoryWorkbookPort(workbook);
    await port.createTenderSheet(DFE_2017_TENDER);
    await port.readTender({ from: "tender-sheet" });
    await port.writeSummary(check(DFE_2017_TENDER), { today: "2017-07-26" });
    const s = workbook.sheet("Tender summary")!;
    expect(s.print).toEqual({
      area: { r0: 0, c0: 0, r1: expect.any(Number), c1: 5 },
      fitToWidth: true,
      landscape: false,
      header: { center: DFE_2017_TENDER.title, right: "26/07/2017" },
    });
    const text = s.values(s.usedRect()!).flat();
    expect(text).toContain("Allocated total (ex VAT)");
    expect(text).toContain(346560);
    expect(text).toContain("Tender!B5"); // the mismatch finding names its cell
  });

  test("two phasing sheets side by side get tables of their own names", async () => {
    const workbook = new MemoryWorkbook();
    const port = new MemoryWorkbookPort(workbook);
    const report = check(generatedTender(3));
    await port.writePhasing(report);
    await port.writePhasing(report, { replace: false });
    expect(workbook.sheet("Phasing")!.tables.map((t) => t.name)).toEqual([
      "Phasing_Months",
      "Phasing_Quarters",
      "Phasing_Years",
    ]);
    expect(workbook.sheet("Phasing (2)")!.tables.map((t) => t.name)).toEqual([
      "Phasing2_Months",
      "Phasing2_Quarters",
      "Phasing2_Years",
    ]);
  });

  test("a summary of a large tender stays short: the first 200 lots, the rest counted, the total of all", async () => {
    const workbook = new MemoryWorkbook();
    const port = new MemoryWorkbookPort(workbook);
    const report = check(generatedTender(500));
    await port.writeSummary(report, { today: "2025-04-01" });
    const s = workbook.sheet("Tender summary")!;
    const column = s.values({ r0: 0, c0: 0, r1: s.usedRect()!.r1, c1: 0 }).map((r) => r[0]);
    expect(column).toContain("Lot 200");
    expect(column).not.toContain("Lot 201");
    expect(column).toContain("…and 300 more lots: see the Allocation sheet.");
    const totalRow = column.indexOf("Total");
    expect(s.cell(totalRow, 3)?.value).toBe(report.allocation.total / 100);
  });
});
