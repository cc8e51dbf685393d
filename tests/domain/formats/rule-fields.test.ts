/**
 * The procurement-rule fields (#17: buyerType, contractType, procedure, publishedDate,
 * awardNoticeDate, optionsValue) and the ceiling, carried by the tender CSV and the OCDS export:
 * written, read back, and bad values named. Where OCDS 1.1.5 has a place for a field it is used
 * (release schema, definition Tender: procurementMethod from the closed `method` codelist,
 * procurementMethodDetails, mainProcurementCategory from the closed `procurementCategory`
 * codelist, tenderPeriod, awardPeriod; open-contracting/standard tag 1__1__5,
 * schema/release-schema.json, in the shared material's ocds/ folder).
 */
import { csvToTender, tenderToCsv } from "../../../src/domain/formats/csv-export";
import { ocdsToTender, tenderToOcds } from "../../../src/domain/formats/ocds";
import type { Tender } from "../../../src/domain/core/types";
import { releasePackageErrors } from "../../exports/ocds-schema";
import { dfeTender, dfeWithRules } from "./arbitraries";

const PUBLISHED = "2017-07-27T09:00:00Z";

function csvBack(tender: Tender): Tender {
  const read = csvToTender(tenderToCsv(tender));
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value;
}

function ocdsBack(tender: Tender): Tender {
  const json = JSON.parse(JSON.stringify(tenderToOcds(tender, { publishedDate: PUBLISHED })));
  const read = ocdsToTender(json);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value;
}

describe("the tender CSV carries the rule fields", () => {
  test("DfE 2017 published 26 July 2017: the rule rows follow the details, and read back the same", () => {
    const csv = tenderToCsv(dfeWithRules());
    expect(csv).toContain(
      [
        "VAT rate (%),20",
        "Buyer type,central",
        "Contract type,services",
        "Procedure,open",
        "Published,2017-07-26",
        "Award notice,2017-08-14",
        "Options value,20000.00",
        "",
        "Lot,Day rate,Days,Stated value,Start date,End date",
      ].join("\r\n"),
    );
    expect(csvBack(dfeWithRules())).toEqual(dfeWithRules());
    // Without rule fields, no rule rows: the file is as before.
    expect(tenderToCsv(dfeTender())).not.toMatch(/Buyer type|Procedure|Published/);
  });

  test("a ceiling is a row of its own, yes, and reads back", () => {
    const ceiling: Tender = { ...dfeTender(), statedTotalIsCeiling: true };
    expect(tenderToCsv(ceiling)).toContain("Stated total is a ceiling,yes\r\n");
    expect(csvBack(ceiling)).toEqual(ceiling);
  });

  test("after Excel: user words, UK dates, £ amounts and 'Published date' read too", () => {
    const edited = tenderToCsv(dfeTender()).replace(
      "VAT rate (%),20\r\n",
      [
        "VAT rate (%),20",
        "Buyer type,Central government",
        "Contract type,Light touch",
        "Procedure,Competitive flexible",
        "Published date,26/07/2017",
        "Award notice date,14 August 2017",
        'Options value,"£20,000"',
        "",
      ].join("\r\n"),
    );
    const read = csvToTender(edited);
    expect(read.ok && read.value).toEqual({
      ...dfeWithRules(),
      contractType: "light-touch",
      procedure: "competitive-flexible",
    });
  });

  test("bad rule values are named by row and field, with the words allowed", () => {
    const bad = tenderToCsv(dfeWithRules())
      .replace("Buyer type,central", "Buyer type,council")
      .replace("Procedure,open", "Procedure,tender")
      .replace("Published,2017-07-26", "Published,2017-02-30")
      .replace("Options value,20000.00", "Options value,-5");
    const read = csvToTender(bad);
    if (read.ok) throw new Error("expected errors");
    expect(read.errors.map((e) => e.path)).toEqual([
      "row 17 (Options value)",
      "row 15 (Published)",
      "row 12 (Buyer type)",
      "row 14 (Procedure)",
    ]);
    expect(read.errors[0].message).toMatch(/must not be negative/);
    expect(read.errors[1].message).toMatch(/February 2017 has 28 days/);
    expect(read.errors[2].message).toBe(
      '"council" is not one of "central", "sub-central", "utility"; use one of those',
    );
    expect(read.errors[3].message).toMatch(/"tender" is not one of "open", "restricted", .*"call-off"/);
  });

  test("a ceiling row that is neither yes nor no is named", () => {
    const bad = tenderToCsv({ ...dfeTender(), statedTotalIsCeiling: true }).replace(
      "ceiling,yes",
      "ceiling,maybe",
    );
    const read = csvToTender(bad);
    expect(!read.ok && read.errors).toEqual([
      { path: "row 12 (Stated total is a ceiling)", message: expect.stringMatching(/write yes .* or no/) },
    ]);
  });
});

