/**
 * Issue #20, output safety: what a file holds reaches the terminal as text (escape sequences
 * shown, not obeyed), quoted values are cut, and files the tool cannot read are named in the
 * user's words (UTF-16 without a byte order mark, a damaged or password-protected workbook, a
 * formula with no saved result, text not in UTF-8).
 */
import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { join } from "node:path";
import { EXAMPLE_JSON, FIXTURES, INVOICES, run, scratch, snapshot } from "./run";
import { quoted, QUOTED_LENGTH } from "../../src/domain/core/messages";
import { decodeWindows1252 } from "../../src/domain/tables/windows-1252";
import { reportToXlsx } from "../../src/workbook/xlsx";
import { checkTender } from "../../src/domain/check/check";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";

/** Characters a terminal would act on: ESC, BEL, CSI (U+009B) and the bidi override U+202E. */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u001b\u0007\u009b\u202e]/;

describe("escape sequences in a file are shown, not sent to the terminal", () => {
  const FILE = join(FIXTURES, "escape-sequences.json");

  it("the text report shows them as \\x1B, \\x9B and \\u202E", async () => {
    const r = await run(["check", FILE]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(ACTIVE);
    expect(r.stdout).toContain("Commissioners \\x1B]0;HACKED\\x07\\x1B[2J\\x1B[31mALL CLEAR");
    expect(r.stdout).toContain("Buyer: DfE \\x9B31m");
    expect(r.stdout).toContain("Barnet \\u202Eteg");
  });

  it("--json escapes them as JSON does, and reads back to the same text", async () => {
    const r = await run(["check", FILE, "--json"]);
    expect(r.stdout).not.toMatch(ACTIVE);
    expect(r.stdout).toContain('"buyer": "DfE \\u009b31m"');
    const report = JSON.parse(r.stdout);
    expect(report.tender.title).toBe("Commissioners \u001b]0;HACKED\u0007\u001b[2J\u001b[31mALL CLEAR");
    expect(report.lines[0].lot).toBe("Barnet \u202eteg");
  });

  it("messages on stderr show them too", async () => {
    const s = scratch();
    try {
      writeFileSync(
        s.path("bad.json"),
        JSON.stringify({ lots: [{ name: "A\u001b[2J\u009b", days: "x\u202e" }] }),
      );
      const r = await run(["check", s.path("bad.json")]);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(ACTIVE);
      expect(r.stderr).toContain("\\u202E");
    } finally {
      s.done();
    }
  });
});

describe("quoted values are cut", () => {
  it("quoted() keeps up to QUOTED_LENGTH characters and gives the length of a longer value", () => {
    const exact = "x".repeat(QUOTED_LENGTH);
    expect(quoted(exact)).toBe(`"${exact}"`);
    expect(quoted(exact + "y")).toBe(`"${exact}"… (81 characters)`);
    // A surrogate pair is not split in two.
    const emoji = "x".repeat(QUOTED_LENGTH - 1) + "😀" + "z";
    expect(quoted(emoji)).toBe(`"${"x".repeat(QUOTED_LENGTH - 1)}"… (82 characters)`);
  });

  it("a 1 MB region name gives a message of a line, not 1 MB", async () => {
    const s = scratch();
    try {
      const region = "Wessex".repeat(180_000);
      writeFileSync(
        s.path("t.json"),
        JSON.stringify({ region, lots: [{ name: "Barnet", days: 1, dayRate: 960 }] }),
      );
      const r = await run(["check", s.path("t.json")]);
      expect(r.code).toBe(2);
      expect(r.stderr.length).toBeLessThan(1000);
      expect(r.stderr).toContain(
        `region: "${"Wessex".repeat(13)}We"… (1,080,000 characters) is not a bank-holiday region`,
      );
    } finally {
      s.done();
    }
  });
});

describe("files that are not what their name says are named in the user's words", () => {
  it("UTF-16 saved without a byte order mark", async () => {
    const s = scratch();
    try {
      const text = "Council,Days\r\nBarnet,112\r\n";
      const le = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) le[2 * i] = text.charCodeAt(i);
      writeFileSync(s.path("lots.csv"), le);
      const r = await run(["check", s.path("lots.csv")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        'lots.csv: the file looks like UTF-16 ("Unicode text") saved without a byte order mark',
      );
      expect(r.stderr).toContain('save it as "CSV UTF-8"');
    } finally {
      s.done();
    }
  });

  it("a damaged workbook, a password-protected one, and another file named .xlsx", async () => {
    const s = scratch();
    try {
      const good = await reportToXlsx(checkTender(DFE_2017_TENDER));
      writeFileSync(s.path("cut.xlsx"), good.subarray(0, good.length - 200));
      // A workbook saved with a password is an OLE compound file holding the encrypted package.
      writeFileSync(
        s.path("locked.xlsx"),
        Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]),
      );
      writeFileSync(s.path("text.xlsx"), "Council,Days\nBarnet,112\n");
      const before = snapshot(s.dir);
      const cut = await run(["check", s.path("cut.xlsx")]);
      expect(cut.code).toBe(2);
      expect(cut.stderr).toContain("cut.xlsx: this workbook is damaged and cannot be read");
      expect(cut.stderr).toContain("save it again as an Excel Workbook (.xlsx)");
      const locked = await run(["check", s.path("locked.xlsx")]);
      expect(locked.code).toBe(2);
      expect(locked.stderr).toContain("locked.xlsx: this workbook is protected with a password (encrypted)");
      const text = await run(["check", s.path("text.xlsx")]);
      expect(text.code).toBe(2);
      expect(text.stderr).toContain("text.xlsx: the file is not an Excel workbook (.xlsx)");
      expect(text.stderr).not.toContain("central directory");
      expect(snapshot(s.dir)).toEqual(before);
    } finally {
      s.done();
    }
  });

  it("a formula cell with no saved result names the cell", async () => {
    const s = scratch();
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Lots");
      ws.addRow(["Council", "Day rate", "Days"]);
      ws.addRow(["Barnet", 960, 112]);
      ws.addRow(["Kirklees", 960, { formula: "C2-61" }]);
      await wb.xlsx.writeFile(s.path("calc.xlsx"));
      const r = await run(["check", s.path("calc.xlsx")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("Lots!C3 holds a formula with no saved result");
      expect(r.stderr).toContain("open it in Excel or LibreOffice, let it calculate, save it");
    } finally {
      s.done();
    }
  });
});

