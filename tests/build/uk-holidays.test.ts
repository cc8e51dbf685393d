import Holidays from "date-holidays";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const uk = require("../../scripts/uk-holidays.js") as {
  ukHolidayTable: () => Record<string, Record<string, [string, string][]>>;
  moduleSource: (table: unknown) => string;
  FIRST_YEAR: number;
  LAST_YEAR: number;
};

type Bundled = new (
  country: string,
  state: string,
) => {
  getHolidays: (year: number) => { date: string; type: string }[];
};

/** Evaluates the generated ES module as the bundle would see it. */
function loadBundled(): Bundled {
  const source = uk.moduleSource(uk.ukHolidayTable()).replace("export default class", "return class");
  return new Function(source)() as Bundled;
}

describe("the bundled UK bank-holiday table", () => {
  const Bundled = loadBundled();

  it.each(["ENG", "SCT", "NIR"])("matches date-holidays for %s in every bundled year", (state) => {
    const real = new Holidays("GB", state);
    const bundled = new Bundled("GB", state);
    for (let year = uk.FIRST_YEAR; year <= uk.LAST_YEAR; year++) {
      const expected = real.getHolidays(year).map((h) => [h.date.slice(0, 10), h.type]);
      const actual = bundled.getHolidays(year).map((h) => [h.date.slice(0, 10), h.type]);
      expect(actual).toEqual(expected);
    }
  });

  it("holds the 2017 England and Wales bank holidays", () => {
    const dates = new Bundled("GB", "ENG")
      .getHolidays(2017)
      .filter((h) => h.type === "public")
      .map((h) => h.date.slice(0, 10));
    expect(dates).toEqual(
      expect.arrayContaining([
        "2017-01-02",
        "2017-04-14",
        "2017-04-17",
        "2017-05-01",
        "2017-05-29",
        "2017-08-28",
        "2017-12-25",
        "2017-12-26",
      ]),
    );
  });

  it("says clearly when a year or region is outside the table", () => {
    expect(() => new Bundled("GB", "ENG").getHolidays(uk.LAST_YEAR + 1)).toThrow(/known for 1970 to 2100/);
    expect(() => new Bundled("FR", "")).toThrow(/Only UK bank holidays/);
  });
});
