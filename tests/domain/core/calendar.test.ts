import fc from "fast-check";
import {
  addDays,
  bankHolidays,
  compareIso,
  dayOfWeek,
  endOfMonth,
  excelSerialToIso,
  financialQuarter,
  financialYear,
  formatLongDate,
  formatQuarter,
  fromDayNumber,
  isExcelDateSerial,
  isValidIsoDate,
  isWorkingDay,
  isoToExcelSerial,
  toDayNumber,
  ukSummerTime,
  workingDayEnd,
  workingDaysBetween,
} from "../../../src/domain/core/calendar";
import type { Region } from "../../../src/domain/core/types";

describe("ISO dates", () => {
  it("knows real dates from impossible ones", () => {
    expect(isValidIsoDate("2017-07-31")).toBe(true);
    expect(isValidIsoDate("2020-02-29")).toBe(true);
    expect(isValidIsoDate("2000-02-29")).toBe(true);
    expect(isValidIsoDate("2019-02-30")).toBe(false);
    expect(isValidIsoDate("2019-02-29")).toBe(false);
    expect(isValidIsoDate("1900-02-29")).toBe(false);
    expect(isValidIsoDate("2017-13-01")).toBe(false);
    expect(isValidIsoDate("2017-04-31")).toBe(false);
    expect(isValidIsoDate("2017-7-31")).toBe(false);
    expect(isValidIsoDate("31/07/2017")).toBe(false);
    expect(isValidIsoDate("2017-07-31T00:00:00Z")).toBe(false);
    expect(isValidIsoDate(20170731)).toBe(false);
    expect(isValidIsoDate(undefined)).toBe(false);
  });

  it("does day arithmetic without time zones", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("2017-07-31")).toBe(17378);
    expect(fromDayNumber(17378)).toBe("2017-07-31");
    expect(addDays("2017-07-31", 31)).toBe("2017-08-31");
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2017-01-01", -1)).toBe("2016-12-31");
    expect(compareIso("2017-07-31", "2017-08-31")).toBe(-1);
    expect(compareIso("2017-08-31", "2017-08-31")).toBe(0);
    expect(compareIso("2018-01-01", "2017-12-31")).toBe(1);
    expect(dayOfWeek("2017-08-31")).toBe(4); // Thursday
    expect(dayOfWeek("2017-07-30")).toBe(0); // Sunday
    expect(endOfMonth("2016-02-03")).toBe("2016-02-29");
    expect(formatLongDate("2017-07-31")).toBe("31 July 2017");
    expect(() => addDays("2019-02-30", 1)).toThrow(RangeError);
  });

  it("round-trips day numbers and agrees with UTC dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: -700000, max: 2900000 }), (n) => {
        const iso = fromDayNumber(n);
        expect(isValidIsoDate(iso)).toBe(true);
        expect(toDayNumber(iso)).toBe(n);
        const utc = new Date(n * 86400000);
        if (utc.getUTCFullYear() >= 1) {
          expect(iso).toBe(utc.toISOString().slice(0, 10));
          expect(dayOfWeek(iso)).toBe(utc.getUTCDay());
        }
      }),
    );
  });
});

