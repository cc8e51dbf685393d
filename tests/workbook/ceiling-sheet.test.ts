/**
 * The Tender sheet keeps whether the stated total is a ceiling (a budget, allocation, cap or "up to"
 * amount: the lots may not go over it, issue #22 item 3). Without this row a ceiling set in the pane
 * was lost as soon as the tender was read back from the sheet, and going over a budget became a
 * rounding again. The field sits under its own heading below the rules block, so no other cell moves.
 */
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import type { Tender } from "../../src/domain/core/types";
import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import {
  CEILING_ROW,
  FIELDS_ROW,
  LOTS_HEADER_ROW,
  TENDER_FIELDS,
} from "../../src/workbook/layout/tender-sheet";

const CEILING_CELL = "F11";
const withCeiling: Tender = { ...DFE_2017_TENDER, statedTotalIsCeiling: true };

async function written(tender: Tender): Promise<{ wb: MemoryWorkbook; port: MemoryWorkbookPort }> {
  const wb = new MemoryWorkbook();
  const port = new MemoryWorkbookPort(wb);
  expect(await port.createTenderSheet(tender)).toMatchObject({ ok: true });
  return { wb, port };
}

describe("the Tender sheet's ceiling field", () => {
  test("sits in column F at row 11 under a 'Budget' heading, between the rules block and the lots", async () => {
    expect(CEILING_ROW).toBe(10);
    expect(CEILING_ROW).toBeGreaterThan(FIELDS_ROW + 6);
    expect(CEILING_ROW).toBeLessThan(FIELDS_ROW + TENDER_FIELDS.length);
    expect(CEILING_ROW).toBeLessThan(LOTS_HEADER_ROW - 1);
    const { wb } = await written(withCeiling);
    const sheet = wb.sheet("Tender")!;
    expect(sheet.at("E10")?.value).toBe("Budget");
    expect(sheet.at("E11")?.value).toBe("Stated total is a ceiling");
    expect(sheet.at(CEILING_CELL)?.value).toBe("Yes");
    const validation = sheet.validations.find((v) => v.rect.r0 === CEILING_ROW && v.rect.c0 === 5);
    expect(validation?.rule).toEqual({ type: "list", values: ["Yes", "No"] });
  });

  test("a ceiling written to the sheet reads back as a ceiling", async () => {
    const { port } = await written(withCeiling);
    const read = await port.readTender({ from: "tender-sheet" });
    expect(read.ok && read.value.statedTotalIsCeiling).toBe(true);
  });

  test("a stated total that is not a ceiling is written as No and reads back without one", async () => {
    const { wb, port } = await written(DFE_2017_TENDER);
    expect(wb.sheet("Tender")!.at(CEILING_CELL)?.value).toBe("No");
    const read = await port.readTender({ from: "tender-sheet" });
    expect(read.ok && read.value.statedTotalIsCeiling).toBeUndefined();
  });

  test.each([["yes"], [" Y "], [true], ["TRUE"]])(
    "%j typed in the cell makes the total a ceiling",
    async (typed) => {
      const { wb, port } = await written(DFE_2017_TENDER);
      wb.setValues(`Tender!${CEILING_CELL}`, [[typed]]);
      const read = await port.readTender({ from: "tender-sheet" });
      expect(read.ok && read.value.statedTotalIsCeiling).toBe(true);
    },
  );

  test.each([["no"], [""], [false]])(
    "%j typed in the cell leaves the total a plain figure",
    async (typed) => {
      const { wb, port } = await written(withCeiling);
      wb.setValues(`Tender!${CEILING_CELL}`, [[typed]]);
      const read = await port.readTender({ from: "tender-sheet" });
      expect(read.ok && read.value.statedTotalIsCeiling).toBeUndefined();
    },
  );

  test("any other answer is refused, naming the cell and what to write", async () => {
    const { wb, port } = await written(DFE_2017_TENDER);
    wb.setValues(`Tender!${CEILING_CELL}`, [["maybe"]]);
    const read = await port.readTender({ from: "tender-sheet" });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors).toEqual([
      {
        path: `Tender!${CEILING_CELL}`,
        message:
          'write Yes (the lots may not go over the stated total: a budget, cap or “up to” amount) or No, not "maybe"',
      },
    ]);
  });

  test("a ceiling without a stated total is refused at the ceiling's cell", async () => {
    const { wb, port } = await written(withCeiling);
    wb.setValues("Tender!B5", [[null]]);
    const read = await port.readTender({ from: "tender-sheet" });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors.map((e) => e.path)).toEqual([`Tender!${CEILING_CELL}`]);
  });
});