describe("text that is not UTF-8 is read as Windows-1252, and the user is told", () => {
  it("decodes bytes 0x80-0x9F as Windows-1252 (’ – “ ” €), not as control characters", () => {
    // Source: WHATWG Encoding Standard, index-windows-1252 (https://encoding.spec.whatwg.org/index-windows-1252.txt).
    expect(decodeWindows1252(Uint8Array.from([0x92, 0x96, 0x93, 0x94, 0x80, 0x85, 0x9f, 0x81, 0xa3]))).toBe(
      "\u2019\u2013\u201c\u201d\u20ac\u2026\u0178\u0081\u00a3",
    );
  });

  it('a Windows-1252 invoices file matches its UTF-8 lot "King’s Lynn" and says which encoding it assumed', async () => {
    const s = scratch();
    try {
      writeFileSync(
        s.path("t.json"),
        JSON.stringify({
          title: "T",
          dayRate: 500,
          startDate: "2017-09-01",
          lots: [{ name: "King’s Lynn", days: 10 }],
        }),
      );
      const csv = "Lot,Invoice number,Invoice date,Days,Amount\r\nKing\x92s Lynn,K1,2017-09-29,2,1000\r\n";
      writeFileSync(s.path("inv.csv"), Buffer.from(csv, "latin1"));
      const r = await run(["check", s.path("t.json"), "--actuals", s.path("inv.csv"), "--json"]);
      expect(r.stderr).toBe(
        `tender-budget: read ${s.path("inv.csv")} as Windows-1252 (Excel's plain "CSV"), as it is not UTF-8; if letters look wrong, save it as "CSV UTF-8"\n`,
      );
      const report = JSON.parse(r.stdout);
      expect(report.findings.filter((f: { code: string }) => f.code === "UNKNOWN_LOT")).toEqual([]);
      expect(report.actuals.lines[0]).toMatchObject({ lot: "King’s Lynn", daysUsed: 2 });
    } finally {
      s.done();
    }
  });

  it("a UTF-8 file says nothing about its encoding", async () => {
    const r = await run(["check", EXAMPLE_JSON, "--actuals", INVOICES, "--json"]);
    expect(r.stderr).toBe("");
  });
});
