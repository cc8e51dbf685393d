/**
 * Contract tracking in the workbook: the Actuals sheet (what is written, reading it back with
 * cell-addressed errors), the Budget vs actual sheet (formulas, formats, red rows, charts), invoice
 * findings pointing at their rows, context.sync() counts that do not grow with the invoices, the
 * in-memory host, and an .xlsx whose formulas LibreOffice computes to the engine's figures.
 */
// The shared stub of office-addin-manifest lacks the OfficeApp enum office-addin-mock reads.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: jest.requireActual("office-addin-manifest/lib/officeApp").OfficeApp,
}));

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describeWithLibreOffice, recalculateXlsx } from "../support/libreoffice";
import { checkActuals } from "../../src/domain/actuals";
import { checkTender } from "../../src/domain/check/check";
import { OfficeWorkbookPort } from "../../src/workbook/office/office-host";
import { MemoryWorkbook, MemoryWorkbookPort } from "../../src/workbook/memory/memory-host";
import { ACTUALS_HEADER_ROW } from "../../src/workbook/layout/actuals-sheet";
import { BUDGET_HEADER_ROW } from "../../src/workbook/layout/budget-sheet";
import { main } from "../../src/cli/main";
import { reportToXlsx } from "../../src/workbook/xlsx";
import { fakeOfficePort } from "./support";
import { FakeExcel } from "./fake-excel";
import { dfeTender, invoices, manyInvoices, tracked } from "./actuals-support";

const officePort = (fake: FakeExcel): OfficeWorkbookPort => fakeOfficePort(fake, { today: "2018-02-01" });

/** Excel rows (1-based) of the Actuals table's first invoice and the Budget vs actual table's first lot. */
const FIRST_INVOICE = ACTUALS_HEADER_ROW + 2;
const FIRST_LOT = BUDGET_HEADER_ROW + 2;

const SPENT_BARNET =
  '=SUMIFS(Actuals[Amount],Actuals[Lot],[@Lot],Actuals[Period end],"<="&$B$4)' +
  '+SUMIFS(Actuals[Amount],Actuals[Lot],[@Lot],Actuals[Period end],"",Actuals[Invoice date],"<="&$B$4)';

