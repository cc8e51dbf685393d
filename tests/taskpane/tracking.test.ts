import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DFE_2017_TENDER } from "../../src/domain/core/examples";
import { tenderToDraft } from "../../src/taskpane/draft";
import { checkDraft } from "../../src/taskpane/engine";
import { DEFAULT_OPTIONS } from "../../src/taskpane/state";
import {
  forecastText,
  positionFigures,
  positionHeadline,
  positionRows,
  readAsOf,
  readInvoicesCsv,
  trackActuals,
  trackingSummary,
} from "../../src/taskpane/tracking";
import { PaneError } from "../../src/taskpane/use-task";

const FIXTURES = join(__dirname, "..", "fixtures", "actuals");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

/** Barnet invoiced nearly every working day from September: 110 of its 112 days by January. */
/** Barnet's invoices at a pace that spends its allocation before its planned end. */
const HEAVY = readFileSync(join(__dirname, "../fixtures/actuals/dfe-2017-barnet-heavy.csv"), "utf8");

function dfeReport() {
  const checked = checkDraft(tenderToDraft(DFE_2017_TENDER), DEFAULT_OPTIONS);
  if (!checked.ok) throw new Error("the DfE example should check");
  return checked.report;
}

function figures(list: { term: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(list.map((f) => [f.term, f.value]));
}

describe("the As of box", () => {
  it("is optional, reads UK dates and refuses what is not a date", () => {
    expect(readAsOf("  ")).toEqual({});
    expect(readAsOf("31/01/2018")).toEqual({ asOf: "2018-01-31" });
    expect(readAsOf("31 January 2018")).toEqual({ asOf: "2018-01-31" });
    expect(readAsOf("31/02/2018").error).toBe(
      '"31/02/2018" is not a date: February 2018 has 28 days; write it as dd/mm/yyyy (31/08/2017) or yyyy-mm-dd (2017-08-31).',
    );
    expect(readAsOf("31/1/18").error).toMatch(/^"31\/1\/18": write the year in full \(2017, not 17\)/);
    expect(readAsOf("01/13/2018").error).toMatch(/there is no month 13 \(dates are day\/month\/year\)/);
  });
});

describe("the position at a glance", () => {
  it("rounds a run-rate to whole pounds", async () => {
    const loaded = await readInvoicesCsv(fixture("dfe-2017-invoices.csv"), "invoices.csv");
    const barnet = trackActuals(loaded, dfeReport(), "2018-01-31").lots[0];
    const rate = (pence: number) =>
      figures(positionFigures({ ...barnet, forecast: { ...barnet.forecast, burnPerMonth: pence } })).Spending;
    expect(rate(1_024_067)).toBe("£10,241 a month");
    expect(rate(1_024_049)).toBe("£10,240 a month");
    expect(rate(1_024_050)).toBe("£10,241 a month");
  });

  it("gives each lot a row of Used, Left and Status, marking the lots over or with invoice errors", async () => {
    const loaded = await readInvoicesCsv(fixture("dfe-2017-invoices-with-problems.csv"), "problems.csv");
    const rows = positionRows(trackActuals(loaded, dfeReport(), "2018-01-31"));
    expect(rows.map((r) => [r.lot, r.left, r.status, r.marked])).toEqual([
      ["Barnet", "£44,160", "Behind plan; 1 invoice error", true],
      ["Kirklees", "£18,240", "Behind plan", false],
      ["Reading", "£51,740", "Behind plan; 1 invoice error", true],
      ["Worcestershire", "£2,880 over", "Over budget; 1 invoice error", true],
      ["All lots", "£111,260", "Behind plan; 3 invoice errors", true],
    ]);
  });
});

describe("the position in words", () => {
  it("gives Barnet's figures at 31 January 2018 from the DfE invoices", async () => {
    const loaded = await readInvoicesCsv(fixture("dfe-2017-invoices.csv"), "invoices.csv");
    const report = trackActuals(loaded, dfeReport(), "2018-01-31");
    expect(figures(positionFigures(report.lots[0]))).toEqual({
      "Days used": "54 of 112",
      Spent: "£51,840 of £107,520 (48.2%)",
      Remaining: "£55,680 and 58 days",
      "Phased budget to date": "£102,720",
      "Against phasing": "£50,880 behind the phased budget",
      Spending: "£10,240 a month",
      Forecast: "Runs out on 17 July 2018, after the planned end on 7 February 2018.",
      "Invoices counted": "5",
      "VAT invoiced": "£10,368",
    });
    expect(positionHeadline(report)).toBe("174 of 361 days used, £167,040 of £346,560 spent");
    expect(trackingSummary(report, "invoices.csv", true)).toBe(
      "Checked 20 invoice lines from invoices.csv. Every line matches the tender. " +
        "The Budget vs actual sheet has the figures month by month.",
    );
  });

  it("says a lot over its allocation ran out, and by how much it is over", async () => {
    const loaded = await readInvoicesCsv(fixture("dfe-2017-invoices-with-problems.csv"), "invoices.csv");
    const report = trackActuals(loaded, dfeReport());
    expect(report.asOf).toBe("2018-01-31");
    const worcestershire = figures(positionFigures(report.lots[3]));
    expect(worcestershire["Over by"]).toBe("£2,880 and 3 days");
    expect(worcestershire.Forecast).toBe(
      "Ran out on 31 January 2018, after the planned end on 19 January 2018.",
    );
    expect(trackingSummary(report, "invoices.csv", false)).toBe(
      "Checked 22 invoice lines from invoices.csv. Found 3 errors to correct and 1 warning to check: see below.",
    );
  });

  it("flags a lot whose money runs out before its planned end", async () => {
    const loaded = await readInvoicesCsv(HEAVY, "heavy.csv");
    const report = trackActuals(loaded, dfeReport(), "2018-01-31");
    const barnet = report.lots[0];
    expect(barnet.forecast.exhaustsBeforeEnd).toBe(true);
    expect(forecastText(barnet)).toBe(
      "Runs out on 3 February 2018, before the planned end on 7 February 2018.",
    );
    expect(figures(positionFigures(barnet)).Remaining).toBe("£1,920 and 2 days");
    expect(trackingSummary(report, "heavy.csv", false)).toContain(
      "At the current rate the money runs out early for Barnet.",
    );
    // A lot with no invoices in the last three months has no forecast, and says why.
    expect(forecastText(report.lots[1])).toBe(
      "Nothing was spent on Kirklees from 1 November 2017 to 31 January 2018, so there is no burn rate to forecast from.",
    );
  });
});

describe("forecastText", () => {
  const at = (exhaustion: string, exhaustsBeforeEnd: boolean) =>
    forecastText({
      forecast: {
        forecastExhaustionDate: exhaustion,
        endDate: "2017-11-30",
        endSource: "contract",
        exhaustsBeforeEnd,
        exhausted: false,
        note: "",
      },
    } as unknown as Parameters<typeof forecastText>[0]);

  it("says the money runs out on the end date itself, not after it", () => {
    expect(at("2017-11-30", false)).toBe("Runs out on 30 November 2017, the day of the contract end.");
    expect(at("2017-12-01", false)).toBe(
      "Runs out on 1 December 2017, after the contract end on 30 November 2017.",
    );
    expect(at("2017-11-29", true)).toBe(
      "Runs out on 29 November 2017, before the contract end on 30 November 2017.",
    );
  });
});

describe("reading invoices", () => {
  it("names the row and column of every problem and reads nothing", async () => {
    const bad = readInvoicesCsv(fixture("bad/days-in-words.csv"), "invoices.csv");
    await expect(bad).rejects.toBeInstanceOf(PaneError);
    await expect(bad).rejects.toMatchObject({
      title: "Could not read the invoices in invoices.csv",
      detail: expect.stringContaining('row 2, column "Days"'),
    });
  });

  it("asks for pasted invoices to be pasted again, and a file to be opened again", async () => {
    await expect(
      readInvoicesCsv("Lot,Days\nBarnet,3\n", "the pasted invoices", "paste the invoices again"),
    ).rejects.toMatchObject({
      next: "Correct the rows and columns named above, then paste the invoices again.",
    });
    await expect(readInvoicesCsv("Lot,Days\nBarnet,3\n", "invoices.csv")).rejects.toMatchObject({
      next: "Correct the rows and columns named above, then open the invoices again.",
    });
  });

  it("refuses a header with no invoices under it", async () => {
    await expect(
      readInvoicesCsv("Lot,Invoice number,Invoice date,Days,Amount\n", "empty.csv"),
    ).rejects.toMatchObject({ title: "No invoices in empty.csv" });
  });
});
