/** The Tender sheet's procurement-rules block (E2:G8): written, read back, and bad values named by cell. */
import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import type { Tender } from "../../src/domain/core/types";
import { summarySheetPlan } from "../../src/workbook/layout/summary-sheet";
import { reportView } from "../../src/domain/formats/report-view";
import { check } from "./support";
import { dfeWithRules } from "../support/tenders";

const WITH_RULES: Tender = dfeWithRules();

async function sheetWith(tender: Tender) {
  const workbook = new MemoryWorkbook();
  const port = new MemoryWorkbookPort(workbook, { today: () => "2017-07-26" });
  await port.createTenderSheet(tender);
  return { workbook, port, sheet: workbook.sheet("Tender")! };
}

describe("Tender sheet: procurement rules block", () => {
  test("is written beside the tender fields, leaving the lots table header on row 14", async () => {
    const { sheet } = await sheetWith(WITH_RULES);
    expect(sheet.at("E2")?.value).toBe("Procurement rules (optional)");
    expect(
      ["E3", "F3", "E4", "F4", "E5", "F5", "E6", "E7", "E8", "F8"].map((a) => sheet.at(a)?.value),
    ).toEqual([
      "Buyer type",
      "central",
      "Contract type",
      "services",
      "Procedure",
      "open",
      "Published",
      "Award notice",
      "Options value",
      20000,
    ]);
    expect(sheet.at("A14")?.value).toBe("Lot");
  });

  test("reads back as the same tender; an empty block leaves the fields out", async () => {
    const { port } = await sheetWith(WITH_RULES);
    expect(await port.readTender({ from: "tender-sheet" })).toEqual({ ok: true, value: WITH_RULES });
    const plain = await sheetWith(DFE_2017_TENDER);
    expect(await plain.port.readTender({ from: "tender-sheet" })).toEqual({
      ok: true,
      value: DFE_2017_TENDER,
    });
  });

  test("a bad value is named by its cell with the words allowed", async () => {
    const { workbook, port } = await sheetWith(WITH_RULES);
    workbook.setValues("Tender!F3", [["council"]]);
    workbook.setValues("Tender!F6", [["30/02/2017"]]);
    const read = await port.readTender({ from: "tender-sheet" });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.path).sort()).toEqual(["Tender!F3", "Tender!F6"]);
    expect(read.errors.find((e) => e.path === "Tender!F3")?.message).toBe(
      '"council" is not one of "central", "sub-central", "utility"; use one of those',
    );
  });
});

describe("Tender summary: procurement rules block", () => {
  const plan = (tender: Tender) =>
    summarySheetPlan(reportView(check(tender)), { sheet: "Tender summary", today: "2017-07-26" });
  const valueBeside = (cells: { row: number; col: number; value: unknown }[], label: string) => {
    const at = cells.find((c) => c.col === 0 && c.value === label);
    return at && cells.find((c) => c.row === at.row && c.col === 1)?.value;
  };

  test("shows the regime, threshold, estimate and dates for the DfE 2017 tender, and says it is not legal advice", () => {
    const cells = plan(WITH_RULES).cells;
    expect(valueBeside(cells, "Regime")).toBe("PCR 2015");
    expect(valueBeside(cells, "Threshold (ex VAT)")).toBe(106047);
    expect(valueBeside(cells, "Estimated value (ex VAT)")).toBe(366560);
    expect(valueBeside(cells, "Above the threshold")).toBe("yes");
    expect(valueBeside(cells, "Tendering period (days)")).toBe(5);
    expect(valueBeside(cells, "Minimum (days)")).toBe(30);
    // 14 August 2017 + 10 days = 24 August 2017 (Excel 42971); latest for 31 August: 20 August (42967).
    expect(valueBeside(cells, "Standstill ends")).toBe(42971);
    expect(valueBeside(cells, "Latest award notice for the start")).toBe(42967);
    expect(cells.some((c) => typeof c.value === "string" && /not legal advice/.test(c.value))).toBe(true);
  });

  test("is left out when the tender gives no rule field", () => {
    expect(plan(DFE_2017_TENDER).cells.some((c) => c.value === "Procurement rules")).toBe(false);
  });
});