describe("Office.js host: the Actuals sheet", () => {
  test("an empty Actuals table with headers, £ and dd/mm/yyyy formats, the lots as a list, prompts, a tag", async () => {
    const fake = new FakeExcel();
    const result = await officePort(fake).createActualsSheet(dfeTender());
    expect(result).toEqual({ ok: true, value: { kind: "actuals", name: "Actuals", replaced: false } });
    const s = fake.sheet("Actuals")!;
    expect(fake.values("Actuals", "A4:H4")).toEqual([
      ["Lot", "Invoice number", "Invoice date", "Period start", "Period end", "Days", "Amount", "VAT"],
    ]);
    expect(s.tables[0]).toMatchObject({ name: "Actuals", style: "TableStyleMedium2" });
    expect(s.cell("C5")?.numberFormat).toBe("dd/mm/yyyy");
    expect(s.cell("G5")?.numberFormat).toBe("£#,##0.00");
    expect(s.cell("F5")?.numberFormat).toBe("#,##0.##");
    expect(s.validations.find((v) => v.address === "A5" && v.property === "rule")?.value).toEqual({
      list: { inCellDropDown: true, source: "Barnet,Kirklees,Reading,Worcestershire" },
    });
    expect(s.validations.find((v) => v.address === "C5:E5" && v.property === "rule")?.value).toEqual({
      date: { formula1: "2000-01-01", formula2: "2099-12-31", operator: "Between" },
    });
    expect(s.validations.find((v) => v.address === "F5" && v.property === "rule")?.value).toEqual({
      decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    });
    expect(s.validations.find((v) => v.address === "G5:H5" && v.property === "prompt")?.value).toEqual({
      showPrompt: true,
      title: "Amount and VAT",
      message: "In pounds: the amount ex VAT, and the VAT on it.",
    });
    expect(fake.names.find((n) => n.name === "TenderBudget_actuals")).toMatchObject({
      formula: "=Actuals!$A$1",
      visible: false,
    });
  });

  test("a user's sheet named Actuals is never touched: the add-in's is Actuals (2), and it is the one read", async () => {
    const fake = new FakeExcel();
    fake.addUserSheet("Actuals", [["my notes"]]);
    const port = officePort(fake);
    const result = await port.createActualsSheet(dfeTender(), invoices().slice(0, 2));
    expect(result).toEqual({ ok: true, value: { kind: "actuals", name: "Actuals (2)", replaced: false } });
    expect(fake.values("Actuals", "A1")).toEqual([["my notes"]]);
    const read = await port.readActuals();
    expect(read.ok && read.value.map((l) => l.invoiceNumber)).toEqual(["BAR-001", "BAR-002"]);
    expect(port.actualsLineRef()?.(1)).toBe("'Actuals (2)'!A6");
  });

  test("pasted invoices read back as the engine reads the CSV; dates typed as Excel serials", async () => {
    const fake = new FakeExcel();
    const port = officePort(fake);
    const lines = invoices();
    await port.createActualsSheet(dfeTender(), lines);
    expect(fake.values("Actuals", `A${FIRST_INVOICE}:H${FIRST_INVOICE}`)).toEqual([
      ["Barnet", "BAR-001", 43010, 42978, 43008, 10, 9600, 1920],
    ]);
    const read = await port.readActuals();
    expect(read).toEqual({ ok: true, value: lines });
  });

  test("a bad cell is named (Actuals!F7), every problem at once, and nothing is remembered or written", async () => {
    const fake = new FakeExcel();
    const port = officePort(fake);
    await port.createActualsSheet(dfeTender(), invoices().slice(0, 4));
    const edit = (address: string, value: string | number) => {
      const m = /^([A-Z])(\d+)$/.exec(address)!;
      fake.sheet("Actuals")!.edit(Number(m[2]) - 1, m[1].charCodeAt(0) - 65).value = value;
    };
    edit("F7", "ten");
    edit("G8", -5);
    const writesBefore = fake.writes.length;
    const read = await port.readActuals();
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.path)).toEqual(["Actuals!F7", "Actuals!G8"]);
    expect(read.errors[0].message).toMatch(/ten/);
    expect(fake.writes.length).toBe(writesBefore);
    expect(port.actualsLineRef()).toBeUndefined();
  });

  test("invoice findings go to their rows: actuals[i].amount is that invoice's Amount cell, highlighted", async () => {
    const fake = new FakeExcel();
    const port = officePort(fake);
    const problems = invoices("dfe-2017-invoices-with-problems.csv");
    await port.createActualsSheet(dfeTender(), problems);
    const read = await port.readActuals();
    expect(read.ok).toBe(true);
    const { report } = tracked(problems);
    const checked = checkActuals(report.tender, report.allocation, report.phasing, problems, {
      asOf: "2018-01-31",
      lineRef: port.actualsLineRef()!,
    });
    const rate = checked.findings.find((f) => f.code === "INVOICE_RATE_MISMATCH")!;
    const index = Number(/^actuals\[(\d+)\]/.exec(rate.path)![1]);
    expect(problems[index].invoiceNumber).toBe("RDG-003");
    const shown = await port.showFindings(checked.findings);
    expect(shown.ok).toBe(true);
    if (!shown.ok) return;
    const located = shown.value.find((l) => l.finding === rate)!;
    expect(located.address).toBe(`Actuals!G${FIRST_INVOICE + index}`);
    // Messages that name invoice rows name them by their cells.
    const duplicate = checked.findings.find((f) => f.code === "DUPLICATE_INVOICE")!;
    const copies = problems.flatMap((l, i) => (l.invoiceNumber === "BAR-002" ? [FIRST_INVOICE + i] : []));
    expect(copies).toHaveLength(2);
    for (const row of copies) expect(duplicate.message).toContain(`Actuals!A${row}`);
    expect(fake.sheet("Actuals")!.cell(`G${FIRST_INVOICE + index}`)?.fill).toEqual({
      color: "#FFC7CE",
      pattern: "Solid",
    });
    expect(await port.selectCell(located.address!)).toEqual({ ok: true, value: undefined });
  });
});

