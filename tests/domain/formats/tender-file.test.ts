import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DFE_2017_TENDER } from "../../../src/domain/core/examples";
import { tenderToCsv } from "../../../src/domain/formats/csv-export";
import { tenderToOcds } from "../../../src/domain/formats/ocds";
import {
  readTenderFile,
  titleFromFileName,
  type TenderFileResult,
} from "../../../src/domain/formats/tender-file";
import { loadTender } from "../../../src/cli/load";
import { readLotsCsv, readJsonFile } from "../../../src/taskpane/sources";

const ROOT = join(__dirname, "../../..");
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const read = (name: string, text: string): Promise<TenderFileResult> => readTenderFile(name, bytes(text));

function recordPackage(): unknown {
  const pkg = tenderToOcds(DFE_2017_TENDER, { publishedDate: "2017-07-01" });
  return { version: "1.1", records: [{ ocid: pkg.releases[0].ocid, compiledRelease: pkg.releases[0] }] };
}

describe("one reader for the command line and the pane", () => {
  test("the tender CSV the command line writes opens in the pane as the same tender", () => {
    const csv = tenderToCsv(DFE_2017_TENDER);
    expect(readLotsCsv(csv, "dfe.csv").tender).toEqual(DFE_2017_TENDER);
  });

  test("a record package the pane opens, the command line reads too", async () => {
    const json = JSON.stringify(recordPackage());
    expect((await readJsonFile(json, "records.json")).tender).toEqual(DFE_2017_TENDER);
    const cli = await loadTender("records.json", bytes(json));
    expect(cli.ok && cli.value.tender).toEqual(DFE_2017_TENDER);
  });

  test("a tender file, an OCDS package and a tender CSV are each read as what they are", async () => {
    const kinds = await Promise.all([
      readTenderFile("dfe.json", readFileSync(join(ROOT, "examples/dfe-commissioners-2017.json"))),
      read("dfe.json", JSON.stringify(tenderToOcds(DFE_2017_TENDER, { publishedDate: "2017-07-01" }))),
      read("dfe.json", JSON.stringify(recordPackage())),
      read("dfe.csv", tenderToCsv(DFE_2017_TENDER)),
      readTenderFile(
        "dfe-commissioners-2017.csv",
        readFileSync(join(ROOT, "examples/dfe-commissioners-2017.csv")),
      ),
    ]);
    expect(kinds.map((k) => (k.ok ? k.value.read : k.problem))).toEqual([
      "tender",
      "ocds",
      "ocds",
      "tender-csv",
      "lots-table",
    ]);
  });

  test("a notice's text is read with what it did not give", async () => {
    const text = readFileSync(join(ROOT, "tests/fixtures/notices/03-rounded-total.txt"));
    const got = await readTenderFile("notice.txt", text);
    expect(got.ok && got.value.read).toBe("notice");
    const none = await read("news.txt", "The council met on Tuesday to discuss parking.");
    expect(none.ok ? "read" : none.problem).toBe("notice");
  });
});

describe("clear errors", () => {
  test("an extension it does not read names the ones it does", async () => {
    const got = await read("tender.xml", "<tender/>");
    expect(got.ok ? [] : got.errors).toEqual([
      {
        path: "tender.xml",
        message:
          "is a .xml file; Tender Budget reads .json, .csv, .txt, .xlsx files: a tender or OCDS release (.json), a tender or lots table (.csv), the text of a notice (.txt), a workbook with a Tender sheet or a lots table (.xlsx)",
      },
    ]);
  });

  test("a workbook is read only by the reader a shell passes", async () => {
    const got = await read("book.xlsx", "");
    expect(got.ok ? "read" : got.problem).toBe("unknown-kind");
    const passed = await readTenderFile("my_book.xlsx", new Uint8Array(), {
      readWorkbook: async (_bytes, title) => ({ ok: true, value: { ...DFE_2017_TENDER, title } }),
    });
    expect(passed.ok && passed.value).toEqual({
      read: "workbook",
      tender: { ...DFE_2017_TENDER, title: "my book" },
    });
  });

  test("UTF-16 is refused with what to do; Windows-1252 £ is read", async () => {
    const utf16 = await readTenderFile("lots.csv", new Uint8Array([0xff, 0xfe, 0x4c, 0x00]));
    expect(utf16.ok ? "read" : utf16.problem).toBe("encoding");
    const cp1252 = new Uint8Array([...bytes("Lot,Stated value\nBarnet,"), 0xa3, ...bytes("107520\n")]);
    const got = await readTenderFile("lots.csv", cp1252);
    expect(got.ok && got.value.tender.lots).toEqual([{ name: "Barnet", statedValue: 10_752_000 }]);
  });

  test("invalid JSON names the line and column; an empty file says it is empty", async () => {
    const bad = await read("t.json", '{\n  "lots": [\n    {"name": "A",}\n  ]\n}');
    expect(bad.ok ? "" : bad.errors[0].message).toMatch(/^is not valid JSON at line 3, column \d+ /);
    const empty = await read("t.json", "  \n");
    expect(empty.ok ? "" : empty.errors[0].message).toMatch(/^the file is empty/);
  });

  test("a table of invoices is named as one, not read as lots", async () => {
    const got = await read("invoices.csv", "Invoice number,Lot,Amount\nINV-1,Barnet,1000\n");
    expect(got.ok ? "read" : got.problem).toBe("invoices");
  });

  test("OCDS lots with no value are refused unless a person is to fill them in", async () => {
    const pkg = tenderToOcds(
      { ...DFE_2017_TENDER, statedTotal: undefined, lots: [{ name: "Barnet", statedValue: 100 }] },
      {
        publishedDate: "2017-07-01",
      },
    ) as unknown as { releases: { tender: { lots: { value?: unknown }[]; value?: unknown } }[] };
    delete pkg.releases[0].tender.lots[0].value;
    delete pkg.releases[0].tender.value;
    const json = JSON.stringify(pkg);
    const strict = await read("n.json", json);
    expect(strict.ok ? "read" : strict.problem).toBe("ocds");
    const lenient = await readTenderFile("n.json", bytes(json), { allowUnvalued: true });
    expect(lenient.ok && lenient.value.tender.lots).toEqual([{ name: "Barnet" }]);
  });
});

test("a title from a file name is the name in words", () => {
  expect(titleFromFileName("data/dfe_commissioners-2017.csv")).toBe("dfe commissioners 2017");
  expect(titleFromFileName("C:\\tenders\\lots.v2.csv")).toBe("lots.v2");
});
