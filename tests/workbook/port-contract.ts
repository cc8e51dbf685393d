/**
 * The WorkbookPort contract: what every host (Office.js, in memory) must do, run against each of them.
 * A host under test is reached through a small driver that plays the user (their own sheets, selection
 * and fills) and reads back cell values.
 */
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import type { WorkbookPort } from "../../src/workbook/port";
import { HIGHLIGHT_FILL } from "../../src/workbook/targets";
import { check } from "./support";
import { tracked } from "./actuals-support";

export interface HostDriver {
  port: WorkbookPort;
  /** A sheet the user made, values from A1. */
  addUserSheet(name: string, rows: (string | number)[][]): void;
  /** Make a range an Excel Table (header in its first row). */
  addTable(address: string, name: string): void;
  select(address: string): void;
  /** The user typing a value into a cell. */
  type(address: string, value: string | number): void;
  selection(): string | undefined;
  value(address: string): unknown;
  fill(address: string): string | undefined;
  setFill(address: string, color: string): void;
  sheetNames(): string[];
}

/** What a port answers when it has written the sheet `name` of this kind, new or replacing its own. */
function wrote(kind: string, name: string, replaced = false) {
  return { ok: true, value: { kind, name, replaced } };
}

/** Expect each cell to hold its value: every address of `cells` compared at once with its value. */
function expectCells(d: HostDriver, cells: Record<string, unknown>): void {
  expect(Object.fromEntries(Object.keys(cells).map((address) => [address, d.value(address)]))).toEqual(cells);
}

