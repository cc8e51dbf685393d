import fc from "fast-check";
import { allocate } from "../../../src/domain/check/allocation";
import { fromDayNumber, toDayNumber } from "../../../src/domain/core/calendar";
import { phase } from "../../../src/domain/check/phasing";
import { reconcile } from "../../../src/domain/check/reconcile";
import { quoted } from "../../../src/domain/core/quoted";
import type { Finding } from "../../../src/domain/core/types";
import { DFE_2017 } from "../dfe-2017";
import { parsedTender as tender } from "../../support/tenders";

function check(input: unknown, tolerance?: { absolute: number; percent: number }): Finding[] {
  const t = tender(input);
  return reconcile(t, allocate(t), tolerance ? { tolerance } : {});
}

const codes = (findings: Finding[]) => findings.map((f) => `${f.code}:${f.severity}:${f.path}`);

describe("reconcile: the DfE 2017 tender", () => {
  const findings = check(DFE_2017);

  it("finds the £560 mismatch and says it is not a rounding", () => {
    expect(codes(findings)).toEqual(["TOTAL_MISMATCH:error:statedTotal", "RATE_INFERRED:info:dayRate"]);
    expect(findings[0].message).toBe(
      "The lots add up to £346,560, £560 more than the £346,000 stated (+0.16%). " +
        "This is not a rounding: to the stated figure's £1,000 precision, £346,560 would be £347,000.",
    );
  });

  it("explains the inferred £960 day rate and the days", () => {
    expect(findings[1].message).toBe(
      "No day rate was given, so it is inferred as £960 a day: the greatest common divisor of the 4 stated lot values, " +
        "which lies in the plausible range of £300 to £3,000 a day. At that rate the lots' stated values are 112, 51, 99 and 99 days.",
    );
  });

  it("names the lots whose days it worked out when another lot has days of its own", () => {
    const lots = DFE_2017.lots.map((lot, i) => (i === 0 ? { ...lot, days: 112 } : lot));
    const f = check({ ...DFE_2017, lots }).find((x) => x.code === "RATE_INFERRED");
    expect(f?.message).toMatch(
      / At that rate the stated values of Kirklees, Reading and Worcestershire are 51, 99 and 99 days\.$/,
    );
    const one = DFE_2017.lots.map((lot, i) => (i === 1 ? lot : { ...lot, days: 10 }));
    expect(check({ ...DFE_2017, lots: one }).find((x) => x.code === "RATE_INFERRED")?.message).toMatch(
      / At that rate the stated value of Kirklees is 51 days\.$/,
    );
  });

  it("passes the date order: closing 31 July 2017 before the 31 August 2017 start", () => {
    expect(findings.some((f) => f.code === "DATE_ORDER")).toBe(false);
    expect(codes(check({ ...DFE_2017, closingDate: "2017-08-31" }))).toContain(
      "DATE_ORDER:error:closingDate",
    );
  });

  it("accepts the mismatch within a tolerance", () => {
    expect(codes(check(DFE_2017, { absolute: 56000, percent: 0 }))[0]).toBe(
      "TOTAL_MISMATCH:info:statedTotal",
    );
    expect(codes(check(DFE_2017, { absolute: 0, percent: 0.17 }))[0]).toBe("TOTAL_MISMATCH:info:statedTotal");
    expect(codes(check(DFE_2017, { absolute: 55999, percent: 0.16 }))[0]).toBe(
      "TOTAL_MISMATCH:error:statedTotal",
    );
    expect(() => check(DFE_2017, { absolute: -1, percent: 0 })).toThrow(RangeError);
  });
});

