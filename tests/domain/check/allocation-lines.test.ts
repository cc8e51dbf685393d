import fc from "fast-check";
import { allocate, type AllocationLine } from "../../../src/domain/check/allocation";
import { fromDayNumber, toDayNumber, workingDaysBetween } from "../../../src/domain/core/calendar";
import { rateTimesDays } from "../../../src/domain/core/money";
import { phase } from "../../../src/domain/check/phasing";
import { reconcile } from "../../../src/domain/check/reconcile";
import type { Finding, Tender } from "../../../src/domain/core/types";
import { DFE_2017 } from "../dfe-2017";
import { parsedTender as tender, tenderOf } from "../../support/tenders";

/** The keys of every line, in order. */
const LINE_KEYS = [
  "index",
  "lot",
  "dayRate",
  "dayRateSource",
  "days",
  "daysSource",
  "value",
  "valueSource",
  "statedValue",
  "variance",
  "share",
  "startDate",
  "endDate",
];

/**
 * The line each lot should have, worked out plainly from the tender (and the day rate the
 * allocation inferred): every key present, undefined where there is no such figure.
 */
function expectedLines(t: Tender, inferred: number | undefined) {
  const bare = t.lots.map((lot, index) => {
    const rate = lot.dayRate ?? t.dayRate ?? inferred;
    const dayRateSource =
      lot.dayRate !== undefined
        ? ("lot" as const)
        : t.dayRate !== undefined
          ? ("tender" as const)
          : inferred !== undefined
            ? ("inferred" as const)
            : undefined;
    const stated = lot.statedValue;
    // Given days are valued at the rate when there is one; otherwise the stated value stands, and
    // its days are worked out at the rate.
    const computed = lot.days !== undefined && rate !== undefined;
    const value = computed ? rateTimesDays(rate as number, lot.days as number) : stated;
    const valueSource: AllocationLine["valueSource"] =
      value === undefined ? undefined : computed ? "computed" : "statedValue";
    const inferDays = lot.days === undefined && rate !== undefined && stated !== undefined;
    const days = inferDays ? (stated as number) / (rate as number) : lot.days;
    const daysSource: AllocationLine["daysSource"] =
      lot.days !== undefined ? "lot" : inferDays ? "inferred" : undefined;
    const variance = computed && stated !== undefined ? (value as number) - stated : undefined;
    return {
      index,
      lot: lot.name,
      dayRate: rate,
      dayRateSource,
      days,
      daysSource,
      value,
      valueSource,
      statedValue: stated,
      variance,
      share: 0,
      startDate: lot.startDate ?? t.startDate,
      endDate: lot.endDate ?? t.endDate,
    };
  });
  const total = bare.reduce((s, l) => s + (l.value ?? 0), 0);
  for (const line of bare) line.share = total !== 0 && line.value !== undefined ? line.value / total : 0;
  return bare;
}

/** Every line has the 13 keys in order, and no figure is NaN. */
function expectShape(lines: readonly AllocationLine[]): void {
  for (const line of lines) {
    expect(Object.keys(line)).toEqual(LINE_KEYS);
    for (const key of LINE_KEYS) {
      expect(Number.isNaN((line as unknown as Record<string, unknown>)[key])).toBe(false);
    }
  }
}

