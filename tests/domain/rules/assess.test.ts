/**
 * Which rules apply to a tender, and the findings. "Equal to or above" the threshold is in scope
 * (PCR 2015 Part 2 Ch 1, https://www.legislation.gov.uk/uksi/2015/102/part/2/chapter/1/crossheading/scope/made).
 * Values ex VAT until 31 December 2021, inc VAT from 1 January 2022 (SI 2021/1221,
 * https://legislation.gov.uk/uksi/2021/1221/regulation/3/made). All lots and options count
 * (Procurement Pathway, https://www.procurementpathway.civilservice.gov.uk/documents/pcr2015/methods-for-calculating-the-estimated-value-of-procurement/contract-award-and-implementation).
 */
import { assessRules, rulesFindings, type RulesInput } from "../../../src/domain/rules";

const base: RulesInput = { vatRate: 20, lotsValue: 0 };
const run = (input: Partial<RulesInput>) => {
  const full = { ...base, ...input };
  const a = assessRules(full);
  return { a, findings: rulesFindings(full, a), codes: rulesFindings(full, a).map((f) => f.code) };
};
const central = { buyerType: "central", contractType: "services" } as const;

describe("the DfE 2017 tender (published 26 July 2017, closing 31 July, start 31 August)", () => {
  const dfe = run({
    ...central,
    procedure: "open",
    publishedDate: "2017-07-26",
    closingDate: "2017-07-31",
    startDate: "2017-08-31",
    lotsValue: 34_656_000,
    statedTotal: 34_600_000,
  });

  it("is under PCR 2015, above the £106,047 ex-VAT central threshold", () => {
    expect(dfe.a).toMatchObject({
      regime: "PCR 2015",
      threshold: 10_604_700,
      comparedWith: "ex VAT",
      estimatedValue: 34_656_000,
      aboveThreshold: true,
      thresholdPeriod: { from: "2016-01-01", to: "2017-12-31" },
      minimumTenderingDays: 30,
      tenderingDays: 5,
      latestAwardNoticeForStart: "2017-08-20",
      missing: [],
    });
    expect(dfe.a.noticeDuties.map((d) => d.where)).toContain(
      "the Official Journal of the EU (OJEU/TED) until 31 December 2020",
    );
  });

  it("has a tendering period of 5 days, under the 30-day minimum: an error naming the rule", () => {
    expect(dfe.codes).toEqual(["ABOVE_THRESHOLD", "TENDERING_PERIOD_SHORT"]);
    const short = dfe.findings[1];
    expect(short).toMatchObject({ severity: "error", path: "closingDate" });
    expect(short.message).toContain("is 5 days, under the 30-day minimum");
    expect(short.message).toContain("reg 27");
    expect(short.message).toContain("http://legislation.gov.uk/uksi/2015/102/regulation/27/made");
    expect(short.message).toMatch(/not legal advice/);
    const above = dfe.findings[0];
    expect(above.severity).toBe("info");
    expect(above.message).toMatch(/^Started 26 July 2017, so the PCR 2015 applies/);
    expect(above.message).toContain("estimated value £346,560 (ex VAT: all lots £346,560)");
    expect(above.message).toContain("£106,047");
  });

  it("raises no short period when closing is 30 days after publication, and does on day 29", () => {
    const at = (closing: string) =>
      run({
        ...central,
        procedure: "open",
        publishedDate: "2017-07-26",
        closingDate: closing,
        lotsValue: 34_656_000,
      }).codes;
    expect(at("2017-08-25")).toEqual(["ABOVE_THRESHOLD"]);
    expect(at("2017-08-24")).toEqual(["ABOVE_THRESHOLD", "TENDERING_PERIOD_SHORT"]);
  });
});