describe("Office.js host: the Budget vs actual sheet", () => {
  test("SUMIFS over the Actuals table to the as-of date, remaining, % used, phased, ahead/behind, red rows, charts", async () => {
    const fake = new FakeExcel();
    const port = officePort(fake);
    const { report, lines, actuals } = tracked();
    await port.createActualsSheet(report.tender, lines);
    const result = await port.writeBudgetVsActual(report, actuals);
    expect(result).toEqual({
      ok: true,
      value: { kind: "budget", name: "Budget vs actual", replaced: false },
    });
    const s = fake.sheet("Budget vs actual")!;
    expect(s.cell("B4")).toMatchObject({ value: 43131, numberFormat: "dd/mm/yyyy" }); // 31/01/2018
    const [header] = fake.values("Budget vs actual", `A${FIRST_LOT - 1}:K${FIRST_LOT - 1}`);
    expect(header.join(" | ")).toBe(
      "Lot | Day rate | Allocated days | Allocated value | Days used | Spent | Remaining days | " +
        "Remaining value | % used | Phased to date | Ahead/behind",
    );
    expect(fake.values("Budget vs actual", `A${FIRST_LOT}:D${FIRST_LOT}`)).toEqual([
      ["Barnet", 960, 112, 107520],
    ]);
    expect(s.cell(`F${FIRST_LOT}`)).toMatchObject({ formula: SPENT_BARNET, numberFormat: "£#,##0.00" });
    expect(s.cell(`F${FIRST_LOT + 3}`)?.formula).toBe(SPENT_BARNET); // copied down the calculated column
    expect(s.cell(`H${FIRST_LOT}`)?.formula).toBe("=[@[Allocated value]]-[@Spent]");
    expect(s.cell(`I${FIRST_LOT}`)).toMatchObject({
      formula: '=IF([@[Allocated value]]=0,"",[@Spent]/[@[Allocated value]])',
      numberFormat: "0.0%",
    });
    expect(s.cell(`J${FIRST_LOT}`)?.value).toBe(actuals.lots[0].phasedToDate / 100);
    expect(s.cell(`K${FIRST_LOT}`)?.formula).toBe("=[@Spent]-[@[Phased to date]]");
    expect(s.cell(`F${FIRST_LOT + 4}`)?.formula).toBe("=SUBTOTAL(109,[Spent])");
    expect(s.conditionalFormats).toEqual([
      {
        address: `A${FIRST_LOT}:K${FIRST_LOT + 3}`,
        formula: `=OR($F${FIRST_LOT}>$D${FIRST_LOT},AND(ISNUMBER($C${FIRST_LOT}),$E${FIRST_LOT}>$C${FIRST_LOT}))`,
        fill: "#FDE7E9",
        fontColor: "#A4262C",
      },
    ]);
    expect(s.charts.map((c) => [c.type, c.title])).toEqual([
      ["Line", "Barnet: spent against the phased budget (cumulative)"],
      ["Line", "Kirklees: spent against the phased budget (cumulative)"],
      ["Line", "Reading: spent against the phased budget (cumulative)"],
      ["Line", "Worcestershire: spent against the phased budget (cumulative)"],
    ]);
    // Each chart: the lot's two cumulative columns, months as categories, named series, a legend.
    expect(s.charts[0]).toMatchObject({
      values: "'Budget vs actual'!B15:C21",
      categories: "'Budget vs actual'!A15:A21",
      seriesNames: ["Phased budget", "Spent"],
      legend: true,
    });
    expect(fake.values("Budget vs actual", "A13:C14")).toEqual([
      ["Month by month (cumulative): phased budget against spend", "", ""],
      ["Month end", "Barnet: phased budget", "Barnet: spent"],
    ]);
    expect(s.cell("A15")).toEqual({ value: 42978, numberFormat: "mmm yyyy" }); // 31/08/2017
    expect(s.cell("C20")).toMatchObject({
      // January 2018: Barnet's spend on work dated to its last day.
      formula:
        '=SUMIFS(Actuals[Amount],Actuals[Lot],$A$8,Actuals[Period end],"<="&$A20)' +
        '+SUMIFS(Actuals[Amount],Actuals[Lot],$A$8,Actuals[Period end],"",Actuals[Invoice date],"<="&$A20)',
    });
    expect(fake.names.some((n) => n.name === "TenderBudget_budget")).toBe(true);
  });

  test("without an Actuals sheet nothing is written and the message says what to do", async () => {
    const fake = new FakeExcel();
    const { report, actuals } = tracked();
    const result = await officePort(fake).writeBudgetVsActual(report, actuals);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message).toMatch(/no Actuals sheet/);
    expect(fake.sheets).toEqual([]);
  });
});

