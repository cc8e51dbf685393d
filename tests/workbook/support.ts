/**
 * Shared fixtures for the workbook tests: the engine's report for a tender, generated tenders, and
 * the add-in's port over a fake Excel, and a test's hands on a fake Excel or an in-memory workbook.
 */
import { checkTender, type Report } from "../../src/domain/check/check";
import type { IsoDate, Lot, Tender, Tolerance } from "../../src/domain/core/types";
import { parseAddress } from "../../src/workbook/a1";
import type { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { OfficeWorkbookPort } from "../../src/workbook/office/office-host";
import { FakeExcel } from "./fake-excel";

/** The engine's report for a tender. */
export function check(tender: Tender, tolerance?: Tolerance): Report {
  return checkTender(tender, tolerance ? { tolerance } : {});
}

/** A tender of `n` lots with day rates, days and stated values (every 7th lot overstated by £10). */
export function generatedTender(n: number): Tender {
  const lots: Lot[] = [];
  for (let i = 0; i < n; i++) {
    const rate = 45_000 + (i % 20) * 5_000;
    const days = 10 + (i % 37) + (i % 2 === 0 ? 0.5 : 0);
    const value = Math.round(rate * days);
    lots.push({ name: `Lot ${i + 1}`, dayRate: rate, days, statedValue: i % 7 === 0 ? value + 1000 : value });
  }
  return {
    title: `Generated tender of ${n} lots`,
    buyer: "Test Council",
    currency: "GBP",
    region: "GB-ENG",
    vatRate: 20,
    startDate: "2025-04-01",
    lots,
  };
}

/**
 * The add-in's port over a fake Excel: Excel API 1.17 unless `version` says otherwise, and `today`
 * fixed when given (else the clock's date).
 */
export function fakeOfficePort(
  fake: FakeExcel,
  options: { today?: IsoDate; version?: string } = {},
): OfficeWorkbookPort {
  const { today, version = "1.17" } = options;
  return new OfficeWorkbookPort({
    run: fake.run,
    requirements: FakeExcel.requirements(version),
    ...(today !== undefined ? { today: () => today } : {}),
  });
}

/**
 * What a test does to a fake Excel by hand, as a user would: a table added over a range, a value
 * typed into a cell, a cell's value read (empty as null), and a cell's solid fill read or set.
 */
export function fakeExcelCells(fake: FakeExcel) {
  const cell = (address: string) => {
    const p = parseAddress(address)!;
    return fake.sheet(p.sheet!)!.edit(p.rect.r0, p.rect.c0);
  };
  return {
    addTable: (address: string, name: string) => {
      const p = parseAddress(address)!;
      fake.sheet(p.sheet!)!.tables.push({ name, rect: p.rect, showTotals: false });
    },
    type: (address: string, value: string | number): void => {
      const c = cell(address);
      delete c.formula;
      c.value = value;
    },
    value: (address: string): unknown => {
      const v = cell(address).value;
      return v === "" ? null : v;
    },
    fill: (address: string): string | undefined => {
      const f = cell(address).fill;
      return f?.pattern === "Solid" ? f.color : undefined;
    },
    setFill: (address: string, color: string): void => {
      cell(address).fill = { color, pattern: "Solid" };
    },
  };
}

/** The same by hand on an in-memory workbook: a cell's value (empty as null) and its fill read or set. */
export function memoryCells(workbook: MemoryWorkbook) {
  const at = (address: string) => {
    const p = parseAddress(address)!;
    return { sheet: workbook.sheet(p.sheet!)!, r: p.rect.r0, c: p.rect.c0 };
  };
  return {
    value: (address: string): unknown => {
      const { sheet, r, c } = at(address);
      return sheet.cell(r, c)?.value ?? null;
    },
    fill: (address: string): string | undefined => {
      const { sheet, r, c } = at(address);
      return sheet.cell(r, c)?.fill;
    },
    setFill: (address: string, color: string): void => {
      const { sheet, r, c } = at(address);
      sheet.set(r, c, { ...(sheet.cell(r, c) ?? { value: null }), fill: color });
    },
  };
}