describe("the OCDS export carries the rule fields where OCDS has a place for them", () => {
  const pkg = JSON.parse(JSON.stringify(tenderToOcds(dfeWithRules(), { publishedDate: PUBLISHED })));
  const tender = pkg.releases[0].tender;

  test("DfE 2017 with rules, a valid OCDS 1.1.5 package: procedure, category, tender period from the notice to closing, award period, ours for the rest", () => {
    expect(releasePackageErrors(pkg)).toEqual([]);
    expect(tender.procurementMethod).toBe("open");
    expect(tender.procurementMethodDetails).toBe("Open procedure");
    expect(tender.mainProcurementCategory).toBe("services");
    expect(tender.tenderPeriod).toEqual({
      startDate: "2017-07-26T00:00:00+01:00",
      endDate: "2017-07-31T23:59:59+01:00",
    });
    expect(tender.awardPeriod).toEqual({ endDate: "2017-08-14T23:59:59+01:00" });
    expect(tender.tenderBudget).toMatchObject({
      buyerType: "central",
      contractType: "services",
      optionsValue: 20000,
    });
    // Without rule fields the export is as before, and reads back without them.
    const out = tenderToOcds(dfeTender(), { publishedDate: PUBLISHED }).releases[0].tender;
    expect(out.mainProcurementCategory).toBe("services");
    expect(out).not.toHaveProperty("procurementMethod");
    expect(out).not.toHaveProperty("awardPeriod");
    expect(out.tenderPeriod).toEqual({ endDate: "2017-07-31T23:59:59+01:00" });
    expect(ocdsBack(dfeTender())).toEqual(dfeTender());
  });

  test("reads back to the same tender: DfE 2017 with rules, and with a ceiling", () => {
    expect(ocdsBack(dfeWithRules())).toEqual(dfeWithRules());
    const ceiling: Tender = { ...dfeWithRules(), statedTotalIsCeiling: true };
    expect(ocdsBack(ceiling)).toEqual(ceiling);
  });

  test.each([
    ["open", "open", "Open procedure"],
    ["restricted", "selective", "Restricted procedure"],
    ["competitive-flexible", "selective", "Competitive flexible procedure"],
    ["direct-award", "direct", "Direct award"],
    ["call-off", undefined, "Call-off from a framework"],
  ] as const)("procedure %s: method %s, details %j, and back", (procedure, method, details) => {
    const t: Tender = { ...dfeTender(), procedure };
    const out = tenderToOcds(t, { publishedDate: PUBLISHED }).releases[0].tender;
    expect(out.procurementMethod).toBe(method);
    expect(out.procurementMethodDetails).toBe(details);
    expect(
      releasePackageErrors(JSON.parse(JSON.stringify(tenderToOcds(t, { publishedDate: PUBLISHED })))),
    ).toEqual([]);
    expect(ocdsBack(t)).toEqual(t);
  });

  test.each([
    ["services", "services"],
    ["supplies", "goods"],
    ["works", "works"],
    ["light-touch", "services"],
  ] as const)("contract type %s is category %s, and reads back exactly", (contractType, category) => {
    const t: Tender = { ...dfeTender(), contractType };
    expect(tenderToOcds(t, { publishedDate: PUBLISHED }).releases[0].tender.mainProcurementCategory).toBe(
      category,
    );
    expect(ocdsBack(t)).toEqual(t);
  });

  test("a bad rule value in our own fields is named by its OCDS path", () => {
    const bad = JSON.parse(JSON.stringify(pkg));
    bad.releases[0].tender.tenderBudget.buyerType = "council";
    bad.releases[0].tender.tenderBudget.optionsValue = -1;
    const read = ocdsToTender(bad);
    expect(!read.ok && read.errors.map((e) => e.path)).toEqual([
      "releases[0].tender.tenderBudget.buyerType",
      "releases[0].tender.tenderBudget.optionsValue",
    ]);
  });

  test("another publisher's notice: the procedure its details name, goods as supplies, no award notice from a planned award period", () => {
    const other = JSON.parse(JSON.stringify(pkg));
    const t = other.releases[0].tender;
    delete t.tenderBudget;
    t.procurementMethod = "selective";
    t.procurementMethodDetails = "Restricted procedure";
    t.mainProcurementCategory = "goods";
    const read = ocdsToTender(other);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.value).toMatchObject({
      procedure: "restricted",
      contractType: "supplies",
      publishedDate: "2017-07-26",
    });
    expect(read.value.awardNoticeDate).toBeUndefined();
    expect(read.value.buyerType).toBeUndefined();
  });
});
