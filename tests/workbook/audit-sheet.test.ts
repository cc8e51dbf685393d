/**
 * The Audit sheet through the workbook port, over both drivers: the in-memory workbook and Office.js
 * (office-addin-mock's Excel, tests/workbook/fake-excel.ts). An Excel Table named AuditTable with the
 * audit's columns and a Link column of HYPERLINKs, one row per process (largest difference first);
 * a user's sheet named Audit is never touched; context.sync() calls do not grow with the rows.
 */
// The shared stub of office-addin-manifest lacks the OfficeApp enum office-addin-mock reads.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: jest.requireActual("office-addin-manifest/lib/officeApp").OfficeApp,
}));

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AUDIT_COLUMNS, AuditCollector, releasesOf, type AuditResult } from "../../src/domain/audit";
import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import { OfficeWorkbookPort } from "../../src/workbook/office/office-host";
import { fakeOfficePort } from "./support";
import { FakeExcel } from "./fake-excel";

const FEED = join(__dirname, "..", "fixtures", "audit", "find-a-tender-feed.jsonl");

/** The audit of the Find a Tender fixture, with a broken line added at the end. */
function feedAudit(): AuditResult {
  const c = new AuditCollector();
  const lines = readFileSync(FEED, "utf8").split("\n");
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const got = releasesOf(JSON.parse(line));
    if (got.ok) for (const r of got.releases) c.addRelease(r.release, r.context, `line ${i + 1}`);
  });
  c.addProblem("feed.jsonl line 9: not JSON (Unexpected end of JSON input)");
  return c.finish();
}

/** `n` processes, each stated £1,000 with one lot of £1,000 + i pounds. */
function manyProcesses(n: number): AuditResult {
  const c = new AuditCollector();
  for (let i = 0; i < n; i++) {
    c.addRelease(
      {
        ocid: `ocds-test-${i}`,
        id: `r${i}`,
        date: "2024-01-01T00:00:00Z",
        buyer: { name: "Test Council" },
        tender: {
          title: `Tender ${i}`,
          value: { amount: 1000, currency: "GBP" },
          lots: [{ id: "1", title: "Lot", value: { amount: 1000 + i, currency: "GBP" } }],
        },
      },
      {},
      `line ${i + 1}`,
    );
  }
  return c.finish();
}

const HEADER = [...AUDIT_COLUMNS, "Link"];

const officePort = (fake: FakeExcel): OfficeWorkbookPort => fakeOfficePort(fake);

describe("the Audit sheet in Excel (Office.js)", () => {
  test("an Excel Table AuditTable: the header, one row per process, largest difference first, formats, a link", async () => {
    const fake = new FakeExcel();
    const audit = feedAudit();
    const written = await officePort(fake).writeAudit(audit);
    expect(written).toEqual({ ok: true, value: { kind: "audit", name: "Audit", replaced: false } });
    const s = fake.sheet("Audit")!;
    expect(s.tables).toHaveLength(1);
    expect(s.tables[0]).toMatchObject({ name: "AuditTable", style: "TableStyleMedium2" });
    expect(s.tables[0].rect).toMatchObject({ r0: 0, c0: 0, r1: audit.rows.length, c1: HEADER.length - 1 });
    expect(fake.values("Audit", "A1:N1")).toEqual([HEADER]);
    // Rows in the audit's order: the ocid column follows it, the broken line last with its reason.
    const ocids = fake.values("Audit", `A2:A${audit.rows.length + 1}`).map((r) => r[0]);
    expect(ocids).toEqual(audit.rows.map((r) => r.ocid ?? ""));
    const last = audit.rows.length + 1;
    expect(fake.values("Audit", `J${last}:K${last}`)).toEqual([
      ["not-checkable", "feed.jsonl line 9: not JSON (Unexpected end of JSON input)"],
    ]);
    const first = audit.rows[0];
    expect(first.difference).toBeDefined();
    expect(fake.values("Audit", "G2")).toEqual([[first.difference! / 100]]);
    expect(s.cell("E2")?.numberFormat).toBe("£#,##0.00");
    expect(s.cell("D2")?.numberFormat).toBe("dd/mm/yyyy");
    expect(s.cell("N2")?.formula).toBe('=IF([@Notice]="","",HYPERLINK([@Notice],"Open notice"))');
    expect(fake.names.find((n) => n.name === "TenderBudget_audit")).toMatchObject({ visible: false });
  });

  test("a user's own sheet named Audit is never touched: the add-in's is Audit (2); its own is replaced", async () => {
    const fake = new FakeExcel();
    fake.addUserSheet("Audit", [["my notes on the audit"]]);
    const port = officePort(fake);
    const first = await port.writeAudit(feedAudit());
    expect(first).toEqual({ ok: true, value: { kind: "audit", name: "Audit (2)", replaced: false } });
    expect(fake.values("Audit", "A1")).toEqual([["my notes on the audit"]]);
    expect(fake.sheet("Audit")!.tables).toEqual([]);
    // Written again, the add-in's own Audit sheet is replaced, and the user's still stands.
    const again = await port.writeAudit(manyProcesses(3));
    expect(again).toEqual({ ok: true, value: { kind: "audit", name: "Audit (2)", replaced: true } });
    expect(fake.values("Audit (2)", "A2:A4").map((r) => r[0])).toEqual([
      "ocds-test-2",
      "ocds-test-1",
      "ocds-test-0",
    ]);
    expect(fake.values("Audit", "A1")).toEqual([["my notes on the audit"]]);
    expect(fake.sheets.map((x) => x.name)).toEqual(["Audit", "Audit (2)"]);
  });

  test("10 processes and 3,000 take the same context.sync() calls", async () => {
    async function syncs(n: number): Promise<number> {
      const fake = new FakeExcel();
      const sync = jest.spyOn(fake.context, "sync");
      const written = await officePort(fake).writeAudit(manyProcesses(n));
      expect(written.ok).toBe(true);
      expect(fake.values("Audit", `A${n + 1}`)).toEqual([["ocds-test-0"]]);
      return sync.mock.calls.length;
    }
    const small = await syncs(10);
    expect(small).toBe(2);
    expect(await syncs(3_000)).toBe(small);
  });
});

describe("the Audit sheet in the in-memory workbook", () => {
  test("the same table, tagged as the add-in's, beside a user's Audit sheet left as it was", async () => {
    const wb = new MemoryWorkbook();
    const mine = wb.addSheet("Audit");
    mine.set(0, 0, { value: "my notes" });
    const port = new MemoryWorkbookPort(wb);
    const audit = feedAudit();
    const written = await port.writeAudit(audit);
    expect(written).toEqual({ ok: true, value: { kind: "audit", name: "Audit (2)", replaced: false } });
    expect(wb.sheet("Audit")!.at("A1")?.value).toBe("my notes");
    const s = wb.sheet("Audit (2)")!;
    expect(s.owner).toBe("audit");
    expect(s.tables.map((t) => t.name)).toEqual(["AuditTable"]);
    expect(s.values({ r0: 0, c0: 0, r1: 0, c1: HEADER.length - 1 })).toEqual([HEADER]);
    expect(s.at("A2")?.value).toBe(audit.rows[0].ocid);
    expect(s.at(`J${audit.rows.length + 1}`)?.value).toBe("not-checkable");
  });
});
