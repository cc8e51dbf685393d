/** @jest-environment jsdom */
/**
 * Which way each export reaches the user, host by host. Excel on Mac (WKWebView) and iPad ignore
 * `<a download>` blob links (office-js#2700, closed "by design"; #3385, #4681), so there the .xlsx
 * opens as a new workbook through Excel.createWorkbook ("Work with workbooks using the Excel JavaScript
 * API", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks) and CSV and OCDS text is
 * copied to the clipboard; a browser, Excel on the web and Excel on Windows download.
 */
import { checkTender } from "../../src/domain/check/check";
import { ZERO_TOLERANCE } from "../../src/domain/check/reconcile";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { saveFile } from "../../src/taskpane/download";
import { exportActions } from "../../src/taskpane/exports";
import { toBase64 } from "../../src/taskpane/deliver";

jest.mock("../../src/taskpane/download", () => ({
  ...jest.requireActual("../../src/taskpane/download"),
  saveFile: jest.fn(),
}));
// The .xlsx writer (exceljs) is tested on its own (tests/workbook/xlsx.test.ts); here a zip's bytes.
jest.mock("../../src/workbook/xlsx", () => ({
  reportToXlsx: async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
}));
const saved = saveFile as jest.MockedFunction<typeof saveFile>;

type G = { Office?: unknown; Excel?: unknown };
const report = checkTender(DFE_2017_TENDER);
const run = (id: string) =>
  exportActions(report, ZERO_TOLERANCE)
    .find((a) => a.id === id)!
    .run();

let createWorkbook: jest.Mock;
let writeText: jest.Mock;
function inOffice(platform: string | undefined): void {
  (globalThis as G).Office = platform === undefined ? undefined : { context: { platform } };
  createWorkbook = jest.fn().mockResolvedValue(undefined);
  (globalThis as G).Excel = { createWorkbook };
  writeText = jest.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
}

afterEach(() => {
  delete (globalThis as G).Office;
  delete (globalThis as G).Excel;
  saved.mockClear();
});

describe.each(["Mac", "iOS"])("inside Excel on %s", (platform) => {
  it("opens the .xlsx as a new workbook instead of a download", async () => {
    inOffice(platform);
    const said = await run("xlsx");
    expect(saved).not.toHaveBeenCalled();
    expect(createWorkbook).toHaveBeenCalledTimes(1);
    const base64 = createWorkbook.mock.calls[0][0] as string;
    expect(Buffer.from(base64, "base64").subarray(0, 2).toString()).toBe("PK"); // a zip: the .xlsx
    expect(said).toMatch(/as a new workbook/);
  });

  it("copies the CSV files and the OCDS package to the clipboard", async () => {
    inOffice(platform);
    for (const id of ["allocation-csv", "findings-csv", "ocds"]) {
      expect(await run(id)).toMatch(/^Copied .* to the clipboard/);
    }
    expect(saved).not.toHaveBeenCalled();
    expect(writeText).toHaveBeenCalledTimes(3);
    expect(String(writeText.mock.calls[0][0])).toContain("Barnet");
    expect(JSON.parse(String(writeText.mock.calls[2][0])).releases).toHaveLength(1);
  });
});

describe.each([["PC"], ["OfficeOnline"], [undefined]])("on %s", (platform) => {
  it("downloads every file", async () => {
    inOffice(platform);
    for (const id of ["xlsx", "allocation-csv", "findings-csv", "ocds"]) {
      expect(await run(id)).toMatch(/^Saved /);
    }
    expect(saved).toHaveBeenCalledTimes(4);
    expect(createWorkbook).not.toHaveBeenCalled();
    expect(writeText).not.toHaveBeenCalled();
  });
});

it("base64 of bytes past one chunk round-trips", () => {
  const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
  expect(Buffer.from(toBase64(bytes), "base64").equals(Buffer.from(bytes))).toBe(true);
});
