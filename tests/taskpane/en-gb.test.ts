import {
  formatLongDate,
  formatNumber,
  formatShortDate,
  parseUkDate,
  penceToEntry,
} from "../../src/taskpane/en-gb";
import { eachGives } from "../support/cases";

describe("parseUkDate", () => {
  eachGives("reads %s as %s (day before month)", parseUkDate, [
    ["31/07/2017", "2017-07-31"],
    ["1/8/2017", "2017-08-01"],
    ["31-07-2017", "2017-07-31"],
    ["31.07.2017", "2017-07-31"],
    ["2017-07-31", "2017-07-31"],
    ["31 July 2017", "2017-07-31"],
    ["31st July 2017", "2017-07-31"],
    ["31 Jul 2017", "2017-07-31"],
    ["29/02/2020", "2020-02-29"],
  ]);

  it.each([
    "30/02/2019",
    "29/02/2100",
    "07/31/2017",
    "31/13/2017",
    "tomorrow",
    "",
    "31 Juli 2017",
    "2017-7-32",
  ])("rejects %s", (text) => {
    expect(parseUkDate(text)).toBeUndefined();
  });
});

describe("en-GB display", () => {
  it("writes dates the UK way whatever the time zone", () => {
    expect(formatLongDate("2017-07-31")).toBe("31 July 2017");
    expect(formatShortDate("2017-08-31")).toBe("31/08/2017");
    expect(formatShortDate("2018-01-01")).toBe("01/01/2018");
  });

  it("groups thousands", () => {
    expect(formatNumber(1234.5)).toBe("1,234.5");
    expect(formatNumber(112)).toBe("112");
  });

  it("writes pence as an editable pounds figure without float arithmetic", () => {
    expect(penceToEntry(10752000)).toBe("107520");
    expect(penceToEntry(10752050)).toBe("107520.50");
    expect(penceToEntry(5)).toBe("0.05");
    expect(penceToEntry(-56000)).toBe("-560");
  });
});
