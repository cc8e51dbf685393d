import { checkTender, hasErrors } from "../../../src/domain/check/check";
import { reportToJson } from "../../../src/domain/formats/report-json";
import { DFE_2017 } from "../dfe-2017";
import { DFE_JSON_TOTALS, parsedTender as tender } from "../../support/tenders";

describe("checkTender and reportToJson: the DfE 2017 tender end to end", () => {
  const t = tender(DFE_2017);
  const before = JSON.stringify(t);
  const report = checkTender(t);
  const json = reportToJson(report);

  it("leaves the tender as it was and reports an error", () => {
    expect(JSON.stringify(t)).toBe(before);
    expect(report.tender).toBe(t);
    expect(hasErrors(report)).toBe(true);
    expect(report.options).toEqual({
      tolerance: { absolute: 0, percent: 0 },
      daysPerWeek: 5,
      rateBand: { min: 30000, max: 300000 },
    });
  });

  it("gives the normalised tender in pounds", () => {
    expect(json.tender).toEqual({
      title: "Commissioners for children's services intervention",
      buyer: "Department for Education",
      currency: "GBP",
      statedTotal: 346000,
      statedTotalPrecision: 1000,
      dayRate: null,
      closingDate: "2017-07-31",
      startDate: "2017-08-31",
      endDate: null,
      region: "GB-ENG",
      vatRate: 20,
      buyerType: null,
      contractType: null,
      procedure: null,
      publishedDate: null,
      awardNoticeDate: null,
      optionsValue: null,
      lots: [
        { name: "Barnet", dayRate: null, days: null, statedValue: 107520, startDate: null, endDate: null },
        { name: "Kirklees", dayRate: null, days: null, statedValue: 48960, startDate: null, endDate: null },
        { name: "Reading", dayRate: null, days: null, statedValue: 95040, startDate: null, endDate: null },
        {
          name: "Worcestershire",
          dayRate: null,
          days: null,
          statedValue: 95040,
          startDate: null,
          endDate: null,
        },
      ],
    });
  });

  it("gives the lines: £960 a day, 112, 51, 99 and 99 days", () => {
    expect(json.lines.map((l) => [l.lot, l.dayRate, l.days, l.value, l.statedValue, l.variance])).toEqual([
      ["Barnet", 960, 112, 107520, 107520, 0],
      ["Kirklees", 960, 51, 48960, 48960, 0],
      ["Reading", 960, 99, 95040, 95040, 0],
      ["Worcestershire", 960, 99, 95040, 95040, 0],
    ]);
    expect(json.lines[0]).toMatchObject({
      dayRateSource: "inferred",
      daysSource: "inferred",
      valueSource: "statedValue",
      share: 0.3102,
      startDate: "2017-08-31",
      endDate: null,
    });
  });

  it("gives the totals: £346,560, +£560, +0.16%, £415,872 inc VAT", () => {
    expect(json.totals).toEqual(DFE_JSON_TOTALS);
    // The inferred days are the lines' days, 112, 51, 99 and 99 (the test above).
    expect(json.inferred).toEqual({
      dayRate: 960,
      days: json.lines.map((l) => ({ lot: l.lot, days: l.days })),
    });
  });

  it("gives the findings: the mismatch (not a rounding) and the inferred rate; the dates are in order", () => {
    expect(json.findings).toEqual([
      {
        code: "TOTAL_MISMATCH",
        severity: "error",
        message:
          "The lots add up to £346,560, £560 more than the £346,000 stated (+0.16%). " +
          "This is not a rounding: to the stated figure's £1,000 precision, £346,560 would be £347,000.",
        path: "statedTotal",
      },
      {
        code: "RATE_INFERRED",
        severity: "info",
        message: expect.stringContaining("inferred as £960 a day"),
        path: "dayRate",
      },
    ]);
  });

  it("gives the phasing by month, quarter and financial year", () => {
    expect(json.phasing.daysPerWeek).toBe(5);
    expect(json.phasing.months[0]).toEqual({ month: "2017-08", value: 3840 });
    expect(json.phasing.months).toHaveLength(7);
    expect(json.phasing.quarters).toEqual([
      { quarter: "2017/18 Q2", value: 84480 },
      { quarter: "2017/18 Q3", value: 209280 },
      { quarter: "2017/18 Q4", value: 52800 },
    ]);
    expect(json.phasing.financialYears).toEqual([{ financialYear: "2017/18", value: 346560 }]);
    expect(json.phasing.lots[1]).toEqual({
      lot: "Kirklees",
      startDate: "2017-08-31",
      endDate: "2017-11-09",
      months: [
        { month: "2017-08", days: 1, value: 960 },
        { month: "2017-09", days: 21, value: 20160 },
        { month: "2017-10", days: 22, value: 21120 },
        { month: "2017-11", days: 7, value: 6720 },
      ],
    });
    expect(json.phasing.unphased).toEqual([]);
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("checkTender options", () => {
  it("passes tolerance, pace and rate band through", () => {
    const t = tender(DFE_2017);
    const report = checkTender(t, { tolerance: { absolute: 56000, percent: 0 }, daysPerWeek: 2.5 });
    expect(hasErrors(report)).toBe(false);
    expect(report.phasing.daysPerWeek).toBe(2.5);
    const narrow = checkTender(t, { rateBand: { min: 100000, max: 200000 } });
    expect(narrow.allocation.inferredDayRate).toBeUndefined();
    // Stated values only, no day rate and no days: not asked for a day rate when none fits the band.
    expect(narrow.findings.map((f) => f.code)).toEqual(["TOTAL_MISMATCH"]);
    // With days on a lot the tender looks priced by the day: then the warning asks for a rate.
    const withDays = tender({
      ...DFE_2017,
      lots: [{ ...DFE_2017.lots[0], days: 112 }, ...DFE_2017.lots.slice(1)],
    });
    expect(
      checkTender(withDays, { rateBand: { min: 100000, max: 200000 } }).findings.map((f) => f.code),
    ).toContain("NO_PLAUSIBLE_RATE");
    expect(reportToJson(narrow).inferred).toEqual({ dayRate: null, days: [] });
    expect(reportToJson(narrow).phasing.unphased.map((u) => u.path)).toEqual([
      "lots[0].days",
      "lots[1].days",
      "lots[2].days",
      "lots[3].days",
    ]);
  });
});
