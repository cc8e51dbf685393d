/**
 * The headline DfE tender (stated total £346,000; Barnet £107,520, Kirklees £48,960, Reading
 * £95,040, Worcestershire £95,040; £960 a day inferred; start 31 August 2017) tracked against
 * five months of invoices, September 2017 to January 2018.
 */
import { readFileSync } from "fs";
import { join } from "path";
import {
  type ActualLine,
  actualsToJson,
  checkActuals,
  csvLineRef,
  readActualsCsv,
} from "../../../src/domain/actuals";
import { allocate } from "../../../src/domain/check/allocation";
import { phase } from "../../../src/domain/check/phasing";
import { parseTender } from "../../../src/domain/check/tender";
import type { Tender } from "../../../src/domain/core/types";

const root = join(__dirname, "../../..");

function dfeTender(): Tender {
  const parsed = parseTender(
    JSON.parse(readFileSync(join(root, "examples/dfe-commissioners-2017.json"), "utf8")),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

function invoices(file: string) {
  const read = readActualsCsv(readFileSync(join(root, "tests/fixtures/actuals", file), "utf8"));
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value;
}

const tender = dfeTender();
const allocation = allocate(tender);
/** Phased at 5 days a week, the engine's default. */
const phasing = phase(tender, allocation);

describe("the clean invoice set", () => {
  const { lines } = invoices("dfe-2017-invoices.csv");
  const report = checkActuals(tender, allocation, phasing, lines);

  test("has no findings, and the position is taken at the last work date", () => {
    expect(allocation.inferredDayRate).toBe(96_000);
    expect(report.findings).toEqual([]);
    expect(report.asOf).toBe("2018-01-31");
    expect(report.notCounted).toEqual([]);
  });

  test("days used, spent and what is left, per lot", () => {
    const figures = report.lots.map((p) => [
      p.lot,
      p.allocatedDays,
      p.daysUsed,
      p.remainingDays,
      p.allocatedValue,
      p.spent,
      p.remainingValue,
      p.percentUsed,
    ]);
    expect(figures).toEqual([
      ["Barnet", 112, 54, 58, 10_752_000, 5_184_000, 5_568_000, 48.2],
      ["Kirklees", 51, 27, 24, 4_896_000, 2_592_000, 2_304_000, 52.9],
      ["Reading", 99, 45, 54, 9_504_000, 4_320_000, 5_184_000, 45.5],
      ["Worcestershire", 99, 48, 51, 9_504_000, 4_608_000, 4_896_000, 48.5],
    ]);
    expect(report.lots[0].vat).toBe(1_036_800);
  });

  test("in total: 174 of 361 days, £167,040 of £346,560, £179,520 left", () => {
    expect(report.totals).toMatchObject({
      allocatedDays: 361,
      daysUsed: 174,
      remainingDays: 187,
      allocatedValue: 34_656_000,
      spent: 16_704_000,
      remainingValue: 17_952_000,
      percentUsed: 48.2,
      invoices: 20,
      vat: 3_340_800,
    });
  });

  test("against the 5-days-a-week phasing every lot is behind; Barnet by £50,880", () => {
    // Barnet's phasing to 31 January 2018: 1 + 21 + 22 + 22 + 19 + 22 = 107 days × £960 = £102,720.
    expect(report.lots[0]).toMatchObject({
      phasedToDate: 10_272_000,
      varianceToPhased: -5_088_000,
      pace: "behind",
    });
    expect(report.totals.phasedToDate).toBe(34_176_000);
  });

  test("against a 2.5-days-a-week phasing Barnet is £480 ahead and Reading £8,160 behind", () => {
    const halfTime = checkActuals(tender, allocation, phase(tender, allocation, { daysPerWeek: 2.5 }), lines);
    expect(halfTime.lots.map((p) => [p.lot, p.phasedToDate, p.varianceToPhased, p.pace])).toEqual([
      ["Barnet", 5_136_000, 48_000, "ahead"],
      ["Kirklees", 4_896_000, -2_304_000, "behind"],
      ["Reading", 5_136_000, -816_000, "behind"],
      ["Worcestershire", 5_136_000, -528_000, "behind"],
    ]);
  });

  test("part of the as-of month is phased by its working days: 15 November is 11 of 22", () => {
    const mid = checkActuals(tender, allocation, phase(tender, allocation, { daysPerWeek: 2.5 }), lines, {
      asOf: "2017-11-15",
    });
    // £480 + £10,080 + £10,560 for August to October, and 11/22 of November's £10,560.
    expect(mid.lots[0].phasedToDate).toBe(2_640_000);
    // Only the September and October invoices are dated by 15 November.
    expect(mid.lots[0]).toMatchObject({ invoices: 2, daysUsed: 22, spent: 2_112_000 });
    expect(mid.notCounted.filter((n) => n.reason === "after-as-of")).toHaveLength(12);
  });

  test("forecast: at the last three months' rate Barnet's money lasts until 17 July 2018", () => {
    expect(
      report.lots.map((p) => [p.lot, p.forecast.burnPerMonth, p.forecast.forecastExhaustionDate]),
    ).toEqual([
      ["Barnet", 1_024_000, "2018-07-17"],
      ["Kirklees", 480_000, "2018-06-28"],
      ["Reading", 864_000, "2018-08-03"],
      ["Worcestershire", 896_000, "2018-07-18"],
    ]);
    // No contract end is stated, so the forecast is compared with the planned end of the phasing.
    expect(report.lots[0].forecast).toMatchObject({
      endDate: "2018-02-07",
      endSource: "phasing",
      exhaustsBeforeEnd: false,
    });
    expect(report.totals.forecast.forecastExhaustionDate).toBe("2018-07-19");
  });

  test("with a contract end of 31 March 2018, Worcestershire at its autumn pace runs out first — flagged", () => {
    const withEnd: Tender = { ...tender, endDate: "2018-03-31" };
    const alloc = allocate(withEnd);
    const busy: ActualLine[] = [20, 22, 22].map((days, k) => ({
      lot: "Worcestershire",
      invoiceNumber: `W${k + 1}`,
      periodStart: ["2017-08-31", "2017-10-01", "2017-11-01"][k],
      periodEnd: ["2017-09-30", "2017-10-31", "2017-11-30"][k],
      days,
      amount: days * 96_000,
    }));
    const r = checkActuals(withEnd, alloc, phase(withEnd, alloc), busy, { asOf: "2017-11-30" });
    const w = r.lots[3];
    // £61,440 in the 91 days of September to November; £33,600 left lasts ⌈33,600 × 91 ÷ 61,440⌉ = 50 days.
    expect(w.forecast).toMatchObject({
      windowStart: "2017-09-01",
      forecastExhaustionDate: "2018-01-19",
      endDate: "2018-03-31",
      endSource: "contract",
      exhaustsBeforeEnd: true,
    });
    expect(w.forecast.note).toMatch(/runs out on 19 January 2018, before the contract ends on 31 March 2018/);
    expect(r.lots[0].forecast.forecastExhaustionDate).toBeNull();
  });
});

describe("the invoice set with a rate error, a duplicate, an overspend and work before the start", () => {
  const layout = invoices("dfe-2017-invoices-with-problems.csv");
  const report = checkActuals(tender, allocation, phasing, layout.lines, { lineRef: csvLineRef(layout) });

  test("gives exactly four findings, in invoice order", () => {
    expect(report.findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ["INVOICE_OUTSIDE_PERIOD", "warning", "actuals[0].periodStart"],
      ["DUPLICATE_INVOICE", "error", "actuals[3].invoiceNumber"],
      ["INVOICE_RATE_MISMATCH", "error", "actuals[14].amount"],
      ["ACTUAL_OVER_BUDGET", "error", "actuals[21].days"],
    ]);
  });

  test("work before the start: Kirklees from 14 August 2017", () => {
    expect(report.findings[0].message).toBe(
      "Invoice KIR-000 (Kirklees) is for work from 14 August 2017, before the contract started on " +
        "31 August 2017; check the work was agreed before it is paid.",
    );
  });

  test("the duplicate names both rows of the file", () => {
    expect(report.findings[1].message).toBe(
      "Invoice BAR-002 for Barnet is entered 2 times (row 4 and row 5); enter each invoice once and " +
        "remove the copy. The position counts every line as entered.",
    );
  });

  test("the rate error says what the invoice should be: 10 days at £960 is £9,600.00, not £9,700.00", () => {
    expect(report.findings[2].message).toBe(
      "Invoice RDG-003 (Reading) charges £9,700.00 for 10 days; at the contracted day rate of £960.00 " +
        "it should be £9,600.00 (£100.00 more than the rate allows).",
    );
  });

  test("the overspend: Worcestershire 3 days and £2,880.00 over, first with WOR-005", () => {
    expect(report.findings[3].message).toBe(
      "Worcestershire is over its allocation: 102 days used against 99 days allocated (3 days over) and " +
        "£97,920.00 spent against £95,040.00 allocated (£2,880.00 over). It first went over with invoice " +
        "WOR-005 (row 23); agree a change to the contract before paying more.",
    );
    const w = report.lots[3];
    expect(w).toMatchObject({
      overBudget: true,
      exceededBy: 21,
      daysUsed: 102,
      remainingDays: -3,
      spent: 9_792_000,
      remainingValue: -288_000,
      percentUsed: 103,
    });
    expect(w.forecast).toMatchObject({ exhausted: true, forecastExhaustionDate: "2018-01-31" });
    expect(w.forecast.note).toMatch(
      /has used up its allocation \(on 31 January 2018.*\) and is £2,880\.00 over\.$/,
    );
  });

  test("the position counts every line as entered: the copy, the early work and the extra £100", () => {
    expect(report.lots.map((p) => [p.lot, p.daysUsed, p.spent])).toEqual([
      ["Barnet", 66, 6_336_000],
      ["Kirklees", 32, 3_072_000],
      ["Reading", 45, 4_330_000],
      ["Worcestershire", 102, 9_792_000],
    ]);
    expect(report.totals).toMatchObject({ daysUsed: 245, spent: 23_530_000, remainingValue: 11_126_000 });
  });

  test("as JSON for the command line: a line per lot and totals, money in pounds", () => {
    const json = actualsToJson(report);
    expect(json.asOf).toBe("2018-01-31");
    expect(json.invoices).toBe(22);
    expect(json.lines[3]).toMatchObject({
      lot: "Worcestershire",
      dayRate: 960,
      daysUsed: 102,
      spent: 97_920,
      remainingDays: -3,
      remainingValue: -2_880,
      forecastExhaustionDate: "2018-01-31",
      overBudget: true,
    });
    expect(json.lines[0]).toMatchObject({
      lot: "Barnet",
      daysUsed: 66,
      spent: 63_360,
      remainingDays: 46,
      remainingValue: 44_160,
      forecastExhaustionDate: "2018-06-13",
    });
    expect(json.totals).toMatchObject({
      daysUsed: 245,
      spent: 235_300,
      remainingValue: 111_260,
      allocatedValue: 346_560,
    });
    // The JSON survives a round trip unchanged (no undefined, no NaN).
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("other checks", () => {
  const line = (over: Partial<ActualLine>): ActualLine => ({
    lot: "Barnet",
    invoiceNumber: "X1",
    periodStart: "2017-11-01",
    periodEnd: "2017-11-30",
    days: 10,
    amount: 960_000,
    ...over,
  });

  test("UNKNOWN_LOT suggests the lot meant, and the line is left out of the position", () => {
    const r = checkActuals(tender, allocation, phasing, [
      line({ lot: "Barnett" }),
      line({ invoiceNumber: "X2" }),
    ]);
    expect(r.findings).toEqual([
      {
        code: "UNKNOWN_LOT",
        severity: "error",
        message:
          'Invoice X1 is for "Barnett", which is not a lot of this tender (did you mean Barnet?); correct ' +
          "the lot name. Until then it is left out of the position.",
        path: "actuals[0].lot",
      },
    ]);
    expect(r.notCounted).toEqual([{ index: 0, reason: "unknown-lot" }]);
    expect(r.lots[0]).toMatchObject({ invoices: 1, daysUsed: 10, spent: 960_000 });
    const none = checkActuals(tender, allocation, phasing, [line({ lot: "Leeds" })]);
    expect(none.findings[0].message).toMatch(/\(the lots are Barnet, Kirklees, Reading, Worcestershire\)/);
  });

  test("lot names match whatever the case and spacing", () => {
    const r = checkActuals(tender, allocation, phasing, [line({ lot: "  worcestershire " })]);
    expect(r.findings).toEqual([]);
    expect(r.lots[3].spent).toBe(960_000);
  });

  test("DAYS_EXCEED_PERIOD is region-aware: 22 days in November 2017 fit England, not Scotland", () => {
    const claim = [line({ days: 22, amount: 22 * 96_000 })];
    expect(checkActuals(tender, allocation, phasing, claim).findings).toEqual([]);
    const scottish: Tender = { ...tender, region: "GB-SCT" };
    const r = checkActuals(scottish, allocate(scottish), phase(scottish, allocate(scottish)), claim);
    expect(r.findings).toEqual([
      {
        code: "DAYS_EXCEED_PERIOD",
        severity: "error",
        message:
          "Invoice X1 (Barnet) claims 22 days for 1 November 2017 to 30 November 2017, which has 21 " +
          "working days in Scotland; ask for the days worked to be corrected.",
        path: "actuals[0].days",
      },
    ]);
  });

  test("a rate mismatch under the rate, and half days priced to the penny", () => {
    const r = checkActuals(tender, allocation, phasing, [
      line({ days: 4.5, amount: 432_000 }),
      line({ invoiceNumber: "X2", days: 0.25, amount: 23_999 }),
    ]);
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([["INVOICE_RATE_MISMATCH", "actuals[1].amount"]]);
    expect(r.findings[0].message).toMatch(
      /charges £239\.99 for 0\.25 days.*should be £240\.00 \(£0\.01 less/,
    );
  });

  test("work after the contract end is a warning on the period end", () => {
    const ended: Tender = { ...tender, endDate: "2017-12-31" };
    const r = checkActuals(ended, allocate(ended), phase(ended, allocate(ended)), [
      line({ periodStart: "2017-12-18", periodEnd: "2018-01-12", days: 5, amount: 480_000 }),
    ]);
    expect(r.findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ["INVOICE_OUTSIDE_PERIOD", "warning", "actuals[0].periodEnd"],
    ]);
    expect(r.findings[0].message).toMatch(
      /work up to 12 January 2018, after the contract ended on 31 December 2017/,
    );
  });

  test("the same invoice number on two lots is not a duplicate; three copies name all three lines", () => {
    const r = checkActuals(tender, allocation, phasing, [
      line({}),
      line({ lot: "Reading" }),
      line({}),
      line({ invoiceNumber: " x1" }),
    ]);
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([
      ["DUPLICATE_INVOICE", "actuals[2].invoiceNumber"],
      ["DUPLICATE_INVOICE", "actuals[3].invoiceNumber"],
    ]);
    expect(r.findings[0].message).toMatch(
      /entered 3 times \(invoice line 1, invoice line 3 and invoice line 4\)/,
    );
  });

  test("a lot the allocation could not value is checked on days only", () => {
    const unpriced: Tender = {
      ...tender,
      statedTotal: undefined,
      lots: [{ name: "Alpha", days: 10 }, { name: "Beta" }],
    };
    const alloc = allocate(unpriced);
    const r = checkActuals(unpriced, alloc, phase(unpriced, alloc), [
      line({ lot: "Alpha", days: 12, amount: 1_200_000 }),
      line({ lot: "Beta", days: 3, amount: 300_000 }),
    ]);
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([["ACTUAL_OVER_BUDGET", "actuals[0].days"]]);
    expect(r.findings[0].message).toBe(
      "Alpha is over its allocation: 12 days used against 10 days allocated (2 days over). It first went " +
        "over with invoice X1 (invoice line 1); agree a change to the contract before paying more.",
    );
    expect(r.lots[1]).toMatchObject({ spent: 300_000, percentUsed: null, overBudget: false });
  });

  test("no invoices: nothing used, everything left, no forecast", () => {
    const r = checkActuals(tender, allocation, phasing, []);
    expect(r.asOf).toBeUndefined();
    expect(r.totals).toMatchObject({ spent: 0, remainingValue: 34_656_000, phasedToDate: 0, percentUsed: 0 });
    expect(r.totals.forecast.forecastExhaustionDate).toBeNull();
  });

  test("misuse throws: an as-of date that is not a date, a line with pounds instead of pence", () => {
    expect(() => checkActuals(tender, allocation, phasing, [], { asOf: "31/01/2018" })).toThrow(
      /asOf must be a date YYYY-MM-DD/,
    );
    expect(() => checkActuals(tender, allocation, phasing, [line({ amount: 9600.5 })])).toThrow(
      /actuals\[0\]\.amount must be whole pence/,
    );
  });
});

describe("days worked out from a stated value", () => {
  // £10,000 at the tender's £960 a day is 10.416666… days; 17 days invoiced leaves -6.583333….
  const parsed = parseTender({
    title: "One lot stated in round pounds",
    buyer: "Department for Education",
    dayRate: "£960",
    startDate: "2017-08-31",
    region: "GB-ENG",
    vatRate: 20,
    lots: [{ name: "Barnet", statedValue: "£10,000" }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const t = parsed.value;
  const a = allocate(t);
  const read = readActualsCsv(
    [
      "Lot,Invoice number,Invoice date,Period start,Period end,Days,Amount",
      "Barnet,B1,02/10/2017,01/09/2017,30/09/2017,17,16320",
    ].join("\n"),
  );
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const report = checkActuals(t, a, phase(t, a), read.value.lines);

  test("keep their exact value in the report, and are given to 2 decimal places in the JSON", () => {
    expect(report.lots[0].allocatedDays).toBeCloseTo(10.416667, 6);
    expect(report.lots[0].remainingDays).toBeCloseTo(-6.583333, 6);
    const json = actualsToJson(report);
    expect(json.lines[0]).toMatchObject({ allocatedDays: 10.42, daysUsed: 17, remainingDays: -6.58 });
    expect(json.totals).toMatchObject({ allocatedDays: 10.42, remainingDays: -6.58 });
  });
});
