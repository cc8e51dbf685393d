/**
 * Shared fixtures for the workbook tests: the engine's report for a tender, generated tenders, and
 * the add-in's port over a fake Excel.
 */
import { checkTender, type Report } from "../../src/domain/check/check";
import type { IsoDate, Lot, Tender, Tolerance } from "../../src/domain/core/types";
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
