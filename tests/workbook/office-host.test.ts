/**
 * The Office.js host against an office-addin-mock Excel: the port contract, what each command writes
 * (values, formulas, number formats), and how many times it calls context.sync().
 */
// The shared stub of office-addin-manifest lacks the OfficeApp enum office-addin-mock reads.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: jest.requireActual("office-addin-manifest/lib/officeApp").OfficeApp,
}));

import { cellAddress, parseAddress, rangeAddress } from "../../src/workbook/a1";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { DEFAULT_BLOCK_BYTES, REQUEST_LIMIT_BYTES } from "../../src/workbook/service/blocks";
import { excelWouldConvert, OfficeWorkbookPort } from "../../src/workbook/office/office-host";
import { STATE_NAMESPACE } from "../../src/workbook/state";
import { FakeExcel, typedIntoGeneral } from "./fake-excel";
import { portContract, type HostDriver } from "./port-contract";
import { tracked } from "./actuals-support";
import { check, fakeExcelCells, fakeOfficePort, generatedTender } from "./support";

const officePort = (fake: FakeExcel, version?: string): OfficeWorkbookPort =>
  fakeOfficePort(fake, { today: "2017-07-26", version });

function officeDriver(): HostDriver {
  const fake = new FakeExcel();
  return {
    ...fakeExcelCells(fake),
    port: officePort(fake),
    addUserSheet: (name, rows) => fake.addUserSheet(name, rows),
    select: (address) => fake.select(address),
    selection: () =>
      fake.selection &&
      `${fake.selection.sheet}!${cellAddress(fake.selection.rect.r0, fake.selection.rect.c0)}`,
    sheetNames: () => fake.sheets.map((s) => s.name),
  };
}

portContract("Office.js host", officeDriver);