describe("the threshold comparison", () => {
  it("is in scope at exactly the threshold, and one penny below is near it", () => {
    expect(run({ ...central, publishedDate: "2016-06-01", lotsValue: 10_604_700 }).codes).toEqual([
      "ABOVE_THRESHOLD",
    ]);
    expect(run({ ...central, publishedDate: "2016-06-01", lotsValue: 10_604_699 }).codes).toEqual([
      "NEAR_THRESHOLD",
    ]);
  });

  it("is near from 90% of the threshold, and silent below it", () => {
    // 90% of £106,047 = £95,442.30
    expect(run({ ...central, publishedDate: "2016-06-01", lotsValue: 9_544_230 }).codes).toEqual([
      "NEAR_THRESHOLD",
    ]);
    expect(run({ ...central, publishedDate: "2016-06-01", lotsValue: 9_544_229 }).codes).toEqual([]);
  });

  it("compares ex VAT on 31 December 2021 and inc VAT from 1 January 2022", () => {
    const publishedOn = (publishedDate: string) =>
      run({ ...central, publishedDate, lotsValue: 12_000_000 }).a;
    expect(publishedOn("2021-12-31")).toMatchObject({
      comparedWith: "ex VAT",
      estimatedValue: 12_000_000,
      threshold: 12_297_600,
      aboveThreshold: false,
    });
    expect(publishedOn("2022-01-01")).toMatchObject({
      comparedWith: "inc VAT",
      estimatedValue: 14_400_000,
      threshold: 13_876_000,
      aboveThreshold: true,
    });
  });

  it("adds VAT at the tender's own rate", () => {
    const exempt = run({ ...central, publishedDate: "2022-01-01", lotsValue: 12_000_000, vatRate: 0 }).a;
    expect(exempt).toMatchObject({ estimatedValue: 12_000_000, aboveThreshold: false });
  });

  it("includes options and extensions", () => {
    const without = run({ ...central, publishedDate: "2016-06-01", lotsValue: 10_000_000 });
    expect(without.codes).toEqual(["NEAR_THRESHOLD"]);
    const withOptions = run({
      ...central,
      publishedDate: "2016-06-01",
      lotsValue: 10_000_000,
      optionsValue: 2_000_000,
    });
    expect(withOptions.a.estimatedValue).toBe(12_000_000);
    expect(withOptions.codes).toEqual(["ABOVE_THRESHOLD"]);
    expect(withOptions.findings[0].message).toContain("plus options and extensions £20,000");
  });

  it("uses the stated total when it is larger than the lots", () => {
    const a = run({
      ...central,
      publishedDate: "2016-06-01",
      lotsValue: 10_000_000,
      statedTotal: 11_000_000,
    }).a;
    expect(a.estimatedValue).toBe(11_000_000);
  });

  it("uses the Act's figure from 24 February 2025 and the 2026 figure from 1 January 2026", () => {
    const sub = { buyerType: "sub-central", contractType: "supplies" } as const;
    expect(run({ ...sub, publishedDate: "2025-02-23", lotsValue: 1 }).a).toMatchObject({
      regime: "PCR 2015",
      threshold: 21_490_400,
    });
    expect(run({ ...sub, publishedDate: "2025-02-24", lotsValue: 1 }).a).toMatchObject({
      regime: "Procurement Act 2023",
      threshold: 21_490_400,
    });
    expect(run({ ...sub, publishedDate: "2025-12-31", lotsValue: 1 }).a.threshold).toBe(21_490_400);
    expect(run({ ...sub, publishedDate: "2026-01-01", lotsValue: 1 }).a.threshold).toBe(20_772_000);
  });
});

