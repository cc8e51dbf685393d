import fc from "fast-check";
import { allocate } from "../../../src/domain/check/allocation";
import { dayOfWeek, fromDayNumber, toDayNumber } from "../../../src/domain/core/calendar";
import { phase } from "../../../src/domain/check/phasing";
import { DFE_2017 } from "../dfe-2017";
import { parsedTender as tender } from "../../support/tenders";

describe("phase: the DfE 2017 tender from 31 August 2017 at 5 days a week", () => {
  const t = tender(DFE_2017);
  const p = phase(t, allocate(t));

  it("works Barnet's 112 days month by month over working days", () => {
    const barnet = p.lots[0];
    expect(barnet.months.map((x) => [x.month, x.days, x.value])).toEqual([
      ["2017-08", 1, 96000],
      ["2017-09", 21, 2016000],
      ["2017-10", 22, 2112000],
      ["2017-11", 22, 2112000],
      ["2017-12", 19, 1824000], // 25 and 26 December are bank holidays
      ["2018-01", 22, 2112000],
      ["2018-02", 5, 480000],
    ]);
    expect(barnet.endDate).toBe("2018-02-07");
    expect(p.lots.map((l) => l.endDate)).toEqual(["2018-02-07", "2017-11-09", "2018-01-19", "2018-01-19"]);
  });

  it("rolls up by month, financial quarter and financial year to the total", () => {
    expect(p.months).toEqual([
      { month: "2017-08", value: 384000 },
      { month: "2017-09", value: 8064000 },
      { month: "2017-10", value: 8448000 },
      { month: "2017-11", value: 7008000 },
      { month: "2017-12", value: 5472000 },
      { month: "2018-01", value: 4800000 },
      { month: "2018-02", value: 480000 },
    ]);
    expect(p.quarters).toEqual([
      { quarter: "2017/18 Q2", value: 8448000 },
      { quarter: "2017/18 Q3", value: 20928000 },
      { quarter: "2017/18 Q4", value: 5280000 },
    ]);
    expect(p.financialYears).toEqual([{ financialYear: "2017/18", value: 34656000 }]);
    expect(p.total).toBe(34656000);
    expect(p.unphased).toEqual([]);
  });

  it("spreads the same days further at fewer days a week", () => {
    const slow = phase(t, allocate(t), { daysPerWeek: 2.5 });
    expect(slow.lots[1].months.map((x) => [x.month, x.days])).toEqual([
      ["2017-08", 0.5],
      ["2017-09", 10.5],
      ["2017-10", 11],
      ["2017-11", 11],
      ["2017-12", 9.5],
      ["2018-01", 8.5],
    ]);
    expect(slow.lots[1].months.reduce((s, x) => s + x.value, 0)).toBe(4896000);
    // At half pace Barnet's 112 days run past March 2018 into the next financial year.
    expect(slow.financialYears).toEqual([
      { financialYear: "2017/18", value: 26208000 },
      { financialYear: "2018/19", value: 8448000 },
    ]);
    expect(slow.lots[0].endDate).toBe("2018-07-19");
    expect(() => phase(t, allocate(t), { daysPerWeek: 0 })).toThrow(RangeError);
    expect(() => phase(t, allocate(t), { daysPerWeek: 6 })).toThrow(RangeError);
  });
});

describe("phase: lots it cannot phase", () => {
  it("reports a lot with no start date or no days rather than guessing", () => {
    const t = tender({
      startDate: "2018-03-29",
      lots: [
        { name: "No rate", statedValue: 5000 },
        { name: "Own start", days: 2, dayRate: 500, startDate: "2018-03-29" },
        { name: "Unvalued", days: 3 },
      ],
    });
    const p = phase(t, allocate(t));
    expect(p.unphased).toEqual([
      { index: 0, lot: "No rate", path: "lots[0].days", reason: expect.stringMatching(/no days/) },
      { index: 2, lot: "Unvalued", path: "lots[2]", reason: expect.stringMatching(/no value/) },
    ]);
    // 29 March 2018 (2017/18) and, after Good Friday and Easter Monday, 3 April 2018 (2018/19).
    expect(p.lots[0].months).toEqual([
      { month: "2018-03", days: 1, value: 50000 },
      { month: "2018-04", days: 1, value: 50000 },
    ]);
    expect(p.lots[0].endDate).toBe("2018-04-03");
    expect(p.financialYears).toEqual([
      { financialYear: "2017/18", value: 50000 },
      { financialYear: "2018/19", value: 50000 },
    ]);
    const noStart = tender({ lots: [{ name: "A", days: 2, dayRate: 500 }] });
    expect(phase(noStart, allocate(noStart)).unphased[0]).toMatchObject({ path: "lots[0].startDate" });
  });

  it("fills the months between with zero", () => {
    const t = tender({
      dayRate: 500,
      lots: [
        { name: "A", days: 1, startDate: "2017-08-31" },
        { name: "B", days: 1, startDate: "2017-11-01" },
      ],
    });
    expect(phase(t, allocate(t)).months).toEqual([
      { month: "2017-08", value: 50000 },
      { month: "2017-09", value: 0 },
      { month: "2017-10", value: 0 },
      { month: "2017-11", value: 50000 },
    ]);
  });
});

