/**
 * Defects real Excel would hit, each against the fake Excel (tests/workbook/fake-excel.ts), which
 * refuses what Excel refuses, with Excel's error codes. Each rule cites Microsoft's page.
 */
// The shared stub of office-addin-manifest lacks the OfficeApp enum office-addin-mock reads.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: jest.requireActual("office-addin-manifest/lib/officeApp").OfficeApp,
}));

import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { OfficeWorkbookPort } from "../../src/workbook/office/office-host";
import { requirementMessage } from "../../src/workbook/office/requirements";
import { highlightsToXml, stateToXml } from "../../src/workbook/state";
import { FakeExcel, officeError, type FakeSheet } from "./fake-excel";
import { tracked } from "./actuals-support";
import { check, fakeOfficePort } from "./support";

const officePort = (fake: FakeExcel): OfficeWorkbookPort => fakeOfficePort(fake, { today: "2017-07-26" });

describe("a whole-sheet selection (Range.cellCount is -1 past 2^31-1 cells)", () => {
  // Excel.Range.cellCount: "Specifies the number of cells in the range. This API will return -1 if
  // the cell count exceeds 2^31-1 (2,147,483,647)." (learn.microsoft.com/javascript/api/excel/excel.range)
  test("is answered at once with a message, not read in 175,000 syncs", async () => {
    const fake = new FakeExcel();
    fake.addUserSheet("Lots", [
      ["Lot", "Day rate", "Days"],
      ["Barnet", 960, 112],
    ]);
    fake.select("Lots!A1:XFD1048576");
    const context = fake.context as unknown as { sync: () => Promise<void> };
    const original = context.sync.bind(context);
    let syncs = 0;
    context.sync = async () => {
      if (++syncs > 5) throw new Error("more than 5 syncs: the whole sheet is being read");
      await original();
    };
    const read = await officePort(fake).readTender({ from: "selection" });
    expect(read).toEqual({
      ok: false,
      errors: [
        {
          path: "Lots!A1:XFD1048576",
          message:
            "the selection has 17,179,869,184 cells; select just the lots table (up to 1,000,000 cells)",
        },
      ],
    });
    expect(syncs).toBe(1);
  });
});

describe("structured references", () => {
  // "Using structured references with Excel tables" (support.microsoft.com): a header with special
  // characters (here /) must have its own brackets, and a reference names a table that exists.
  test("the Budget vs actual totals row spells [[Ahead/behind]], and Excel accepts it", async () => {
    const fake = new FakeExcel();
    const port = officePort(fake);
    const { report, lines, actuals } = tracked();
    expect((await port.createActualsSheet(report.tender, lines)).ok).toBe(true);
    const written = await port.writeBudgetVsActual(report, actuals);
    expect(written).toMatchObject({ ok: true });
    const formulas = [...fake.sheet("Budget vs actual")!.cells.values()].map((c) => c.formula);
    expect(formulas).toContain("=SUBTOTAL(109,[[Ahead/behind]])");
  });

  test("the Allocation sheet's =SUM(Allocation[Value]) is written after its table", async () => {
    const fake = new FakeExcel();
    const written = await officePort(fake).writeAllocation(check(DFE_2017_TENDER));
    expect(written).toMatchObject({ ok: true, value: { name: "Allocation" } });
    const sum = [...fake.sheet("Allocation")!.cells.values()].find((c) =>
      c.formula?.includes("SUM(Allocation"),
    );
    expect(sum?.formula).toBe("=SUM(Allocation[Value])");
  });
});

describe("tables share one namespace with defined names", () => {
  // "Overview of Excel tables" / "Rename an Excel table" (support.microsoft.com): a table name must be
  // unique in the workbook among tables and defined names, whatever the case.
  test("a user's own defined name Actuals does not stop the Actuals sheet", async () => {
    const fake = new FakeExcel();
    fake.addUserSheet("Notes", [["x"]]);
    fake.names.push({ name: "actuals", formula: "=Notes!$A$1", visible: true });
    const { report, lines } = tracked();
    const written = await officePort(fake).createActualsSheet(report.tender, lines);
    expect(written).toMatchObject({ ok: true, value: { name: "Actuals" } });
    expect(fake.sheet("Actuals")!.tables.map((t) => t.name)).toEqual(["Actuals_2"]);
  });
});