describe("allocation lines", () => {
  it("the DfE 2017 tender: 13 keys in order, undefined where absent", () => {
    const t = tender(DFE_2017);
    const a = allocate(t);
    expectShape(a.lines);
    expect(a.lines[0]).toStrictEqual({
      index: 0,
      lot: "Barnet",
      dayRate: 96000,
      dayRateSource: "inferred",
      days: 112,
      daysSource: "inferred",
      value: 10752000,
      valueSource: "statedValue",
      statedValue: 10752000,
      variance: undefined,
      share: 10752000 / 34656000,
      startDate: "2017-08-31",
      endDate: undefined,
    });
    expect(a.lines).toStrictEqual(expectedLines(t, 96000));
  });

  it("a tender rate, a lot rate, given and inferred days, variances and lot dates", () => {
    const t = tender({
      dayRate: 800,
      statedTotal: 10000,
      startDate: "2024-04-02",
      endDate: "2024-12-20",
      lots: [
        { name: "A", days: 2.5 },
        { name: "B", dayRate: 1000, days: 3, statedValue: 3100 },
        { name: "C", statedValue: 1000 },
        { name: "D", days: 1, statedValue: 800, startDate: "2024-05-01", endDate: "2024-06-28" },
        { name: "E", days: 0, endDate: "2024-04-30" },
      ],
    });
    const a = allocate(t);
    expectShape(a.lines);
    expect(a.total).toBe(200000 + 300000 + 100000 + 80000);
    expect(a.lines.map((l) => [l.dayRate, l.dayRateSource, l.days, l.daysSource])).toEqual([
      [80000, "tender", 2.5, "lot"],
      [100000, "lot", 3, "lot"],
      [80000, "tender", 1.25, "inferred"],
      [80000, "tender", 1, "lot"],
      [80000, "tender", 0, "lot"],
    ]);
    expect(a.lines.map((l) => [l.value, l.valueSource, l.statedValue, l.variance])).toStrictEqual([
      [200000, "computed", undefined, undefined],
      [300000, "computed", 310000, -10000],
      [100000, "statedValue", 100000, undefined],
      [80000, "computed", 80000, 0],
      [0, "computed", undefined, undefined],
    ]);
    expect(a.lines.map((l) => [l.startDate, l.endDate])).toEqual([
      ["2024-04-02", "2024-12-20"],
      ["2024-04-02", "2024-12-20"],
      ["2024-04-02", "2024-12-20"],
      ["2024-05-01", "2024-06-28"],
      ["2024-04-02", "2024-04-30"],
    ]);
    expect(a.lines.map((l) => l.share)).toEqual([
      200000 / 680000,
      300000 / 680000,
      100000 / 680000,
      80000 / 680000,
      0,
    ]);
    expect(a.lines).toStrictEqual(expectedLines(t, undefined));
  });

  it("no rate at all: values from stated values, no days or no value, no dates", () => {
    const t = tender({
      lots: [
        { name: "Stated only", statedValue: 1234.56 },
        { name: "Days only", days: 10 },
        { name: "Both", days: 4, statedValue: 2000 },
      ],
    });
    const a = allocate(t);
    expect(a.inferredDayRate).toBeUndefined();
    expect(a.rateInference).toMatchObject({ ok: false });
    expectShape(a.lines);
    expect(a.lines).toStrictEqual([
      {
        index: 0,
        lot: "Stated only",
        dayRate: undefined,
        dayRateSource: undefined,
        days: undefined,
        daysSource: undefined,
        value: 123456,
        valueSource: "statedValue",
        statedValue: 123456,
        variance: undefined,
        share: 123456 / 323456,
        startDate: undefined,
        endDate: undefined,
      },
      {
        index: 1,
        lot: "Days only",
        dayRate: undefined,
        dayRateSource: undefined,
        days: 10,
        daysSource: "lot",
        value: undefined,
        valueSource: undefined,
        statedValue: undefined,
        variance: undefined,
        share: 0,
        startDate: undefined,
        endDate: undefined,
      },
      {
        index: 2,
        lot: "Both",
        dayRate: undefined,
        dayRateSource: undefined,
        days: 4,
        daysSource: "lot",
        value: 200000,
        valueSource: "statedValue",
        statedValue: 200000,
        variance: undefined,
        share: 200000 / 323456,
        startDate: undefined,
        endDate: undefined,
      },
    ]);
  });

  it("an inferred rate beside a lot's own rate", () => {
    const t = tender({
      startDate: "2017-08-31",
      lots: [
        { name: "Barnet", statedValue: "£107,520" },
        { name: "Kirklees", statedValue: "£48,960", startDate: "2017-09-04" },
        { name: "Own", dayRate: 500, days: 2, endDate: "2017-12-22" },
        { name: "Given", days: 3 },
      ],
    });
    const a = allocate(t);
    expect(a.inferredDayRate).toBe(96000);
    expectShape(a.lines);
    expect(a.lines.map((l) => [l.dayRateSource, l.days, l.daysSource, l.value, l.valueSource])).toEqual([
      ["inferred", 112, "inferred", 10752000, "statedValue"],
      ["inferred", 51, "inferred", 4896000, "statedValue"],
      ["lot", 2, "lot", 100000, "computed"],
      ["inferred", 3, "lot", 288000, "computed"],
    ]);
    expect(a.lines).toStrictEqual(expectedLines(t, 96000));
  });

  it("shares are 0, not NaN, when the total is 0", () => {
    const t = tender({
      lots: [
        { name: "A", statedValue: 0 },
        { name: "B", dayRate: 500, days: 0 },
        { name: "C", days: 5 },
      ],
    });
    const a = allocate(t);
    expect(a.total).toBe(0);
    expectShape(a.lines);
    expect(a.lines.map((l) => [l.value, l.share])).toStrictEqual([
      [0, 0],
      [0, 0],
      [undefined, 0],
    ]);
    expect(a.lines).toStrictEqual(expectedLines(t, undefined));
  });
});