describe("Office.js host: context.sync() calls do not grow with the number of invoices", () => {
  async function syncs(n: number): Promise<{ create: number; read: number; budget: number }> {
    const fake = new FakeExcel();
    const port = officePort(fake);
    const lines = manyInvoices(n);
    const { report, actuals } = tracked(lines, "2017-12-31");
    const sync = jest.spyOn(fake.context, "sync");
    await port.createActualsSheet(report.tender, lines);
    const create = sync.mock.calls.length;
    const read = await port.readActuals();
    expect(read.ok && read.value.length).toBe(n);
    const readCount = sync.mock.calls.length - create;
    await port.writeBudgetVsActual(report, actuals);
    return { create, read: readCount, budget: sync.mock.calls.length - create - readCount };
  }

  test("10 invoices and 5,000 invoices take the same syncs to create, read and compare", async () => {
    const small = await syncs(10);
    const large = await syncs(5_000);
    expect(small).toEqual({ create: 2, read: 3, budget: 2 });
    expect(large).toEqual(small);
  });
});

describe("in-memory host", () => {
  test("the same sheets, structured formulas, tags, reading and finding locations", async () => {
    const wb = new MemoryWorkbook();
    const port = new MemoryWorkbookPort(wb);
    const { report, lines, actuals } = tracked();
    expect((await port.writeBudgetVsActual(report, actuals)).ok).toBe(false);
    await port.createActualsSheet(report.tender, lines);
    expect(await port.readActuals()).toEqual({ ok: true, value: lines });
    expect(port.actualsLineRef()?.(0)).toBe(`Actuals!A${FIRST_INVOICE}`);
    const written = await port.writeBudgetVsActual(report, actuals);
    expect(written).toEqual({
      ok: true,
      value: { kind: "budget", name: "Budget vs actual", replaced: false },
    });
    const s = wb.sheet("Budget vs actual")!;
    expect(s.owner).toBe("budget");
    expect(s.at(`F${FIRST_LOT}`)).toMatchObject({ formula: SPENT_BARNET, value: 51840 });
    expect(s.at(`E${FIRST_LOT}`)?.value).toBe(54);
    expect(s.at(`H${FIRST_LOT}`)?.value).toBe(55680);
    expect(s.at(`C${FIRST_LOT + 4}`)?.value).toBe(361);
    expect(s.at(`F${FIRST_LOT + 4}`)?.value).toBe(167040);
    expect(s.at("C20")?.value).toBe(51840); // January 2018, cumulative (the engine's figure, cached)
    expect(s.conditionalFormats).toHaveLength(1);
    expect(s.charts).toHaveLength(4);
    // Written again, the add-in's own sheet is replaced; the Actuals sheet (the user's data) stays.
    const again = await port.writeBudgetVsActual(report, actuals);
    expect(again).toEqual({ ok: true, value: { kind: "budget", name: "Budget vs actual", replaced: true } });
    expect(wb.sheets.map((x) => x.name)).toEqual(["Actuals", "Budget vs actual"]);
    // The Actuals table is not taken for a lots table.
    const asTender = await port.readTender({ from: "table" });
    expect(asTender.ok).toBe(false);
  });
});

