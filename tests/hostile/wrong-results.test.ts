/**
 * Issue #20, wrong results: what the tool writes must be what it means, read back from the file.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { isoToExcelSerial } from "../../src/domain/core/calendar";
import { EXAMPLE_JSON, INVOICES, run, scratch } from "./run";

describe("the .xlsx date validation accepts real dates", () => {
  it("every date rule of every sheet runs from 2000-01-01 (36526) to 2099-12-31 (73050), as whole serials", async () => {
    // Excel stores a date rule's bounds as serial day numbers in <formula1>/<formula2> (ECMA-376
    // Part 1, 18.3.1.32 dataValidation); 36526 is 1 January 2000 in the 1900 date system.
    const s = scratch();
    let bytes: Buffer;
    try {
      const r = await run(["check", EXAMPLE_JSON, "--actuals", INVOICES, "--out", s.path("t.xlsx")]);
      expect(r.code).toBe(1);
      bytes = readFileSync(s.path("t.xlsx"));
    } finally {
      s.done();
    }
    const zip = await JSZip.loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    let rules = 0;
    for (const name of sheets) {
      const xml = await zip.file(name)!.async("string");
      for (const m of xml.matchAll(/<dataValidation [^>]*type="date"[^>]*>(.*?)<\/dataValidation>/g)) {
        rules++;
        const f1 = /<formula1>([^<]*)<\/formula1>/.exec(m[1])?.[1];
        const f2 = /<formula2>([^<]*)<\/formula2>/.exec(m[1])?.[1];
        expect([name, f1, f2]).toEqual([
          name,
          String(isoToExcelSerial("2000-01-01")),
          String(isoToExcelSerial("2099-12-31")),
        ]);
      }
    }
    expect(isoToExcelSerial("2000-01-01")).toBe(36526);
    // Tender B7:B9 and the lot dates, the Actuals dates, Budget vs actual B4.
    expect(rules).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
