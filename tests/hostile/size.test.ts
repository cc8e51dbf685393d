/**
 * Issue #20, crashes and memory: a workbook is read by its used cells only, with a cap named in
 * the message; a tender has at most MAX_LOTS lots (README: supported size), refused beyond it
 * clearly; no unbounded array is spread into a call. The big inputs are generated here.
 */
import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { inScratch, run, snapshot } from "./run";
import { MAX_LOTS, parseTender } from "../../src/domain/check/tender";
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from "../../src/workbook/xlsx";

async function sheetWith(file: string, cells: [string, string | number][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Lots");
  ws.addRow(["Council", "Day rate", "Days"]);
  ws.addRow(["Barnet", 960, 112]);
  for (const [address, value] of cells) ws.getCell(address).value = value;
  await wb.xlsx.writeFile(file);
}

describe("a workbook is read by its used cells, within a cap", () => {
  it("a stray cell at XFD3 and one at A100000 (a 6 KB file) are named, not read into memory", async () => {
    await inScratch({}, async (s) => {
      await sheetWith(s.path("stray.xlsx"), [
        ["XFD3", "x"],
        ["A200000", "y"],
      ]);
      const before = snapshot(s.dir);
      const r = await run(["check", s.path("stray.xlsx")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `Lots!A1:XFD200000 is too large for a tender sheet: a tender sheet holds at most 100,100 rows and 100 columns (up to 100,000 lots); clear the cells beyond (Lots!XFD3, Lots!A200000)`,
      );
      expect(snapshot(s.dir)).toEqual(before);
    });
  }, 30_000);

  it("the limits themselves are read: a cell in the last row and column allowed", async () => {
    await inScratch({}, async (s) => {
      const lastColumn = columnName(MAX_SHEET_COLUMNS);
      await sheetWith(s.path("edge.xlsx"), [[`${lastColumn}${MAX_SHEET_ROWS}`, "note"]]);
      const r = await run(["check", s.path("edge.xlsx")]);
      // Read in full: the lots table is found; the note far out is an unknown cell, not a size error.
      expect(r.stderr).not.toContain("too large for a tender sheet");
      await sheetWith(s.path("past.xlsx"), [[`${lastColumn}${MAX_SHEET_ROWS + 1}`, "note"]]);
      const past = await run(["check", s.path("past.xlsx")]);
      expect(past.code).toBe(2);
      expect(past.stderr).toContain(
        `Lots!A1:${lastColumn}${MAX_SHEET_ROWS + 1} is too large for a tender sheet`,
      );
    });
  }, 60_000);
});

function columnName(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

describe("a tender has at most MAX_LOTS lots", () => {
  const lots = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Lot ${i + 1}`, days: 1 }));

  it("parseTender takes MAX_LOTS lots and refuses one more", () => {
    expect(MAX_LOTS).toBe(100_000);
    expect(parseTender({ title: "T", dayRate: 500, lots: lots(MAX_LOTS) }).ok).toBe(true);
    expect(parseTender({ title: "T", dayRate: 500, lots: lots(MAX_LOTS + 1) })).toEqual({
      ok: false,
      errors: [
        {
          path: "lots",
          message:
            "has 100,001 lots; Tender Budget checks up to 100,000 lots in one tender; split it into smaller tenders",
        },
      ],
    });
  });

  it("125,000 lots in a CSV are refused with the limit (was Math.max(...rows) crashing)", async () => {
    await inScratch({}, async (s) => {
      const rows = ["Lot,Day rate,Days"];
      for (let i = 1; i <= 125_000; i++) rows.push(`Lot ${i},500,1`);
      writeFileSync(s.path("many.csv"), rows.join("\n"));
      const r = await run(["check", s.path("many.csv"), "--json", "--out", s.path("a.csv")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("has 125,000 lots; Tender Budget checks up to 100,000 lots in one tender");
      expect(r.stdout).toBe("");
      expect(Object.keys(snapshot(s.dir))).toEqual(["many.csv"]);
    });
  }, 60_000);
});
