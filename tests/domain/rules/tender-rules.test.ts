/**
 * The tender's rule fields end to end in the engine: read from the tender file (bad values named
 * by field), assessed by checkTender with all lots aggregated, reported in --json's `rules`, and
 * read from a notice. Rules and sources: docs/rules.md.
 */
import { checkTender, parseTender, reportToJson } from "../../../src/domain";
import { parseNotice } from "../../../src/domain/notice";
import { DFE_2017 } from "../dfe-2017";
import { DFE_RULE_FIELDS, parsedTender } from "../../support/tenders";
import { errorsOf } from "../../support/results";

const dfe = (extra: Record<string, unknown>) => parsedTender({ ...DFE_2017, ...extra });
/** The DfE tender as central government services, with `extra`, checked. */
const checkCentral = (extra: Record<string, unknown>) =>
  checkTender(dfe({ buyerType: "central", contractType: "services", ...extra }));

describe("tender file: rule fields", () => {
  it("reads every rule field, in the user's words too", () => {
    const t = dfe({
      buyerType: "Central government",
      contractType: "Services",
      procedure: "open",
      publishedDate: "2017-07-26",
      awardNoticeDate: "2017-08-14",
      optionsValue: "£20,000",
    });
    expect(t).toMatchObject(DFE_RULE_FIELDS);
    expect(
      dfe({ contractType: "light touch", procedure: "Competitive flexible", buyerType: "sub central" }),
    ).toMatchObject({
      contractType: "light-touch",
      procedure: "competitive-flexible",
      buyerType: "sub-central",
    });
  });

  it("names the field of each bad value and says what to use", () => {
    const errors = errorsOf(
      parseTender({
        ...DFE_2017,
        buyerType: "council",
        contractType: 3,
        procedure: "negotiated",
        publishedDate: "2017-02-30",
        awardNoticeDate: "14/08/2017",
        optionsValue: "-£5",
      }),
    );
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(Object.keys(byPath).sort()).toEqual(
      ["awardNoticeDate", "buyerType", "contractType", "optionsValue", "procedure", "publishedDate"].sort(),
    );
    expect(byPath.buyerType).toBe(
      '"council" is not one of "central", "sub-central", "utility"; use one of those',
    );
    expect(byPath.procedure).toContain('"competitive-flexible"');
    expect(byPath.publishedDate).toContain("February 2017 has 28 days");
    expect(byPath.optionsValue).toContain("must not be negative");
  });

  it("leaves them out when absent: no rule findings, rules say what to give", () => {
    const report = checkTender(dfe({}));
    expect(report.findings.map((f) => f.code)).toEqual(["TOTAL_MISMATCH", "RATE_INFERRED"]);
    const json = reportToJson(report).rules;
    expect(json.aboveThreshold).toBeNull();
    expect(json.missing.map((m) => m.field)).toEqual(["publishedDate", "buyerType", "contractType"]);
  });
});

describe("checkTender: the DfE 2017 case (published 26 July 2017, closing 31 July)", () => {
  const report = checkTender(
    dfe({ buyerType: "central", contractType: "services", procedure: "open", publishedDate: "2017-07-26" }),
  );

  it("aggregates the four lots (£346,560) against the £106,047 PCR threshold, ex VAT", () => {
    expect(reportToJson(report).rules).toMatchObject({
      regime: "PCR 2015",
      threshold: 106_047,
      thresholdFor: "central government supplies and services",
      thresholdPeriod: { from: "2016-01-01", to: "2017-12-31" },
      comparedWith: "ex VAT",
      estimatedValue: 346_560,
      aboveThreshold: true,
      missing: [],
      minimumTenderingDays: 30,
      tenderingDays: 5,
      latestAwardNoticeForStart: "2017-08-20",
      standstillEnd: null,
    });
    const json = reportToJson(report).rules;
    expect(json.sources.threshold).toContain("https://cms-lawnow.com/");
    expect(json.sources.minimumTenderingDays).toContain(
      "http://legislation.gov.uk/uksi/2015/102/regulation/27/made",
    );
    expect(json.noticeDuties[0].source).toMatch(/https:\/\//);
  });

  it("adds the rule findings in severity order: the short period is an error", () => {
    expect(report.findings.map((f) => [f.code, f.severity])).toEqual([
      ["TOTAL_MISMATCH", "error"],
      ["TENDERING_PERIOD_SHORT", "error"],
      ["RATE_INFERRED", "info"],
      ["ABOVE_THRESHOLD", "info"],
    ]);
  });

  it("reports the new fields in --json's tender", () => {
    expect(reportToJson(report).tender).toMatchObject({
      buyerType: "central",
      contractType: "services",
      procedure: "open",
      publishedDate: "2017-07-26",
      awardNoticeDate: null,
      optionsValue: null,
    });
  });

  it("counts lots together: each lot is below the threshold, the four are above", () => {
    const one = checkCentral({
      publishedDate: "2017-07-26",
      statedTotal: null,
      lots: [{ name: "Kirklees", statedValue: "£48,960" }],
    });
    expect(one.rules.aboveThreshold).toBe(false);
    expect(report.rules.aboveThreshold).toBe(true);
  });

  it("includes options: £60,000 of lots plus £50,000 of options reach £106,047", () => {
    const at = (options: string | null) =>
      checkCentral({
        publishedDate: "2017-07-26",
        statedTotal: null,
        optionsValue: options,
        lots: [{ name: "Barnet", statedValue: "£60,000" }],
      }).rules;
    expect(at(null).aboveThreshold).toBe(false);
    expect(at("£46,047")).toMatchObject({ aboveThreshold: true, estimatedValue: 10_604_700 });
    expect(at("£46,046.99").aboveThreshold).toBe(false);
  });

  it("raises STANDSTILL_NOT_OVER when the award notice is too late for the 31 August start", () => {
    const late = checkCentral({ publishedDate: "2017-06-01", awardNoticeDate: "2017-08-21" });
    expect(late.rules.standstillEnd).toBe("2017-08-31");
    expect(late.findings.map((f) => f.code)).toContain("STANDSTILL_NOT_OVER");
    const inTime = checkCentral({ publishedDate: "2017-06-01", awardNoticeDate: "2017-08-20" });
    expect(inTime.findings.map((f) => f.code)).not.toContain("STANDSTILL_NOT_OVER");
  });
});

describe("notice reader", () => {
  it('reads a "Department for …" buyer as central government and a "Procedure: open" line', () => {
    const read = parseNotice(
      [
        "Commissioners for children's services intervention",
        "Buyer: Department for Education",
        "Procedure: open",
        "Value: £346,000",
        "Closing date: 31 July 2017",
      ].join("\n"),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.input.buyerType).toBe("central");
    expect(read.input.procedure).toBe("open");
    expect(read.fields.procedure?.sentence).toBe("Procedure: open");
    const council = parseNotice("Buyer: Sandwell Council\nProcedure type: restricted\nValue: £50,000");
    expect(council.ok && council.input.buyerType).toBeUndefined();
    expect(council.ok && council.input.procedure).toBe("restricted");
  });
});