describe("tender-budget check --actuals … --out x.xlsx", () => {
  test("the workbook gains the Actuals sheet (the invoices) and Budget vs actual (the engine's figures cached)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tender-budget-actuals-cli-"));
    try {
      const root = join(__dirname, "..", "..");
      const out = join(dir, "dfe.xlsx");
      let stderr = "";
      const code = await main(
        [
          "check",
          join(root, "examples", "dfe-commissioners-2017.json"),
          "--actuals",
          join(root, "tests", "fixtures", "actuals", "dfe-2017-invoices.csv"),
          "--as-of",
          "2018-01-31",
          "--out",
          out,
        ],
        { stdout: { write: () => undefined }, stderr: { write: (t: string) => (stderr += t) }, env: {} },
      );
      expect(stderr).toContain("Budget vs actual");
      expect(code).toBe(1); // the tender's own TOTAL_MISMATCH
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        "Tender",
        "Allocation",
        "Phasing",
        "Tender summary",
        "Actuals",
        "Budget vs actual",
      ]);
      expect(wb.getWorksheet("Actuals")!.getCell(`B${FIRST_INVOICE}`).value).toBe("BAR-001");
      const spent = wb.getWorksheet("Budget vs actual")!.getCell(`F${FIRST_LOT}`)
        .value as ExcelJS.CellFormulaValue;
      expect(spent.result).toBe(51840);
      expect(spent.formula).toBe(
        'SUMIFS(Actuals!$G:$G,Actuals!$A:$A,A8,Actuals!$E:$E,"<="&$B$4)+SUMIFS(Actuals!$G:$G,Actuals!$A:$A,A8,Actuals!$E:$E,"",Actuals!$C:$C,"<="&$B$4)',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWithLibreOffice("LibreOffice computes the Budget vs actual sheet as the engine does", () => {
  jest.setTimeout(180_000);

  async function recalculated(bytes: Uint8Array, _name: string): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(recalculateXlsx(bytes) as unknown as ExcelJS.Buffer);
    return wb;
  }

  function valueOf(ws: ExcelJS.Worksheet, address: string): unknown {
    const v = ws.getCell(address).value;
    if (v !== null && typeof v === "object" && "formula" in v) return (v as ExcelJS.CellFormulaValue).result;
    return v;
  }

  test("the DfE invoices at 31 January 2018: Barnet 54 of 112 days, £51,840 spent, £55,680 left; 174 of 361 days, £167,040", async () => {
    const { report, lines, actuals } = tracked();
    const bytes = await reportToXlsx(report, { actuals: { lines, report: actuals }, cachedResults: false });
    const wb = await recalculated(bytes, "dfe-actuals");
    const ws = wb.getWorksheet("Budget vs actual")!;
    expect(wb.getWorksheet("Actuals")).toBeDefined();
    expect(valueOf(ws, `A${FIRST_LOT}`)).toBe("Barnet");
    expect(valueOf(ws, `C${FIRST_LOT}`)).toBe(112);
    expect(valueOf(ws, `E${FIRST_LOT}`)).toBe(54);
    expect(valueOf(ws, `F${FIRST_LOT}`)).toBe(51840);
    expect(valueOf(ws, `H${FIRST_LOT}`)).toBe(55680);
    // Every lot and the totals, as the engine has them.
    actuals.lots.forEach((lot, i) => {
      const r = FIRST_LOT + i;
      expect([lot.lot, valueOf(ws, `E${r}`), valueOf(ws, `F${r}`)]).toEqual([
        lot.lot,
        lot.daysUsed,
        lot.spent / 100,
      ]);
      expect(valueOf(ws, `G${r}`)).toBe(lot.remainingDays);
      expect(valueOf(ws, `H${r}`)).toBe(lot.remainingValue / 100);
      expect(Math.round((valueOf(ws, `I${r}`) as number) * 1000) / 10).toBe(lot.percentUsed);
      expect(valueOf(ws, `K${r}`)).toBeCloseTo(lot.varianceToPhased / 100, 6);
    });
    const total = FIRST_LOT + actuals.lots.length;
    expect(valueOf(ws, `C${total}`)).toBe(361);
    expect(valueOf(ws, `E${total}`)).toBe(174);
    expect(valueOf(ws, `F${total}`)).toBe(167040);
    expect(valueOf(ws, `H${total}`)).toBe(actuals.totals.remainingValue / 100);
    expect(valueOf(ws, `K${total}`)).toBeCloseTo(actuals.totals.varianceToPhased / 100, 6);

    // Month by month: the row for January 2018 has Barnet's cumulative phased budget and spend.
    let january = 0;
    ws.getColumn(1).eachCell((cell, row) => {
      const v = valueOf(ws, `A${row}`);
      if (v instanceof Date && v.getTime() === Date.UTC(2018, 0, 31)) january = row;
    });
    expect(january).toBeGreaterThan(total);
    expect(valueOf(ws, `C${january}`)).toBe(51840);
    const barnetPhased = report.phasing.lots
      .find((l) => l.lot === "Barnet")!
      .months.filter((m) => m.month <= "2018-01")
      .reduce((sum, m) => sum + m.value, 0);
    expect(valueOf(ws, `B${january}`)).toBe(barnetPhased / 100);
    // Kirklees's spend to the end of each month grows as its invoices do.
    const kirklees = lines.filter((l) => l.lot === "Kirklees" && (l.periodEnd ?? "") <= "2018-01-31");
    expect(valueOf(ws, `E${january}`)).toBe(kirklees.reduce((sum, l) => sum + l.amount, 0) / 100);
  });

  test("a lot named with SUMIFS wildcards (Barnet*) is matched literally, not as a pattern", async () => {
    const tender = dfeTender();
    tender.lots = tender.lots.map((l) => (l.name === "Kirklees" ? { ...l, name: "Barnet*" } : l));
    const lines = invoices().map((l) => (l.lot === "Kirklees" ? { ...l, lot: "Barnet*" } : l));
    const report = checkTender(tender);
    const actuals = checkActuals(tender, report.allocation, report.phasing, lines, { asOf: "2018-01-31" });
    const wb = await recalculated(
      await reportToXlsx(report, { actuals: { lines, report: actuals }, cachedResults: false }),
      "dfe-actuals-wildcard",
    );
    const ws = wb.getWorksheet("Budget vs actual")!;
    expect(actuals.lots.map((l) => l.lot)).toEqual(["Barnet", "Barnet*", "Reading", "Worcestershire"]);
    actuals.lots.forEach((lot, i) => {
      expect([lot.lot, valueOf(ws, `F${FIRST_LOT + i}`)]).toEqual([lot.lot, lot.spent / 100]);
    });
    expect(valueOf(ws, `F${FIRST_LOT}`)).toBe(51840);
  });

  test("an earlier as-of date and invoices dated by invoice date only are counted as the engine counts them", async () => {
    // Period dates removed from half the lines: those lines are dated by their invoice date.
    const lines = invoices().map((l, i) => {
      if (i % 2 === 0) return l;
      const { periodStart: _s, periodEnd: _e, ...rest } = l;
      return rest;
    });
    const { report, actuals } = tracked(lines, "2017-11-30");
    const wb = await recalculated(
      await reportToXlsx(report, { actuals: { lines, report: actuals }, cachedResults: false }),
      "dfe-actuals-november",
    );
    const ws = wb.getWorksheet("Budget vs actual")!;
    actuals.lots.forEach((lot, i) => {
      expect([lot.lot, valueOf(ws, `E${FIRST_LOT + i}`), valueOf(ws, `F${FIRST_LOT + i}`)]).toEqual([
        lot.lot,
        lot.daysUsed,
        lot.spent / 100,
      ]);
    });
    expect(valueOf(ws, `F${FIRST_LOT + actuals.lots.length}`)).toBe(actuals.totals.spent / 100);
    expect(actuals.totals.spent).toBeGreaterThan(0);
    expect(actuals.totals.spent).toBeLessThan(16_704_000);
  });
});