describe("Office.js host: what is written", () => {
  test("the Allocation sheet: live formulas with structured references, number formats, totals, tag", async () => {
    const fake = new FakeExcel();
    const result = await officePort(fake).writeAllocation(check(DFE_2017_TENDER));
    expect(result).toEqual({ ok: true, value: { kind: "allocation", name: "Allocation", replaced: false } });
    const s = fake.sheet("Allocation")!;
    expect(s.cell("B5")).toEqual({ value: 346000, numberFormat: "£#,##0.00" });
    expect(s.cell("B6")).toMatchObject({ formula: "=SUM(Allocation[Value])", numberFormat: "£#,##0.00" });
    expect(s.cell("B11")).toEqual({ value: 1000, numberFormat: "£#,##0.00" }); // stated to the nearest £1,000
    expect(s.cell("B12")?.formula).toBe(
      '=IF(NOT(ISNUMBER(B5)),"No stated total",IF(B6=B5,"Reconciles",' +
        'IF(AND(B11>0.01,ABS(B5)>=10*B11,ROUND(B6/B11,0)*B11=B5),"Stated total is a rounding",' +
        'IF(ABS(B6-B5)<=MAX(B9,B10*ABS(B5)),"Within tolerance","Does not reconcile"))))',
    );
    expect(s.cell("B15")?.formula).toBe("=B6+B14");
    expect(fake.values("Allocation", "A17:I17")).toEqual([
      ["Lot", "Day rate", "Days", "Value", "Share", "Stated value", "Variance", "Start date", "End date"],
    ]);
    expect(fake.values("Allocation", "A18:C21")).toEqual([
      ["Barnet", 960, 112],
      ["Kirklees", 960, 51],
      ["Reading", 960, 99],
      ["Worcestershire", 960, 99],
    ]);
    // Every data row has the calculated-column formula and the formats, copied down from the first row.
    for (let row = 18; row <= 21; row++) {
      expect(s.cell(`D${row}`)?.formula).toBe(
        "=IF(COUNT([@[Day rate]],[@Days])=2,ROUND([@[Day rate]]*[@Days],2),N([@[Stated value]]))",
      );
      expect(s.cell(`E${row}`)?.formula).toBe("=IF(SUM([Value])=0,0,[@Value]/SUM([Value]))");
      expect(s.cell(`D${row}`)?.numberFormat).toBe("£#,##0.00");
      expect(s.cell(`E${row}`)?.numberFormat).toBe("0.00%");
      expect(s.cell(`H${row}`)).toEqual({ value: 42978, numberFormat: "dd/mm/yyyy" });
    }
    expect(s.cell("D22")).toMatchObject({ formula: "=SUBTOTAL(109,[Value])", numberFormat: "£#,##0.00" });
    expect(s.tables).toEqual([
      {
        name: "Allocation",
        rect: parseAddress("A17:I22")!.rect,
        showTotals: true,
        style: "TableStyleMedium2",
      },
    ]);
    expect(s.conditionalFormats).toEqual([
      {
        address: "G18:G21",
        formula: "=AND(ISNUMBER(G18),ABS(G18)>MAX($B$9,$B$10*F18))",
        fill: "#FDE7E9",
        fontColor: "#A4262C",
      },
      { address: "B7:B12", formula: '=$B$12="Does not reconcile"', fill: "#FDE7E9", fontColor: "#A4262C" },
    ]);
    expect(s.charts).toEqual([
      {
        type: "BarClustered",
        values: "Allocation!D18:D21",
        categories: "Allocation!A18:A21",
        title: "Value by lot",
        legend: false,
        seriesNames: ["Value"],
      },
    ]);
    expect(s.validations.find((v) => v.property === "rule")).toEqual({
      address: "B18:C21",
      property: "rule",
      value: { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
    });
    expect(fake.names).toEqual([
      {
        name: "TenderBudget_allocation",
        formula: "=Allocation!$A$1",
        visible: false,
        comment: "Sheet created by Tender Budget (allocation)",
      },
    ]);
    expect(fake.calculationSuspensions).toBe(1);
    expect(fake.active).toBe("Allocation");
  });

  test("the Tender sheet: £ and dd/mm/yyyy formats, validation with input prompts, the lots table", async () => {
    const fake = new FakeExcel();
    await officePort(fake).createTenderSheet(DFE_2017_TENDER);
    const s = fake.sheet("Tender")!;
    expect(s.cell("B5")).toEqual({ value: 346000, numberFormat: "£#,##0.00" });
    expect(s.cell("B7")).toEqual({ value: 42947, numberFormat: "dd/mm/yyyy" });
    expect(s.cell("B11")).toEqual({ value: 0.2, numberFormat: "0.0%" });
    expect(s.tables[0]).toMatchObject({ name: "TenderLots", rect: parseAddress("A14:F18")!.rect });
    expect(s.validations.filter((v) => v.address === "B7")).toEqual([
      {
        address: "B7",
        property: "rule",
        value: { date: { formula1: "2000-01-01", formula2: "2099-12-31", operator: "Between" } },
      },
      {
        address: "B7",
        property: "prompt",
        value: { showPrompt: true, title: "Closing date", message: "A date, dd/mm/yyyy." },
      },
      {
        address: "B7",
        property: "errorAlert",
        value: {
          showAlert: true,
          style: "Stop",
          title: "Closing date",
          message: "Enter a real date between 2000 and 2099, dd/mm/yyyy.",
        },
      },
    ]);
    expect(s.validations.find((v) => v.address === "B10" && v.property === "rule")?.value).toEqual({
      list: { inCellDropDown: true, source: "England & Wales,Scotland,Northern Ireland" },
    });
  });

  test("a lot name Excel would take for a formula is written as text", async () => {
    const fake = new FakeExcel();
    const tender = { ...DFE_2017_TENDER, lots: [{ name: '=HYPERLINK("x")', statedValue: 100_000 }] };
    await officePort(fake).createTenderSheet(tender);
    expect(fake.sheet("Tender")!.cell("A15")).toMatchObject({ value: '\'=HYPERLINK("x")' });
  });

  // Lot names that Excel, reading text as if typed, would turn into numbers, dates or TRUE.
  const NUMBER_LIKE_NAMES = [
    "1",
    "00123",
    "5%",
    "TRUE",
    "31/08/2017",
    "2018-04",
    "Apr 2018",
    "Sep-18",
    "'Tis",
  ];
  const numberLikeTender = {
    ...DFE_2017_TENDER,
    lots: NUMBER_LIKE_NAMES.map((name, i) => ({ name, dayRate: 96_000, days: 10 + i })),
  };

  test("the fake reads text written to a General cell as Excel does", () => {
    expect(NUMBER_LIKE_NAMES.map(typedIntoGeneral)).toEqual([
      1,
      123,
      0.05,
      true,
      42978,
      43191,
      43191,
      43344,
      "Tis",
    ]);
    expect(typedIntoGeneral("Lot 1")).toBe("Lot 1");
    expect(typedIntoGeneral("'00123")).toBe("00123");
  });

  test("text Excel would read as a number, date, TRUE or error is told apart from plain text", () => {
    for (const t of [...NUMBER_LIKE_NAMES, "1,200", "£960", "1e5", "9:30 am", "#N/A", " 42 ", "2018/19"]) {
      expect({ t, converts: excelWouldConvert(t) }).toEqual({ t, converts: true });
    }
    for (const t of ["Lot 1", "Barnet", "Q1 2018", "Phase 2: delivery", "Maybe", "", "Łódź 2"]) {
      expect({ t, converts: excelWouldConvert(t) }).toEqual({ t, converts: false });
    }
  });

  test("lot names that look like numbers or dates stay text in every sheet, as typed", async () => {
    const fake = new FakeExcel();
    const port = officePort(fake);
    await port.createTenderSheet(numberLikeTender);
    const read = await port.readTender({ from: "tender-sheet" });
    expect(read.ok && read.value.lots.map((l) => l.name)).toEqual(NUMBER_LIKE_NAMES);
    expect(await port.writeAllocation(check(numberLikeTender))).toMatchObject({ ok: true });
    expect(await port.writePhasing(check(numberLikeTender))).toMatchObject({ ok: true });
    expect(await port.writeSummary(check(numberLikeTender))).toMatchObject({ ok: true });
    for (const sheet of ["Tender", "Allocation", "Tender summary"]) {
      const columnA = [...fake.sheet(sheet)!.cells.entries()]
        .filter(([k]) => k.endsWith(",0"))
        .map(([, c]) => c.value);
      const missing = NUMBER_LIKE_NAMES.filter((n) => !columnA.includes(n));
      expect({ sheet, missing }).toEqual({ sheet, missing: [] });
    }
    // Only the summary's lot names (cells not formatted as text) needed an apostrophe; "@" cells and
    // text Excel keeps as text anyway are written as they are.
    const prefixed = fake.writes
      .filter((w) => w.property === "values")
      .flatMap((w) => (w.value as unknown[][]).flat())
      .filter((v) => typeof v === "string" && v.startsWith("'") && !NUMBER_LIKE_NAMES.includes(v));
    expect(prefixed.sort()).toEqual(NUMBER_LIKE_NAMES.map((n) => `'${n}`).sort());
  });

  test("the summary: print area, fit to one page wide, header with the title and the date", async () => {
    const fake = new FakeExcel();
    await officePort(fake).writeSummary(check(DFE_2017_TENDER));
    expect(fake.sheet("Tender summary")!.page).toEqual({
      printArea: expect.stringMatching(/^A1:F\d+$/),
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1 },
      centerHeader: "Children's services commissioners: Barnet, Kirklees, Reading and Worcestershire",
      rightHeader: "26/07/2017",
    });
  });

  test("what one copy of the add-in keeps in the workbook, another reads after reopening it", async () => {
    // Custom XML parts under the add-in's namespace travel with the workbook; document settings would
    // be keyed to the add-in's id, so a store copy would not see what a sideloaded copy saved.
    const fake = new FakeExcel();
    const state = { tender: DFE_2017_TENDER, choices: { phasing: "month", tolerancePounds: 250 } };
    const sideloaded = officePort(fake);
    expect(await sideloaded.saveState(state)).toEqual({ ok: true, value: undefined });
    expect(await sideloaded.saveState(state)).toEqual({ ok: true, value: undefined });
    expect(fake.parts.map((p) => p.namespace)).toEqual([STATE_NAMESPACE]);
    const reopened = officePort(fake);
    expect(await reopened.loadState()).toEqual({ ok: true, value: state });
  });

  test("with no Office at all (office.js missing) a command is a message, not a ReferenceError", async () => {
    expect(typeof Office).toBe("undefined");
    expect(typeof Excel).toBe("undefined");
    const result = await new OfficeWorkbookPort().readTender({ from: "tender-sheet" });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: "Excel", message: expect.stringContaining("needs Excel with ExcelApi 1.9") }],
    });
  });

  test("an old Excel gets a clear message and nothing is touched", async () => {
    const fake = new FakeExcel();
    const sync = jest.spyOn(fake.context, "sync");
    const result = await officePort(fake, "1.8").writeAllocation(check(DFE_2017_TENDER));
    expect(result).toEqual({
      ok: false,
      errors: [{ path: "Excel", message: expect.stringContaining("needs Excel with ExcelApi 1.9 or later") }],
    });
    expect(sync).not.toHaveBeenCalled();
    expect(fake.sheets).toEqual([]);
  });

  test("an Office error comes back as a message, not an exception", async () => {
    const fake = new FakeExcel(); // nothing selected: getSelectedRange fails
    const result = await officePort(fake).readTender({ from: "selection" });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: "workbook",
          message: expect.stringMatching(/^Excel could not read the tender: a sheet, table or name/),
          code: "ItemNotFound",
          details: expect.stringContaining("nothing is selected"),
        },
      ],
    });
  });

  test("a read with errors writes nothing", async () => {
    const fake = new FakeExcel();
    const port = officePort(fake);
    await port.createTenderSheet(DFE_2017_TENDER);
    fake.sheet("Tender")!.edit(4, 1).value = "abc";
    const writes = fake.writes.length;
    const read = await port.readTender({ from: "tender-sheet" });
    expect(read.ok).toBe(false);
    expect(fake.writes.length).toBe(writes);
  });
});