export function portContract(name: string, makeDriver: () => HostDriver): void {
  describe(`${name}: the WorkbookPort contract`, () => {
    test("a Tender sheet made from the DfE tender reads back as the same tender", async () => {
      const d = makeDriver();
      expect(await d.port.createTenderSheet(DFE_2017_TENDER)).toEqual(wrote("tender", "Tender"));
      expectCells(d, {
        "Tender!A5": "Stated total",
        "Tender!B5": 346000,
        "Tender!A15": "Barnet",
        "Tender!D15": 107520,
      });
      expect(await d.port.readTender({ from: "tender-sheet" })).toEqual({ ok: true, value: DFE_2017_TENDER });
    });

    test("an empty Tender sheet has the defaults and the lots table header", async () => {
      const d = makeDriver();
      await d.port.createTenderSheet();
      expectCells(d, {
        "Tender!B10": "England & Wales",
        "Tender!B11": 0.2,
      });
      expect(["Tender!A14", "Tender!B14", "Tender!C14", "Tender!D14"].map(d.value)).toEqual([
        "Lot",
        "Day rate",
        "Days",
        "Stated value",
      ]);
    });

    test("every problem in the Tender sheet is reported by its cell", async () => {
      const d = makeDriver();
      await d.port.createTenderSheet(DFE_2017_TENDER);
      d.addUserSheet("Scratch", [["x"]]);
      // The user types over cells of the Tender sheet the add-in made.
      d.type("Tender!B5", "abc");
      d.type("Tender!C16", -4);
      d.type("Tender!E17", "31/02/2018");
      const read = await d.port.readTender({ from: "tender-sheet" });
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.errors.map((e) => e.path)).toEqual(["Tender!B5", "Tender!C16", "Tender!E17"]);
      expect(read.errors[0].message).toBe(
        '"abc" is not an amount of money; write it like 107520, £107,520, £107,520.00, £1.2m or £346k',
      );
      expect(read.errors[2].message).toContain("February 2018 has 28 days");
    });

    test("reading from a selection inside the user's own table reads that table, naming its cells", async () => {
      const d = makeDriver();
      d.addUserSheet("Councils", [
        ["Notes"],
        [],
        ["Council", "Rate", "Estimated days", "Budget"],
        ["Barnet", 960, 112, 107520],
        ["Kirklees", 960, 51, 48960],
      ]);
      d.addTable("Councils!A3:D5", "Councils");
      d.select("Councils!B4");
      const read = await d.port.readTender({ from: "selection", base: { title: "DfE", buyer: "DfE" } });
      expect(read).toEqual({
        ok: true,
        value: expect.objectContaining({
          title: "DfE",
          lots: [
            { name: "Barnet", dayRate: 96_000, days: 112, statedValue: 10_752_000 },
            { name: "Kirklees", dayRate: 96_000, days: 51, statedValue: 4_896_000 },
          ],
        }),
      });
      d.addUserSheet("Bad", [
        ["Lot", "Days"],
        ["Reading", "ninety"],
      ]);
      d.select("Bad!A1");
      const bad = await d.port.readTender({ from: "selection" });
      expect(bad).toEqual({
        ok: false,
        errors: [{ path: "Bad!B2", message: expect.stringMatching(/days.*"ninety"|"ninety".*days/) }],
      });
    });

    test("reading from any table finds the user's lots table, skipping the add-in's own output", async () => {
      const d = makeDriver();
      await d.port.writeAllocation(check(DFE_2017_TENDER));
      d.addUserSheet("Notes", [["Nothing to see"]]);
      d.addUserSheet("Lots", [
        ["Authority", "Daily rate", "Number of days"],
        ["Reading", 960, 99],
      ]);
      d.addTable("Lots!A1:C2", "LotsTable");
      const read = await d.port.readTender({ from: "table" });
      expect(read.ok && read.value.lots).toEqual([{ name: "Reading", dayRate: 96_000, days: 99 }]);
      const none = makeDriver();
      none.addUserSheet("Notes", [["Nothing to see"]]);
      const missing = await none.port.readTender({ from: "table" });
      expect(missing).toEqual({
        ok: false,
        errors: [{ path: "workbook", message: expect.stringContaining("no Excel Table in this workbook") }],
      });
    });

    test("the Allocation sheet never overwrites the user's sheet of the same name, and replaces only its own", async () => {
      const d = makeDriver();
      d.addUserSheet("Allocation", [["My own notes", 42]]);
      const report = check(DFE_2017_TENDER);
      expect(await d.port.writeAllocation(report)).toEqual(wrote("allocation", "Allocation (2)"));
      expectCells(d, {
        "Allocation!A1": "My own notes",
        "Allocation!B1": 42,
        "'Allocation (2)'!A18": "Barnet",
        "'Allocation (2)'!B5": 346000,
      });
      const again = await d.port.writeAllocation(report);
      expect(again).toEqual(wrote("allocation", "Allocation (2)", true));
      expect(d.sheetNames().filter((n) => n.startsWith("Allocation"))).toEqual([
        "Allocation",
        "Allocation (2)",
      ]);
      const beside = await d.port.writeAllocation(report, { replace: false });
      expect(beside.ok && beside.value.name).toBe("Allocation (3)");
      expect(d.value("Allocation!A1")).toBe("My own notes");
    });

    test("findings highlight their cells; the next check removes the highlight and restores the user's fill", async () => {
      const d = makeDriver();
      await d.port.createTenderSheet(DFE_2017_TENDER);
      await d.port.readTender({ from: "tender-sheet" });
      d.setFill("Tender!B5", "#FFFF00"); // the user's own yellow on the stated total
      d.setFill("Tender!A1", "#00B050"); // and green on the title
      const report = check(DFE_2017_TENDER);
      const shown = await d.port.showFindings(report.findings);
      expect(shown.ok).toBe(true);
      if (!shown.ok) return;
      expect(shown.value.map((l) => [l.finding.code, l.address])).toEqual([
        ["TOTAL_MISMATCH", "Tender!B5"],
        ["RATE_INFERRED", "Tender!B6"],
      ]);
      expect(d.fill("Tender!B5")).toBe(HIGHLIGHT_FILL);
      expect(d.fill("Tender!B6")).toBeUndefined(); // information is not highlighted
      // Checking again with the same findings keeps the user's yellow as the fill to restore.
      await d.port.showFindings(report.findings);
      await d.port.showFindings([]);
      expect(d.fill("Tender!B5")).toBe("#FFFF00");
      expect(d.fill("Tender!A1")).toBe("#00B050");
    });

    test("a highlighted cell the user has since filled themselves is left alone", async () => {
      const d = makeDriver();
      await d.port.createTenderSheet(DFE_2017_TENDER);
      await d.port.readTender({ from: "tender-sheet" });
      await d.port.showFindings(check(DFE_2017_TENDER).findings);
      expect(d.fill("Tender!B5")).toBe(HIGHLIGHT_FILL);
      d.setFill("Tender!B5", "#0070C0");
      expect(await d.port.clearFindings()).toEqual({ ok: true, value: undefined });
      expect(d.fill("Tender!B5")).toBe("#0070C0");
    });

    test("selectCell selects a finding's cell; an unknown sheet is an error", async () => {
      const d = makeDriver();
      await d.port.createTenderSheet(DFE_2017_TENDER);
      expect(await d.port.selectCell("Tender!B5")).toEqual({ ok: true, value: undefined });
      expect(d.selection()).toBe("Tender!B5");
      const missing = await d.port.selectCell("Gone!A1");
      expect(missing.ok).toBe(false);
      if (!missing.ok) expect(missing.errors[0].message).toContain('no sheet "Gone"');
    });

    test("the tender and choices kept in the workbook come back", async () => {
      const d = makeDriver();
      expect(await d.port.loadState()).toEqual({ ok: true, value: undefined });
      const state = { tender: DFE_2017_TENDER, choices: { phasing: "quarter", tolerancePounds: 500 } };
      expect(await d.port.saveState(state)).toEqual({ ok: true, value: undefined });
      expect(await d.port.saveState(state)).toEqual({ ok: true, value: undefined });
      expect(await d.port.loadState()).toEqual({ ok: true, value: state });
    });

    test("the pane's draft is kept apart from the checked tender, replaced, and discarded with null", async () => {
      const d = makeDriver();
      expect(await d.port.loadDraft()).toEqual({ ok: true, value: undefined });
      const draft = { draft: { title: "Half typed <£34x & more>", lots: [{ name: "Barnet", days: "11" }] } };
      expect(await d.port.saveDraft({ old: true })).toEqual({ ok: true, value: undefined });
      expect(await d.port.saveDraft(draft)).toEqual({ ok: true, value: undefined });
      expect(await d.port.loadDraft()).toEqual({ ok: true, value: draft });
      // The checked tender, kept at a build, does not replace the draft, nor the draft it.
      await d.port.saveState({ choices: {} });
      expect(await d.port.loadDraft()).toEqual({ ok: true, value: draft });
      expect(await d.port.loadState()).toEqual({ ok: true, value: { choices: {} } });
      expect(await d.port.saveDraft(null)).toEqual({ ok: true, value: undefined });
      expect(await d.port.loadDraft()).toEqual({ ok: true, value: undefined });
    });

    test("phasing and summary sheets carry the engine's figures", async () => {
      const d = makeDriver();
      const report = check({
        ...DFE_2017_TENDER,
        dayRate: 96_000,
        lots: [{ name: "Barnet", days: 112, statedValue: 10_752_000 }],
      });
      const phased = await d.port.writePhasing(report);
      expect(phased).toEqual(wrote("phasing", "Phasing"));
      // Barnet: 112 days from 31/08/2017 at 5 days a week, by month.
      expect(d.value("Phasing!A5")).toBe("August 2017");
      const months = report.phasing.months;
      expect(months.reduce((s, m) => s + m.value, 0)).toBe(10_752_000);
      expect(d.value("Phasing!B5")).toBe(months[0].value / 100);
      const summary = await d.port.writeSummary(report, { today: "2017-07-26" });
      expect(summary).toEqual(wrote("summary", "Tender summary"));
      expectCells(d, {
        "'Tender summary'!A1": "Tender summary",
        "'Tender summary'!A4": "Produced 26 July 2017",
      });
    });

    test("contract tracking: invoices typed into the Actuals sheet, read with cell addresses, compared per lot", async () => {
      const d = makeDriver();
      const { report, actuals } = tracked();
      // The user's own "Budget vs actual" sheet is never written to.
      d.addUserSheet("Budget vs actual", [["mine"]]);
      expect(await d.port.createActualsSheet(report.tender)).toEqual(wrote("actuals", "Actuals"));
      // An empty table reads as no invoices.
      expect(await d.port.readActuals()).toEqual({ ok: true, value: [] });
      // The user types three invoices (dates as Excel keeps them: serial numbers).
      const rows: (string | number)[][] = [
        ["Barnet", "BAR-001", 43010, 42978, 43008, 10, 9600, 1920],
        ["Barnet", "BAR-002", 43040, 43009, 43039, 12, 11520, 2304],
        ["Kirklees", "KIR-001", 43010, 42978, 43008, 8, 7680, 1536],
      ];
      rows.forEach((row, r) =>
        row.forEach((v, c) => d.type(`Actuals!${String.fromCharCode(65 + c)}${5 + r}`, v)),
      );
      const read = await d.port.readActuals();
      expect(
        read.ok && read.value.map((l) => [l.lot, l.invoiceNumber, l.periodEnd, l.days, l.amount]),
      ).toEqual([
        ["Barnet", "BAR-001", "2017-09-30", 10, 960_000],
        ["Barnet", "BAR-002", "2017-10-31", 12, 1_152_000],
        ["Kirklees", "KIR-001", "2017-09-30", 8, 768_000],
      ]);
      expect(d.port.actualsLineRef()?.(2)).toBe("Actuals!A7");
      d.type("Actuals!F6", "twelve");
      const bad = await d.port.readActuals();
      expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(["Actuals!F6"]);

      const written = await d.port.writeBudgetVsActual(report, actuals);
      expect(written).toEqual(wrote("budget", "Budget vs actual (2)"));
      expectCells(d, {
        "'Budget vs actual'!A1": "mine",
        "'Budget vs actual (2)'!A8": "Barnet",
        "'Budget vs actual (2)'!D8": 107520,
      });
      expect(d.sheetNames()).toEqual(["Budget vs actual", "Actuals", "Budget vs actual (2)"]);
    });
  });
}
