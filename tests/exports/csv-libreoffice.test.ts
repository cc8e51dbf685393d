/**
 * The CSV exports opened by a real spreadsheet: LibreOffice Calc (headless) imports them the way
 * Excel does — UTF-8 with the BOM, formulas evaluated — and converts them to .xlsx, whose cells
 * are then read back. Skipped only where LibreOffice is not installed (.ci/run installs it).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { allocate } from "../../src/domain/check/allocation";
import { allocationToCsv, findingsToCsv, tenderToCsv } from "../../src/domain/formats/csv-export";
import type { Finding } from "../../src/domain/core/types";
import { describeWithLibreOffice } from "../support/libreoffice";
import { dfeNamed, HYPERLINK } from "../support/tenders";

/** Comma-separated, double-quoted, UTF-8, from line 1, en-GB; formulas evaluated, as Excel does. */
const CSV_IMPORT = "CSV:44,34,76,1,,2057,false,true,false,false,false,-1,true";

const tender = dfeNamed([HYPERLINK, "-Kirklees", "@Reading", 'Worcestershire, "the county"']);
const findings: Finding[] = [
  {
    code: "LOT_VALUE_MISMATCH",
    severity: "error",
    message: "=1+2 £960.00 × 112 days is £107,520.00, not the stated £108,080.00 (-£560.00).",
    path: "lots[0].statedValue",
  },
];

type Cells = Map<string, ExcelJS.Cell>;

/** Convert CSV files to .xlsx with LibreOffice and read every cell of each. */
async function openInCalc(files: Record<string, string>): Promise<Record<string, Cells>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tb-csv-"));
  try {
    const names = Object.keys(files);
    for (const name of names) fs.writeFileSync(path.join(dir, `${name}.csv`), files[name], "utf8");
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        `--infilter=${CSV_IMPORT}`,
        "--convert-to",
        "xlsx",
        "--outdir",
        path.join(dir, "out"),
        ...names.map((n) => path.join(dir, `${n}.csv`)),
      ],
      { stdio: "pipe", timeout: 110_000 },
    );
    const result: Record<string, Cells> = {};
    for (const name of names) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, "out", `${name}.xlsx`));
      const cells: Cells = new Map();
      wb.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.set(cell.address, cell)));
      result[name] = cells;
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeWithLibreOffice("CSV exports opened in LibreOffice Calc", () => {
  let sheets: Record<string, Cells>;

  beforeAll(async () => {
    sheets = await openInCalc({
      allocation: allocationToCsv({ tender, allocation: allocate(tender) }),
      findings: findingsToCsv(findings),
      tender: tenderToCsv(tender),
      // The same text written plainly: Calc runs it, so the import above would run ours too.
      control: `\uFEFFLot,Value\r\n${HYPERLINK.replace(/"/g, '""').replace(/^/, '"').concat('"')},1\r\n=1+2,2\r\n`,
    });
  }, 120_000);

  const cell = (sheet: string, address: string): ExcelJS.Cell => {
    const c = sheets[sheet].get(address);
    if (!c) throw new Error(`${sheet}!${address} is empty`);
    return c;
  };

  test("the control file's formulas do run (so the test below can fail)", () => {
    expect(cell("control", "A2").type).toBe(ExcelJS.ValueType.Formula);
    expect(cell("control", "A3").type).toBe(ExcelJS.ValueType.Formula);
  });

  test("formula-like lot names and messages are text, shown with the quote in front", () => {
    expect(cell("allocation", "A2").type).toBe(ExcelJS.ValueType.String);
    expect(cell("allocation", "A2").value).toBe("'" + HYPERLINK);
    expect(cell("allocation", "A3").value).toBe("'-Kirklees");
    expect(cell("allocation", "A4").value).toBe("'@Reading");
    expect(cell("allocation", "A5").value).toBe('Worcestershire, "the county"');
    expect(cell("findings", "D2").type).toBe(ExcelJS.ValueType.String);
    expect(cell("findings", "D2").value).toBe("'" + findings[0].message);
    expect(cell("tender", "A14").value).toBe("'" + HYPERLINK);
    for (const [sheet, cells] of Object.entries(sheets)) {
      if (sheet === "control") continue;
      for (const c of cells.values())
        expect([sheet, c.address, c.type]).not.toEqual([sheet, c.address, ExcelJS.ValueType.Formula]);
    }
  });

  test("amounts are numbers in pounds, the negative variance too; the £ sign survives", () => {
    expect(cell("allocation", "B2").value).toBe(960);
    expect(cell("allocation", "D2").value).toBe(107520);
    expect(cell("allocation", "E2").value).toBe(108080);
    expect(cell("allocation", "F2").value).toBe(-560);
    expect(cell("allocation", "F2").type).toBe(ExcelJS.ValueType.Number);
    expect(cell("allocation", "D6").value).toBe(346560); // Total
    expect(cell("allocation", "F6").value).toBe(-560);
    expect(cell("allocation", "D8").value).toBe(415872); // Total inc VAT
    expect(String(cell("findings", "D2").value)).toContain("£107,520.00");
  });

  test("ISO dates are read as dates", () => {
    expect(cell("allocation", "H2").type).toBe(ExcelJS.ValueType.Date);
    expect((cell("allocation", "H2").value as Date).toISOString().slice(0, 10)).toBe("2017-08-31");
  });
});