describe("Office.js host: tables and conditional formats on every sheet it writes", () => {
  /** Cell references outside quoted text, as [column, row, column anchored, row anchored]. */
  function references(formula: string): [string, number, boolean, boolean][] {
    const bare = formula.replace(/"[^"]*"/g, '""');
    return [...bare.matchAll(/(?<![A-Za-z_\]])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g)].map((m) => [
      m[2],
      Number(m[4]),
      m[1] === "$",
      m[3] === "$",
    ]);
  }

  test("every table has its header in its first row and overlaps no other; every rule is anchored", async () => {
    const fake = new FakeExcel();
    const port = officePort(fake);
    const { report, lines, actuals } = tracked();
    for (const written of [
      await port.createTenderSheet(report.tender),
      await port.writeAllocation(report),
      await port.writePhasing(report),
      await port.writeSummary(report),
      await port.createActualsSheet(report.tender, lines),
      await port.writeBudgetVsActual(report, actuals),
      await port.writeAllocation(report), // replaces its own sheet: the new tables clash with nothing
    ]) {
      expect(written.ok).toBe(true);
    }
    let rules = 0;
    for (const s of fake.sheets) {
      for (const t of s.tables) {
        const header = fake.values(s.name, rangeAddress({ ...t.rect, r1: t.rect.r0 }))[0];
        expect(header.every((h) => typeof h === "string" && h !== "")).toBe(true);
      }
      for (const cf of s.conditionalFormats) {
        rules++;
        const rect = parseAddress(cf.address)!.rect;
        for (const [col, row, colFixed, rowFixed] of references(cf.formula!)) {
          // Relative to the rule's top-left cell: a relative row is the top row; across several
          // columns a relative column would shift from cell to cell, so it must be anchored.
          if (!rowFixed) expect({ rule: cf.formula, row }).toEqual({ rule: cf.formula, row: rect.r0 + 1 });
          if (!colFixed && rect.c1 > rect.c0) {
            expect({ rule: cf.formula, relativeColumn: col }).toEqual({ rule: cf.formula });
          }
        }
      }
    }
    expect(rules).toBeGreaterThanOrEqual(3);
  });

  test("the fake refuses a table over another, as Excel does", async () => {
    const fake = new FakeExcel();
    fake.addUserSheet("Lots", [["Lot", "Days"]]);
    const ws = fake.sheet("Lots")!.mock as unknown as Excel.Worksheet;
    ws.tables.add("A1:B3", true);
    expect(() => ws.tables.add("B2:C4", true)).toThrow(/InvalidArgument: B2:C4 overlaps/);
  });
});

