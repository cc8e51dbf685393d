/**
 * The in-memory driver refuses what Excel refuses, each with the `code` Excel's JavaScript API uses,
 * and the workbook service gets past the payload limits as it does in Excel on the web. Sources:
 * - "Set and get range values, text, or formulas using the Excel JavaScript API"
 *   (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values) and the
 *   Excel.Range reference (values, formulas, numberFormat are `any[][]`): a range takes a
 *   two-dimensional array of its own rows and columns (B5:D5 takes one row of three values).
 * - "Excel JavaScript API error codes" (learn.microsoft.com/office/dev/add-ins/reference/javascript-api/
 *   excel/excel-error-codes): InvalidArgument, RequestPayloadSizeLimitExceeded,
 *   ResponsePayloadSizeLimitExceeded.
 * - Excel.Range.cellCount (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-cellcount-member):
 *   "This API will return -1 if the cell count exceeds 2^31-1 (2,147,483,647)".
 * - "Resource limits and performance optimization for Office Add-ins" (learn.microsoft.com/office/dev/
 *   add-ins/concepts/resource-limits-and-performance-optimization): Excel on the web limits a request
 *   and a response to 5 MB.
 */
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import type { Tender } from "../../src/domain/core/types";
import { MemoryDriver } from "../../src/workbook/memory/memory-driver";
import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import { ExcelRuleError, PAYLOAD_LIMIT_BYTES } from "../../src/workbook/memory/excel-rules";
import { sheetRequests } from "../../src/workbook/service/requests";
import { allocationSheetPlan } from "../../src/workbook/layout/allocation-sheet";
import { reportView } from "../../src/domain/formats/report-view";
import { check } from "./support";

async function codeOf(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
  } catch (e) {
    return e instanceof ExcelRuleError ? e.code : `not an Excel error: ${String(e)}`;
  }
  return undefined;
}

/** `n` lots with names of `chars` characters: about n × chars bytes in any request or response. */
function wideTender(n: number, chars: number): Tender {
  return {
    ...DFE_2017_TENDER,
    statedTotal: undefined,
    lots: Array.from({ length: n }, (_, i) => ({
      name: `Lot ${i + 1} ${"x".repeat(chars)}`,
      dayRate: 96_000,
      days: 10,
    })),
  };
}

describe("the in-memory workbook refuses arrays not of the range's shape", () => {
  const wb = new MemoryWorkbook();
  wb.setValues("Lots!A1", [["Lot", "Days"]]);

  test("values, formulas and number formats of the wrong rows or columns: InvalidArgument", async () => {
    expect(await codeOf(() => wb.setRange("Lots!A2:B3", { values: [["Barnet", 112]] }))).toBe(
      "InvalidArgument",
    );
    expect(await codeOf(() => wb.setRange("Lots!A2:B3", { values: [["Barnet"], ["Kirklees"]] }))).toBe(
      "InvalidArgument",
    );
    expect(
      await codeOf(() =>
        wb.setRange("Lots!A2:B3", {
          values: [
            ["Barnet", 112],
            ["Kirklees", 51, 0],
          ],
        }),
      ),
    ).toBe("InvalidArgument");
    expect(await codeOf(() => wb.setRange("Lots!C2:C3", { formulas: [["=B2*960", "=B3*960"]] }))).toBe(
      "InvalidArgument",
    );
    expect(await codeOf(() => wb.setRange("Lots!C2:C3", { numberFormat: [["£#,##0.00"]] }))).toBe(
      "InvalidArgument",
    );
    // Nothing was written by the refused calls.
    expect(wb.sheet("Lots")!.at("A2")).toBeUndefined();
  });

  test("the range's own shape is written", async () => {
    expect(
      await codeOf(() =>
        wb.setRange("Lots!A2:C3", {
          values: [
            ["Barnet", 112, 107520],
            ["Kirklees", 51, 48960],
          ],
          formulas: [
            [null, null, "=B2*960"],
            [null, null, "=B3*960"],
          ],
          numberFormat: [
            [null, "0", "£#,##0.00"],
            [null, "0", "£#,##0.00"],
          ],
        }),
      ),
    ).toBeUndefined();
    expect(wb.sheet("Lots")!.at("C3")).toEqual({
      value: 48960,
      formula: "=B3*960",
      numberFormat: "£#,##0.00",
    });
  });
});

