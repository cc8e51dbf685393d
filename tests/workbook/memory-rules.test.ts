/**
 * The in-memory workbook refuses what Excel refuses, with Excel's codes, so that what works in the
 * browser pane and the tests works in Excel. Sources: "Define and use names in formulas" (names:
 * first character a letter, _ or \; letters, numbers, periods, underscores; not C or R; not a cell
 * reference; at most 255 characters; unique regardless of case; tables share the namespace), "Rename
 * a worksheet" (sheet names: not blank, at most 31 characters, none of / \ ? * : [ ], no apostrophe
 * first or last, not History), the Excel.Range reference (cellCount -1 past 2^31-1 cells) and
 * "Resource limits and performance optimization for Office Add-ins" (5 MB per request and response).
 */
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import { cellCount, checkPayload, ExcelRuleError } from "../../src/workbook/memory/excel-rules";
import { tracked } from "./actuals-support";

function codeOf(run: () => void): string | undefined {
  try {
    run();
  } catch (e) {
    return e instanceof ExcelRuleError ? e.code : `not an Excel error: ${String(e)}`;
  }
  return undefined;
}

describe("the in-memory workbook", () => {
  test("refuses sheet names Excel refuses", () => {
    const wb = new MemoryWorkbook();
    expect(codeOf(() => wb.addSheet("Q1/Q2"))).toBe("InvalidArgument");
    expect(codeOf(() => wb.addSheet("x".repeat(32)))).toBe("InvalidArgument");
    expect(codeOf(() => wb.addSheet("'Lots"))).toBe("InvalidArgument");
    expect(codeOf(() => wb.addSheet("History"))).toBe("InvalidArgument");
    expect(codeOf(() => wb.addSheet("x".repeat(31)))).toBeUndefined();
    expect(codeOf(() => wb.addSheet("X".repeat(31)))).toBe("ItemAlreadyExists");
  });

  test("refuses table and defined names Excel refuses, in one namespace", () => {
    const wb = new MemoryWorkbook();
    wb.setValues("Lots!A1", [["Lot", "Days"]]);
    expect(codeOf(() => wb.addTable("Lots!A1:B2", "A1"))).toBe("InvalidArgument");
    expect(codeOf(() => wb.addTable("Lots!A1:B2", "R1C1"))).toBe("InvalidArgument");
    expect(codeOf(() => wb.addTable("Lots!A1:B2", "c"))).toBe("InvalidArgument");
    expect(codeOf(() => wb.addTable("Lots!A1:B2", "Day rate"))).toBe("InvalidArgument");
    expect(codeOf(() => wb.addTable("Lots!A1:B2", "x".repeat(256)))).toBe("InvalidArgument");
    wb.addName("Budget", "=Lots!$A$1");
    expect(codeOf(() => wb.addTable("Lots!A1:B2", "BUDGET"))).toBe("ItemAlreadyExists");
    expect(codeOf(() => wb.addTable("Lots!A1:B2", "XFE1"))).toBeUndefined();
    expect(codeOf(() => wb.addName("xfe1", "=Lots!$A$1"))).toBe("ItemAlreadyExists");
  });

  test("gives a whole sheet's cellCount as -1 and refuses a request over 5 MB", () => {
    expect(cellCount(1_048_576, 16_384)).toBe(-1);
    expect(cellCount(46_341, 46_340)).toBe(2_147_441_940);
    expect(cellCount(65_536, 32_768)).toBe(-1); // 2^31, one past the largest
    expect(codeOf(() => checkPayload("Request", 5 * 1024 * 1024))).toBeUndefined();
    expect(codeOf(() => checkPayload("Request", 5 * 1024 * 1024 + 1))).toBe(
      "RequestPayloadSizeLimitExceeded",
    );
    expect(codeOf(() => checkPayload("Response", 6e6))).toBe("ResponsePayloadSizeLimitExceeded");
  });
});

describe("the in-memory port behaves as in Excel", () => {
  test("a user's defined name Actuals gives the Actuals table a free name", async () => {
    const wb = new MemoryWorkbook();
    wb.setValues("Notes!A1", [["x"]]);
    wb.addName("Actuals", "=Notes!$A$1");
    const { report, lines } = tracked();
    const written = await new MemoryWorkbookPort(wb).createActualsSheet(report.tender, lines);
    expect(written).toMatchObject({ ok: true, value: { name: "Actuals" } });
    expect(wb.sheet("Actuals")!.tables.map((t) => t.name)).toEqual(["Actuals_2"]);
  });

  test("selectCell needs a sheet-qualified address, as in Excel (B5 alone is refused)", async () => {
    const port = new MemoryWorkbookPort();
    await port.createTenderSheet(DFE_2017_TENDER);
    expect(await port.selectCell("B5")).toEqual({
      ok: false,
      errors: [{ path: "B5", message: '"B5" is not a cell address; write it like Tender!B5' }],
    });
    expect(await port.selectCell("Tender!B5")).toEqual({ ok: true, value: undefined });
  });
});