describe("Office.js host: context.sync() calls do not grow with the number of lots", () => {
  async function syncsToWrite(lots: number): Promise<number> {
    const fake = new FakeExcel();
    const sync = jest.spyOn(fake.context, "sync");
    const result = await officePort(fake).writeAllocation(check(generatedTender(lots)));
    expect(result.ok).toBe(true);
    return sync.mock.calls.length;
  }

  async function syncsToRead(lots: number): Promise<number> {
    const fake = new FakeExcel();
    const port = officePort(fake);
    await port.createTenderSheet(generatedTender(lots));
    const sync = jest.spyOn(fake.context, "sync");
    const read = await port.readTender({ from: "tender-sheet" });
    expect(read.ok && read.value.lots.length).toBe(lots);
    return sync.mock.calls.length;
  }

  test("writing an allocation: 10 lots and 10,000 lots take the same two syncs", async () => {
    expect([await syncsToWrite(10), await syncsToWrite(10_000)]).toEqual([2, 2]);
  }, 60_000);

  test("reading a tender: 10 lots and 10,000 lots take the same three syncs", async () => {
    // The sheets, the used range's extent, then its values: 10,000 lots fit the first block of a read.
    expect([await syncsToRead(10), await syncsToRead(10_000)]).toEqual([3, 3]);
  }, 60_000);

  test("reading a selection: two syncs whatever its size", async () => {
    for (const n of [10, 5_000]) {
      const fake = new FakeExcel();
      const rows: (string | number)[][] = [["Lot", "Day rate", "Days"]];
      for (let i = 0; i < n; i++) rows.push([`Lot ${i + 1}`, 600, 10]);
      fake.addUserSheet("Lots", rows);
      fake.select("Lots!A1");
      const sync = jest.spyOn(fake.context, "sync");
      const read = await officePort(fake).readTender({ from: "selection" });
      expect(read.ok && read.value.lots.length).toBe(n);
      expect(sync.mock.calls.length).toBe(2);
    }
  }, 60_000);

  test("reading any lots table: three syncs", async () => {
    const fake = new FakeExcel();
    const rows: (string | number)[][] = [["Lot", "Days"]];
    for (let i = 0; i < 3000; i++) rows.push([`Lot ${i + 1}`, 5]);
    fake.addUserSheet("Lots", rows);
    fake
      .sheet("Lots")!
      .tables.push({ name: "Lots", rect: parseAddress(`A1:B${rows.length}`)!.rect, showTotals: false });
    const sync = jest.spyOn(fake.context, "sync");
    const read = await officePort(fake).readTender({ from: "table" });
    expect(read.ok && read.value.lots.length).toBe(3000);
    expect(sync.mock.calls.length).toBe(3);
  });

  test("100,000 lots are written in blocks of rows, each request under Excel on the web's 5 MB", async () => {
    const fake = new FakeExcel();
    const sync = jest.spyOn(fake.context, "sync");
    const lots = 100_000;
    const result = await officePort(fake).writeAllocation(check(generatedTender(lots)));
    expect(result.ok).toBe(true);
    expect(sync.mock.calls.length).toBeGreaterThan(2);
    expect(fake.requestBytes).toHaveLength(sync.mock.calls.length);
    for (const bytes of fake.requestBytes) expect(bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    // Sent as one request, the rows would pass the block size: hence the split.
    expect(fake.requestBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(DEFAULT_BLOCK_BYTES);
    // Every row arrived, in order, with its formula and format.
    const first = 18;
    const last = first + lots - 1;
    expect(fake.values("Allocation", `A${first}:C${first}`)).toEqual([["Lot 1", 450, 10.5]]);
    expect(fake.values("Allocation", `A${last}:C${last}`)).toEqual([["Lot 100000", 1400, 35]]);
    const s = fake.sheet("Allocation")!;
    expect(s.cell(`D${last}`)?.formula).toMatch(/^=IF\(COUNT\(\[@\[Day rate\]\]/);
    expect(s.cell(`F${last}`)?.numberFormat).toBe("£#,##0.00");
    expect(s.cell(`A${last + 1}`)?.value).toBe("Total");
    expect(fake.calculationSuspensions).toBe(sync.mock.calls.length - 1);
  }, 120_000);
});