describe("reconcile: each finding", () => {
  const base = {
    title: "T",
    closingDate: "2017-07-31",
    startDate: "2017-08-31",
    endDate: "2017-11-30",
    dayRate: 960,
  };

  it("TOTAL_ROUNDED when the stated total is the total rounded to its own precision", () => {
    const f = check({
      ...base,
      statedTotal: "£1.2m",
      lots: [{ name: "A", statedValue: 1202500, days: 60, dayRate: 20041.67 }],
    });
    expect(codes(f)).toContain("TOTAL_ROUNDED:info:statedTotal");
    const rounded = check({ statedTotal: "£1.2m", lots: [{ name: "A", statedValue: 1202500 }] });
    expect(rounded.find((x) => x.code === "TOTAL_ROUNDED")?.message).toBe(
      "The stated total of £1,200,000 is the lots' total of £1,202,500 rounded to the nearest £100,000, the precision it was stated to; the exact total is £1,202,500.00.",
    );
    expect(
      codes(check({ statedTotal: "£1,200,000.00", lots: [{ name: "A", statedValue: 1202500 }] })),
    ).toContain("TOTAL_MISMATCH:error:statedTotal");
    expect(
      check({ statedTotal: "£346,000", dayRate: 1000, lots: [{ name: "A", statedValue: 346000 }] }),
    ).toEqual([]);
  });

  it("does not take a one-significant-digit figure as a rounding", () => {
    const f = check({ statedTotal: "£300,000", dayRate: 960, lots: [{ name: "A", statedValue: 346560 }] });
    expect(codes(f)).toEqual(["TOTAL_MISMATCH:error:statedTotal"]);
    expect(f[0].message).toBe(
      "The lots add up to £346,560, £46,560 more than the £300,000 stated (+15.52%). " +
        "The stated figure is written to the nearest £100,000, which would make it a rounding of £346,560, " +
        "but a figure with one significant digit is too rough to check the lots against; give the stated total more exactly.",
    );
    expect(
      codes(check({ statedTotal: "£1.0m", dayRate: 500, lots: [{ name: "A", statedValue: 1002500 }] })),
    ).toEqual(["TOTAL_ROUNDED:info:statedTotal"]);
    expect(
      codes(check({ statedTotal: "£1m", dayRate: 500, lots: [{ name: "A", statedValue: 1002500 }] })),
    ).toEqual(["TOTAL_MISMATCH:error:statedTotal"]);
  });

  it("TOTAL_MISMATCH when the lots come to less", () => {
    // £350,000 is stated to £10,000, and £346,560 rounds to it: a rounding, not a mismatch.
    expect(
      codes(check({ statedTotal: 350000, dayRate: 960, lots: [{ name: "A", statedValue: 346560 }] })),
    ).toEqual(["TOTAL_ROUNDED:info:statedTotal"]);
    // A gap far beyond the stated precision (£3,940 against £100) is not explained as a rounding.
    const f = check({ statedTotal: 350500, dayRate: 960, lots: [{ name: "A", statedValue: 346560 }] });
    expect(f[0].message).toBe("The lots add up to £346,560, £3,940 less than the £350,500 stated (-1.12%).");
    // Within the precision it is: £346,000 is stated to £1,000 and the gap is £560.
    expect(
      check({ statedTotal: 346000, dayRate: 960, lots: [{ name: "A", statedValue: 346560 }] })[0].message,
    ).toBe(
      "The lots add up to £346,560, £560 more than the £346,000 stated (+0.16%). " +
        "This is not a rounding: to the stated figure's £1,000 precision, £346,560 would be £347,000.",
    );
    // The gap equal to the precision (£1,000 against £1,000) is beyond a rounding: no explanation.
    expect(
      check({ statedTotal: 345000, dayRate: 960, lots: [{ name: "A", statedValue: 346000 }] })[0].message,
    ).toBe("The lots add up to £346,000, £1,000 more than the £345,000 stated (+0.29%).");
    // A Find a Tender notice: a £2.5m gap against a figure stated to the pound.
    expect(
      check({ statedTotal: 3979968, dayRate: 960, lots: [{ name: "A", statedValue: 1479968 }] })[0].message,
    ).toBe("The lots add up to £1,479,968, £2,500,000 less than the £3,979,968 stated (-62.81%).");
    expect(
      check({ statedTotal: "£350,500.00", dayRate: 960, lots: [{ name: "A", statedValue: 346560 }] })[0]
        .message,
    ).toBe("The lots add up to £346,560, £3,940 less than the £350,500 stated (-1.12%).");
  });

  it("quotes a lot's name in messages as JSON quotes it, whatever characters it has", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", minLength: 1, maxLength: 12 }),
          // Plain names with the odd character JSON escapes, or does not.
          fc.string({
            unit: fc.constantFrom(
              "a",
              "B",
              " ",
              "é",
              "\u2028",
              '"',
              "\\",
              "\n",
              "\u0001",
              "\ud83d",
              "\ude00",
            ),
            minLength: 1,
            maxLength: 6,
          }),
        ),
        (name) => {
          // Any name at all, past the tender parser's own checks on names.
          const t = tender({ ...base, lots: [{ name: "Barnet", days: 50, statedValue: 47000 }] });
          t.lots[0].name = name;
          const f = reconcile(t, allocate(t));
          expect(f[0].message.startsWith(`Lot ${JSON.stringify(name)}: £960.00 a day`)).toBe(true);
        },
      ),
    );
    const f = check({ ...base, lots: [{ name: 'St "Mary\'s"\\\n😀', days: 50, statedValue: 47000 }] });
    expect(f[0].message.startsWith('Lot "St \\"Mary\'s\\"\\\\\\n😀": ')).toBe(true);
  });

  it("LOT_VALUE_MISMATCH quotes a lot name of 80 characters whole and cuts one of 81, as quoted() does", () => {
    const message = (name: string): string => {
      const t = tender({ ...base, lots: [{ name: "Barnet", days: 50, statedValue: 47000 }] });
      t.lots[0].name = name;
      return reconcile(t, allocate(t))[0].message;
    };
    const name80 = "Barking and Dagenham ".repeat(4).slice(0, 80);
    expect(message(name80).startsWith(`Lot "${name80}": £960.00 a day`)).toBe(true);
    const name81 = `${name80}X`;
    expect(message(name81).startsWith(`Lot ${quoted(name81)}: £960.00 a day`)).toBe(true);
    expect(quoted(name81)).toBe(`${quoted(name80)}… (81 characters)`);
  });

  it("LOT_VALUE_MISMATCH when rate × days is not the stated value", () => {
    const f = check({ ...base, lots: [{ name: "Barnet", days: 50, statedValue: 47000 }] });
    expect(codes(f)).toEqual(["LOT_VALUE_MISMATCH:error:lots[0].statedValue"]);
    expect(f[0].message).toBe(
      'Lot "Barnet": £960.00 a day (the tender\'s day rate) × 50 days = £48,000.00, but its stated value is £47,000.00 (£1,000.00 more). Check the day rate, the days or the stated value.',
    );
    expect(check({ ...base, lots: [{ name: "Barnet", days: 50, statedValue: 48000 }] })).toEqual([]);
    expect(
      check(
        { ...base, lots: [{ name: "Barnet", days: 50, statedValue: 47000 }] },
        { absolute: 100000, percent: 0 },
      ),
    ).toEqual([]);
  });

  it("DAYS_NOT_WHOLE when a stated value is not whole days at the rate", () => {
    const f = check({ ...base, lots: [{ name: "Kirklees", statedValue: 48500 }] });
    expect(codes(f)).toEqual(["DAYS_NOT_WHOLE:warning:lots[0].statedValue"]);
    expect(f[0].message).toBe(
      'Lot "Kirklees": its stated value of £48,500.00 is 50.52 days at £960.00 a day, not a whole number of days.',
    );
  });

  it("CAPACITY when the days do not fit the working days, giving both numbers", () => {
    const f = check({
      ...base,
      lots: [
        { name: "Barnet", days: 67 },
        { name: "Kirklees", days: 66 },
      ],
    });
    expect(codes(f)).toEqual(["CAPACITY:error:lots[0].days"]);
    expect(f[0].message).toBe(
      'Lot "Barnet" has 67 days of work but there are only 66 working days from 31 August 2017 to 30 November 2017 (weekends and England & Wales bank holidays excluded).',
    );
    expect(codes(check({ ...base, region: "GB-SCT", lots: [{ name: "Barnet", days: 66 }] }))).toEqual([
      "CAPACITY:error:lots[0].days",
    ]);
  });

  it("CAPACITY at fewer days a week counts that share of the working days", () => {
    const t = tender({ ...base, lots: [{ name: "Barnet", days: 40 }] });
    const f = reconcile(t, allocate(t), { daysPerWeek: 3 });
    expect(codes(f)).toEqual(["CAPACITY:error:lots[0].days"]);
    expect(f[0].message).toBe(
      'Lot "Barnet" has 40 days of work but at 3 days a week there are only 39.6 days of work in the 66 working days from 31 August 2017 to 30 November 2017 (weekends and England & Wales bank holidays excluded).',
    );
    const fits = tender({ ...base, lots: [{ name: "Barnet", days: 39.5 }] });
    expect(reconcile(fits, allocate(fits), { daysPerWeek: 3 })).toEqual([]);
    expect(() => reconcile(fits, allocate(fits), { daysPerWeek: 6 })).toThrow(RangeError);
  });

  it("CAPACITY is found exactly when phasing at the same pace runs past the lot's end date", () => {
    const start = toDayNumber("2017-08-31");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 800 }),
        fc.constantFrom(1, 2, 2.5, 3, 4, 4.5, 5),
        fc.constantFrom("GB-ENG", "GB-SCT", "GB-NIR"),
        (offset, length, quarters, daysPerWeek, region) => {
          const startDate = fromDayNumber(start + offset);
          const endDate = fromDayNumber(start + offset + length);
          const t = tender({
            ...base,
            endDate: "2030-12-31",
            region,
            lots: [{ name: "Lot", days: quarters / 4, startDate, endDate }],
          });
          const a = allocate(t);
          const capacity = reconcile(t, a, { daysPerWeek }).some((x) => x.code === "CAPACITY");
          const phased = phase(t, a, { daysPerWeek }).lots[0];
          expect(capacity).toBe(phased.endDate > endDate);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("NON_WORKING_START for weekends and bank holidays", () => {
    const f = check({
      ...base,
      startDate: "2017-08-28",
      lots: [{ name: "A", days: 1, startDate: "2017-09-02" }],
    });
    expect(codes(f)).toEqual([
      "NON_WORKING_START:warning:startDate",
      "NON_WORKING_START:warning:lots[0].startDate",
    ]);
    expect(f[0].message).toBe(
      "The start date, 28 August 2017, is not a working day: it is a bank holiday in England & Wales.",
    );
    expect(f[1].message).toBe(
      'Lot "A"\'s start date, 2 September 2017, is not a working day: it falls on a weekend.',
    );
  });

  it("DATE_ORDER for ends before starts and lots starting before bids close", () => {
    const f = check({
      ...base,
      endDate: "2017-08-01",
      lots: [
        { name: "A", days: 1, startDate: "2017-07-03" },
        { name: "B", days: 1, startDate: "2017-09-04", endDate: "2017-07-31" },
      ],
    });
    expect(codes(f)).toEqual([
      "DATE_ORDER:error:endDate",
      "DATE_ORDER:error:lots[0].startDate",
      "DATE_ORDER:error:lots[1].endDate",
    ]);
  });

  // The plausible band of day rates: a rate outside it, and no rate to infer, each found once for the
  // tender and once for each lot left without a rate, the tender's message first.
  it.each([
    {
      name: "RATE_IMPLAUSIBLE for day rates outside £300–£3,000",
      input: {
        dayRate: 250,
        lots: [
          { name: "A", days: 1 },
          { name: "B", days: 1, dayRate: "£3,500" },
        ],
      },
      found: ["RATE_IMPLAUSIBLE:warning:dayRate", "RATE_IMPLAUSIBLE:warning:lots[1].dayRate"],
      message:
        "The day rate of £250.00 a day is below the plausible range of £300 to £3,000 a day; check it is a day rate in pounds.",
    },
    {
      name: "NO_PLAUSIBLE_RATE when no rate can be inferred, and for lots left unvalued",
      input: {
        lots: [
          { name: "A", statedValue: 9600 },
          { name: "B", statedValue: 19200 },
          { name: "C", days: 3 },
        ],
      },
      found: ["NO_PLAUSIBLE_RATE:warning:dayRate", "NO_PLAUSIBLE_RATE:warning:lots[2].dayRate"],
      message:
        "No day rate was given and none can be inferred: the largest amount all the stated lot values are whole multiples of is £9,600.00, above the plausible range of £300 to £3,000 a day. Give the day rate.",
    },
  ])("$name", ({ input, found, message }) => {
    const f = check(input);
    expect(codes(f)).toEqual(found);
    expect(f[0].message).toBe(message);
  });

  it("does not change the tender or the allocation", () => {
    const t = tender(DFE_2017);
    const a = allocate(t);
    const before = JSON.stringify([t, a]);
    reconcile(t, a);
    expect(JSON.stringify([t, a])).toBe(before);
  });
});