// Random valid tenders, read by parseTender like a tender file.
const BASE_DAY = toDayNumber("2024-01-02");
const dateArb = fc.integer({ min: 0, max: 500 }).map((d) => fromDayNumber(BASE_DAY + d));
const pounds = (pence: number): string => (pence / 100).toFixed(2);
// From £30 a day: no lot has so many days that it is not phased (MAX_PHASING_YEARS).
const rateArb = fc.oneof(
  fc.integer({ min: 30_000, max: 300_000 }),
  fc.integer({ min: 3_000, max: 5_000_000 }),
);
const statedArb = fc.oneof(
  fc.integer({ min: 0, max: 50_000_000 }),
  // Multiples of one rate, so that a rate is often inferred.
  fc.integer({ min: 1, max: 300 }).map((k) => k * 96_000),
  fc.integer({ min: 1, max: 300 }).map((k) => k * 45_050),
);
const daysArb = fc.integer({ min: 0, max: 40_000 }).map((h) => h / 100);

const tenderArb = fc
  .record({
    dayRate: fc.option(rateArb, { nil: undefined, freq: 3 }),
    statedTotal: fc.option(fc.integer({ min: 1, max: 500_000_000 }), { nil: undefined }),
    closingDate: fc.option(dateArb, { nil: undefined, freq: 4 }),
    startDate: fc.option(dateArb, { nil: undefined }),
    endDate: fc.option(dateArb, { nil: undefined }),
    // A few dates the lots share, besides their own.
    shared: fc.array(dateArb, { minLength: 1, maxLength: 3 }),
    lots: fc.array(
      fc.record({
        dayRate: fc.option(rateArb, { nil: undefined, freq: 3 }),
        days: fc.option(daysArb, { nil: undefined }),
        statedValue: fc.option(statedArb, { nil: undefined }),
        start: fc.oneof(fc.constant(undefined), fc.nat(2), dateArb),
        end: fc.oneof(fc.constant(undefined), fc.nat(2), dateArb),
      }),
      { minLength: 1, maxLength: 30 },
    ),
  })
  .map((x) => {
    const pick = (d: number | string | undefined) =>
      typeof d === "number" ? x.shared[d % x.shared.length] : d;
    const input: Record<string, unknown> = {
      lots: x.lots.map((l, i) => {
        const lot: Record<string, unknown> = { name: `Lot ${i + 1}` };
        if (l.dayRate !== undefined) lot.dayRate = pounds(l.dayRate);
        if (l.days !== undefined) lot.days = l.days;
        // Every lot needs days or a stated value.
        if (l.statedValue !== undefined || l.days === undefined)
          lot.statedValue = pounds(l.statedValue ?? 100_000);
        const start = pick(l.start);
        const end = pick(l.end);
        if (start !== undefined) lot.startDate = start;
        if (end !== undefined) lot.endDate = end;
        return lot;
      }),
    };
    if (x.dayRate !== undefined) input.dayRate = pounds(x.dayRate);
    if (x.statedTotal !== undefined) input.statedTotal = pounds(x.statedTotal);
    if (x.closingDate !== undefined) input.closingDate = x.closingDate;
    if (x.startDate !== undefined) input.startDate = x.startDate;
    if (x.endDate !== undefined) input.endDate = x.endDate;
    return input;
  });

