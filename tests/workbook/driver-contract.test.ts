/**
 * The driver contract: what the workbook service asks of a workbook, answered the same way by
 * OfficeDriver (over an office-addin-mock Excel) and MemoryDriver (over the in-memory workbook). The
 * WorkbookPort contract (port-contract.ts) runs the use cases over both; this pins the round trips
 * they are built on, so that the two drivers cannot drift apart again.
 */
// The shared stub of office-addin-manifest lacks the OfficeApp enum office-addin-mock reads.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: jest.requireActual("office-addin-manifest/lib/officeApp").OfficeApp,
}));

import type { WorkbookDriver } from "../../src/workbook/driver";
import { MemoryDriver } from "../../src/workbook/memory/memory-driver";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { OfficeDriver } from "../../src/workbook/office/office-driver";
import { FakeExcel } from "./fake-excel";
import { fakeExcelCells, memoryCells } from "./support";

interface Subject {
  driver: WorkbookDriver;
  /** A user's sheet with values from a top-left cell. */
  sheet(name: string, origin: string, rows: (string | number)[][]): void;
  table(address: string, name: string): void;
  select(address: string): void;
  fill(address: string): string | undefined;
  setFill(address: string, color: string): void;
}

function office(): Subject {
  const fake = new FakeExcel();
  const { addTable, fill, setFill } = fakeExcelCells(fake);
  return {
    driver: new OfficeDriver({ run: fake.run, requirements: FakeExcel.requirements("1.17") }),
    sheet: (name, origin, rows) => void fake.addUserSheet(name, rows, origin),
    table: addTable,
    select: (address) => fake.select(address),
    fill,
    setFill,
  };
}

function memory(): Subject {
  const wb = new MemoryWorkbook();
  const { fill, setFill } = memoryCells(wb);
  return {
    driver: new MemoryDriver(wb),
    sheet: (name, origin, rows) => wb.setValues(`'${name}'!${origin}`, rows),
    table: (address, name) => wb.addTable(address, name),
    select: (address) => wb.select(address),
    fill,
    setFill,
  };
}

describe.each([
  ["OfficeDriver", office],
  ["MemoryDriver", memory],
])("%s: the driver contract", (_name, make) => {
  test("the used range runs from the first to the last cell holding a value; an empty sheet has none", async () => {
    const w = make();
    w.sheet("Lots", "C4", [
      ["Lot", "Days"],
      ["Barnet", 112],
    ]);
    w.sheet("Empty", "A1", []);
    expect(await w.driver.usedRange("Lots")).toEqual({ r0: 3, c0: 2, r1: 4, c1: 3 });
    expect(await w.driver.usedRange("Empty")).toBeUndefined();
    expect(await w.driver.readRange("Lots", { r0: 3, c0: 2, r1: 4, c1: 3 })).toEqual([
      ["Lot", "Days"],
      ["Barnet", 112],
    ]);
  });

  test("the survey lists sheets in order with their positions, tables with their sheets", async () => {
    const w = make();
    w.sheet("Notes", "A1", [["x"]]);
    w.sheet("Lots", "A1", [
      ["Lot", "Days"],
      ["Barnet", 112],
    ]);
    w.table("Lots!A1:B2", "MyLots");
    const s = await w.driver.survey();
    expect(s.existing).toEqual([{ name: "Notes" }, { name: "Lots" }]);
    expect([...s.positions]).toEqual([
      ["Notes", 0],
      ["Lots", 1],
    ]);
    expect(s.tables).toEqual([{ name: "MyLots", sheet: "Lots", showTotals: false }]);
    expect(s.tags).toEqual(new Set());
    expect(await w.driver.tableRanges(["mylots"])).toEqual([
      { header: ["Lot", "Days"], rect: { r0: 0, c0: 0, r1: 1, c1: 1 }, showTotals: false, sheet: "Lots" },
    ]);
  });

  test("the selection: its range and count, the region around it, and the table it is in", async () => {
    const w = make();
    w.sheet("Lots", "B2", [
      ["Lot", "Days"],
      ["Barnet", 112],
      ["Kirklees", 51],
    ]);
    w.select("Lots!C3");
    expect(await w.driver.selection()).toEqual({
      sheet: "Lots",
      rect: { r0: 2, c0: 2, r1: 2, c1: 2 },
      cellCount: 1,
      region: { r0: 1, c0: 1, r1: 3, c1: 2 },
    });
    w.table("Lots!B2:C4", "MyLots");
    w.select("Lots!B3:C4");
    expect(await w.driver.selection()).toMatchObject({ cellCount: 4, table: "MyLots" });
  });

  test("fills read and set, custom XML parts kept and replaced, a cell selected", async () => {
    const w = make();
    w.sheet("Tender", "A1", [["Title", "DfE"]]);
    w.setFill("Tender!B1", "#ffff00");
    expect(await w.driver.readFills(["Tender!A1", "Tender!B1"])).toEqual(
      new Map([
        ["Tender!A1", undefined],
        ["Tender!B1", "#FFFF00"],
      ]),
    );
    await w.driver.writeFills([
      { address: "Tender!A1", fill: "#FFC7CE" },
      { address: "Tender!B1", fill: undefined },
    ]);
    expect([w.fill("Tender!A1"), w.fill("Tender!B1")]).toEqual(["#FFC7CE", undefined]);

    const ns = "urn:tender-budget:test:v1";
    expect(await w.driver.readPart(ns)).toEqual({ ids: [], sheets: ["Tender"] });
    await w.driver.writeFills([], { namespace: ns, xml: `<a xmlns="${ns}">1</a>`, replaces: [] });
    const first = await w.driver.readPart(ns);
    expect(first).toMatchObject({ xml: `<a xmlns="${ns}">1</a>`, sheets: ["Tender"] });
    await w.driver.writeFills([], { namespace: ns, xml: `<a xmlns="${ns}">2</a>`, replaces: first.ids });
    const second = await w.driver.readPart(ns);
    expect(second.ids).toHaveLength(1);
    expect(second.xml).toBe(`<a xmlns="${ns}">2</a>`);
    expect(await w.driver.readPart(ns, false)).toEqual({ ids: second.ids, sheets: ["Tender"] });

    expect(await w.driver.select("tender", { r0: 0, c0: 1, r1: 0, c1: 1 })).toBe(true);
    expect(await w.driver.selection()).toMatchObject({
      sheet: "Tender",
      rect: { r0: 0, c0: 1, r1: 0, c1: 1 },
    });
    expect(await w.driver.select("Gone", { r0: 0, c0: 0, r1: 0, c1: 0 })).toBe(false);
  });
});