describe("reconcile: many lots sharing their dates", () => {
  it("finds for each lot what it finds for that lot alone", () => {
    // Start dates: a working Monday, a Saturday, Christmas Day (a bank holiday), one before closing.
    const starts = ["2017-09-04", "2017-09-02", "2017-12-25", "2017-07-03", undefined];
    const ends = ["2017-09-29", "2017-08-01", "2018-05-31", undefined];
    const lots = Array.from({ length: 80 }, (_, i) => ({
      name: `Lot ${i + 1}`,
      dayRate: 960,
      days: [5, 25, 60, 120][i % 4],
      statedValue: i % 3 === 0 ? 960 * [5, 25, 60, 120][i % 4] + 100 : undefined,
      startDate: starts[i % 5],
      endDate: ends[Math.floor(i / 5) % 4],
    }));
    const base = { ...DFE_2017, statedTotal: undefined, endDate: "2018-03-31", lots };
    const all = check(base);
    const lotFindings = all.filter((f) => f.path.startsWith("lots["));
    const expected: Finding[] = [];
    for (const severity of ["error", "warning", "info"]) {
      lots.forEach((lot, i) => {
        for (const f of check({ ...base, lots: [lot] })) {
          if (f.severity === severity && f.path.startsWith("lots[0]")) {
            expected.push({ ...f, path: f.path.replace("lots[0]", `lots[${i}]`) });
          }
        }
      });
    }
    expect(lotFindings).toEqual(expected);
    const codes = new Set(lotFindings.map((f) => `${f.code} ${f.severity}`));
    expect([...codes].sort()).toEqual([
      "CAPACITY error",
      "DATE_ORDER error",
      "DATE_ORDER warning",
      "LOT_VALUE_MISMATCH error",
      "NON_WORKING_START warning",
    ]);
  });
});