describe("lines on random tenders", () => {
  it("are the plain expectation, every key present and none NaN", () => {
    fc.assert(
      fc.property(tenderArb, (input) => {
        const t = tender(input);
        const a = allocate(t);
        expectShape(a.lines);
        expect(a.lines).toStrictEqual(expectedLines(t, a.inferredDayRate));
      }),
      { numRuns: 200 },
    );
  });

  it("phased lots are the lines with a value, a start date and days, in lot order", () => {
    fc.assert(
      fc.property(tenderArb, (input) => {
        const t = tender(input);
        const a = allocate(t);
        const p = phase(t, allocate(t));
        const phased = a.lines.filter(
          (l) => l.value !== undefined && l.startDate !== undefined && l.days !== undefined && l.days > 0,
        );
        expect(
          p.lots.map(({ index, lot, startDate, days, value }) => ({ index, lot, startDate, days, value })),
        ).toEqual(
          phased.map((l) => ({
            index: l.index,
            lot: l.lot,
            startDate: l.startDate,
            days: l.days,
            value: l.value,
          })),
        );
        for (const lot of p.lots) expect(lot.months.reduce((s, m) => s + m.value, 0)).toBe(lot.value);
        expect(p.total).toBe(phased.reduce((s, l) => s + (l.value as number), 0));
        const phasedIndex = new Set(phased.map((l) => l.index));
        expect(p.unphased.map((u) => u.index)).toEqual(
          a.lines.map((l) => l.index).filter((i) => !phasedIndex.has(i)),
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe("reconcile remembers each start date's last end date", () => {
  // From Monday 25 March 2024: to Thursday 28 March, 4 working days; to Friday 5 April, 8
  // (Good Friday 29 March and Easter Monday 1 April are bank holidays in England & Wales).
  const S = "2024-03-25";
  const A = "2024-03-28";
  const B = "2024-04-05";
  const input = {
    startDate: S,
    dayRate: 500,
    lots: [
      { name: "L0", days: 5, startDate: S, endDate: A },
      { name: "L1", days: 5, startDate: S, endDate: B },
      { name: "L2", days: 4, startDate: S, endDate: A },
      { name: "L3", days: 9, startDate: S, endDate: B },
      { name: "L4", days: 4.5, startDate: S, endDate: A },
      { name: "L5", days: 8, startDate: S, endDate: B },
      { name: "L6", days: 100 },
      { name: "L7", days: 5, endDate: A },
      { name: "L8", days: 1, endDate: "2024-03-20" },
      { name: "L9", days: 8.5, endDate: B },
      { name: "L10", days: 3, endDate: A },
      { name: "L11", days: 8, startDate: S, endDate: B },
      { name: "L12", statedValue: 4000, endDate: B },
      { name: "L13", statedValue: 2250, endDate: A },
    ],
  };

  /** The CAPACITY findings of each lot reconciled alone in its own tender, at its own position. */
  function alone(daysPerWeek: number): Finding[] {
    return input.lots.flatMap((lot, i) => {
      const t = tender({ ...input, lots: [lot] });
      return reconcile(t, allocate(t), { daysPerWeek })
        .filter((f) => f.code === "CAPACITY")
        .map((f) => ({ ...f, path: f.path.replace("lots[0]", `lots[${i}]`) }));
    });
  }

  it("counts the working days by hand as the calendar does", () => {
    expect(workingDaysBetween(S, A, "GB-ENG")).toBe(4);
    expect(workingDaysBetween(S, B, "GB-ENG")).toBe(8);
  });

  it("finds CAPACITY for each lot against its own end date at 5 days a week", () => {
    const t = tender(input);
    const capacity = reconcile(t, allocate(t)).filter((f) => f.code === "CAPACITY");
    // L12 is 8 days at £500 and L13 4.5 days.
    expect(capacity.map((f) => f.path)).toEqual([
      "lots[0].days",
      "lots[3].days",
      "lots[4].days",
      "lots[7].days",
      "lots[9].days",
      "lots[13].days",
    ]);
    expect(capacity.map((f) => /only (\d+) working days/.exec(f.message)?.[1])).toEqual([
      "4",
      "8",
      "4",
      "4",
      "8",
      "4",
    ]);
    expect(capacity).toEqual(alone(5));
  });

  it("and at fewer days a week", () => {
    const t = tender(input);
    for (const daysPerWeek of [1, 2.5, 3, 4.5]) {
      const capacity = reconcile(t, allocate(t), { daysPerWeek }).filter((f) => f.code === "CAPACITY");
      expect(capacity).toEqual(alone(daysPerWeek));
    }
    // At 2.5 days a week: 2 days of work to 28 March, 4 to 5 April.
    const half = reconcile(t, allocate(t), { daysPerWeek: 2.5 }).filter((f) => f.code === "CAPACITY");
    expect(half.map((f) => f.path)).toEqual([
      "lots[0].days",
      "lots[1].days",
      "lots[2].days",
      "lots[3].days",
      "lots[4].days",
      "lots[5].days",
      "lots[7].days",
      "lots[9].days",
      "lots[10].days",
      "lots[11].days",
      "lots[12].days",
      "lots[13].days",
    ]);
  });

  it("agrees with each lot alone on random lots sharing a few dates", () => {
    const starts = ["2024-03-25", "2024-03-28", "2024-12-23"];
    const ends = ["2024-03-28", "2024-04-05", "2024-03-27", "2024-12-31", "2025-01-10"];
    const lotArb = fc.record({
      start: fc.option(fc.nat(starts.length - 1), { nil: undefined, freq: 5 }),
      end: fc.option(fc.nat(ends.length - 1), { nil: undefined, freq: 5 }),
      days: fc.integer({ min: 1, max: 1200 }).map((q) => q / 100),
    });
    fc.assert(
      fc.property(
        fc.array(lotArb, { minLength: 1, maxLength: 30 }),
        fc.nat(starts.length - 1),
        fc.option(fc.nat(ends.length - 1), { nil: undefined }),
        fc.constantFrom(1, 2.5, 5),
        (raw, tenderStart, tenderEnd, daysPerWeek) => {
          const base: Record<string, unknown> = { dayRate: 500, startDate: starts[tenderStart] };
          if (tenderEnd !== undefined) base.endDate = ends[tenderEnd];
          const lots = raw.map((l, i) => {
            const lot: Record<string, unknown> = { name: `L${i}`, days: l.days };
            if (l.start !== undefined) lot.startDate = starts[l.start];
            if (l.end !== undefined) lot.endDate = ends[l.end];
            return lot;
          });
          const t = tender({ ...base, lots });
          const together = reconcile(t, allocate(t), { daysPerWeek }).filter((f) => f.code === "CAPACITY");
          const each = lots.flatMap((lot, i) => {
            const one = tender({ ...base, lots: [lot] });
            return reconcile(one, allocate(one), { daysPerWeek })
              .filter((f) => f.code === "CAPACITY")
              .map((f) => ({ ...f, path: f.path.replace("lots[0]", `lots[${i}]`) }));
          });
          expect(together).toEqual(each);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("Phasing.lots", () => {
  const t = tender(DFE_2017);

  it("lots of the same pace and value share one months array; others do not", () => {
    const p = phase(t, allocate(t));
    // Reading and Worcestershire: both 99 days from 31 August 2017 at £960.
    expect(p.lots[2].months).toBe(p.lots[3].months);
    expect(p.lots[0].months).not.toBe(p.lots[2].months);
    expect(p.lots[1].months).not.toBe(p.lots[2].months);

    const q = tender({
      startDate: "2024-04-02",
      lots: [
        { name: "A", dayRate: 500, days: 10 },
        { name: "B", dayRate: 600, days: 10 },
        { name: "C", dayRate: 500, days: 10 },
        { name: "D", dayRate: 500, days: 10, startDate: "2024-04-03" },
        { name: "E", dayRate: 500, days: 11 },
      ],
    });
    const lots = phase(q, allocate(q)).lots;
    expect(lots[0].months).toBe(lots[2].months);
    for (const j of [1, 3, 4]) expect(lots[j].months).not.toBe(lots[0].months);
    expect(lots[0].months).toEqual(lots[2].months);
    expect(lots[1].months.map((m) => m.days)).toEqual(lots[0].months.map((m) => m.days));
  });
});

describe("the kind of line says which figures it has", () => {
  /** The figures a line has, read through its kind alone: no `as number` (the type checker
   * refuses this function when a computed line's rate or days, or a stated line's value, may be
   * missing). */
  function figures(line: AllocationLine): string {
    switch (line.valueSource) {
      case "computed": {
        const [rate, days, value]: [number, number, number] = [line.dayRate, line.days, line.value];
        return `computed ${rate}x${days}=${value} (${line.dayRateSource}, ${line.daysSource})`;
      }
      case "statedValue": {
        const stated: number = line.statedValue;
        const days = line.daysSource === undefined ? "no days" : `${line.days} days (${line.daysSource})`;
        return `stated ${stated}, ${days}`;
      }
      default:
        return `unvalued, ${line.days ?? "no"} days`;
    }
  }

  it("computed from given days, stated with days given or worked out, and unvalued lots", () => {
    const t = tenderOf([
      { name: "A", dayRate: 500_00, days: 10, statedValue: 5_100_00 },
      { name: "B", statedValue: 96_000_00 },
      { name: "C", days: 3 },
    ]);
    expect(allocate(t).lines.map(figures)).toEqual([
      "computed 50000x10=500000 (lot, lot)",
      "stated 9600000, no days",
      "unvalued, 3 days",
    ]);
    expect(allocate({ ...t, dayRate: 800_00 }).lines.map(figures)).toEqual([
      "computed 50000x10=500000 (lot, lot)",
      "stated 9600000, 120 days (inferred)",
      "computed 80000x3=240000 (tender, lot)",
    ]);
    expect(
      allocate({ ...t, lots: [{ name: "D", days: 2, statedValue: 1_000_00 }] }).lines.map(figures),
    ).toEqual(["stated 100000, 2 days (lot)"]);
  });
});