describe("phase: properties", () => {
  it("each lot's months add up to its value and days; roll-ups add up to the total; nothing changes", () => {
    const base = toDayNumber("2016-01-01");
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offset: fc.integer({ min: 0, max: 1500 }),
            quarters: fc.integer({ min: 1, max: 2000 }),
            rate: fc.integer({ min: 1, max: 300000 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom(1, 2.5, 3, 4.5, 5),
        fc.constantFrom("GB-ENG", "GB-SCT", "GB-NIR"),
        (lots, daysPerWeek, region) => {
          const t = tender({
            region,
            lots: lots.map((l, i) => ({
              name: `L${i}`,
              startDate: fromDayNumber(base + l.offset),
              days: l.quarters / 4,
              dayRate: l.rate / 100,
            })),
          });
          const a = allocate(t);
          const before = JSON.stringify([t, a]);
          const p = phase(t, a, { daysPerWeek });
          expect(JSON.stringify([t, a])).toBe(before);
          expect(p.unphased).toEqual([]);
          for (const lot of p.lots) {
            expect(lot.months.reduce((s, x) => s + x.value, 0)).toBe(lot.value);
            expect(lot.months.reduce((s, x) => s + x.days, 0)).toBeCloseTo(lot.days, 9);
            expect(lot.months[0].month >= lot.startDate.slice(0, 7)).toBe(true);
            expect(lot.months[lot.months.length - 1].month).toBe(lot.endDate.slice(0, 7));
            const w = dayOfWeek(lot.endDate);
            expect(w === 0 || w === 6).toBe(false);
          }
          const sum = (rows: { value: number }[]) => rows.reduce((s, r) => s + r.value, 0);
          expect(sum(p.months)).toBe(a.total);
          expect(sum(p.quarters)).toBe(a.total);
          expect(sum(p.financialYears)).toBe(a.total);
          expect(p.total).toBe(a.total);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("phase: lots whose days differ by less than a hundredth", () => {
  it("does not give a lot of 33.33 days and one of 33 1/3 days (worked out from its value) the same months", () => {
    // Lot A: 33.33 days given; lot B: £32,000 at £960 a day, 33.333… days worked out. Both start on
    // the same day, so only their days tell their paces apart.
    const t = tender({
      ...DFE_2017,
      statedTotal: undefined,
      dayRate: 960,
      lots: [
        { name: "A", days: 33.33, startDate: "2017-09-01" },
        { name: "B", statedValue: 32000, startDate: "2017-09-01" },
        { name: "C", days: 33.33, startDate: "2017-09-01" },
      ],
    });
    const p = phase(t, allocate(t));
    const days = (i: number) => p.lots[i].months.reduce((sum, m) => sum + m.days, 0);
    expect(days(0)).toBeCloseTo(33.33, 9);
    expect(days(1)).toBeCloseTo(100 / 3, 9);
    expect(p.lots[2].months).toBe(p.lots[0].months);
    expect(p.lots[1].months).not.toBe(p.lots[0].months);
  });
});

describe("phase: many lots at the same pace", () => {
  it("phases each lot as it would be phased alone, in lots that share start dates, days and values", () => {
    const starts = ["2025-04-07", "2025-12-22", "2026-02-27"];
    const lots = Array.from({ length: 120 }, (_, i) => ({
      name: `Lot ${i + 1}`,
      dayRate: 450 + (i % 4) * 50.25,
      days: 3 + (i % 5) * 7.5,
      startDate: starts[i % 3],
    }));
    const t = tender({ ...DFE_2017, statedTotal: undefined, dayRate: undefined, lots });
    const p = phase(t, allocate(t), { daysPerWeek: 3 });
    expect(p.lots).toHaveLength(120);
    const monthTotals = new Map<string, number>();
    p.lots.forEach((lot, i) => {
      const alone = tender({ ...DFE_2017, statedTotal: undefined, dayRate: undefined, lots: [lots[i]] });
      const single = phase(alone, allocate(alone), { daysPerWeek: 3 }).lots[0];
      expect({ ...lot, index: 0 }).toEqual(single);
      for (const m of lot.months) monthTotals.set(m.month, (monthTotals.get(m.month) ?? 0) + m.value);
    });
    // Lots 1 and 61 have the same start, rate and days: they share their months.
    expect(p.lots[60].months).toBe(p.lots[0].months);
    expect(p.lots[1].months).not.toEqual(p.lots[0].months);
    expect(p.months.filter((m) => m.value !== 0)).toEqual(
      [...monthTotals].sort(([a], [b]) => a.localeCompare(b)).map(([month, value]) => ({ month, value })),
    );
    expect(p.total).toBe(p.lots.reduce((s, l) => s + l.value, 0));
  });
});