describe("the in-memory driver", () => {
  test("gives a whole-sheet selection's cellCount as -1, and one of fewer than 2^31 cells its count", async () => {
    const wb = new MemoryWorkbook();
    wb.setValues("Lots!A1", [["Lot", "Days"]]);
    const driver = new MemoryDriver(wb);
    wb.select("Lots!A1:XFD1048576");
    expect((await driver.selection())?.cellCount).toBe(-1);
    // 2^31-1 is prime, so no range has exactly that many cells: 131,072 whole rows are 2^31 cells,
    // 131,071 are 2,147,467,264.
    wb.select("Lots!A1:XFD131072");
    expect((await driver.selection())?.cellCount).toBe(-1); // 2^31 cells
    wb.select("Lots!A1:XFD131071");
    expect((await driver.selection())?.cellCount).toBe(131_071 * 16_384);
    wb.select("Lots!B2:C3");
    expect((await driver.selection())?.cellCount).toBe(4);
  });

  test("a whole-sheet selection is answered at once, naming its size", async () => {
    const wb = new MemoryWorkbook();
    wb.setValues("Lots!A1", [["Lot", "Days"]]);
    wb.select("Lots!A1:XFD1048576");
    const read = await new MemoryWorkbookPort(wb).readTender({ from: "selection" });
    expect(read).toEqual({
      ok: false,
      errors: [
        {
          path: "Lots!A1:XFD1048576",
          message: expect.stringContaining("the selection has 17,179,869,184 cells"),
        },
      ],
    });
  });

  test("refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded) and sends one of 5 MB", async () => {
    const wb = new MemoryWorkbook();
    // One cell of n characters is a response of n + 8 bytes (blocks.ts gridBytes): exactly 5 MB, and one more.
    const fits = PAYLOAD_LIMIT_BYTES - 8;
    wb.setValues("Notes!A1", [["x".repeat(fits)]]);
    wb.setValues("Notes!A2", [["x".repeat(fits + 1)]]);
    const driver = new MemoryDriver(wb);
    expect(await codeOf(() => driver.readRange("Notes", { r0: 0, c0: 0, r1: 0, c1: 0 }))).toBeUndefined();
    expect(await codeOf(() => driver.readRange("Notes", { r0: 1, c0: 0, r1: 1, c1: 0 }))).toBe(
      "ResponsePayloadSizeLimitExceeded",
    );
  });

  test("refuses a request over 5 MB (RequestPayloadSizeLimitExceeded), writing nothing", async () => {
    const wb = new MemoryWorkbook();
    const driver = new MemoryDriver(wb);
    const report = check(wideTender(3_000, 2_000));
    const plan = allocationSheetPlan(reportView(report), { sheet: "Allocation", table: "Allocation" });
    const [first] = sheetRequests(plan, 64 * 1024 * 1024);
    expect(await codeOf(() => driver.writeSheet(plan, "Allocation", first))).toBe(
      "RequestPayloadSizeLimitExceeded",
    );
    expect(wb.sheets).toEqual([]);
  });
});

describe("the workbook service over the 5 MB limits", () => {
  test("a read whose first block Excel on the web cannot send is read again in halves", async () => {
    const wb = new MemoryWorkbook();
    const port = new MemoryWorkbookPort(wb);
    // 3,000 lots of 2,000-character names: ~6 MB, one first block of 100,000 cells.
    const tender = wideTender(3_000, 2_000);
    expect(await port.createTenderSheet(tender)).toMatchObject({ ok: true });
    const driver = (port as unknown as { driver: MemoryDriver }).driver;
    const reads = jest.spyOn(driver, "readRange");
    const read = await port.readTender({ from: "tender-sheet" });
    expect(read.ok && read.value.lots.map((l) => l.name)).toEqual(tender.lots.map((l) => l.name));
    // The first block was refused, then read in halves.
    expect(reads.mock.calls.length).toBeGreaterThan(2);
  });

  test("a write refused for its size is sent again split into halves by rows, and lands whole", async () => {
    const wb = new MemoryWorkbook();
    // Blocks of up to 64 MB: the whole table goes in the first request, ~6 MB, over the limit.
    const port = new MemoryWorkbookPort(wb, { blockBytes: 64 * 1024 * 1024 });
    const report = check(wideTender(3_000, 2_000));
    const driver = (port as unknown as { driver: MemoryDriver }).driver;
    const writes = jest.spyOn(driver, "writeSheet");
    expect(await port.writeAllocation(report)).toEqual({
      ok: true,
      value: { kind: "allocation", name: "Allocation", replaced: false },
    });
    const s = wb.sheet("Allocation")!;
    expect(s.at("A18")?.value).toBe(report.tender.lots[0].name);
    expect(s.at("A3017")?.value).toBe(report.tender.lots[2_999].name);
    expect(s.at("D3017")?.formula).toBe(s.at("D18")?.formula);
    expect(s.tables[0].name).toBe("Allocation");
    // Refused once at ~6 MB, then two halves of ~3 MB each.
    expect(writes.mock.calls.map(([, , r]) => [r.create, r.rows.map((b) => b.end - b.start)])).toEqual([
      [true, [3_000]],
      [true, [1_500]],
      [false, [1_500]],
    ]);
  });

  test("a single row too large to send is our message for the code, and nothing is left half-built", async () => {
    const wb = new MemoryWorkbook();
    const report = check(wideTender(1, PAYLOAD_LIMIT_BYTES));
    const written = await new MemoryWorkbookPort(wb).writeAllocation(report);
    expect(written).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          path: "workbook",
          code: "RequestPayloadSizeLimitExceeded",
          message: expect.stringContaining("too much to send to Excel on the web at once (5 MB)"),
        }),
      ],
    });
    expect(wb.sheets).toEqual([]);
  });
});
