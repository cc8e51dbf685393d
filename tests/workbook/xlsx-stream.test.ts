/**
 * The command line's streamed .xlsx reader (xlsx/read-stream.ts) reads what the whole-workbook
 * reader (xlsx/read.ts, the pane's) reads: the same sheet chosen, the same tender, dates given by
 * formulas, and a workbook whose parts come in an unusual order (read whole then).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { reportToXlsx, xlsxToTender } from "../../src/workbook/xlsx";
import { xlsxToTenderStreamed } from "../../src/workbook/xlsx/read-stream";
import { check } from "./support";

// Each case is quick; the bound is for a busy machine.

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A lots sheet after a sheet of notes; its start dates given by formulas with saved results. */
async function lotsAfterNotes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Notes").addRow(["Read the lots on the next sheet"]);
  const ws = wb.addWorksheet("Lots");
  ws.addRow(["Council", "Day rate", "Days", "Start date"]);
  ws.addRow(["Barnet", 960, 112, new Date(Date.UTC(2017, 7, 31))]);
  ws.addRow(["Kirklees", 960, 51, { formula: "D2+1", result: new Date(Date.UTC(2017, 8, 1)) }]);
  ws.addRow(["Reading", 960, { formula: "C2-13", result: 99 }, null]);
  ws.getColumn(4).numFmt = "dd/mm/yyyy";
  for (const r of [2, 3]) ws.getCell(`D${r}`).numFmt = "dd/mm/yyyy";
  return bytesOf(wb);
}

/** The same zip with its entries in another order: `first` at the start, `last` at the end. */
async function reordered(bytes: Uint8Array, first: string[], last: string[]): Promise<Uint8Array> {
  const from = await JSZip.loadAsync(bytes);
  const names = Object.keys(from.files).filter((n) => !from.files[n].dir);
  const middle = names.filter((n) => !first.includes(n) && !last.includes(n));
  const to = new JSZip();
  for (const n of [...first, ...middle, ...last]) to.file(n, await from.files[n].async("uint8array"));
  return to.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("the streamed reader reads what the whole reader reads", () => {
  test("the workbook the command writes: its Tender sheet", async () => {
    const bytes = await reportToXlsx(check(DFE_2017_TENDER), { today: "2017-07-26" });
    const streamed = await xlsxToTenderStreamed(bytes);
    expect(streamed.ok).toBe(true);
    expect(streamed).toEqual(await xlsxToTender(bytes));
  }, 60_000);

  test("no Tender sheet: the first sheet holding a lots table, dates from formulas as dates", async () => {
    const bytes = await lotsAfterNotes();
    const streamed = await xlsxToTenderStreamed(bytes, { title: "Lots" });
    expect(streamed).toEqual(await xlsxToTender(bytes, { title: "Lots" }));
    expect(streamed.ok && streamed.value.lots.map((l) => [l.name, l.days, l.startDate])).toEqual([
      ["Barnet", 112, "2017-08-31"],
      ["Kirklees", 51, "2017-09-01"],
      ["Reading", 99, undefined],
    ]);
  }, 60_000);

  test("a workbook's part and styles after its sheets (read whole): the same tender, dates kept", async () => {
    const bytes = await reordered(
      await lotsAfterNotes(),
      ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"],
      ["xl/styles.xml", "xl/workbook.xml"],
    );
    const streamed = await xlsxToTenderStreamed(bytes, { title: "Lots" });
    expect(streamed.ok && streamed.value.lots[1].startDate).toBe("2017-09-01");
    expect(streamed).toEqual(await xlsxToTender(bytes, { title: "Lots" }));
  }, 60_000);

  test("a formula whose saved result is an error is text where a number is wanted", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Lots");
    ws.addRow(["Council", "Day rate", "Days"]);
    ws.addRow(["Barnet", 960, { formula: "1/0", result: { error: "#DIV/0!" } }]);
    const streamed = await xlsxToTenderStreamed(await bytesOf(wb), { title: "Lots" });
    expect(streamed.ok).toBe(false);
    expect(!streamed.ok && streamed.errors[0]).toEqual({
      path: "Lots!C2",
      message: expect.stringContaining('"an error value"'),
    });
  }, 60_000);
});