describe("a build that fails part-way", () => {
  test("leaves the add-in's previous Allocation sheet in place, and no half-built sheet", async () => {
    const fake = new FakeExcel();
    const port = officePort(fake);
    expect((await port.writeAllocation(check(DFE_2017_TENDER))).ok).toBe(true);
    const before = fake.values("Allocation", "A1:H20");
    // The next build fails at its first chart, half-way through the sheet.
    let failed = false;
    const addChart = (s: FakeSheet) => {
      const charts = (s.mock as unknown as { charts: { add: () => void } }).charts;
      charts.add = () => {
        failed = true;
        throw officeError("GeneralException", "Ein interner Fehler ist aufgetreten.");
      };
    };
    const sheets = (fake.context as unknown as { workbook: { worksheets: { add: (n: string) => unknown } } })
      .workbook.worksheets;
    const realAdd = sheets.add.bind(sheets);
    sheets.add = (name: string) => {
      const m = realAdd(name);
      addChart(fake.sheet(name)!);
      return m;
    };
    const second = await port.writeAllocation(check({ ...DFE_2017_TENDER, statedTotal: undefined }));
    expect(failed).toBe(true);
    expect(second).toMatchObject({
      ok: false,
      errors: [
        {
          path: "workbook",
          code: "GeneralException",
          message: /^Excel could not write the Allocation sheet: /,
        },
      ],
    });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Allocation"]);
    expect(fake.values("Allocation", "A1:H20")).toEqual(before);
    expect(fake.names.find((n) => n.name === "TenderBudget_allocation")?.formula).toBe("=Allocation!$A$1");
  });
});

describe("custom XML parts", () => {
  // Microsoft's samples ("Persist add-in state and settings", learn.microsoft.com/office/dev/add-ins/
  // develop/persisting-add-in-state-and-settings; CustomXmlPartCollection.add) add the part's root
  // element with no XML declaration.
  test("start with their root element, no XML declaration", () => {
    const state = stateToXml({ tender: DFE_2017_TENDER, choices: {} } as unknown as Parameters<
      typeof stateToXml
    >[0]);
    expect(state.startsWith("<tenderBudget xmlns=")).toBe(true);
    expect(highlightsToXml([]).startsWith("<tenderBudget xmlns=")).toBe(true);
  });
});

describe("the requirements message", () => {
  // "Custom Functions requirement sets" and "Shared runtime requirement sets"
  // (learn.microsoft.com/javascript/api/requirement-sets/...): CustomFunctionsRuntime 1.1 on Windows
  // needs Microsoft 365 Version 1903, retail perpetual Version 2311 (Build 17029.20126), volume-licensed
  // perpetual/LTSC Office 2021 Version 2108; SharedRuntime 1.1 needs Microsoft 365 Version 2002 and
  // Mac 16.35; neither is on iPad; Excel 2019 and 2016 have neither (nor ExcelApi 1.9).
  test("says exactly which Excel versions work", () => {
    const m = requirementMessage();
    expect(m).toContain("Excel on the web");
    expect(m).toContain("Microsoft 365 on Windows (Version 2002 or later)");
    expect(m).toContain("Microsoft 365 or Excel 2021 or later on Mac (16.35 or later)");
    expect(m).toContain(
      "Excel 2021 or 2024 bought outright for Windows (retail: Version 2311 or later; volume licence/LTSC: Version 2108 or later)",
    );
    expect(m).toContain("not Excel 2019 or 2016");
    expect(m).not.toContain("Excel 2021 or later, ");
  });
});