describe("bank holidays and working days", () => {
  it("lists England & Wales bank holidays for 2017 by their own date", () => {
    expect([...bankHolidays("GB-ENG", 2017)].sort()).toEqual([
      "2017-01-02", // New Year's Day substitute (1 January was a Sunday)
      "2017-04-14",
      "2017-04-17",
      "2017-05-01",
      "2017-05-29",
      "2017-08-28",
      "2017-12-25",
      "2017-12-26",
    ]);
  });

  it("uses each region's own holidays", () => {
    const scotland = bankHolidays("GB-SCT", 2017);
    expect(scotland.has("2017-08-07")).toBe(true); // Scottish summer bank holiday
    expect(scotland.has("2017-08-28")).toBe(false);
    expect(scotland.has("2017-11-30")).toBe(true); // St Andrew's Day
    expect(bankHolidays("GB-NIR", 2017).has("2017-03-17")).toBe(true); // St Patrick's Day
    expect(bankHolidays("GB-NIR", 2017).has("2017-07-12")).toBe(true);
    expect(bankHolidays("GB-ENG", 2017).has("2017-03-17")).toBe(false);
    expect(bankHolidays("GB-ENG", 2022).has("2022-09-19")).toBe(true); // the Queen's funeral
    expect(bankHolidays("GB-ENG", 2022).has("2022-12-27")).toBe(true); // substitute for Christmas Day
    expect(bankHolidays("GB-ENG", 2022).has("2022-12-25")).toBe(false); // a Sunday
  });

  it("follows moved and one-off holidays", () => {
    // 2020: the early May bank holiday moved to Friday 8 May (VE Day); Boxing Day was a Saturday,
    // so Monday 28 December was the substitute.
    expect([...bankHolidays("GB-ENG", 2020)].sort()).toEqual([
      "2020-01-01",
      "2020-04-10",
      "2020-04-13",
      "2020-05-08",
      "2020-05-25",
      "2020-08-31",
      "2020-12-25",
      "2020-12-28",
    ]);
    expect(bankHolidays("GB-ENG", 2023).has("2023-05-08")).toBe(true); // the King's coronation
    expect(bankHolidays("GB-SCT", 2021).has("2021-01-04")).toBe(true); // 2 January substitute
  });

  it("caches holidays per region and year", () => {
    expect(bankHolidays("GB-ENG", 2017)).toBe(bankHolidays("GB-ENG", 2017));
  });

  it("counts working days", () => {
    expect(workingDaysBetween("2017-08-31", "2017-11-30", "GB-ENG")).toBe(66);
    expect(workingDaysBetween("2017-01-01", "2017-12-31", "GB-ENG")).toBe(252);
    expect(workingDaysBetween("2017-08-28", "2017-08-28", "GB-ENG")).toBe(0);
    expect(workingDaysBetween("2017-08-29", "2017-08-29", "GB-ENG")).toBe(1);
    expect(workingDaysBetween("2017-08-31", "2017-08-30", "GB-ENG")).toBe(0);
    expect(workingDaysBetween("2017-08-31", "2017-11-30", "GB-SCT")).toBe(65); // St Andrew's Day
    expect(isWorkingDay("2017-08-31", "GB-ENG")).toBe(true);
    expect(isWorkingDay("2017-08-28", "GB-ENG")).toBe(false);
    expect(isWorkingDay("2017-08-28", "GB-SCT")).toBe(true);
    expect(isWorkingDay("2017-09-02", "GB-ENG")).toBe(false);
  });

  it("agrees with a day-by-day walk", () => {
    const regions: Region[] = ["GB-ENG", "GB-SCT", "GB-NIR"];
    const base = toDayNumber("2015-01-01");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: -5, max: 800 }),
        fc.constantFrom(...regions),
        (offset, length, region) => {
          const start = fromDayNumber(base + offset);
          const end = fromDayNumber(base + offset + length);
          let walked = 0;
          for (let d = base + offset; d <= base + offset + length; d++) {
            const date = fromDayNumber(d);
            const w = dayOfWeek(date);
            if (w !== 0 && w !== 6 && !bankHolidays(region, Number(date.slice(0, 4))).has(date)) walked++;
          }
          expect(workingDaysBetween(start, end, region)).toBe(walked);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds the day a number of working days ends on", () => {
    expect(workingDayEnd("2017-08-31", 66, "GB-ENG")).toBe("2017-11-30");
    expect(workingDayEnd("2017-08-31", 1, "GB-ENG")).toBe("2017-08-31");
    expect(workingDayEnd("2017-08-31", 0.5, "GB-ENG")).toBe("2017-08-31");
    expect(workingDayEnd("2017-08-31", 1.5, "GB-ENG")).toBe("2017-09-01");
    expect(workingDayEnd("2017-08-26", 1, "GB-ENG")).toBe("2017-08-29"); // Sat start, bank holiday Monday
    expect(workingDayEnd("2017-08-31", 2, "GB-ENG", 2.5)).toBe("2017-09-05"); // 4 working days
    expect(workingDayEnd("2017-01-01", 252, "GB-ENG")).toBe("2017-12-29");
    expect(() => workingDayEnd("2017-08-31", 0, "GB-ENG")).toThrow(RangeError);
    expect(() => workingDayEnd("2017-08-31", 5, "GB-ENG", 6)).toThrow(RangeError);
  });

  it("ends where the working-day count reaches the days", () => {
    const base = toDayNumber("2016-01-01");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 1, max: 600 }), (offset, days) => {
        const start = fromDayNumber(base + offset);
        const end = workingDayEnd(start, days, "GB-ENG");
        expect(isWorkingDay(end, "GB-ENG")).toBe(true);
        expect(workingDaysBetween(start, end, "GB-ENG")).toBe(days);
      }),
      { numRuns: 200 },
    );
  });
});