test("the in-memory host reads the newest Actuals sheet the add-in made, as the port promises", async () => {
  const port = new MemoryWorkbookPort(new MemoryWorkbook());
  await port.createActualsSheet(dfeTender(), invoices().slice(0, 1));
  const second = await port.createActualsSheet(dfeTender(), invoices().slice(0, 3));
  expect(second.ok && second.value.name).toBe("Actuals (2)");
  const read = await port.readActuals();
  expect(read.ok && read.value.map((l) => l.invoiceNumber)).toEqual(
    invoices()
      .slice(0, 3)
      .map((l) => l.invoiceNumber),
  );
});

test("reading 60,000 invoices loads the values in blocks, as tender reads do, and returns every line", async () => {
  const fake = new FakeExcel();
  const port = officePort(fake);
  const lines = manyInvoices(60_000);
  const { report } = tracked(lines.slice(0, 10), "2017-12-31");
  await port.createActualsSheet(report.tender, lines);
  const sync = jest.spyOn(fake.context, "sync");
  const read = await port.readActuals();
  expect(read.ok && read.value.length).toBe(60_000);
  // 100,000 cells in the first block, then ~3 MiB blocks: more than one values sync for 480,000 cells.
  expect(sync.mock.calls.length).toBeGreaterThan(3);
});
