import fc from "fast-check";
import { type ActualLine, checkActuals, readActualsCsv } from "../../../src/domain/actuals";
import { phasedToDate } from "../../../src/domain/actuals/plan";
import { allocate } from "../../../src/domain/check/allocation";
import { addDays } from "../../../src/domain/core/calendar";
import { toCsv } from "../../../src/domain/tables/csv";
import { rateTimesDays } from "../../../src/domain/core/money";
import { phase } from "../../../src/domain/check/phasing";
import type { Tender } from "../../../src/domain/core/types";

const START = "2017-08-31";

const tenderArb: fc.Arbitrary<Tender> = fc
  .array(
    fc.record({
      dayRate: fc.integer({ min: 30_000, max: 300_000 }),
      // Whole or half days, as a tender states them.
      halfDays: fc.integer({ min: 2, max: 600 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((lots) => ({
    title: "Generated",
    buyer: "Buyer",
    currency: "GBP",
    startDate: START,
    region: "GB-ENG",
    vatRate: 20,
    lots: lots.map((l, i) => ({ name: `Lot ${i + 1}`, dayRate: l.dayRate, days: l.halfDays / 2 })),
  }));

function linesArb(tender: Tender): fc.Arbitrary<ActualLine[]> {
  const lotCount = tender.lots.length;
  return fc.array(
    fc
      .record({
        lot: fc.integer({ min: 0, max: lotCount }), // lotCount: a lot the tender does not have
        number: fc.integer({ min: 1, max: 40 }),
        startOffset: fc.integer({ min: -30, max: 500 }),
        length: fc.integer({ min: 0, max: 40 }),
        hundredths: fc.integer({ min: 1, max: 3_000 }),
        atRate: fc.boolean(),
        amount: fc.integer({ min: 0, max: 5_000_000 }),
      })
      .map((r) => {
        const lot = r.lot < lotCount ? tender.lots[r.lot] : { name: "Nowhere", dayRate: 50_000 };
        const days = r.hundredths / 100;
        const periodStart = addDays(START, r.startOffset);
        return {
          lot: lot.name,
          invoiceNumber: `INV-${r.number}`,
          periodStart,
          periodEnd: addDays(periodStart, r.length),
          days,
          amount: r.atRate ? rateTimesDays(lot.dayRate as number, days) : r.amount,
        };
      }),
    { maxLength: 40 },
  );
}

const caseArb = tenderArb.chain((tender) =>
  fc.record({
    tender: fc.constant(tender),
    lines: linesArb(tender),
    asOf: fc.option(
      fc.integer({ min: -10, max: 600 }).map((d) => addDays(START, d)),
      { nil: undefined },
    ),
  }),
);

describe("properties of the position", () => {
  test("spent + remaining = allocation exactly, per lot and in total, in pence and in days", () => {
    fc.assert(
      fc.property(caseArb, ({ tender, lines, asOf }) => {
        const allocation = allocate(tender);
        const report = checkActuals(tender, allocation, phase(tender, allocation), lines, { asOf });
        let spent = 0;
        for (const p of report.lots) {
          expect(p.spent + p.remainingValue).toBe(p.allocatedValue);
          expect(Math.round(p.daysUsed * 100) + Math.round((p.remainingDays as number) * 100)).toBe(
            Math.round((p.allocatedDays as number) * 100),
          );
          spent += p.spent;
        }
        expect(report.totals.spent + report.totals.remainingValue).toBe(report.totals.allocatedValue);
        expect(report.totals.allocatedValue).toBe(allocation.total);
        expect(report.totals.spent).toBe(spent);
        // Every line is either counted in a lot's position or listed as not counted.
        const uncounted = report.notCounted.reduce((s, n) => s + lines[n.index].amount, 0);
        expect(spent + uncounted).toBe(lines.reduce((s, l) => s + l.amount, 0));
      }),
      { numRuns: 150 },
    );
  });

  test("a rate mismatch is found exactly for the known-lot lines not at days × rate", () => {
    fc.assert(
      fc.property(caseArb, ({ tender, lines }) => {
        const allocation = allocate(tender);
        const report = checkActuals(tender, allocation, phase(tender, allocation), lines);
        const expected = lines
          .map((l, i) => ({ l, i, lot: tender.lots.find((t) => t.name === l.lot) }))
          .filter(
            ({ l, lot }) => lot !== undefined && l.amount !== rateTimesDays(lot.dayRate as number, l.days),
          )
          .map(({ i }) => `actuals[${i}].amount`);
        expect(report.findings.filter((f) => f.code === "INVOICE_RATE_MISMATCH").map((f) => f.path)).toEqual(
          expected,
        );
      }),
      { numRuns: 100 },
    );
  });

  test("the phased budget to date never falls as the date moves on, and reaches the lot value", () => {
    fc.assert(
      fc.property(
        tenderArb,
        fc.integer({ min: -5, max: 400 }),
        fc.integer({ min: 1, max: 40 }),
        (tender, offset, step) => {
          const allocation = allocate(tender);
          const phasing = phase(tender, allocation);
          for (const lot of phasing.lots) {
            const plan = {
              index: lot.index,
              lot: lot.lot,
              key: lot.lot.toLowerCase(),
              value: lot.value,
              valued: true,
              start: lot.startDate,
              plannedEnd: lot.endDate,
              phased: new Map(lot.months.map((m) => [m.month, m.value])),
            };
            const a = phasedToDate(plan, addDays(START, offset), tender.region);
            const b = phasedToDate(plan, addDays(START, offset + step), tender.region);
            expect(a).toBeGreaterThanOrEqual(0);
            expect(b).toBeGreaterThanOrEqual(a);
            expect(b).toBeLessThanOrEqual(lot.value);
            expect(phasedToDate(plan, lot.endDate, tender.region)).toBe(lot.value);
            expect(phasedToDate(plan, addDays(START, -1), tender.region)).toBe(0);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("properties of the reader", () => {
  test("lines written as CSV with UK dates and £ amounts read back the same", () => {
    const uk = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
    const money = (p: number): string =>
      `£${Math.floor(p / 100).toLocaleString("en-GB")}.${String(p % 100).padStart(2, "0")}`;
    fc.assert(
      fc.property(
        tenderArb.chain((t) => linesArb(t)),
        (lines) => {
          const rows = [
            ["Lot", "Invoice number", "Period start", "Period end", "Days", "Amount ex VAT"],
            ...lines.map((l) => [
              l.lot,
              l.invoiceNumber,
              uk(l.periodStart as string),
              uk(l.periodEnd as string),
              String(l.days),
              money(l.amount),
            ]),
          ];
          const read = readActualsCsv(toCsv(rows));
          expect(read.ok && read.value.lines).toEqual(lines);
        },
      ),
      { numRuns: 100 },
    );
  });
});