describe("what cannot be told", () => {
  it("says which fields to give", () => {
    const { a, codes } = run({ lotsValue: 34_656_000 });
    expect(a.aboveThreshold).toBeNull();
    expect(a.missing.map((x) => x.field)).toEqual(["publishedDate", "buyerType", "contractType"]);
    expect(a.missing[0].message).toContain("--published");
    expect(codes).toEqual([]);
  });

  it("holds no threshold before 1 January 2016", () => {
    const { a } = run({ ...central, publishedDate: "2015-12-31", lotsValue: 34_656_000 });
    expect(a.aboveThreshold).toBeNull();
    expect(a.missing).toEqual([
      { field: "publishedDate", message: expect.stringContaining("1 January 2016") },
    ]);
  });

  it("leaves out the unconfirmed 2018 utilities figure and utilities' works", () => {
    const utility = (contractType: "services" | "works", publishedDate: string) =>
      run({ buyerType: "utility", contractType, publishedDate, lotsValue: 1 }).a;
    const u2018 = utility("services", "2018-03-01");
    expect(u2018.aboveThreshold).toBeNull();
    expect(u2018.missing[0].message).toContain("not confirmed");
    expect(utility("services", "2020-03-01").threshold).toBe(37_866_000);
    expect(utility("works", "2024-03-01").aboveThreshold).toBeNull();
  });

  it("does not check the Act's tendering periods (not confirmed against s.54)", () => {
    const { a, codes } = run({
      ...central,
      procedure: "open",
      publishedDate: "2025-03-03",
      closingDate: "2025-03-05",
      lotsValue: 34_656_000,
    });
    expect(a.minimumTenderingDays).toBeUndefined();
    expect(a.tenderingDays).toBe(2);
    expect(a.notes.join(" ")).toContain("s.54");
    expect(codes).toEqual(["ABOVE_THRESHOLD"]);
  });
});

describe("standstill against the planned start", () => {
  const act = {
    ...central,
    publishedDate: "2025-10-01",
    closingDate: "2025-11-14",
    awardNoticeDate: "2025-12-22",
    lotsValue: 34_656_000,
  };

  it("is an error when the contract starts on the standstill's last day", () => {
    const { a, findings, codes } = run({ ...act, startDate: "2026-01-06" });
    expect(a.standstillEnd).toBe("2026-01-06");
    expect(codes).toEqual(["ABOVE_THRESHOLD", "STANDSTILL_NOT_OVER"]);
    expect(findings[1]).toMatchObject({ severity: "error", path: "startDate" });
    expect(findings[1].message).toContain("ends on 6 January 2026");
    expect(findings[1].message).toContain("by 19 December 2025");
    expect(findings[1].message).toContain("s.51");
  });

  it("is not raised when the contract starts the day after", () => {
    expect(run({ ...act, startDate: "2026-01-07" }).codes).toEqual(["ABOVE_THRESHOLD"]);
  });

  it("is not raised below the threshold", () => {
    expect(run({ ...act, startDate: "2026-01-06", lotsValue: 1_000_000 }).codes).toEqual([]);
  });
});

describe("notice duties", () => {
  it("lists the Act's notices on the Central Digital Platform, and the contract itself over £5 million", () => {
    const small = run({ ...central, publishedDate: "2025-06-01", lotsValue: 34_656_000 }).a;
    expect(small.noticeDuties.map((d) => d.notice)).toEqual([
      "Tender notice",
      "Contract award notice",
      "Contract details notice",
    ]);
    const large = run({ ...central, publishedDate: "2025-06-01", lotsValue: 500_000_000 }).a;
    expect(large.noticeDuties).toHaveLength(4);
  });

  it("lists Find a Tender from 2021 and Contracts Finder below the threshold", () => {
    expect(
      run({ ...central, publishedDate: "2021-01-01", lotsValue: 34_656_000 }).a.noticeDuties[0].where,
    ).toMatch(/Find a Tender/);
    const below = run({
      buyerType: "sub-central",
      contractType: "services",
      publishedDate: "2023-01-10",
      lotsValue: 2_500_000,
    }).a;
    // £25,000 + VAT = £30,000: at the £30,000 sub-central value from 21 December 2022.
    expect(below.noticeDuties.map((d) => d.where)).toEqual(["Contracts Finder"]);
    const under = run({
      buyerType: "sub-central",
      contractType: "services",
      publishedDate: "2023-01-10",
      lotsValue: 2_499_999,
    }).a;
    expect(under.noticeDuties).toEqual([]);
  });
});

describe("dates out of order", () => {
  it("warns when the notice is published after closing or the award notice is before closing", () => {
    const { findings } = run({
      publishedDate: "2017-08-01",
      closingDate: "2017-07-31",
      awardNoticeDate: "2017-07-30",
    });
    expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ["DATE_ORDER", "warning", "publishedDate"],
      ["DATE_ORDER", "warning", "awardNoticeDate"],
    ]);
  });
});
