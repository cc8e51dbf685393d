/**
 * Bank holidays as gov.uk publishes them (https://www.gov.uk/bank-holidays, "UK bank holidays"),
 * against the official dates written out in tests/fixtures/bank-holidays (see its README), and the
 * rules of the Banking and Financial Dealings Act 1971 for the years before gov.uk's list.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  bankHolidaysOf,
  FIRST_RULE_YEAR,
  ONE_OFF_HOLIDAYS,
  type Division,
} from "../../../src/domain/core/bank-holidays";
import { bankHolidays, isWorkingDay, workingDaysBetween } from "../../../src/domain/core/calendar";
import HOLIDAY_YEARS from "../../../src/functions/holiday-years.json";

interface GovUkList {
  [division: string]: { division: string; events: { title: string; date: string; notes: string }[] };
}

const OFFICIAL = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/bank-holidays/gov-uk-bank-holidays-2012-2028.json"), "utf8"),
) as GovUkList;
const DIVISIONS: Division[] = ["england-and-wales", "scotland", "northern-ireland"];
const YEARS = Array.from({ length: 2028 - 2012 + 1 }, (_, i) => 2012 + i);

const dates = (division: Division, year: number): string[] =>
  bankHolidaysOf(division, year).map((h) => h.date);
const official = (division: Division, year: number): string[] =>
  OFFICIAL[division].events.map((e) => e.date).filter((d) => d.startsWith(`${year}-`));

describe("every date gov.uk lists, 2012 to 2028", () => {
  test("the fixture holds the three divisions and every year", () => {
    expect(Object.keys(OFFICIAL)).toEqual(DIVISIONS);
    for (const division of DIVISIONS) {
      expect(OFFICIAL[division].division).toBe(division);
      for (const year of YEARS) expect(official(division, year).length).toBeGreaterThanOrEqual(8);
    }
  });

  test.each(DIVISIONS.flatMap((d) => YEARS.map((y) => [d, y] as const)))("%s %i", (division, year) => {
    expect(dates(division, year)).toEqual(official(division, year));
  });

  test("the region codes the engine uses read the same lists", () => {
    for (const year of YEARS) {
      expect([...bankHolidays("GB-ENG", year)]).toEqual(official("england-and-wales", year));
      expect([...bankHolidays("GB-SCT", year)]).toEqual(official("scotland", year));
      expect([...bankHolidays("GB-NIR", year)]).toEqual(official("northern-ireland", year));
    }
  });
});

describe("the exceptions", () => {
  test("2012: the spring bank holiday moved to Monday 4 June for the Diamond Jubilee on Tuesday 5 June", () => {
    for (const division of DIVISIONS) {
      expect(dates(division, 2012)).not.toContain("2012-05-28");
      expect(dates(division, 2012)).toEqual(expect.arrayContaining(["2012-06-04", "2012-06-05"]));
    }
    expect(isWorkingDay("2012-05-28", "GB-ENG")).toBe(true);
    expect(isWorkingDay("2012-06-05", "GB-ENG")).toBe(false);
    // The week of 4 June 2012 had three working days in every division.
    for (const region of ["GB-ENG", "GB-SCT", "GB-NIR"] as const)
      expect(workingDaysBetween("2012-06-04", "2012-06-08", region)).toBe(3);
  });

  test("Scotland's additional bank holiday on Monday 15 June 2026, in Scotland only", () => {
    expect(isWorkingDay("2026-06-15", "GB-SCT")).toBe(false);
    expect(isWorkingDay("2026-06-15", "GB-ENG")).toBe(true);
    expect(isWorkingDay("2026-06-15", "GB-NIR")).toBe(true);
  });

  test("VE day: the early May bank holiday on Friday 8 May 2020 and Monday 8 May 1995", () => {
    for (const division of DIVISIONS) {
      expect(dates(division, 2020)).toContain("2020-05-08");
      expect(dates(division, 2020)).not.toContain("2020-05-04");
      expect(dates(division, 1995)).toContain("1995-05-08");
      expect(dates(division, 1995)).not.toContain("1995-05-01");
    }
  });

  test("one-off days: royal weddings, jubilees, the millennium, the state funeral, the coronation", () => {
    for (const date of [
      "1977-06-07",
      "1981-07-29",
      "1999-12-31",
      "2002-06-03",
      "2011-04-29",
      "2012-06-05",
      "2022-06-03",
      "2022-09-19",
      "2023-05-08",
    ]) {
      for (const division of DIVISIONS) expect(dates(division, Number(date.slice(0, 4)))).toContain(date);
      expect(ONE_OFF_HOLIDAYS.map((h) => h.date)).toContain(date);
    }
    // Golden Jubilee: the spring bank holiday moved to Tuesday 4 June 2002.
    expect(dates("england-and-wales", 2002)).toEqual(expect.arrayContaining(["2002-06-03", "2002-06-04"]));
    expect(dates("england-and-wales", 2002)).not.toContain("2002-05-27");
  });

  test("Scotland's and Northern Ireland's own days and substitutes", () => {
    // 2nd January, St Andrew's Day (a Saturday in 2019, kept on Monday 2 December).
    expect(dates("scotland", 2019)).toEqual(expect.arrayContaining(["2019-01-02", "2019-12-02"]));
    // New Year's Day on a Saturday and 2 January on a Sunday: Monday 3 and Tuesday 4 January 2022.
    expect(dates("scotland", 2022).slice(0, 2)).toEqual(["2022-01-03", "2022-01-04"]);
    // No Easter Monday in Scotland; the summer holiday on the first Monday of August.
    expect(dates("scotland", 2024)).not.toContain("2024-04-01");
    expect(dates("scotland", 2024)).toContain("2024-08-05");
    // St Patrick's Day on a Sunday (2019) and the Boyne on a Sunday (2020) move to the Monday.
    expect(dates("northern-ireland", 2019)).toContain("2019-03-18");
    expect(dates("northern-ireland", 2020)).toContain("2020-07-13");
    // St Andrew's Day became a bank holiday in 2007.
    expect(dates("scotland", 2006)).not.toContain("2006-11-30");
    expect(dates("scotland", 2007)).toContain("2007-11-30");
  });

  test("Christmas on a Saturday: Monday 27 and Tuesday 28; on a Sunday: Boxing Day Monday, Christmas Tuesday", () => {
    expect(dates("england-and-wales", 2021).slice(-2)).toEqual(["2021-12-27", "2021-12-28"]);
    expect(dates("england-and-wales", 2022).slice(-2)).toEqual(["2022-12-26", "2022-12-27"]);
    expect(bankHolidaysOf("england-and-wales", 2022).at(-1)).toEqual({
      date: "2022-12-27",
      title: "Christmas Day",
      substitute: true,
    });
  });
});

describe("the 1970s as they were", () => {
  test("no New Year's Day bank holiday in England and Wales before 1974", () => {
    expect(dates("england-and-wales", 1973)).not.toContain("1973-01-01");
    expect(isWorkingDay("1973-01-01", "GB-ENG")).toBe(true);
    expect(dates("england-and-wales", 1974)).toContain("1974-01-01");
    expect(isWorkingDay("1974-01-01", "GB-ENG")).toBe(false);
    // Scotland kept New Year's Day and 2 January throughout.
    expect(dates("scotland", 1973)).toEqual(expect.arrayContaining(["1973-01-01", "1973-01-02"]));
  });

  test("no early May bank holiday in England and Wales before 1978", () => {
    expect(dates("england-and-wales", 1977)).not.toContain("1977-05-02");
    expect(dates("england-and-wales", 1978)).toContain("1978-05-01");
    expect(dates("northern-ireland", 1977)).not.toContain("1977-05-02");
  });

  test("1977: the Silver Jubilee on Tuesday 7 June and the spring bank holiday moved to Monday 6 June", () => {
    expect(dates("england-and-wales", 1977)).toEqual([
      "1977-01-03",
      "1977-04-08",
      "1977-04-11",
      "1977-06-06",
      "1977-06-07",
      "1977-08-29",
      "1977-12-26",
      "1977-12-27",
    ]);
  });

  test("the rules begin in 1970, the first year the functions answer for; earlier years are refused", () => {
    expect(FIRST_RULE_YEAR).toBe(1970);
    expect(HOLIDAY_YEARS.first).toBe(FIRST_RULE_YEAR);
    expect(dates("england-and-wales", 1970)).toEqual([
      "1970-03-27",
      "1970-03-30",
      "1970-05-25",
      "1970-08-31",
      "1970-12-25",
      "1970-12-28",
    ]);
    expect(() => bankHolidaysOf("england-and-wales", 1969)).toThrow(/known from 1970, not for 1969/);
    expect(() => bankHolidays("GB-ENG", 1969)).toThrow(RangeError);
  });
});

test("every listed day is a weekday, in date order, once", () => {
  for (const division of DIVISIONS) {
    for (let year = FIRST_RULE_YEAR; year <= HOLIDAY_YEARS.last; year++) {
      const list = dates(division, year);
      expect([...list].sort()).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
      for (const d of list) {
        const day = new Date(`${d}T00:00:00Z`).getUTCDay();
        if (day === 0 || day === 6) throw new Error(`${division} ${d} falls on a weekend`);
        if (!d.startsWith(`${year}-`)) throw new Error(`${division} ${d} listed under ${year}`);
      }
    }
  }
});
