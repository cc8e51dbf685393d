import { forecastExhaustion, threeMonthsBefore } from "../../../src/domain/actuals/forecast";
import { eachGives } from "../../support/cases";

describe("threeMonthsBefore", () => {
  eachGives("%s → %s", threeMonthsBefore, [
    ["2018-01-31", "2017-10-31"],
    ["2018-05-31", "2018-02-28"],
    ["2016-05-31", "2016-02-29"],
    ["2017-11-15", "2017-08-15"],
    ["2018-02-10", "2017-11-10"],
    // A month's last day goes to the last day of the month three back, so that a window ending on
    // 30 April holds February, March and April and not 31 January too.
    ["2018-02-28", "2017-11-30"],
    ["2018-04-30", "2018-01-31"],
    ["2018-06-30", "2018-03-31"],
    ["2016-02-29", "2015-11-30"],
    ["2018-02-27", "2017-11-27"],
  ]);
});

/** Barnet's monthly invoices in the headline set: days at £960, placed at each period's end. */
const barnetSpend = [
  { date: "2017-09-30", amount: 10 * 96_000 },
  { date: "2017-10-31", amount: 12 * 96_000 },
  { date: "2017-11-30", amount: 12 * 96_000 },
  { date: "2017-12-31", amount: 8 * 96_000 },
  { date: "2018-01-31", amount: 12 * 96_000 },
];

/** Barnet's forecast on the headline invoices, £51,840 of £107,520 spent, with what a test changes. */
const barnet = (changes: Partial<Parameters<typeof forecastExhaustion>[0]> = {}) =>
  forecastExhaustion({
    name: "Barnet",
    allocated: 10_752_000,
    spent: 5_184_000,
    spend: barnetSpend,
    asOf: "2018-01-31",
    start: "2017-08-31",
    end: "2018-03-31",
    endSource: "contract",
    ...changes,
  });