describe("financial years and Excel serials", () => {
  it("names UK financial years and quarters", () => {
    expect(financialYear("2017-08-31")).toBe("2017/18");
    expect(financialYear("2018-03-31")).toBe("2017/18");
    expect(financialYear("2018-04-01")).toBe("2018/19");
    expect(financialYear("1999-04-01")).toBe("1999/00");
    expect(financialQuarter("2017-08-31")).toBe("2017/18 Q2");
    expect(financialQuarter("2017-04-01")).toBe("2017/18 Q1");
    expect(financialQuarter("2017-12-31")).toBe("2017/18 Q3");
    expect(financialQuarter("2018-01-01")).toBe("2017/18 Q4");
    expect(financialQuarter("2018-03-31")).toBe("2017/18 Q4");
  });

  it("converts Excel serials in the 1900 date system", () => {
    expect(excelSerialToIso(42947)).toBe("2017-07-31");
    expect(isoToExcelSerial("2017-07-31")).toBe(42947);
    expect(excelSerialToIso(42947.75)).toBe("2017-07-31");
    expect(excelSerialToIso(1)).toBe("1900-01-01");
    expect(excelSerialToIso(59)).toBe("1900-02-28");
    expect(excelSerialToIso(61)).toBe("1900-03-01");
    expect(isoToExcelSerial("1900-02-28")).toBe(59);
    expect(isoToExcelSerial("1900-03-01")).toBe(61);
    expect(isExcelDateSerial(60)).toBe(false);
    expect(() => excelSerialToIso(60)).toThrow(/29 February 1900/);
    expect(() => excelSerialToIso(0)).toThrow(/not a date/);
    expect(() => isoToExcelSerial("1899-12-31")).toThrow(/1 January 1900/);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
        fc.pre(serial !== 60);
        expect(isoToExcelSerial(excelSerialToIso(serial))).toBe(serial);
      }),
    );
  });
});

// Clocks go forward at 1am GMT on the last Sunday in March and back at 2am BST (1am GMT) on the
// last Sunday in October: https://www.gov.uk/when-do-the-clocks-change
describe("ukSummerTime", () => {
  const at = (date: string, utcHour: number): number => toDayNumber(date) * 1440 + utcHour * 60;
  test.each([
    [2017, "2017-03-26", "2017-10-29"],
    [2024, "2024-03-31", "2024-10-27"],
    [2026, "2026-03-29", "2026-10-25"],
  ])("%i: from 01:00 UTC on %s to 01:00 UTC on %s", (year, start, end) => {
    expect(ukSummerTime(year)).toEqual([at(start, 1), at(end, 1)]);
  });

  test("each answer is the caller's own: changing it changes no later answer", () => {
    ukSummerTime(2024);
    const again = ukSummerTime(2024);
    again[0] = 0;
    expect(ukSummerTime(2024)).toEqual([at("2024-03-31", 1), at("2024-10-27", 1)]);
  });
});

test("financial quarters read as people say them", () => {
  expect(formatQuarter("2017/18 Q1")).toBe("Q1 2017/18 (Apr–Jun)");
  expect(formatQuarter("2017/18 Q2")).toBe("Q2 2017/18 (Jul–Sep)");
  expect(formatQuarter("2017/18 Q3")).toBe("Q3 2017/18 (Oct–Dec)");
  expect(formatQuarter("2017/18 Q4")).toBe("Q4 2017/18 (Jan–Mar)");
  expect(formatQuarter(financialQuarter("2018-01-15"))).toBe("Q4 2017/18 (Jan–Mar)");
  expect(formatQuarter("odd")).toBe("odd");
});
