import fc from "fast-check";
import {
  allocate,
  inferDayRate,
  splitEnvelope,
  splitEnvelopeDays,
} from "../../../src/domain/check/allocation";
import type { Tender } from "../../../src/domain/core/types";
import { parsedTender as tender, tenderOf } from "../../support/tenders";
import { DFE_2017 } from "../dfe-2017";

/** The DfE 2017 lots (Barnet, Kirklees, Reading, Worcestershire): their stated values in pence, their days. */
const DFE_STATED_VALUES = [10752000, 4896000, 9504000, 9504000];
const DFE_DAYS = [112, 51, 99, 99];

describe("inferDayRate", () => {
  it("takes the greatest common divisor of the stated values when it is plausible", () => {
    expect(inferDayRate(DFE_STATED_VALUES)).toEqual({
      ok: true,
      rate: 96000,
      band: { min: 30000, max: 300000 },
      valueCount: 4,
    });
  });
  it("says when no plausible rate exists", () => {
    expect(inferDayRate([960000, 1920000])).toMatchObject({ ok: false, reason: "above-band", gcd: 960000 });
    expect(inferDayRate([1000001, 1000000])).toMatchObject({ ok: false, reason: "below-band", gcd: 1 });
    expect(inferDayRate([96000])).toMatchObject({ ok: false, reason: "too-few-values", gcd: 96000 });
    expect(inferDayRate([96000, 0])).toMatchObject({ ok: false, reason: "too-few-values" });
    expect(inferDayRate([])).toMatchObject({ ok: false, reason: "too-few-values", gcd: 0 });
  });
  it("uses the band it is given, inclusive", () => {
    expect(inferDayRate([960000, 1920000], { min: 30000, max: 960000 })).toMatchObject({
      ok: true,
      rate: 960000,
    });
  });
});

describe("allocate", () => {
  it("works out the DfE 2017 tender: £960 a day, 112, 51, 99 and 99 days, £346,560", () => {
    const t = tender(DFE_2017);
    const before = JSON.stringify(t);
    const a = allocate(t);
    expect(JSON.stringify(t)).toBe(before);
    expect(a.inferredDayRate).toBe(96000);
    expect(a.lines.map((l) => [l.lot, l.dayRate, l.dayRateSource, l.days, l.daysSource, l.value])).toEqual([
      ["Barnet", 96000, "inferred", 112, "inferred", 10752000],
      ["Kirklees", 96000, "inferred", 51, "inferred", 4896000],
      ["Reading", 96000, "inferred", 99, "inferred", 9504000],
      ["Worcestershire", 96000, "inferred", 99, "inferred", 9504000],
    ]);
    expect(a.total).toBe(34656000);
    expect(a.variance).toBe(56000);
    expect(a.variancePercent).toBeCloseTo(0.161849711, 8);
    expect(a.vat).toBe(6931200);
    expect(a.totalIncVat).toBe(41587200);
    expect(a.lines[0].share).toBeCloseTo(10752000 / 34656000, 12);
    expect(a.lines.reduce((s, l) => s + l.share, 0)).toBeCloseTo(1, 12);
  });

  it("values lots at rate × days, the lot's own rate first", () => {
    const a = allocate(
      tender({
        dayRate: 800,
        statedTotal: 10000,
        lots: [
          { name: "A", days: 2.5 },
          { name: "B", dayRate: 1000, days: 3, statedValue: 3100 },
          { name: "C", statedValue: 1000 },
        ],
      }),
    );
    expect(a.lines[0]).toMatchObject({
      dayRate: 80000,
      dayRateSource: "tender",
      value: 200000,
      valueSource: "computed",
    });
    expect(a.lines[0].variance).toBeUndefined();
    expect(a.lines[1]).toMatchObject({
      dayRate: 100000,
      dayRateSource: "lot",
      value: 300000,
      variance: -10000,
    });
    expect(a.lines[2]).toMatchObject({
      days: 1.25,
      daysSource: "inferred",
      value: 100000,
      valueSource: "statedValue",
    });
    expect(a.total).toBe(600000);
    expect(a.rateInference).toBeUndefined();
    expect(a.variance).toBe(-400000);
  });

  it("leaves a lot unvalued when it has days but no rate can be found", () => {
    const a = allocate(
      tender({
        lots: [
          { name: "A", days: 5 },
          { name: "B", statedValue: 4800 },
        ],
      }),
    );
    expect(a.lines[0].value).toBeUndefined();
    expect(a.lines[0].dayRate).toBeUndefined();
    expect(a.rateInference).toMatchObject({ ok: false, reason: "too-few-values" });
    expect(a.total).toBe(480000);
    expect(a.lines[1].share).toBe(1);
  });

  it("uses each lot's start and end, else the tender's", () => {
    const a = allocate(
      tender({
        startDate: "2017-08-31",
        endDate: "2018-03-31",
        lots: [{ name: "A", days: 1, dayRate: 500, endDate: "2017-12-01" }],
      }),
    );
    expect(a.lines[0]).toMatchObject({ startDate: "2017-08-31", endDate: "2017-12-01" });
  });

  it("adds up the lots exactly and never changes the tender", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            days: fc.option(
              fc.integer({ min: 0, max: 4000 }).map((q) => q / 4),
              { nil: undefined },
            ),
            dayRate: fc.option(fc.integer({ min: 1, max: 500000 }), { nil: undefined }),
            statedValue: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.option(fc.integer({ min: 1, max: 500000 }), { nil: undefined }),
        (lots, dayRate) => {
          const t = tenderOf(
            lots.map((l, i) => {
              const lot: Tender["lots"][number] = { name: `Lot ${i}` };
              if (l.days !== undefined) lot.days = l.days;
              if (l.dayRate !== undefined) lot.dayRate = l.dayRate;
              if (l.statedValue !== undefined || l.days === undefined) lot.statedValue = l.statedValue ?? 0;
              return lot;
            }),
            dayRate === undefined ? {} : { dayRate },
          );
          const before = JSON.stringify(t);
          const a = allocate(t);
          expect(JSON.stringify(t)).toBe(before);
          expect(a.total).toBe(a.lines.reduce((s, l) => s + (l.value ?? 0), 0));
          expect(Number.isSafeInteger(a.total)).toBe(true);
          expect(a.totalIncVat).toBe(a.total + a.vat);
          for (const l of a.lines) {
            if (l.valueSource === "computed") {
              expect(l.value).toBe(Math.round((l.dayRate as number) * (l.days as number)));
            }
          }
        },
      ),
    );
  });
});

describe("back-solving an envelope", () => {
  it("splits pence exactly by days", () => {
    // Exact shares 10,734,626.04 / 4,888,088.64 / 9,488,642.66 / 9,488,642.66: two pence left over
    // go to the two largest remainders (the 99-day lots).
    expect(splitEnvelope(34600000, DFE_DAYS)).toEqual([10734626, 4888088, 9488643, 9488643]);
    expect(splitEnvelope(34600000, DFE_DAYS).reduce((a, b) => a + b, 0)).toBe(34600000);
  });
  it("splits whole days and says what is left", () => {
    const r = splitEnvelopeDays(34600000, 96000, DFE_DAYS);
    expect(r.days.reduce((a, b) => a + b, 0)).toBe(360);
    // £346,000 buys 360 whole days at £960: shares 111.69, 50.86, 98.73, 98.73 → 111, 51, 99, 99.
    expect(r.days).toEqual([111, 51, 99, 99]);
    expect(r.value).toBe(34560000);
    expect(r.unspent).toBe(40000);
    expect(() => splitEnvelopeDays(100, 0, [1])).toThrow(RangeError);
  });
});