describe("forecastExhaustion", () => {
  test("Barnet at 31 January 2018: 32 days in the last three months, £55,680 left, runs out 17 July 2018", () => {
    const f = barnet();
    expect(f).toMatchObject({
      windowStart: "2017-11-01",
      windowEnd: "2018-01-31",
      windowSpend: 3_072_000,
      burnPerMonth: 1_024_000,
      forecastExhaustionDate: "2018-07-17",
      exhausted: false,
      exhaustsBeforeEnd: false,
    });
    expect(f.note).toBe(
      "At £10,240.00 a month (the rate from 1 November 2017 to 31 January 2018), the £55,680.00 left for " +
        "Barnet runs out on 17 July 2018, not before the contract ends on 31 March 2018.",
    );
  });

  test("at a month's end shorter than the month three back, the window is the last three whole months", () => {
    // £9,600 invoiced every month (work dated at each period's end). At 28 February 2018 the window
    // is 1 December – 28 February (90 days, £28,800), not from 29 November, which would take in
    // November's invoice too and make the rate £12,800 a month.
    const monthly = ["2017-09-30", "2017-10-31", "2017-11-30", "2017-12-31", "2018-01-31", "2018-02-28"];
    const f = forecastExhaustion({
      name: "Barnet",
      allocated: 10_752_000,
      spent: 5_760_000,
      spend: monthly.map((date) => ({ date, amount: 960_000 })),
      asOf: "2018-02-28",
      start: "2017-08-31",
      end: "2018-03-31",
      endSource: "contract",
    });
    // ⌈£49,920 × 90 ÷ £28,800⌉ = 156 days after 28 February: 3 August 2018.
    expect(f).toMatchObject({
      windowStart: "2017-12-01",
      windowEnd: "2018-02-28",
      windowSpend: 2_880_000,
      burnPerMonth: 960_000,
      forecastExhaustionDate: "2018-08-03",
      exhaustsBeforeEnd: false,
    });
  });

  test("the window starts at the contract start when that is less than three months back", () => {
    const f = forecastExhaustion({
      name: "Barnet",
      allocated: 10_752_000,
      spent: 2_112_000,
      spend: barnetSpend.slice(0, 2),
      asOf: "2017-10-31",
      start: "2017-08-31",
    });
    // 62 days from 31 August; £21,120 over 62 days → ⌈£86,400 × 62 ÷ £21,120⌉ = 254 days on.
    expect(f.windowStart).toBe("2017-08-31");
    expect(f.burnPerMonth).toBe(1_044_645);
    expect(f.forecastExhaustionDate).toBe("2018-07-12");
    expect(f.exhaustsBeforeEnd).toBe(false);
    expect(f.endDate).toBeUndefined();
  });

  test("flags an allocation that runs out before the end", () => {
    const f = forecastExhaustion({
      name: "Kirklees",
      allocated: 4_896_000,
      spent: 3_840_000,
      spend: [
        { date: "2017-09-30", amount: 1_440_000 },
        { date: "2017-10-31", amount: 1_440_000 },
        { date: "2017-11-30", amount: 960_000 },
      ],
      asOf: "2017-11-30",
      start: "2017-08-31",
      end: "2018-03-31",
      endSource: "contract",
    });
    // 91 days (1 Sep – 30 Nov) with £38,400 spent: £10,560 left lasts ⌈10,560 × 91 ÷ 38,400⌉ = 26 days.
    expect(f.forecastExhaustionDate).toBe("2017-12-26");
    expect(f.exhaustsBeforeEnd).toBe(true);
    expect(f.note).toMatch(/runs out on 26 December 2017, before the contract ends on 31 March 2018\.$/);
  });

  test("an allocation already used up gives the day it ran out", () => {
    const f = forecastExhaustion({
      name: "Worcestershire",
      allocated: 9_504_000,
      spent: 9_792_000,
      spend: [],
      exhaustedOn: "2018-01-31",
      asOf: "2018-01-31",
      end: "2018-01-19",
      endSource: "phasing",
    });
    expect(f).toMatchObject({
      forecastExhaustionDate: "2018-01-31",
      exhausted: true,
      exhaustsBeforeEnd: false,
    });
    expect(f.note).toBe(
      "Worcestershire has used up its allocation (on 31 January 2018, not before the planned end of the work on " +
        "19 January 2018) and is £2,880.00 over.",
    );
  });

  test("no spend in the window, or an as-of date before the start, gives no forecast", () => {
    const quiet = forecastExhaustion({
      name: "Reading",
      allocated: 9_504_000,
      spent: 768_000,
      spend: [{ date: "2017-09-30", amount: 768_000 }],
      asOf: "2018-03-31",
    });
    expect(quiet.forecastExhaustionDate).toBeNull();
    expect(quiet.windowSpend).toBe(0);
    expect(quiet.note).toMatch(/Nothing was spent on Reading from 1 January 2018 to 31 March 2018/);
    const early = forecastExhaustion({
      name: "Reading",
      allocated: 9_504_000,
      spent: 0,
      spend: [],
      asOf: "2017-08-01",
      start: "2017-08-31",
    });
    expect(early.forecastExhaustionDate).toBeNull();
    expect(early.note).toMatch(/starts after 1 August 2017/);
  });
});

test("after the contract has ended, the money left is not forecast to run out: it was not used", () => {
  // Contract to 31 March 2018, position at 30 April: March's invoice is in the window, but the work
  // has stopped, so there is no date the money runs out.
  const f = barnet({
    spend: barnetSpend.map((s) => ({ ...s, date: s.date.replace("2017-09-30", "2018-03-31") })),
    asOf: "2018-04-30",
  });
  expect(f).toMatchObject({
    forecastExhaustionDate: null,
    exhausted: false,
    exhaustsBeforeEnd: false,
    endDate: "2018-03-31",
  });
  expect(f.note).toBe(
    "The contract for Barnet ended on 31 March 2018, before 30 April 2018: £55,680.00 of its allocation was not used.",
  );
  // A planned end of the phased work is not the end of the contract: the forecast still runs.
  const planned = barnet({ end: "2018-01-19", endSource: "phasing" });
  expect(planned.forecastExhaustionDate).toBe("2018-07-17");
});

test("a trickle of spend (1p in a day, 31p a month) gives no date more than 100 years ahead", () => {
  const f = forecastExhaustion({
    name: "Lot 1",
    allocated: 23_255_567,
    spent: 1,
    spend: [{ date: "2017-08-31", amount: 1 }],
    asOf: "2017-08-31",
    start: "2017-08-31",
  });
  expect(f.forecastExhaustionDate).toBeNull();
  expect(f.note).toBe(
    "At £0.31 a month (the rate from 31 August 2017 to 31 August 2017), the £232,555.66 left for Lot 1 " +
      "would last more than 100 years.",
  );
});
